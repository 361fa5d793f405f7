package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/internal/cpuslot"
	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
)

// work takes submissions from the queue until Shutdown.
func (b *Bot) work(ctx context.Context) {
	for {
		if b.spilled.Load() && len(b.queue) <= cap(b.queue)/2 {
			select { // submissions wait in storage: have them queued
			case b.refill <- struct{}{}:
			default:
			}
		}
		select {
		case <-b.stop:
			return
		case <-ctx.Done():
			return
		case id := <-b.queue:
			b.obs.QueueDepth(len(b.queue))
			select {
			case <-b.stop: // shutting down: leave it to the next start
				b.done(id)
				return
			default:
			}
			b.process(ctx, id)
		}
	}
}

// resume re-queues what is unfinished in storage: at start everything a
// previous run left, then periodically what a failed post or a full queue
// left behind.
func (b *Bot) resume(ctx context.Context, started time.Time) {
	b.resumeOnce(ctx, started)
	t := time.NewTicker(b.cfg.ResumeEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.stop:
			return
		case now := <-t.C:
			b.resumeOnce(ctx, now.Add(-b.cfg.ResumeEvery))
		case <-b.refill:
			b.spilled.Store(false)
			b.resumeOnce(ctx, time.Now())
		}
	}
}

func (b *Bot) resumeOnce(ctx context.Context, before time.Time) {
	// Claimed, so that replicas sharing the database split the backlog
	// instead of each queueing all of it. The oldest include those this
	// process has queued or is grading (its own claims are renewed); list
	// past them, so the ones waiting in storage are reached without
	// waiting for the periodic pass, but claim no more than the queue has
	// room for: each claimed in excess would be released again, one write
	// each, by the writer acknowledgements wait for.
	b.mu.Lock()
	limit := len(b.inflight) + max(1, cap(b.queue)-len(b.queue))
	b.mu.Unlock()
	subs, err := b.store.ClaimUnfinished(ctx, b.cfg.Instance, before, b.cfg.ClaimLease, limit)
	if err != nil {
		if ctx.Err() == nil {
			b.log.Error("claiming unfinished submissions", "err", err)
		}
		return
	}
	for i, s := range subs {
		if !b.enqueue(s.ID) {
			b.spilled.Store(true) // more wait: ask again when there is room
			for _, rest := range subs[i:] {
				if !b.isInflight(rest.ID) { // its claim is this process's work
					b.unclaim(rest.ID)
				}
			}
			return
		}
	}
	if len(subs) == limit {
		b.spilled.Store(true) // there may be more past the limit
	}
	if len(subs) > 0 {
		b.log.Info("resumed unfinished submissions", "count", len(subs))
	}
}

// process grades submission id if it is pending and posts its reply if it
// is graded. Each step is recorded in storage before the next, so a crash
// at any point resumes where it stopped. The submission is claimed first:
// of several processes sharing the database only the one holding the
// claim works on it, and another takes it over only when the claim's
// lease has run out.
func (b *Bot) process(ctx context.Context, id int64) {
	handed := false // to a batch, which ends its turn (collapse)
	defer func() {
		if !handed {
			b.done(id)
		}
	}()
	// All of a submission's CPU work (storage, grading, rendering, posting)
	// holds one of the CPU slots, given back while it waits (the model,
	// Slack, the database's writer, a timer), so that a core stays free for
	// acknowledging Slack's requests.
	ctx, leave, err := b.cpu.Enter(ctx)
	if err != nil {
		return
	}
	defer leave()
	sub, mine, err := b.store.Claim(ctx, id, b.cfg.Instance, b.cfg.ClaimLease)
	if err != nil {
		if ctx.Err() == nil {
			b.writes.failedWrite(err, time.Now())
			b.log.Error("claiming submission", "submission", id, "err", err)
		}
		return
	}
	b.writes.saved(0, time.Now())
	if !mine {
		if sub.State == storage.Pending || sub.State == storage.Graded {
			b.log.Debug("submission claimed by another process", "submission", id, "claimed_by", sub.ClaimedBy, "until", sub.ClaimExpires)
		}
		return
	}
	if sub.State == storage.Pending {
		if sub, err = b.gradeOne(ctx, sub); err != nil {
			// Left for later (shutting down, storage failing): another
			// process, or this one's resumer, may take it at once.
			b.unclaim(id)
			return
		}
	}
	if sub.State == storage.Graded && b.collapse(sub) {
		handed = true
		return
	}
	if sub.State == storage.Graded {
		// A reply that must wait for its channel's pace (or Slack's
		// Retry-After) waits off the worker, which takes other work in
		// the meantime, and keeps the slot it reserved.
		slot := b.takeSlot(id)
		if slot == nil {
			var d time.Duration
			if d, slot = b.reserve(ctx, sub); d >= minLater {
				if b.postLater(id, d, slot) {
					handed = true
				} else {
					b.unclaim(id)
				}
				return
			} else if d > 0 && !sleep(ctx, d) { // a moment: not worth a timer
				b.unclaim(id)
				return
			}
		}
		ctx = withSlot(ctx, slot)
	}
	if sub.State == storage.Graded && !b.postOne(ctx, sub) {
		b.unclaim(id) // to be tried again
	}
}

