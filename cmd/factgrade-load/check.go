package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/factgrade/factgrade/bot/slacktest"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/postgres"
	"github.com/factgrade/factgrade/storage/sqlite"
)

// loadKey returns the mark "load #N" that makes a command's text, and its
// reply, unique in the run.
func loadKey(text string) (string, bool) {
	k := strings.Index(text, "load #")
	if k < 0 {
		return "", false
	}
	end := k + len("load #")
	for end < len(text) && text[end] >= '0' && text[end] <= '9' {
		end++
	}
	return text[k:end], true
}

// loadKeys returns every mark "load #N" in a post's text: one message may
// carry several replies (a burst in one channel collapsed).
func loadKeys(text string) []string {
	var keys []string
	for {
		key, ok := loadKey(text)
		if !ok {
			return keys
		}
		keys = append(keys, key)
		text = text[strings.Index(text, key)+len(key):]
	}
}

// repliesIn counts the replies the posts carry.
func repliesIn(posts []slacktest.Call) int {
	n := 0
	for _, p := range posts {
		n += len(loadKeys(p.Form.Get("text")))
	}
	return n
}

// tally counts, of the accepted commands (their keys), those with no match
// and those with more than one, given how many matches each key has.
func tally(accepted []string, counts map[string]int) (missing, doubled int) {
	for _, key := range accepted {
		switch c := counts[key]; {
		case c == 0:
			missing++
		case c > 1:
			doubled++
		}
	}
	return missing, doubled
}

// postCheck is what the fake Slack received for the accepted commands.
type postCheck struct{ missing, doubled int }

// checkPosts checks that the reply of each accepted command (by its key)
// was posted once.
func checkPosts(accepted []string, posts []slacktest.Call) postCheck {
	counts := map[string]int{}
	for _, p := range posts {
		for _, key := range loadKeys(p.Form.Get("text")) {
			counts[key]++
		}
	}
	var c postCheck
	c.missing, c.doubled = tally(accepted, counts)
	return c
}

// endToEnd measures, for each reply posted, the time from sending its
// command to the post.
func endToEnd(posts []slacktest.Call, fg *sample) *sample {
	e2e := &sample{}
	for _, p := range posts {
		for _, key := range loadKeys(p.Form.Get("text")) {
			if at, ok := fg.sentAt(key); ok {
				e2e.lat = append(e2e.lat, p.At.Sub(at))
			}
		}
	}
	return e2e
}

// lastPost returns when the last reply was posted (zero when none was).
func lastPost(posts []slacktest.Call) time.Time {
	var last time.Time
	for _, p := range posts {
		if p.At.After(last) {
			last = p.At
		}
	}
	return last
}

// storeCheck is what the server's database holds for the accepted commands.
type storeCheck struct {
	stored     int // submissions found (graded, or unfinished)
	accepted   int
	done       int // stored once, graded and posted
	missing    int
	doubled    int
	notDone    int // stored once but not graded, or not recorded as posted
	unfinished int // submissions Unfinished lists
	// byOwner counts the accepted commands stored once, graded and
	// posted, by the replica that last claimed them: the one that posted.
	byOwner map[string]int
}

func (c storeCheck) ok() bool {
	return c.missing == 0 && c.doubled == 0 && c.notDone == 0 && c.unfinished == 0 && c.done == c.accepted
}

func (c storeCheck) summary() string {
	return fmt.Sprintf("%d submissions stored for %d acknowledged commands; graded and posted %d; missing %d; stored twice %d; unfinished %d; stored once but not graded or not posted %d",
		c.stored, c.accepted, c.done, c.missing, c.doubled, c.unfinished, c.notDone)
}

// pageSize is how many graded items a query of the storage check reads.
const pageSize = 1000

// openStore opens the database the stopped servers used: PostgreSQL at
// dbURL when it is set, else the SQLite file at path.
func openStore(ctx context.Context, dbURL, path string) (storage.Store, error) {
	opts := storage.Options{Schema: storage.CheckSchema}
	if dbURL == "" {
		st, err := sqlite.Open(ctx, path, opts)
		if err != nil {
			return nil, fmt.Errorf("opening %s: %w", path, err)
		}
		return st, nil
	}
	cfg, err := postgres.ParseURL(dbURL)
	if err != nil {
		return nil, err
	}
	st, err := postgres.Open(ctx, cfg, opts)
	if err != nil {
		return nil, fmt.Errorf("opening the run's PostgreSQL schema: %w", err)
	}
	return st, nil
}

// checkStorage opens the database the stopped servers used (see
// openStore) and checks that each accepted command was stored once, graded
// and recorded as posted, and that nothing is left unfinished.
func checkStorage(ctx context.Context, dbURL, path string, accepted []string) (storeCheck, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	st, err := openStore(ctx, dbURL, path)
	if err != nil {
		return storeCheck{}, err
	}
	defer st.Close()

	items := map[int64]storage.GradedItem{}
	var after storage.Cursor
	for {
		page, next, err := st.GradesSince(ctx, after, time.Time{}, storage.Filter{}, pageSize)
		if err != nil {
			return storeCheck{}, fmt.Errorf("reading grades: %w", err)
		}
		for _, it := range page {
			items[it.Submission.ID] = it
		}
		if len(page) < pageSize {
			break
		}
		after = next
	}
	// Submissions never graded are not among the grades; Unfinished lists
	// those still pending (and those graded but not posted), all of them,
	// so that a command stored but left pending is not counted missing.
	unfinished, err := st.Unfinished(ctx, time.Now().Add(time.Hour), len(accepted)+10)
	if err != nil {
		return storeCheck{}, fmt.Errorf("listing unfinished submissions: %w", err)
	}
	for _, s := range unfinished {
		if _, ok := items[s.ID]; !ok {
			items[s.ID] = storage.GradedItem{Submission: s}
		}
	}

	byKey := map[string][]storage.GradedItem{}
	counts := map[string]int{}
	for _, it := range items {
		if key, ok := loadKey(it.Submission.Text); ok {
			byKey[key] = append(byKey[key], it)
			counts[key]++
		}
	}
	c := storeCheck{stored: len(items), accepted: len(accepted), unfinished: len(unfinished), byOwner: map[string]int{}}
	c.missing, c.doubled = tally(accepted, counts)
	for _, key := range accepted {
		if its := byKey[key]; len(its) == 1 {
			if s := its[0].Submission; its[0].Grade != nil && s.State == storage.Posted && s.PostedTS != "" {
				c.done++
				c.byOwner[s.ClaimedBy]++
			} else {
				c.notDone++
			}
		}
	}
	return c, nil
}
