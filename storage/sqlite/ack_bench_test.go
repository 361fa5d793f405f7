package sqlite_test

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// BenchmarkAckUnderGrades measures the acknowledgement's insert (Submit, an
// urgent write) while workers grade what was acknowledged, as the server
// does under load: each submission is claimed, graded (CPU work, spun here),
// its grade saved, its post started and marked posted, every step by a
// worker holding one of the CPU slots (GOMAXPROCS less one, at least one, as
// the bot makes them), and a goroutine outside the slots keeps another P
// half busy (garbage collection, the HTTP server's other connections, the
// transport's loops). One op is one Submit, sent every 2 ms (500 a second);
// the metrics are the Submit latencies' percentiles, in µs. -cpu 2 stands
// for the two-core machine the issue measures on; -cpu 1 shows the
// scheduling alone: with one P, an acknowledgement the writer is handed to
// runs only when the worker that handed it yields the P.
func BenchmarkAckUnderGrades(b *testing.B) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "factgrade.db"), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	gate := cpuslot.New(runtime.GOMAXPROCS(0) - 1)
	const (
		every   = 2 * time.Millisecond    // between two acknowledgements
		grading = 1500 * time.Microsecond // a grade's CPU work
		busy    = 500 * time.Microsecond  // the other core's work, then as long idle
	)
	spin := func(d time.Duration) {
		for end := time.Now().Add(d); time.Now().Before(end); {
		}
	}
	stop := make(chan struct{})
	ids := make(chan int64, 1<<16)
	var wg sync.WaitGroup
	for w := range 16 {
		wg.Go(func() {
			for {
				var id int64
				select {
				case <-stop:
					return
				case id = <-ids:
				}
				wctx, leave, err := gate.Enter(ctx)
				if err != nil {
					return
				}
				owner := fmt.Sprintf("w%d", w)
				if _, ok, err := s.Claim(wctx, id, owner, time.Minute); err != nil || !ok {
					b.Errorf("Claim(%d) = %v, %v", id, ok, err)
				}
				spin(grading)
				if err := s.SaveGrade(wctx, id, storagetest.SampleGrade(int(id))); err != nil {
					b.Error(err)
				}
				if err := s.StartPost(wctx, id, owner, time.Minute); err != nil {
					b.Error(err)
				}
				if err := s.MarkPosted(wctx, id, "", fmt.Sprintf("1700000000.%06d", id)); err != nil {
					b.Error(err)
				}
				leave()
			}
		})
	}
	wg.Go(func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			spin(busy)
			time.Sleep(busy)
		}
	})
	defer func() {
		close(stop)
		wg.Wait()
	}()
	var lat []time.Duration
	n := 0
	next := time.Now()
	for b.Loop() {
		n++
		time.Sleep(time.Until(next))
		next = next.Add(every)
		start := time.Now()
		sub, _, err := s.Submit(ctx, storagetest.SampleSubmission(n, fmt.Sprintf("ack-%d", n)))
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		ids <- sub.ID
	}
	slices.Sort(lat)
	q := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds())
	}
	b.ReportMetric(q(0.50), "p50-µs")
	b.ReportMetric(q(0.99), "p99-µs")
	b.ReportMetric(q(0.999), "p99.9-µs")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds()), "max-µs")
}
