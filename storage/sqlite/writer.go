package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/storage/internal/sqlstore"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// writer is the one connection that writes. Its transactions are BEGIN
// IMMEDIATE, taking the write lock up front so they never fail to upgrade a
// read lock half-way, and its statements are prepared once.
//
// Transactions wait for the connection in two lanes: those marked
// sqlstore.Urgent (someone is waiting for an answer: Slack gives a slash
// command 3 seconds) go before background work (grades, posts). When the
// connection comes free, up to maxBatch transactions waiting in the first
// non-empty lane are run together, each in its own SAVEPOINT, and committed
// once: a burst of a thousand commands shares commits instead of queueing
// for one each (group commit). A transaction that fails rolls back to its
// savepoint and leaves the others of its batch alone.
type writer struct {
	mu      sync.Mutex
	held    bool
	waiting [2][]*txReq // by lane; urgent first

	conn    *sql.Conn
	stmts   *stmtCache
	commits atomic.Uint64
}

const (
	urgentLane = iota
	backgroundLane
)

// laneOf returns the lane a transaction in ctx waits in.
func laneOf(ctx context.Context) int {
	if sqlstore.IsUrgent(ctx) {
		return urgentLane
	}
	return backgroundLane
}

// maxBatch bounds a group commit, and so how long one holds the lock.
const maxBatch = 64

// txReq is a transaction waiting for the writer.
type txReq struct {
	ctx context.Context
	fn  func(sqlstore.DB) error
	// turn receives the batch this request is to run, itself first.
	turn chan []*txReq
	// done receives the result when another request's turn ran this one.
	done chan error
}

