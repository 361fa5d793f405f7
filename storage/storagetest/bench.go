package storagetest

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// The shape of the benchmark data an adapter bulk-loads for BenchmarkReads:
// BenchGrades graded submissions spread evenly over BenchSpan ending at
// Start, submission i (1-based) graded at BenchGradedAt(i), in channel
// C(i%BenchChannels) by user U(i%BenchUsers), with grade SampleGrade(i).
const (
	BenchGrades   = 1_000_000
	BenchSpan     = 365 * 24 * time.Hour
	BenchChannels = 50
	BenchUsers    = 200
)

// BenchStep is the time between two benchmark grades.
const BenchStep = BenchSpan / BenchGrades

// BenchGradedAt is when benchmark submission i was graded.
func BenchGradedAt(i int) time.Time { return Start.Add(-BenchSpan + time.Duration(i)*BenchStep) }

// BenchSample is one of the grades SampleGrade cycles through, as a bulk
// loader inserts it.
type BenchSample struct {
	K           int // SampleGrade(i) for i%len(BenchSamples()) == K
	Status      string
	Letter      string
	Score       int
	NeedsReview bool
	JSON        string
	Criteria    []BenchCriterion
}

// BenchCriterion is one criterion row of a BenchSample.
type BenchCriterion struct {
	Position    int
	Criterion   string
	Verdict     string
	DecidedBy   string
	NeedsReview bool
}

// BenchSamples returns the cycle of SampleGrade as rows to bulk-load.
func BenchSamples() []BenchSample {
	var out []BenchSample
	for k := range samples {
		g := SampleGrade(k)
		js, err := json.Marshal(g)
		if err != nil {
			panic(err) // a hand-built grade always marshals
		}
		bs := BenchSample{K: k, Status: string(g.Status), Letter: g.Letter, Score: g.Score, JSON: string(js)}
		for p, c := range g.Criteria {
			bs.NeedsReview = bs.NeedsReview || c.NeedsReview
			bs.Criteria = append(bs.Criteria, BenchCriterion{p, c.Criterion, string(c.Verdict), c.DecidedBy, c.NeedsReview})
		}
		out = append(out, bs)
	}
	return out
}

// BenchmarkInsert measures storing one submission and its grade (Submit
// then SaveGrade), from one goroutine and from several at once.
func BenchmarkInsert(b *testing.B, s storage.Store) {
	ctx := context.Background()
	var n atomic.Int64
	insert := func() error {
		i := int(n.Add(1))
		sub, _, err := s.Submit(ctx, SampleSubmission(i, fmt.Sprintf("bench-insert-%d", i)))
		if err == nil {
			err = s.SaveGrade(ctx, sub.ID, SampleGrade(i))
		}
		return err
	}
	b.Run("Serial", func(b *testing.B) {
		for b.Loop() {
			if err := insert(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
	b.Run("Parallel", func(b *testing.B) {
		b.SetParallelism(4)
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if err := insert(); err != nil {
					b.Error(err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "items/s")
	})
}

// BenchmarkReads measures the digest's queries over the bulk-loaded
// benchmark data: a page of GradesSince from a cursor half-way through the
// year, the same for one channel, Counts over the last day and the last
// week (of everything, of a team and rubric, of one channel) and the recent
// grades of a channel.
func BenchmarkReads(b *testing.B, s storage.Store) {
	ctx := context.Background()
	mid := BenchGrades / 2
	cur := storage.Cursor{GradedAt: BenchGradedAt(mid), ID: int64(mid)}
	page := func(f storage.Filter, want int) func(b *testing.B) {
		return func(b *testing.B) {
			for b.Loop() {
				items, _, err := s.GradesSince(ctx, cur, time.Time{}, f, 100)
				if err != nil || len(items) != want {
					b.Fatalf("GradesSince = %d items, %v; want %d", len(items), err, want)
				}
			}
		}
	}
	counts := func(d time.Duration, f storage.Filter, share int) func(b *testing.B) {
		want := int(d/BenchStep) / share
		return func(b *testing.B) {
			for b.Loop() {
				c, err := s.Counts(ctx, storage.Between(Start.Add(-d), Start.Add(time.Second)), f)
				if err != nil || c.Total < want-1 || c.Total > want+1 {
					b.Fatalf("Counts = %d, %v; want about %d", c.Total, err, want)
				}
			}
			b.ReportMetric(float64(want), "grades/window")
		}
	}
	b.Run("GradesSincePage100", page(storage.Filter{}, 100))
	b.Run("GradesSincePage100Channel", page(storage.Filter{ChannelID: "C7"}, 100))
	week, all := 7*24*time.Hour, storage.Filter{}
	b.Run("CountsDay", counts(24*time.Hour, all, 1))
	b.Run("CountsWeek", counts(week, all, 1))
	b.Run("CountsWeekTeamRubric", counts(week, storage.Filter{TeamID: "T1", RubricID: "volt-typhoon-geneva"}, 1))
	b.Run("CountsWeekChannel", counts(week, storage.Filter{ChannelID: "C7"}, BenchChannels))
	b.Run("RecentChannel20", func(b *testing.B) {
		for b.Loop() {
			items, err := s.Recent(ctx, storage.Filter{ChannelID: "C7"}, 20)
			if err != nil || len(items) != 20 {
				b.Fatalf("Recent = %d, %v", len(items), err)
			}
		}
	})
}
