package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/rubrics"
	"github.com/factgrade/factgrade/storage"
)

const historyUsage = `[--since DURATION] [--channel ID] [--limit N] [--json]

Lists the graded items in the database (DATABASE_URL, else factgrade.db in
FACTGRADE_DATA_DIR), oldest first. DURATION is Go's (90m, 36h) or whole days
(7d). --json prints one JSON object per item and line, with the whole grade.
Disputes are shown: the table's AFTER DISPUTES column is the letter and
score computed again with the editors' overrides that stand (and how many),
--json lists every override ("standing": false when the same editor later
replaced it) and "after_disputes".`

// historyPage is how many items history reads per query.
const historyPage = 500

// runHistory runs 'factgrade history'.
func runHistory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "history", historyUsage)
	sinceFlag := fs.String("since", "24h", "list items graded within this long before now")
	channel := fs.String("channel", "", "list only items from this Slack channel id")
	limit := fs.Int("limit", 0, "list at most this many items, the oldest first (0: all)")
	asJSON := fs.Bool("json", false, "print JSON lines instead of a table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("history takes no arguments, got %q (run 'factgrade history -h')", fs.Args())
	}
	since, err := parseSince(*sinceFlag)
	if err != nil {
		return usagef("--since %q: %v", *sinceFlag, err)
	}
	if *limit < 0 {
		return usagef("--limit %d: want 0 (all) or more", *limit)
	}
	s, _, err := openStore(ctx, e, storage.CheckSchema)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer s.Close()

	from := time.Now().Add(-since)
	var items []storage.GradedItem
	cur := storage.Cursor{GradedAt: from}
	f := storage.Filter{ChannelID: *channel}
	for *limit == 0 || len(items) < *limit {
		page, next, err := s.GradesSince(ctx, cur, time.Time{}, f, historyPage)
		if err != nil {
			return fmt.Errorf("history: %w", err)
		}
		items = append(items, page...)
		if len(page) < historyPage {
			break
		}
		cur = next
	}
	if *limit > 0 && len(items) > *limit {
		items = items[:*limit]
	}
	// Disputes: each item's overrides, and its letter computed again with
	// those that stand (when its rubric is loaded here).
	set, err := rubrics.Load(rubricDirs(e)...)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	disputes := make([]itemDisputes, len(items))
	for i, it := range items {
		ovs, err := s.OverridesFor(ctx, it.Submission.ID)
		if err != nil {
			return fmt.Errorf("history: %w", err)
		}
		disputes[i] = disputesOf(it, ovs, set)
	}
	if *asJSON {
		return writeHistoryJSON(e, items, disputes)
	}
	return writeHistoryTable(e, items, disputes, from)
}

// parseSince parses a positive Go duration or a whole number of days ("7d").
func parseSince(s string) (time.Duration, error) {
	var d time.Duration
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil {
			return 0, fmt.Errorf("want a duration such as 36h or 7d")
		}
		d = time.Duration(n) * 24 * time.Hour
	} else {
		var err error
		if d, err = time.ParseDuration(s); err != nil {
			return 0, fmt.Errorf("want a duration such as 36h or 7d")
		}
	}
	if d <= 0 {
		return 0, fmt.Errorf("want a positive duration")
	}
	return d, nil
}

// gradeLabel is the letter of a grade, or why it has none.
func gradeLabel(g *rubric.Grade) string {
	switch {
	case g == nil:
		return "-"
	case g.Letter != "":
		return g.Letter
	case g.Status == rubric.NotEnglish:
		return "not English"
	}
	return string(g.Status)
}

// itemDisputes are an item's overrides and, when any stand and its rubric
// is loaded, its grade computed again with them.
type itemDisputes struct {
	overrides []storage.Override
	standing  []storage.Override
	after     *rubric.Grade
}

func disputesOf(it storage.GradedItem, ovs []storage.Override, set *rubric.Set) itemDisputes {
	d := itemDisputes{overrides: ovs, standing: storage.Standing(ovs)}
	if r, ok := set.Get(it.Grade.Rubric); ok && len(d.standing) > 0 {
		d.after = r.Regrade(it.Grade, storage.Verdicts(ovs))
	}
	return d
}

// label is the DISPUTES column: "-", or the letter after the disputes and
// how many stand.
func (d itemDisputes) label() string {
	switch {
	case len(d.standing) == 0:
		return "-"
	case d.after != nil:
		return fmt.Sprintf("%s %d (%d)", gradeLabel(d.after), d.after.Score, len(d.standing))
	}
	return fmt.Sprintf("(%d)", len(d.standing))
}

