package digest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// benchItems is how many graded items the benchmark's window holds.
const benchItems = 100_000

// BenchmarkBuild100k builds a digest over a window of 100,000 graded items
// on SQLite (the sample grades cycle through every letter, failed criteria
// and review flags). Loading them through the store takes a minute, so the
// file is kept in the temporary directory and reused while it is whole.
func BenchmarkBuild100k(b *testing.B) {
	ctx := context.Background()
	ms, err := sqlite.Migrations()
	if err != nil {
		b.Fatal(err)
	}
	start := storagetest.Start
	var n atomic.Int64
	now := func() time.Time { return start.Add(time.Duration(n.Add(1)) * time.Second) }
	path := filepath.Join(os.TempDir(), fmt.Sprintf("factgrade-digest-bench-100k-v%d.db", len(ms)))
	s, err := sqlite.Open(ctx, path, storage.Options{Now: now})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	end := start.Add(10 * benchItems * time.Second)
	c, err := s.Counts(ctx, storage.Between(start, end), storage.Filter{})
	if err != nil {
		b.Fatal(err)
	}
	if c.Total != benchItems {
		seedBench(b, s, path)
	}
	// The window by marks, as a digest run has it.
	after, err := s.MarksBefore(ctx, start)
	if err != nil {
		b.Fatal(err)
	}
	through, err := s.MarksBefore(ctx, end)
	if err != nil {
		b.Fatal(err)
	}
	w := storage.Window{From: start, To: end, ByMarks: true, After: after, Through: through}
	for _, bc := range []struct {
		name string
		f    storage.Filter
	}{
		{"all", storage.Filter{}},
		{"rubric", storage.Filter{RubricID: "volt-typhoon-geneva"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			def := Definition{Name: "bench", Location: time.UTC, Filter: bc.f}
			for b.Loop() {
				r, err := Build(ctx, s, def, w)
				if err != nil || r.Counts.Total != benchItems || len(r.Lowest) != TopLowest || len(r.Failed) == 0 {
					b.Fatalf("Build = %d items, %d lowest, %v", r.Counts.Total, len(r.Lowest), err)
				}
				Render(r)
			}
			b.ReportMetric(benchItems, "items/window")
		})
	}
}

// seedBench loads benchItems graded items into a new file.
func seedBench(b *testing.B, s *sqlite.Store, path string) {
	b.Helper()
	ctx := context.Background()
	t0 := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1))
				if i > benchItems {
					return
				}
				sub, _, err := s.Submit(ctx, storagetest.SampleSubmission(i, fmt.Sprintf("bench-%d", i)))
				if err == nil {
					err = s.SaveGrade(ctx, sub.ID, storagetest.SampleGrade(i))
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatalf("seeding %s: %v (delete the file and run again)", path, err)
	}
	b.Logf("loaded %d graded items into %s in %v", benchItems, path, time.Since(t0).Round(time.Second))
}