// unclaim releases this process's claim on submission id, so another
// process may take it without waiting for the lease to run out.
func (b *Bot) unclaim(id int64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := b.store.Release(ctx, id, b.cfg.Instance); err != nil {
		b.log.Warn("releasing claim", "submission", id, "err", err)
	}
}

// errClaimLost: another process holds the submission now (this one's
// lease ran out); it posts, this one must not.
var errClaimLost = errors.New("another process took the submission over")

// startPost renews this process's claim on sub and records that a post
// starts, before any post of its reply: errClaimLost when the claim was
// taken over, so that two processes never both post.
func (b *Bot) startPost(ctx context.Context, sub storage.Submission) error {
	err := b.store.StartPost(ctx, sub.ID, b.cfg.Instance, b.cfg.ClaimLease)
	if errors.Is(err, storage.ErrConflict) {
		return errClaimLost
	}
	return err
}

// errGradingFailed is what the editor is told about when grading fails for
// good; the submission is kept.
var errGradingFailed = errors.New("grading failed")

// gradeOne grades a pending submission and stores the grade.
func (b *Bot) gradeOne(ctx context.Context, sub storage.Submission) (storage.Submission, error) {
	// A submission without a rubric is graded against the story it is
	// about (rubric.Set.GradeRouted).
	r, ok := b.cfg.Rubrics.Get(sub.RubricID)
	if !ok && sub.RubricID != "" {
		err := fmt.Errorf("%w: %w", errRubricGone, &rubric.UnknownRubricError{ID: sub.RubricID, Known: b.cfg.Rubrics.IDs()})
		b.fail(ctx, sub, err)
		return sub, err
	}
	// A grade storage refused before is saved as it was, after its backoff:
	// the judge (and the model) is not asked again.
	if g, wait := b.writes.refused(sub.ID, time.Now()); g != nil {
		if wait {
			return sub, errWriteBackoff
		}
		return b.saveGrade(ctx, sub, g, time.Now())
	}
	for {
		start := time.Now()
		g, err := b.grade(ctx, r, rubric.Request{Text: sub.Text, Kind: sub.Kind})
		judge := "unknown"
		if g != nil {
			judge = g.Judge.Name
		}
		b.obs.Graded(judge, time.Since(start), err)
		if rc, ok := b.obs.(reviewCounter); ok && err == nil && g.NeedsReview() {
			rc.NeedsReview(judge)
		}
		if err == nil {
			return b.saveGrade(ctx, sub, g, start)
		}
		if ctx.Err() != nil { // shutting down: stays pending, resumed at the next start
			return sub, ctx.Err()
		}
		// Attempts are counted when grading fails, which keeps the happy
		// path to one write per step.
		n, aerr := b.store.AddAttempt(ctx, sub.ID)
		if aerr != nil {
			b.log.Error("counting attempt", "submission", sub.ID, "err", aerr)
			return sub, aerr
		}
		b.log.Warn("grading failed", "submission", sub.ID, "attempt", n, "err", err)
		if n >= maxAttempts {
			b.fail(ctx, sub, fmt.Errorf("%w after %d attempts: %w", errGradingFailed, n, err))
			return sub, err
		}
		if !sleep(ctx, time.Duration(n)*500*time.Millisecond) {
			return sub, ctx.Err()
		}
	}
}

