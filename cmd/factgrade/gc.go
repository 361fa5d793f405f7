package main

import (
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// The collector's settings for 'factgrade serve' (issue 15). Go's default
// (GOGC=100) runs a cycle each time the heap doubles: under the hybrid
// judge's load (256 grades waiting on the model) that was about one cycle
// a second, and the acknowledgements that overlapped a mark phase were
// several times slower than the rest. Growing the heap to five times what
// is live before collecting makes the cycles about four times rarer; the
// soft memory limit keeps that from growing without bound: near it the
// collector runs as often as it must, whatever GOGC says. The figures are
// in BENCHMARKS.md, section ack5.
const (
	serveGCPercent = 400
	// serveMemoryLimit is the soft limit when the container's own limit
	// (cgroup v2 memory.max) is unknown or more than twice it.
	serveMemoryLimit = 256 << 20
)

// gcPlan is what serve sets: a GC percent and a soft memory limit, each
// only when the operator has not set Go's own variable (GOGC, GOMEMLIMIT),
// which the runtime has already applied and which win.
type gcPlan struct {
	percent    int   // 0: leave as it is
	limitBytes int64 // 0: leave as it is
}

// planGC returns serve's collector settings for the environment getenv
// reads and the container memory limit memMax (0 when unknown): GOGC=400
// and a soft limit of half the container's memory, at most 256 MiB.
func planGC(getenv func(string) string, memMax int64) gcPlan {
	var p gcPlan
	if strings.TrimSpace(getenv("GOGC")) == "" {
		p.percent = serveGCPercent
	}
	if strings.TrimSpace(getenv("GOMEMLIMIT")) == "" {
		p.limitBytes = serveMemoryLimit
		if memMax > 0 {
			p.limitBytes = min(p.limitBytes, memMax/2)
		}
	}
	return p
}

// apply sets the plan in this process.
func (p gcPlan) apply() {
	if p.limitBytes > 0 {
		debug.SetMemoryLimit(p.limitBytes)
	}
	if p.percent > 0 {
		debug.SetGCPercent(p.percent)
	}
}

// cgroupMemoryMax reads the container's memory limit (cgroup v2), 0 when
// there is none or it cannot be read.
func cgroupMemoryMax() int64 {
	b, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil || n <= 0 { // "max": no limit
		return 0
	}
	return n
}
