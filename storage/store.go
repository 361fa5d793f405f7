// Package storage defines what factgrade keeps: every submission, its grade,
// idempotency keys of Slack deliveries, channel settings, editors' overrides
// and digest runs. The Store interface has two implementations,
// storage/sqlite (the default) and storage/postgres (several replicas), which
// both pass the conformance suite in storage/storagetest.
package storage

import (
	"context"
	"errors"
	"math"
	"time"

	"github.com/factgrade/factgrade/rubric"
)

// State is where a submission is in its life.
type State string

// The states of a submission: pending → graded → posted, or failed.
const (
	Pending State = "pending"
	Graded  State = "graded"
	Posted  State = "posted"
	Failed  State = "failed"
)

// Submission is one text an editor asked to have graded.
type Submission struct {
	ID int64
	// IdempotencyKey identifies the Slack delivery (event id, trigger id or
	// envelope id); a second submission with the same key is not created.
	IdempotencyKey string
	TeamID         string
	ChannelID      string
	UserID         string
	// Where the result is or will be posted.
	ReplyChannel string
	ThreadTS     string // thread to reply in, if any
	PostedTS     string // ts of the posted reply, once posted
	Ephemeral    bool   // post only to the editor
	ResponseURL  string // Slack response_url of a slash command, if any

	Text          string
	Kind          rubric.Kind
	RubricID      string
	RubricVersion int
	RubricHash    string

	State     State
	Error     string // why it failed, when State is Failed
	Attempts  int    // grading or posting attempts so far
	CreatedAt time.Time
	UpdatedAt time.Time

	// ClaimedBy is the process working on the submission until
	// ClaimExpires (see Claim); "" when none ever did.
	ClaimedBy    string
	ClaimExpires time.Time
	// PostStarted is when a post of the reply was first started (see
	// StartPost); zero when none was. A later attempt looks in Slack for
	// that post before posting.
	PostStarted time.Time
}

// GradedItem is a submission with its grade.
type GradedItem struct {
	Submission Submission
	Grade      *rubric.Grade
	GradedAt   time.Time
}

// Cursor is a position in the stream of grades, ordered by (GradedAt, ID),
// where ID is the submission's. The zero Cursor is before the first grade;
// Cursor{GradedAt: t} is just before the grades of time t.
type Cursor struct {
	GradedAt time.Time
	ID       int64
}

// Marks are positions in the order grades and disputes were stored, which
// no step of the clock can reorder: a grade's sequence number, given when
// it is saved, and a dispute's id. A digest run records the marks it
// covered, so the next one takes up exactly where it stopped.
type Marks struct {
	Grade    int64
	Override int64
}

// Window selects grades and disputes for counts and digests. With ByMarks
// it holds those stored after After up to and including Through, whatever
// the clock said when they were stored. Without, it is [From, To) by the
// clock: disputes by their time, grades by the marks of each end
// (MarksBefore), which are the same grades while the clock only moves on.
// From and To are what a digest shows either way.
type Window struct {
	From, To       time.Time
	ByMarks        bool
	After, Through Marks
}

// Between returns the window of what was stored in [from, to) by the clock.
func Between(from, to time.Time) Window { return Window{From: from, To: to} }

// Since returns the window of what was stored after the marks after, up to
// now; from and to are shown.
func Since(after Marks, from, to time.Time) Window {
	return Window{From: from, To: to, ByMarks: true, After: after, Through: Marks{Grade: math.MaxInt64, Override: math.MaxInt64}}
}

// Filter narrows queries over grades; empty fields match everything.
type Filter struct {
	TeamID    string
	ChannelID string
	UserID    string
	RubricID  string
	// ChannelIDs, when not empty, matches any of them.
	ChannelIDs []string
}

// Counts summarises the grades of a window.
type Counts struct {
	Total int
	// ByLetter counts graded items by letter; ungradable items count under "".
	ByLetter map[string]int
	// FailedCriteria counts fail verdicts by criterion id.
	FailedCriteria map[string]int
	// NeedsReview counts items flagged for review: a criterion flagged, or
	// instructions to the grader in the text.
	NeedsReview int
	// Injections counts items whose text carried instructions to the
	// grader (graded by the rules alone).
	Injections int
	// ByChannel counts items by channel id.
	ByChannel map[string]int
}

// ChannelSettings are an editor's choices for one channel.
type ChannelSettings struct {
	TeamID        string
	ChannelID     string
	DefaultRubric string // empty: the deployment's default
	// Ephemeral: results are shown only to the editor who asked.
	Ephemeral bool
	UpdatedBy string
	UpdatedAt time.Time
}

// Override is an editor's dispute of one criterion of a grade; the original
// grade is kept.
type Override struct {
	ID           int64
	SubmissionID int64
	Criterion    string
	Verdict      rubric.Verdict
	Reason       string
	UserID       string
	CreatedAt    time.Time
}