// grade grades req against r, or against the story it is about when r is
// nil, holding one of the CPU slots meanwhile (the worker's own, when it
// holds one already; none while the judge waits on a model).
func (b *Bot) grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	ctx, leave, err := b.cpu.Enter(ctx)
	if err != nil {
		return nil, err
	}
	defer leave()
	if r != nil {
		return b.cfg.Judge.Grade(ctx, r, req)
	}
	g, _, err := b.cfg.Rubrics.GradeRouted(ctx, b.cfg.Judge, req)
	return g, err
}

// errWriteBackoff: a grade storage refused waits for its next attempt.
var errWriteBackoff = errors.New("waiting to save a grade storage refused")

// saveGrade stores g as sub's grade. When storage refuses (disk full, a
// read-only database), the grade is kept for a retry after a growing
// backoff, the failure is logged with its count, /readyz turns unready
// (WriteFailing), and the editor is told once.
func (b *Bot) saveGrade(ctx context.Context, sub storage.Submission, g *rubric.Grade, start time.Time) (storage.Submission, error) {
	if err := b.store.SaveGrade(ctx, sub.ID, g); err != nil && !errors.Is(err, storage.ErrConflict) {
		if ctx.Err() != nil {
			return sub, err
		}
		tell, n, wait := b.writes.failed(sub.ID, g, err, time.Now())
		b.log.Error("saving grade failed; kept for a retry", "submission", sub.ID, "attempt", n, "retry_in", wait, "err", err)
		if tell {
			b.tellUser(ctx, sub, WriteFailedMessage)
		}
		return sub, err
	}
	b.writes.saved(sub.ID, time.Now())
	b.log.Info("graded", "submission", sub.ID, "rubric", g.Rubric, "letter", g.Letter, "score", g.Score, "judge", g.Judge.Name, "latency_ms", time.Since(start).Milliseconds())
	return b.store.Submission(ctx, sub.ID)
}

// fail marks sub failed and tells its editor what to do.
func (b *Bot) fail(ctx context.Context, sub storage.Submission, cause error) {
	if err := b.store.MarkFailed(ctx, sub.ID, cause.Error()); err != nil {
		b.log.Error("marking submission failed", "submission", sub.ID, "err", err)
	}
	b.tellUser(ctx, sub, UserMessage(cause, b.cfg.Rubrics))
}

// tellUser shows text only to the editor who made sub (see notify).
func (b *Bot) tellUser(ctx context.Context, sub storage.Submission, text string) {
	b.notify(ctx, sub, text)
}