func newWriter(ctx context.Context, d *sql.DB) (*writer, error) {
	// The writer's connection switches the file to WAL mode. SQLite does not
	// call the busy handler for that switch, so when several processes open
	// a new file at once one of them gets SQLITE_BUSY at once: it tries again
	// for as long as a statement would wait.
	deadline := time.Now().Add(BusyTimeout)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		conn, err := d.Conn(ctx)
		if err == nil {
			if err = conn.PingContext(ctx); err == nil {
				return &writer{conn: conn, stmts: &stmtCache{prepare: conn.PrepareContext}}, nil
			}
			conn.Close()
		}
		if !isBusy(err) || time.Now().Add(wait).After(deadline) {
			return nil, err
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

// tx implements sqlstore.TxFunc.
func (w *writer) tx(ctx context.Context, fn func(sqlstore.DB) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	req := &txReq{ctx: ctx, fn: fn}
	w.mu.Lock()
	if !w.held {
		w.held = true
		w.mu.Unlock()
		return w.run([]*txReq{req})
	}
	lane := laneOf(ctx)
	req.turn, req.done = make(chan []*txReq, 1), make(chan error, 1)
	w.waiting[lane] = append(w.waiting[lane], req)
	w.mu.Unlock()
	if ok, err := w.await(req, ctx.Done()); ok {
		return err
	}
	w.mu.Lock()
	if i := slices.Index(w.waiting[lane], req); i >= 0 {
		w.waiting[lane] = slices.Delete(w.waiting[lane], i, i+1)
		w.mu.Unlock()
		return ctx.Err()
	}
	w.mu.Unlock()
	// Taken from the queue as ctx ended: its batch runs (and skips it).
	_, err := w.await(req, nil)
	return err
}

// await waits for req's turn, and runs its batch, or for its result from
// another's batch, and returns that result; ok is false if stop closed
// first (a nil stop never does). The CPU slot req's context holds
// (cpuslot) is given back meanwhile, and while the batch runs: a turn
// handed over must not wait for a slot, with acknowledgements waiting for
// the writer behind it. The writer's work is one goroutine at a time.
func (w *writer) await(req *txReq, stop <-chan struct{}) (ok bool, err error) {
	cpuslot.Wait(req.ctx, func() {
		select {
		case batch := <-req.turn:
			ok, err = true, w.run(batch)
		case err = <-req.done:
			ok = true
		case <-stop:
		}
	})
	return ok, err
}

// run runs batch (the caller's own request first), hands the writer on and
// returns the result of the caller's request.
func (w *writer) run(batch []*txReq) error {
	var ran, rest []*txReq
	var errs []error
	if len(batch) == 1 {
		ran, errs = batch, []error{w.runOne(batch[0])}
	} else {
		ran, errs, rest = w.runBatch(batch)
	}
	woke := false // an urgent request: its result, or the writer's turn
	for i, r := range ran[1:] {
		r.done <- errs[i+1]
		woke = woke || laneOf(r.ctx) == urgentLane
	}
	if w.release(rest) == urgentLane {
		woke = true
	}
	if woke && laneOf(batch[0].ctx) == backgroundLane {
		// The goroutine woken is next in this P's run queue, but only once
		// this one blocks, and this one goes on with a worker's CPU work
		// (grading, rendering): unless another P is idle and takes it, the
		// acknowledgement waits for that work, or for the scheduler to
		// preempt it, 10 ms later. Yield to it: it runs now, and this
		// goroutine after it.
		runtime.Gosched()
	}
	return errs[0]
}

// release puts rest (background requests a batch left for urgent ones) back
// at the head of their lane, then hands the writer to the first request of
// the most urgent lane, with the batch it is to run, or frees it. It
// returns the lane it handed the writer to, -1 if none.
func (w *writer) release(rest []*txReq) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(rest) > 0 {
		w.waiting[backgroundLane] = append(rest, w.waiting[backgroundLane]...)
	}
	for lane, q := range w.waiting {
		if len(q) > 0 {
			n := min(len(q), maxBatch)
			batch := slices.Clone(q[:n])
			w.waiting[lane] = slices.Delete(q, 0, n)
			batch[0].turn <- batch
			return lane
		}
	}
	w.held = false
	return -1
}

// takeUrgent removes and returns the urgent requests waiting, at most
// maxBatch.
func (w *writer) takeUrgent() []*txReq {
	w.mu.Lock()
	defer w.mu.Unlock()
	q := w.waiting[urgentLane]
	n := min(len(q), maxBatch)
	if n == 0 {
		return nil
	}
	taken := slices.Clone(q[:n])
	w.waiting[urgentLane] = slices.Delete(q, 0, n)
	return taken
}

// runOne runs one transaction under its own context: waiting for the
// write lock (another process may hold it) ends when the context does;
// the statements after it wait on nothing and run if the context has not
// ended when they start (db.checkFirst).
func (w *writer) runOne(r *txReq) error {
	if _, err := w.conn.ExecContext(r.ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	tx := db{q: w.conn, cache: w.stmts, checkFirst: true}
	err := r.fn(tx)
	if err == nil {
		_, err = tx.Exec(r.ctx, "COMMIT")
	}
	if err != nil {
		// Whatever failed, the connection leaves with no transaction open.
		// (A failed COMMIT may already have rolled back.)
		w.conn.ExecContext(context.WithoutCancel(r.ctx), "ROLLBACK")
		return err
	}
	w.commits.Add(1)
	return nil
}

// runBatch runs several transactions in one, each in a savepoint, and
// returns those it ran with their results, in order. Their statements run
// without cancellation: SQLite rolls back the whole transaction when a
// statement in it is interrupted, which would undo the others' work. A
// request whose context ended before its turn is not run.
//
// A batch of background work gives way to urgent requests: when one waits
// after a transaction of the batch, the urgent ones are run next in the
// same transaction, which then commits, and the rest of the batch is
// returned to wait for the next turn. An acknowledgement so waits for one
// background transaction, not for up to maxBatch of them (a grade each,
// when many workers finish at once).
func (w *writer) runBatch(batch []*txReq) (ran []*txReq, errs []error, rest []*txReq) {
	ctx := context.WithoutCancel(batch[0].ctx)
	exec := func(q string) error {
		_, err := w.conn.ExecContext(ctx, q)
		return err
	}
	// fail: the transaction is lost, nothing of the batch is kept; those
	// not yet run (unrun) fail with it.
	fail := func(err error, unrun []*txReq) ([]*txReq, []error, []*txReq) {
		exec("ROLLBACK")
		for i := range errs {
			if errs[i] == nil {
				errs[i] = err
			}
		}
		for _, r := range unrun {
			ran, errs = append(ran, r), append(errs, err)
		}
		return ran, errs, nil
	}
	if err := exec("BEGIN IMMEDIATE"); err != nil {
		return fail(err, batch)
	}
	tx := db{q: w.conn, cache: w.stmts, noCancel: true}
	// one runs r in a savepoint and records its result; an error is the
	// transaction's, which is then lost.
	one := func(r *txReq) error {
		ran = append(ran, r)
		errs = append(errs, nil)
		i := len(errs) - 1
		if err := r.ctx.Err(); err != nil {
			errs[i] = err
			return nil
		}
		if err := exec("SAVEPOINT batched"); err != nil {
			return err
		}
		if errs[i] = r.fn(tx); errs[i] != nil {
			if err := exec("ROLLBACK TO batched"); err != nil {
				return fmt.Errorf("rolling back a failed transaction of a batch: %w", errors.Join(err, errs[i]))
			}
		}
		return exec("RELEASE batched")
	}
	background := laneOf(batch[0].ctx) == backgroundLane
	for i, r := range batch {
		if err := one(r); err != nil {
			return fail(err, batch[i+1:])
		}
		if !background || i == len(batch)-1 {
			continue
		}
		if urgent := w.takeUrgent(); len(urgent) > 0 {
			for j, u := range urgent {
				if err := one(u); err != nil {
					return fail(err, append(urgent[j+1:], batch[i+1:]...))
				}
			}
			rest = batch[i+1:]
			break
		}
	}
	if err := exec("COMMIT"); err != nil {
		return fail(err, rest)
	}
	w.commits.Add(1)
	return ran, errs, rest
}

func (w *writer) close() error {
	return errors.Join(w.stmts.close(), w.conn.Close())
}