// DigestState is where a digest run is in its life.
type DigestState string

// The states of a digest run: claimed → posted.
const (
	DigestClaimed DigestState = "claimed"
	DigestPosted  DigestState = "posted"
)

// DigestRun is one posting of a named digest: the grades and disputes
// stored after the marks After up to and including Through. WindowStart
// and WindowEnd are the scheduled times it is shown as covering; they no
// longer decide what it holds, so a clock stepped back or forward loses
// and doubles nothing.
type DigestRun struct {
	ID          int64
	Name        string
	WindowStart time.Time
	WindowEnd   time.Time
	// After is where the run starts: the previous run's Through, or for
	// a digest's first run the marks of what was stored before
	// WindowStart (Digests.MarksBefore). Through is set by ClaimDigest.
	After, Through Marks
	State          DigestState
	ChannelID      string
	MessageTS      string
	ClaimedBy      string
	ClaimedAt      time.Time
	PostedAt       time.Time
	// ClaimExpires ends ClaimedBy's lease on a claimed run: until then no
	// other process may resume it (see ReclaimDigest).
	ClaimExpires time.Time
}

// Window returns what the run covers, shown as [WindowStart, WindowEnd).
func (r DigestRun) Window() Window {
	return Window{From: r.WindowStart, To: r.WindowEnd, ByMarks: true, After: r.After, Through: r.Through}
}

// DefaultDigestLease is the lease of a digest run claimed without one.
const DefaultDigestLease = 2 * time.Minute

// Errors the stores return; callers test them with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	// ErrSchemaTooNew: the database was migrated by a newer factgrade.
	ErrSchemaTooNew = errors.New("database schema is newer than this factgrade")
	// ErrConflict: a state change that does not apply to the row as it is
	// (for example posting a submission that was already posted).
	ErrConflict = errors.New("conflicting state")
)

