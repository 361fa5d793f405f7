package digest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/robfig/cron/v3"
	"github.com/slack-go/slack"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

// clock is a settable clock shared by a store and a scheduler.
type clock = storagetest.Clock

// openSQLite opens a fresh SQLite store at dir/factgrade.db.
func openSQLite(t testing.TB, dir string, c *clock) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(dir, "factgrade.db"), storage.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// grade stores the i-th sample submission and grade, graded at the clock's now.
func grade(t testing.TB, s storage.Store, i int) storage.Submission {
	t.Helper()
	ctx := context.Background()
	sub, _, err := s.Submit(ctx, storagetest.SampleSubmission(i, fmt.Sprintf("k-%d", i)))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGrade(ctx, sub.ID, storagetest.SampleGrade(i)); err != nil {
		t.Fatal(err)
	}
	return sub
}

// message is one post the fake poster took.
type message struct {
	Channel, TS, Text string
	Blocks            []slack.Block
	Meta              slack.SlackMetadata
}

// fakeSlack is a Poster that keeps a channel history as Slack does and can
// fail the next posts: before taking the message, or after (the answer is
// lost: the outcome is unknown to the caller).
type fakeSlack struct {
	mu        sync.Mutex
	posted    []message
	failNext  int
	loseNext  int
	searches  int
	noHistory bool
}

var errLost = errors.New("connection reset by peer")

func (f *fakeSlack) PostMessage(ctx context.Context, channel, text string, blocks []slack.Block, meta slack.SlackMetadata) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failNext > 0 {
		f.failNext--
		return "", slack.SlackErrorResponse{Err: "internal_error"}
	}
	ts := fmt.Sprintf("1700000000.%06d", len(f.posted)+1)
	f.posted = append(f.posted, message{Channel: channel, TS: ts, Text: text, Blocks: blocks, Meta: meta})
	if f.loseNext > 0 {
		f.loseNext--
		return "", errLost
	}
	return ts, nil
}

func (f *fakeSlack) FindMessage(ctx context.Context, channel string, since time.Time, meta slack.SlackMetadata) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches++
	if f.noHistory {
		return "", slack.SlackErrorResponse{Err: "missing_scope"}
	}
	for _, m := range f.posted {
		if m.Channel == channel && m.Meta.EventType == meta.EventType && fmt.Sprint(m.Meta.EventPayload) == fmt.Sprint(meta.EventPayload) {
			return m.TS, nil
		}
	}
	return "", nil
}

func (f *fakeSlack) messages() []message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]message(nil), f.posted...)
}

// counter is an Observer.
type counter struct {
	mu                   sync.Mutex
	posted, failed, lost int
}

func (c *counter) DigestPosted(string) { c.mu.Lock(); c.posted++; c.mu.Unlock() }
func (c *counter) DigestFailed(string) { c.mu.Lock(); c.failed++; c.mu.Unlock() }
func (c *counter) SchedulerLockLost()  { c.mu.Lock(); c.lost++; c.mu.Unlock() }

// definition returns a digest posted to C9 on spec in zone.
func definition(t testing.TB, name, spec, zone string) Definition {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := cron.ParseStandard("CRON_TZ=" + zone + " " + spec)
	if err != nil {
		t.Fatal(err)
	}
	return Definition{Name: name, Schedule: sched, Location: loc, Channel: "C9", PostEmpty: true}
}

func newScheduler(t testing.TB, s Store, p Poster, c *clock, defs ...Definition) *Scheduler {
	t.Helper()
	sc, err := New(Config{Store: s, Poster: p, Digests: defs, Now: c.Now, Instance: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// last returns the named digest's last run.
func last(t testing.TB, s Store, name string) storage.DigestRun {
	t.Helper()
	r, err := s.LastDigest(context.Background(), name)
	if err != nil {
		t.Fatalf("LastDigest(%q): %v", name, err)
	}
	return r
}
