package bot

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/factgrade/factgrade/rubric"
)

// Backoff of a submission whose grade storage refused.
const (
	writeBackoffFirst = 2 * time.Second
	writeBackoffMax   = 5 * time.Minute
)

// WriteFailedMessage is what an editor is told, once, when their text was
// graded but storage refuses to keep the grade (disk full, a read-only
// database): nothing is lost, nothing for them to do.
const WriteFailedMessage = "Your text is graded, but factgrade cannot save the grade right now (its database refuses writes). It keeps the grade and posts it as soon as the database takes it; you need not send it again."

// writeFailures remembers grades storage refused to save, so a retry saves
// the same grade instead of asking the judge (and the model) again, backs
// each retry off, says whether storage is refusing writes now (for
// /readyz), and tells each editor once.
type writeFailures struct {
	mu       sync.Mutex
	pending  map[int64]*refusedGrade
	lastFail time.Time
	lastOK   time.Time
	lastErr  error
}

type refusedGrade struct {
	grade    *rubric.Grade
	attempts int
	next     time.Time // no retry before
	told     bool
}

// failed records that storage refused sub's grade g with err, and reports
// whether the editor is still to be told.
func (w *writeFailures) failed(id int64, g *rubric.Grade, err error, now time.Time) (tell bool, attempts int, wait time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.pending == nil {
		w.pending = map[int64]*refusedGrade{}
	}
	p := w.pending[id]
	if p == nil {
		p = &refusedGrade{grade: g}
		w.pending[id] = p
	}
	p.attempts++
	wait = writeBackoffFirst << min(p.attempts-1, 16)
	wait = min(wait, writeBackoffMax)
	p.next = now.Add(wait)
	tell, p.told = !p.told, true
	w.lastFail, w.lastErr = now, err
	return tell, p.attempts, wait
}

// failedWrite records a write storage refused that carried no grade (a
// claim).
func (w *writeFailures) failedWrite(err error, now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lastFail, w.lastErr = now, err
}

// saved records that storage took a write (sub's grade, when id > 0).
func (w *writeFailures) saved(id int64, now time.Time) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.pending, id)
	w.lastOK = now
}

// refused returns the grade storage refused for id, if any, and whether a
// retry must wait.
func (w *writeFailures) refused(id int64, now time.Time) (g *rubric.Grade, wait bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.pending[id]
	if p == nil {
		return nil, false
	}
	return p.grade, now.Before(p.next)
}

// failing returns an error while the latest grade write failed and none
// has succeeded since.
func (w *writeFailures) failing() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.lastFail.IsZero() || w.lastOK.After(w.lastFail) {
		return nil
	}
	return fmt.Errorf("storage refused a write at %s: %w", w.lastFail.UTC().Format(time.RFC3339), w.lastErr)
}

// ErrWritesRefused wraps WriteFailing's error.
var ErrWritesRefused = errors.New("the database refuses writes")

// WriteFailing returns an error wrapping ErrWritesRefused while storage
// refuses to save grades (the last attempt failed and none has succeeded
// since); /readyz reports it.
func (b *Bot) WriteFailing() error {
	if err := b.writes.failing(); err != nil {
		return fmt.Errorf("%w: %w", ErrWritesRefused, err)
	}
	return nil
}
