package rubrics_test

import (
	"testing"
	"time"

	"github.com/factgrade/factgrade/revise"
	"github.com/factgrade/factgrade/rubric"
)

// The routing benchmarks grade one headline of each story, as 'factgrade
// grade' does (rules and revision), with its rubric named (--rubric) and
// routed among every embedded rubric (no --rubric); the target is
// routed ≤ 2× named. BENCHMARKS.md has the figures.
var routeHeadlines = []struct{ name, rubric, text string }{
	{"volt", "volt-typhoon-geneva", "China acknowledges its role in years of cyberattacks against US over support of Taiwan: report"},
	{"aspartame", "aspartame-iarc", "WHO declares aspartame, the sweetener in diet sodas, a carcinogen"},
}

func BenchmarkGradeHeadlineNamed(b *testing.B) {
	set := load(b)
	j := revise.NewRuleJudge() // the judge factgrade grade uses: rules and revision
	for _, h := range routeHeadlines {
		r, _ := set.Get(h.rubric)
		b.Run(h.name, func(b *testing.B) {
			req := rubric.Request{Text: h.text, Kind: rubric.Headline}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := j.Grade(b.Context(), r, req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGradeHeadlineRouted(b *testing.B) {
	set := load(b)
	j := revise.NewRuleJudge() // the judge factgrade grade uses: rules and revision
	for _, h := range routeHeadlines {
		b.Run(h.name, func(b *testing.B) {
			req := rubric.Request{Text: h.text, Kind: rubric.Headline}
			b.ReportAllocs()
			for b.Loop() {
				g, _, err := set.GradeRouted(b.Context(), j, req)
				if err != nil || g.Rubric != h.rubric {
					b.Fatal(err, g.Rubric)
				}
			}
		})
	}
}

// BenchmarkRoutedVsNamed grades each headline named and routed in turn in
// every iteration and reports the ratio of the two times, so that the load
// of a shared machine weighs on both alike (the target: ≤ 2).
func BenchmarkRoutedVsNamed(b *testing.B) {
	set := load(b)
	j := revise.NewRuleJudge()
	for _, h := range routeHeadlines {
		r, _ := set.Get(h.rubric)
		b.Run(h.name, func(b *testing.B) {
			req := rubric.Request{Text: h.text, Kind: rubric.Headline}
			var named, routed time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := j.Grade(b.Context(), r, req); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, _, err := set.GradeRouted(b.Context(), j, req); err != nil {
					b.Fatal(err)
				}
				named += t1.Sub(t0)
				routed += time.Since(t1)
			}
			b.ReportMetric(float64(routed)/float64(named), "routed/named")
			b.ReportMetric(float64(named.Nanoseconds())/float64(b.N), "named-ns/op")
			b.ReportMetric(float64(routed.Nanoseconds())/float64(b.N), "routed-ns/op")
		})
	}
}

// BenchmarkRoute is the routing alone: every embedded rubric's about test.
func BenchmarkRoute(b *testing.B) {
	set := load(b)
	for _, h := range routeHeadlines {
		b.Run(h.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if rt := set.Route(h.text); rt.Chosen != h.rubric {
					b.Fatal(rt)
				}
			}
		})
	}
}
