// Package digest builds, renders and posts factgrade's scheduled digests:
// one Slack message per schedule that summarises what was graded since the
// previous one (counts by channel and letter, the criteria failed most with
// an example each, the lowest grades, items flagged for review, editors'
// disputes).
//
// A digest covers the window from the end of the last one posted under its
// name to its scheduled time. What it holds is decided by what was stored,
// not by the clock: each run records the marks (storage.Marks) of the
// newest grade and dispute when it is claimed, and the next run holds what
// was stored after them, so a clock stepped back or forward loses and
// doubles nothing; the times are what the digest shows. Each run is
// claimed in storage (unique per name and window start) before it is
// posted and marked posted after, so a window is posted once across
// restarts and replicas; a run claimed and not posted is resumed at the
// next start, and runs missed while the service was down are caught up
// once, as one window. Only the process holding the scheduler lock
// (storage.Locker) runs the scheduler.
package digest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/factgrade/factgrade/storage"
)

// Definition is one scheduled digest.
type Definition struct {
	// Name identifies the digest; its runs are stored under it.
	Name string
	// Schedule gives the digest's scheduled times, already in Location
	// (config.Digest.Schedule).
	Schedule cron.Schedule
	// Location is the newsroom's time zone: the schedule's and the one the
	// window is shown in.
	Location *time.Location
	// Channel is the Slack channel ID the digest is posted in.
	Channel string
	// Filter narrows the grades the digest covers (rubric, channels).
	Filter storage.Filter
	// PostEmpty posts a one-line "nothing new" for an empty window; false
	// records the window without posting.
	PostEmpty bool
}

// Source is what building a digest reads. The storage adapters implement
// it: besides counts and overrides, each highlight query walks one index
// range, so a digest over a long window never reads every grade in it.
type Source interface {
	Counts(ctx context.Context, w storage.Window, f storage.Filter) (storage.Counts, error)
	OverridesIn(ctx context.Context, w storage.Window, f storage.Filter) ([]storage.Override, error)
	storage.Highlights
}

// How much of each list a digest holds; the counts above them are whole.
const (
	TopFailed    = 10
	TopLowest    = 10
	TopReview    = 10
	TopOverrides = 20
)

// Report is the content of one digest, shown as covering [From, To).
type Report struct {
	Name     string
	From, To time.Time
	Location *time.Location
	Filter   storage.Filter
	// Counts are the whole window's.
	Counts storage.Counts
	// Failed are the criteria failed most, most first, up to TopFailed.
	Failed []FailedCriterion
	// Lowest are the lowest-scored graded items, up to TopLowest.
	Lowest []storage.GradedItem
	// Review are items flagged "needs review", newest first, up to TopReview;
	// Counts.NeedsReview is how many there are.
	Review []storage.GradedItem
	// Overrides are the disputes recorded in the window, oldest first, up to
	// TopOverrides; OverrideTotal is how many there are.
	Overrides     []storage.Override
	OverrideTotal int
	// Hidden counts the items and disputes left out because they come
	// from a channel whose grades may not be shown where the digest is
	// posted (a private channel or a direct message; see Visibility).
	Hidden int
}

// FailedCriterion is a criterion failed in the window, how often, and the
// latest item that failed it.
type FailedCriterion struct {
	Criterion string
	Count     int
	Example   *storage.GradedItem
}

// Empty reports whether nothing happened in the window.
func (r *Report) Empty() bool { return r.Counts.Total == 0 && r.OverrideTotal == 0 }

// Build reads the digest of def over w from src.
func Build(ctx context.Context, src Source, def Definition, w storage.Window) (_ *Report, err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("building digest %q: %w", def.Name, err)
		}
	}()
	r := &Report{Name: def.Name, From: w.From, To: w.To, Location: def.Location, Filter: def.Filter}
	if r.Location == nil {
		r.Location = time.UTC
	}
	if r.Counts, err = src.Counts(ctx, w, def.Filter); err != nil {
		return nil, err
	}
	ovs, err := src.OverridesIn(ctx, w, def.Filter)
	if err != nil {
		return nil, err
	}
	// An editor's later override of the same criterion replaces their
	// earlier one: the digest lists what stands, not both.
	ovs = storage.Standing(ovs)
	r.OverrideTotal = len(ovs)
	r.Overrides = ovs[:min(len(ovs), TopOverrides)]
	if r.Counts.Total == 0 {
		return r, nil
	}
	for c, n := range r.Counts.FailedCriteria {
		if n > 0 {
			r.Failed = append(r.Failed, FailedCriterion{Criterion: c, Count: n})
		}
	}
	sort.Slice(r.Failed, func(i, j int) bool {
		a, b := r.Failed[i], r.Failed[j]
		return a.Count > b.Count || a.Count == b.Count && a.Criterion < b.Criterion
	})
	r.Failed = r.Failed[:min(len(r.Failed), TopFailed)]
	for i := range r.Failed {
		ex, err := src.FailedExample(ctx, w, def.Filter, r.Failed[i].Criterion)
		switch {
		case err == nil:
			r.Failed[i].Example = &ex
		case !errors.Is(err, storage.ErrNotFound):
			return nil, err
		}
	}
	if r.Lowest, err = src.LowestGrades(ctx, w, def.Filter, TopLowest); err != nil {
		return nil, err
	}
	if r.Counts.NeedsReview > 0 {
		if r.Review, err = src.FlaggedForReview(ctx, w, def.Filter, TopReview); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Filter returns the storage filter of a digest's rubric and channels.
func Filter(rubricID string, channels []string) storage.Filter {
	return storage.Filter{RubricID: rubricID, ChannelIDs: channels}
}
