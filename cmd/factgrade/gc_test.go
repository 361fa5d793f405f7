package main

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

func TestPlanGC(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, tc := range []struct {
		name   string
		getenv func(string) string
		memMax int64
		want   gcPlan
	}{
		{"defaults", env(), 0, gcPlan{percent: 400, limitBytes: 256 << 20}},
		{"a large container keeps 256 MiB", env(), 2 << 30, gcPlan{percent: 400, limitBytes: 256 << 20}},
		{"a small container: half its memory", env(), 256 << 20, gcPlan{percent: 400, limitBytes: 128 << 20}},
		{"GOGC set: left to the runtime", env("GOGC", "100"), 0, gcPlan{limitBytes: 256 << 20}},
		{"GOGC=off set: left to the runtime", env("GOGC", "off"), 0, gcPlan{limitBytes: 256 << 20}},
		{"GOMEMLIMIT set: left to the runtime", env("GOMEMLIMIT", "1GiB"), 256 << 20, gcPlan{percent: 400}},
		{"both set: nothing", env("GOGC", "50", "GOMEMLIMIT", "64MiB"), 0, gcPlan{}},
		{"blank counts as unset", env("GOGC", " ", "GOMEMLIMIT", ""), 0, gcPlan{percent: 400, limitBytes: 256 << 20}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := planGC(tc.getenv, tc.memMax); got != tc.want {
				t.Errorf("planGC() = %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestGCPlanApply(t *testing.T) {
	read := func() (percent, limit uint64) {
		s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
		metrics.Read(s)
		return s[0].Value.Uint64(), s[1].Value.Uint64()
	}
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})

	gcPlan{percent: 400, limitBytes: 256 << 20}.apply()
	if p, l := read(); p != 400 || l != 256<<20 {
		t.Errorf("after apply: GOGC %d, limit %d; want 400, %d", p, l, 256<<20)
	}
	// A plan that leaves both alone changes nothing.
	gcPlan{}.apply()
	if p, l := read(); p != 400 || l != 256<<20 {
		t.Errorf("after an empty plan: GOGC %d, limit %d; want them unchanged", p, l)
	}
}
