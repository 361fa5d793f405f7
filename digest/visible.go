package digest

import (
	"context"
	"errors"

	"github.com/factgrade/factgrade/storage"
)

// Visibility says whether a grade made in one channel may be shown in
// another: a digest or a preview shows only grades from the channel it is
// posted in or from public channels, never a private channel's or a direct
// message's grades elsewhere. The bot implements it (conversations.info).
// A Poster that implements it is used as the Scheduler's Visibility.
type Visibility interface {
	// Visible reports whether a grade made in itemChannel may be shown in
	// postChannel; an error hides it.
	Visible(ctx context.Context, postChannel, itemChannel string) (bool, error)
}

// submissionReader reads a dispute's submission, to know its channel.
type submissionReader interface {
	Submission(ctx context.Context, id int64) (storage.Submission, error)
}

// redact removes from r what may not be shown in channel: items (lowest
// grades, items for review, examples of failed criteria) and disputes of
// grades from other channels that are not public. r.Hidden counts them.
// The counts stay whole: they name no text.
func (s *Scheduler) redact(ctx context.Context, r *Report, channel string) error {
	v := s.cfg.Visibility
	if v == nil {
		return nil
	}
	var errs []error
	shown := func(sub storage.Submission) bool {
		ok, err := v.Visible(ctx, channel, sub.ChannelID)
		if err != nil {
			errs = append(errs, err)
		}
		if !ok {
			r.Hidden++
		}
		return ok
	}
	keep := func(items []storage.GradedItem) []storage.GradedItem {
		out := items[:0:0]
		for _, it := range items {
			if shown(it.Submission) {
				out = append(out, it)
			}
		}
		return out
	}
	r.Lowest, r.Review = keep(r.Lowest), keep(r.Review)
	for i := range r.Failed {
		if ex := r.Failed[i].Example; ex != nil && !shown(ex.Submission) {
			r.Failed[i].Example = nil
		}
	}
	if len(r.Overrides) > 0 {
		subs, _ := s.cfg.Store.(submissionReader)
		var ovs []storage.Override
		for _, o := range r.Overrides {
			if subs == nil {
				r.Hidden++
				continue
			}
			sub, err := subs.Submission(ctx, o.SubmissionID)
			if err != nil {
				errs = append(errs, err)
				r.Hidden++
				continue
			}
			if shown(sub) {
				ovs = append(ovs, o)
			}
		}
		r.Overrides = ovs
	}
	if len(errs) > 0 {
		s.log.Warn("digest: could not check where some grades may be shown; they are left out", "digest", r.Name, "channel", channel, "err", errors.Join(errs...))
	}
	return nil
}