func writeHistoryTable(e *env, items []storage.GradedItem, disputes []itemDisputes, from time.Time) error {
	if len(items) == 0 {
		fmt.Fprintf(e.stdout, "nothing graded since %s\n", from.UTC().Format(time.RFC3339))
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "GRADED (UTC)\tID\tCHANNEL\tUSER\tGRADE\tSCORE\tSTATE\tAFTER DISPUTES\tTEXT")
	for i, it := range items {
		sub := it.Submission
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", it.GradedAt.UTC().Format("2006-01-02 15:04:05"),
			sub.ID, termSafe(sub.ChannelID), termSafe(sub.UserID), gradeLabel(it.Grade), it.Grade.Score, sub.State, disputes[i].label(), clip(sub.Text, 60))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d graded since %s\n", len(items), from.UTC().Format(time.RFC3339))
	return nil
}

// clip returns text on one line, cut to n runes with an ellipsis.
func clip(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) > n {
		text = string([]rune(text)[:n-1]) + "…"
	}
	return termSafe(text)
}

// termSafe shows the characters of s a terminal would act on rather than
// print (escape sequences, other control characters, bidirectional
// overrides, invalid UTF-8) as Go escapes (\x1b, \u202e), so text from
// Slack cannot move the cursor, recolour or rewrite an operator's screen.
func termSafe(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// historyItem is one line of 'factgrade history --json'.
type historyItem struct {
	ID        int64         `json:"id"`
	GradedAt  time.Time     `json:"graded_at"`
	TeamID    string        `json:"team_id"`
	ChannelID string        `json:"channel_id"`
	UserID    string        `json:"user_id"`
	State     storage.State `json:"state"`
	PostedTS  string        `json:"posted_ts,omitempty"`
	Text      string        `json:"text"`
	Kind      rubric.Kind   `json:"kind"`
	Letter    string        `json:"letter"`
	Score     int           `json:"score"`
	Grade     *rubric.Grade `json:"grade"`
	// Disputes are the item's overrides, oldest first; Standing says
	// whether a later one by the same editor on the same criterion
	// replaced it.
	Disputes []historyDispute `json:"disputes,omitempty"`
	// AfterDisputes is the grade computed again with the overrides that
	// stand (absent when none do, or the rubric is not loaded).
	AfterDisputes *historyLetter `json:"after_disputes,omitempty"`
}

// historyDispute is one override in 'factgrade history --json'.
type historyDispute struct {
	ID        int64          `json:"id"`
	Criterion string         `json:"criterion"`
	Verdict   rubric.Verdict `json:"verdict"`
	Reason    string         `json:"reason"`
	UserID    string         `json:"user_id"`
	CreatedAt time.Time      `json:"created_at"`
	Standing  bool           `json:"standing"`
}

// historyLetter is a letter and score.
type historyLetter struct {
	Letter string `json:"letter"`
	Score  int    `json:"score"`
}

func writeHistoryJSON(e *env, items []storage.GradedItem, disputes []itemDisputes) error {
	enc := json.NewEncoder(e.stdout)
	for i, it := range items {
		sub := it.Submission
		hi := historyItem{
			ID: sub.ID, GradedAt: it.GradedAt.UTC(), TeamID: sub.TeamID, ChannelID: sub.ChannelID, UserID: sub.UserID,
			State: sub.State, PostedTS: sub.PostedTS, Text: sub.Text, Kind: sub.Kind,
			Letter: it.Grade.Letter, Score: it.Grade.Score, Grade: it.Grade,
		}
		d := disputes[i]
		standing := map[int64]bool{}
		for _, o := range d.standing {
			standing[o.ID] = true
		}
		for _, o := range d.overrides {
			hi.Disputes = append(hi.Disputes, historyDispute{ID: o.ID, Criterion: o.Criterion, Verdict: o.Verdict, Reason: o.Reason,
				UserID: o.UserID, CreatedAt: o.CreatedAt.UTC(), Standing: standing[o.ID]})
		}
		if d.after != nil {
			hi.AfterDisputes = &historyLetter{Letter: d.after.Letter, Score: d.after.Score}
		}
		if err := enc.Encode(hi); err != nil {
			return err
		}
	}
	return nil
}