// postOne posts the graded reply of sub and records where it went. A reply
// Slack refuses where it was asked for reaches the editor another way
// (deliverElsewhere); only when every way fails is the submission marked
// failed. It reports whether the submission is finished with (posted,
// failed, or another process's now), not to be tried again.
func (b *Bot) postOne(ctx context.Context, sub storage.Submission) (finished bool) {
	// A post that has started is finished even during shutdown: cancelling
	// it half way could leave a message in Slack that storage does not know.
	// Waiting before a call (a channel's pace, Slack's Retry-After, a retry's
	// backoff) is not a post started: it ends with the shutdown, and the
	// reply stays stored for the next start.
	waitCtx := ctx
	ctx = withWaits(context.WithoutCancel(ctx), waitCtx)
	if p, ok := b.unrecorded.get(sub.ID); ok {
		// Posted already, but storage did not take the record: record it
		// now rather than post again.
		b.recordPost(ctx, sub, p.channel, p.ts)
		return true
	}
	item, err := b.store.GradedItem(ctx, sub.ID)
	if err != nil || item.Grade == nil {
		b.log.Error("loading grade", "submission", sub.ID, "err", err)
		return false
	}
	r, _ := b.cfg.Rubrics.Get(item.Grade.Rubric)
	msg := withNote(RenderGrade(item, r), "late_note", lateNote(sub))
	channel, ts := sub.ReplyChannel, ""
	if sub.Ephemeral {
		// An ephemeral message cannot be looked for in the channel: one
		// posted again after an attempt whose outcome is unknown says it
		// may be a second copy.
		unsure := b.mayBePosted(sub)
		err = b.callSlack(ctx, "chat.postEphemeral", channel, func(cctx context.Context) error {
			if err := b.startPost(ctx, sub); err != nil {
				return err
			}
			post := msg
			if unsure {
				if err := b.extra.take(sub.ID, routeEphemeral); err != nil {
					return err
				}
				post = withNote(msg, "maybe_twice", MaybeTwiceNote)
			}
			ts, err = b.slack.PostEphemeralContext(cctx, channel, sub.UserID, msgOptions(post, sub.ThreadTS)...)
			if unsure {
				b.extra.sent(sub.ID, routeEphemeral, err)
			}
			if err != nil && !notPosted(err) {
				unsure = true
			}
			return err
		})
	} else {
		ts, err = b.postOnce(ctx, sub, channel, msg)
	}
	if errors.Is(err, errClaimLost) {
		b.log.Warn("not posting: another process took the submission over (this one's claim ran out)", "submission", sub.ID)
		return true
	}
	if err != nil && waitCtx.Err() != nil && errors.Is(err, waitCtx.Err()) {
		b.log.Info("shutting down: reply left stored for the next start", "submission", sub.ID, "err", err)
		return false
	}
	if route, ok := isUnverified(err); ok {
		b.postedUnverified(ctx, sub, channel, route, err)
		return true
	}
	if err != nil && permanent(err) {
		channel, ts, err = b.deliverElsewhere(ctx, sub, msg, err)
		if route, ok := isUnverified(err); ok {
			b.postedUnverified(ctx, sub, sub.UserID, route, err)
			return true
		}
	}
	if err != nil {
		// Attempts are counted when a post fails, which keeps the happy
		// path to one write after grading.
		n, aerr := b.store.AddAttempt(ctx, sub.ID)
		if aerr != nil {
			b.log.Error("counting attempt", "submission", sub.ID, "err", aerr)
		}
		if !permanent(err) && n < 2*maxAttempts+1 {
			b.log.Warn("posting reply failed; will retry", "submission", sub.ID, "attempts", n, "err", err)
			return false
		}
		if !permanent(err) { // Slack kept failing there: try the other ways once
			if channel, ts, err = b.deliverElsewhere(ctx, sub, msg, err); err == nil {
				b.recordPost(ctx, sub, channel, ts)
				return true
			}
			if route, ok := isUnverified(err); ok {
				b.postedUnverified(ctx, sub, sub.UserID, route, err)
				return true
			}
		}
		b.log.Error("posting reply failed for good", "submission", sub.ID, "attempts", n, "err", err)
		if err := b.store.MarkFailed(ctx, sub.ID, "posting: "+err.Error()); err != nil {
			b.log.Error("marking submission failed", "submission", sub.ID, "err", err)
		}
		b.extra.drop(sub.ID)
		return true
	}
	b.recordPost(ctx, sub, channel, ts)
	return true
}

// recordPost records in storage that sub's reply was posted. If storage
// fails, the post is remembered, so the resumer records it later instead
// of posting it again.
func (b *Bot) recordPost(ctx context.Context, sub storage.Submission, channel, ts string) {
	if err := b.store.MarkPosted(ctx, sub.ID, channel, ts); err != nil && !errors.Is(err, storage.ErrConflict) {
		b.unrecorded.put(sub.ID, postRecord{channel: channel, ts: ts})
		b.log.Error("recording post; will record it again", "submission", sub.ID, "channel", channel, "ts", ts, "err", err)
		return
	}
	b.unrecorded.drop(sub.ID)
	b.extra.drop(sub.ID)
	b.log.Info("posted", "submission", sub.ID, "channel", channel, "ts", ts, "ephemeral", sub.Ephemeral)
}

