package bot_test

import (
	"bytes"
	"errors"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/bot"
)

// TestLargeBodiesShareABudget proves that bodies over bot.SmallBody, which
// must be read whole before their signature can be checked, share one cap
// on the bytes being read: while one large body is read, another that would
// go past the cap is refused with ErrBusy before any of it is read, a small
// one is still read and verified, and once the first is done the next
// large one is taken.
func TestLargeBodiesShareABudget(t *testing.T) {
	v := &bot.Verifier{Secret: []byte(secret), LargeBodies: 200 << 10}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	signed := func(body []byte) (string, []byte) { return bot.Signature([]byte(secret), ts, body), body }
	newReq := func(body io.Reader, size int64, sig string) error {
		r := httptest.NewRequest("POST", "/slack/commands", body)
		r.ContentLength = size
		r.Header.Set(bot.HeaderTimestamp, ts)
		r.Header.Set(bot.HeaderSignature, sig)
		_, err := v.Verify(r)
		return err
	}

	// A large body that arrives slowly: its reader holds 150 KB of the cap.
	big := []byte("text=" + strings.Repeat("a", 150<<10-5))
	sig, _ := signed(big)
	pr, pw := io.Pipe()
	first := make(chan error, 1)
	go func() { first <- newReq(pr, int64(len(big)), sig) }()
	if _, err := pw.Write(big[:1000]); err != nil { // being read
		t.Fatal(err)
	}

	other := []byte("text=" + strings.Repeat("b", 100<<10-5))
	otherSig, _ := signed(other)
	if err := newReq(bytes.NewReader(other), int64(len(other)), otherSig); !errors.Is(err, bot.ErrBusy) {
		t.Errorf("Verify of a second large body while the cap is taken = %v, want %v", err, bot.ErrBusy)
	}
	small := []byte("text=China+admits")
	smallSig, _ := signed(small)
	if err := newReq(bytes.NewReader(small), int64(len(small)), smallSig); err != nil {
		t.Errorf("Verify of a small signed body while the cap is taken = %v, want nil", err)
	}

	if _, err := pw.Write(big[1000:]); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	if err := <-first; err != nil {
		t.Errorf("Verify of the slow large body = %v, want nil", err)
	}
	if err := newReq(bytes.NewReader(other), int64(len(other)), otherSig); err != nil {
		t.Errorf("Verify of the second large body once the first is read = %v, want nil", err)
	}
}