// Store is everything factgrade keeps, as one handle; it is the union of the
// small interfaces below so a consumer can ask for only what it uses.
type Store interface {
	Submissions
	Grades
	Highlights
	Settings
	Overrides
	Digests
	Locker
	Pace
	// Ping reports whether the database answers (for readiness).
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// Submissions keeps submissions and their grades.
type Submissions interface {
	// Submit stores sub as pending, unless a submission with the same
	// IdempotencyKey exists: then it returns that one and created is false.
	Submit(ctx context.Context, sub Submission) (stored Submission, created bool, err error)
	// Submission returns the submission with the given id or ErrNotFound.
	Submission(ctx context.Context, id int64) (Submission, error)
	// SaveGrade stores the grade of a pending submission and moves it to
	// graded; a submission already graded keeps its first grade (ErrConflict).
	SaveGrade(ctx context.Context, id int64, g *rubric.Grade) error
	// MarkPosted records where the reply was posted and moves a graded
	// submission to posted; posting twice is ErrConflict.
	MarkPosted(ctx context.Context, id int64, channelID, ts string) error
	// MarkFailed moves a submission to failed with the reason.
	MarkFailed(ctx context.Context, id int64, reason string) error
	// AddAttempt counts one more grading or posting attempt and returns the total.
	AddAttempt(ctx context.Context, id int64) (int, error)
	// GradedItem returns a submission with its grade (Grade is nil before grading).
	GradedItem(ctx context.Context, id int64) (GradedItem, error)
	// Unfinished returns submissions that are pending, or graded but not
	// posted, and were last updated before the given time, oldest first.
	Unfinished(ctx context.Context, before time.Time, limit int) ([]Submission, error)

	// Claim gives owner the submission for lease, so that of several
	// processes only one works on it at a time: it succeeds when the
	// submission is pending or graded and no other owner's claim is
	// running (owner's own is renewed). It returns the submission as
	// stored and whether owner holds it.
	Claim(ctx context.Context, id int64, owner string, lease time.Duration) (sub Submission, ok bool, err error)
	// ClaimUnfinished claims for owner, for lease, up to limit submissions
	// that Unfinished would list and that no other owner's running claim
	// holds, oldest first; owner's own are renewed and listed, so a claim
	// whose answer was lost is not stranded. Processes claiming at once
	// get different ones.
	ClaimUnfinished(ctx context.Context, owner string, before time.Time, lease time.Duration, limit int) ([]Submission, error)
	// Release ends owner's claim of the submission, if owner holds it.
	Release(ctx context.Context, id int64, owner string) error
	// StartPost renews owner's claim of a graded submission and records
	// that a post of its reply starts now (the first time only). It
	// returns ErrConflict when owner no longer holds the claim or the
	// submission is not graded: then owner must not post.
	StartPost(ctx context.Context, id int64, owner string, lease time.Duration) error
}

// Grades answers queries over stored grades.
type Grades interface {
	// GradesSince returns up to limit graded items after the cursor and
	// graded before until (a zero until: no bound), in (GradedAt, ID)
	// order, and the cursor of the last (after itself when there are none).
	GradesSince(ctx context.Context, after Cursor, until time.Time, f Filter, limit int) ([]GradedItem, Cursor, error)
	// Recent returns the newest graded items matching f, newest first.
	Recent(ctx context.Context, f Filter, limit int) ([]GradedItem, error)
	// Counts summarises the items graded in w.
	Counts(ctx context.Context, w Window, f Filter) (Counts, error)
}

// Highlights pick a window's notable grades for a digest without reading
// every grade of the window: each walks one index range and stops at its
// limit.
type Highlights interface {
	// LowestGrades returns up to limit items graded in w with a letter
	// (ungradable items are left out), lowest score first, ties oldest
	// first; a limit that is not positive means 10, and at most 100 are
	// returned.
	LowestGrades(ctx context.Context, w Window, f Filter, limit int) ([]GradedItem, error)
	// FailedExample returns the latest item graded in w that failed
	// criterion, or ErrNotFound.
	FailedExample(ctx context.Context, w Window, f Filter, criterion string) (GradedItem, error)
	// FlaggedForReview returns up to limit items graded in w with a
	// criterion flagged for review, newest first; a limit that is not
	// positive means 10, and at most 100 are returned.
	FlaggedForReview(ctx context.Context, w Window, f Filter, limit int) ([]GradedItem, error)
}

// Settings keeps per-channel settings.
type Settings interface {
	// ChannelSettings returns a channel's settings; a channel never set
	// returns the zero settings (with its ids) and no error.
	ChannelSettings(ctx context.Context, teamID, channelID string) (ChannelSettings, error)
	SetChannelSettings(ctx context.Context, s ChannelSettings) error
}

// Overrides keeps editors' disputes.
type Overrides interface {
	AddOverride(ctx context.Context, o Override) (Override, error)
	// OverridesFor returns the overrides of one submission, oldest first.
	OverridesFor(ctx context.Context, submissionID int64) ([]Override, error)
	// OverridesIn returns the overrides recorded in w, oldest first.
	OverridesIn(ctx context.Context, w Window, f Filter) ([]Override, error)
}

// Digests records digest runs so each window is posted once.
type Digests interface {
	// ClaimDigest records run as claimed, unique per (Name, WindowStart). If
	// a run with that key exists it is returned with claimed false. A run
	// claimed covers everything stored after run.After up to now: the
	// store sets Through to the marks of the newest grade and dispute
	// stored, once every save that started before is committed, so a
	// grade committed later always falls in the next run.
	ClaimDigest(ctx context.Context, run DigestRun) (stored DigestRun, claimed bool, err error)
	// MarksBefore returns the highest marks among the latest grades and
	// disputes stored before t by the clock (zero when none): where a
	// digest's first run starts, and where a window by the clock begins
	// and ends. Windows that meet at t share the marks, so each grade is
	// in one of them.
	MarksBefore(ctx context.Context, t time.Time) (Marks, error)
	// MarkDigestPosted records the Slack message a claimed run produced.
	MarkDigestPosted(ctx context.Context, id int64, channelID, ts string) error
	// LastDigest returns the run of the named digest with the latest
	// WindowEnd (window ends only grow along a digest's runs), or
	// ErrNotFound.
	LastDigest(ctx context.Context, name string) (DigestRun, error)
	// ReclaimDigest gives owner a claimed, unposted run for lease when its
	// claim is owner's own or its lease has run out (the process that
	// claimed it is gone or stuck); it returns the run as stored and
	// whether owner holds it.
	ReclaimDigest(ctx context.Context, id int64, owner string, lease time.Duration) (run DigestRun, ok bool, err error)
}

// Pace shares the pacing of Slack posts between the processes using one
// database, so that several replicas posting to one channel keep to one
// budget between them, not one each.
type Pace interface {
	// PaceSlot reserves the next slot for a call under key: on average one
	// per interval, with bursts of up to burst back to back (the generic
	// cell rate algorithm, its state one row per key). It returns when the
	// slot begins: now or earlier means at once.
	PaceSlot(ctx context.Context, key string, interval time.Duration, burst int) (time.Time, error)
}

// Locker hands out named locks that hold across processes sharing the
// database (an advisory lock on PostgreSQL), for work only one replica may do.
type Locker interface {
	// TryLock takes the named lock if it is free. The lock is held until
	// release is called or the store is closed.
	TryLock(ctx context.Context, name string) (release func(), ok bool, err error)
	// Holds reports whether the named lock this store took is still held:
	// on PostgreSQL the session holding it may have been ended (a restart,
	// pg_terminate_backend, a broken connection), and with it the lock.
	// A lock found lost is released. An error means it could not be told
	// in time; the caller should act as if the lock were lost.
	Holds(ctx context.Context, name string) (bool, error)
}