// callSlack runs one Web API call with its own timeout, pacing posts to a
// channel, waiting out 429s for as long as Slack's Retry-After says, and
// retrying errors that may pass. API errors (channel_not_found…) are final.
func (b *Bot) callSlack(ctx context.Context, method, channel string, call func(ctx context.Context) error) error {
	wctx := waits(ctx)
	for attempt := 1; ; attempt++ {
		paceChannel := channel
		if slotFor(ctx, method, channel) {
			paceChannel = "" // its slot was reserved before (reserve)
		}
		if err := b.pace.wait(wctx, method, paceChannel); err != nil {
			return err
		}
		cctx, cancel := context.WithTimeout(ctx, b.cfg.SlackTimeout)
		err := call(cctx)
		cancel()
		if err == nil {
			b.obs.SlackCall(method, "ok")
			return nil
		}
		retryAfter, limited := rateLimited(err)
		switch {
		case limited:
			b.obs.SlackCall(method, "rate_limited")
			b.log.Warn("rate limited by Slack", "method", method, "retry_after", retryAfter)
			b.pace.pause(method, retryAfter)
			if attempt < 2*maxAttempts {
				continue
			}
		case !permanent(err) && attempt < 3 && wctx.Err() == nil:
			b.obs.SlackCall(method, "retry")
			if sleep(wctx, time.Duration(attempt)*b.cfg.RetryBackoff) {
				continue
			}
		}
		b.obs.SlackCall(method, "error")
		return fmt.Errorf("%s: %w", method, err)
	}
}

// rateLimited reports whether err is a 429 and how long Slack asked to
// wait: its Retry-After, or 0 when a 429 came without one (slack-go then
// returns a bare status error), which the pacer reads as a second.
func rateLimited(err error) (retryAfter time.Duration, ok bool) {
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return rl.RetryAfter, true
	}
	var sc slack.StatusCodeError
	return 0, errors.As(err, &sc) && sc.Code == http.StatusTooManyRequests
}

// permanent reports whether a Slack error will not pass by trying again.
// A lost claim is permanent too: the post is another process's now; so
// is a collapsed message whose outcome is unknown (see postBatch).
func permanent(err error) bool {
	if _, ok := isUnverified(err); ok || errors.Is(err, errClaimLost) || errors.Is(err, errOutcomeUnknown) {
		return true
	}
	var apiErr slack.SlackErrorResponse
	if errors.As(err, &apiErr) {
		switch apiErr.Err {
		case "ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout":
			return false
		}
		return true
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return sc.Code < 500 && sc.Code != http.StatusTooManyRequests
	}
	return false
}

// sleep waits d, or until ctx ends (false), with the CPU slot ctx holds
// given back meanwhile.
func sleep(ctx context.Context, d time.Duration) (slept bool) {
	t := time.NewTimer(d)
	defer t.Stop()
	cpuslot.Wait(ctx, func() {
		select {
		case <-ctx.Done():
		case <-t.C:
			slept = true
		}
	})
	return slept
}

// waitsKey carries, in a context whose calls must not be cancelled half
// way, the context that bounds the waits between them.
type waitsKey struct{}

// withWaits returns ctx whose waits before a Slack call (pace, Retry-After,
// retry backoff) end when w does, while the calls themselves run on ctx.
func withWaits(ctx, w context.Context) context.Context {
	return context.WithValue(ctx, waitsKey{}, w)
}

// waits returns the context that bounds the waits of a call made with ctx:
// the one given to withWaits, else ctx itself.
func waits(ctx context.Context) context.Context {
	if w, ok := ctx.Value(waitsKey{}).(context.Context); ok {
		return w
	}
	return ctx
}
