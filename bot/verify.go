package bot

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Slack's request-signing headers.
const (
	HeaderTimestamp = "X-Slack-Request-Timestamp"
	HeaderSignature = "X-Slack-Signature"
	HeaderRetryNum  = "X-Slack-Retry-Num"
)

// MaxSkew is how far a request's timestamp may be from the clock before the
// request is taken for a replay and refused.
const MaxSkew = 5 * time.Minute

// DefaultMaxBody caps the body of a request from Slack. Slash commands carry
// at most a few kilobytes of text, but a message shortcut carries the whole
// message, which Slack allows up to 40,000 characters, twice (its text and
// its rich_text blocks), URL-encoded: up to 24 bytes a character for
// four-byte characters, under 1 MiB. Such a body is read and answered with
// factgrade's own "too long" message, not refused.
const DefaultMaxBody = 2 << 20

// A body's signature can be checked only once all of it is read, so
// anyone who sends Slack's headers can make the server hold a body in
// memory. Bodies up to SmallBody (a slash command is a few kilobytes) are
// read as they come, bounded by the number of connections; larger ones (a
// message shortcut) share DefaultLargeBodies bytes between them, and one
// that would go past it is refused with ErrBusy before any of it is read.
const (
	SmallBody           = 64 << 10
	DefaultLargeBodies  = 16 << 20
	largeBodyRetryAfter = "1"
)

// Reasons a request fails verification. Verify wraps one of them.
var (
	ErrMissingHeaders = errors.New("missing Slack signature headers")
	ErrStale          = errors.New("request timestamp outside the 5-minute window")
	ErrBadSignature   = errors.New("signature does not match")
	ErrTooLarge       = errors.New("request body too large")
	ErrBusy           = errors.New("too many large requests being read at once")
)

// Signature returns the value of the X-Slack-Signature header Slack sends
// for body at timestamp ts: "v0=" and the hex HMAC-SHA256 of "v0:ts:body".
func Signature(secret []byte, ts string, body []byte) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("v0:"))
	mac.Write([]byte(ts))
	mac.Write([]byte(":"))
	mac.Write(body)
	return "v0=" + hex.EncodeToString(mac.Sum(nil))
}

// Verifier checks that requests come from Slack. It is used through a
// pointer, by every request at once.
type Verifier struct {
	Secret  []byte
	MaxBody int64            // 0 means DefaultMaxBody
	Now     func() time.Time // nil means time.Now
	// LargeBodies caps the bytes of bodies over SmallBody being read at
	// once (0 means DefaultLargeBodies).
	LargeBodies int64

	mu      sync.Mutex
	reading int64 // bytes reserved by large bodies being read
}

// reserve reserves n bytes for a large body, or reports false when that
// would go past the cap; release gives them back.
func (v *Verifier) reserve(n int64) bool {
	limit := v.LargeBodies
	if limit <= 0 {
		limit = DefaultLargeBodies
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.reading+n > limit {
		return false
	}
	v.reading += n
	return true
}

func (v *Verifier) release(n int64) {
	v.mu.Lock()
	v.reading -= n
	v.mu.Unlock()
}

// Verify reads r's body, at most MaxBody bytes, and checks its signature and
// timestamp. It returns the raw body, which is the only thing the caller may
// parse: nothing of the request is looked at before the signature holds.
func (v *Verifier) Verify(r *http.Request) ([]byte, error) {
	ts := r.Header.Get(HeaderTimestamp)
	sig := r.Header.Get(HeaderSignature)
	if ts == "" || sig == "" {
		return nil, ErrMissingHeaders
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: timestamp %q is not a number", ErrStale, ts)
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	if d := now().Sub(time.Unix(sec, 0)); d > MaxSkew || d < -MaxSkew {
		return nil, fmt.Errorf("%w: off by %s", ErrStale, d.Round(time.Second))
	}
	max := v.MaxBody
	if max <= 0 {
		max = DefaultMaxBody
	}
	if r.ContentLength > max {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, r.ContentLength, max)
	}
	limit := max // what this body may take
	if r.ContentLength >= 0 {
		limit = r.ContentLength
	}
	var body []byte
	if limit > SmallBody {
		if !v.reserve(limit) {
			return nil, fmt.Errorf("%w: %d bytes", ErrBusy, limit)
		}
		defer v.release(limit)
	}
	if r.ContentLength > SmallBody {
		// Read into a buffer of the announced size: no copies while it
		// grows, so the bytes reserved are the bytes held.
		body = make([]byte, r.ContentLength)
		if _, err := io.ReadFull(r.Body, body); err != nil {
			return nil, fmt.Errorf("reading body: %w", err)
		}
	} else {
		var err error
		if body, err = io.ReadAll(io.LimitReader(r.Body, limit+1)); err != nil {
			return nil, fmt.Errorf("reading body: %w", err)
		}
	}
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
	}
	want := Signature(v.Secret, ts, body)
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return nil, ErrBadSignature
	}
	return body, nil
}
