package digest

import (
	"time"

	"github.com/robfig/cron/v3"
)

// maxSteps bounds the walks along a schedule (a minutely digest down for a
// year is about 525,600 steps).
const maxSteps = 1_000_000

// lastFireIn returns the latest scheduled time t with from < t <= now, or
// the zero time when there is none.
func lastFireIn(s cron.Schedule, from, now time.Time) time.Time {
	var last time.Time
	for t, n := s.Next(from), 0; !t.IsZero() && !t.After(now) && n < maxSteps; t, n = s.Next(t), n+1 {
		last = t
	}
	return last
}

// prevFire returns the latest scheduled time before t, or the zero time
// when none is found within eight years (a schedule such as 29 February
// fires at least that often).
func prevFire(s cron.Schedule, t time.Time) time.Time {
	for back := time.Hour; back <= 8*366*24*time.Hour; back *= 2 {
		if p := lastFireIn(s, t.Add(-back), t.Add(-time.Nanosecond)); !p.IsZero() {
			return p
		}
	}
	return time.Time{}
}

// onceADay wraps a schedule so that a wall-clock time that happens twice
// when the clocks go back (01:30 on the first Sunday of November in New
// York) fires once, at its first occurrence. robfig/cron fires at both, which
// would post a second digest an hour after the first.
type onceADay struct {
	cron.Schedule
	loc *time.Location
}

// Next implements cron.Schedule.
func (s onceADay) Next(t time.Time) time.Time {
	n := s.Schedule.Next(t)
	for i := 0; i < 2 && !n.IsZero() && sameWallClock(n.Add(-time.Hour).In(s.loc), n.In(s.loc)); i++ {
		n = s.Schedule.Next(n)
	}
	return n
}

func sameWallClock(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay() && a.Hour() == b.Hour() && a.Minute() == b.Minute() && a.Second() == b.Second()
}
