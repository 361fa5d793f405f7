package storagetest

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
)

// CrashEnv is set in the environment of RunCrash's child process.
const CrashEnv = "FACTGRADE_STORAGETEST_CRASH_CHILD"

// IsCrashChild reports whether this process is RunCrash's child.
func IsCrashChild() bool { return os.Getenv(CrashEnv) != "" }

// CrashChild is the child's side of RunCrash: it opens a store and, until
// it is killed, submits items and grades every other one, printing
// "submitted ID" and "graded ID" after each commit. It exits 3 after a
// minute so a lost parent leaves no process behind.
func CrashChild(open func(ctx context.Context) (storage.Store, error)) {
	ctx := context.Background()
	s, err := open(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(3)
	}
	deadline := time.Now().Add(time.Minute)
	for i := 0; time.Now().Before(deadline); i++ {
		sub, _, err := s.Submit(ctx, SampleSubmission(i, fmt.Sprintf("crash-%d", i)))
		if err != nil {
			fmt.Fprintln(os.Stderr, "crash child:", err)
			os.Exit(3)
		}
		fmt.Printf("submitted %d\n", sub.ID)
		if i%2 == 1 {
			if err := s.SaveGrade(ctx, sub.ID, SampleGrade(i)); err != nil {
				fmt.Fprintln(os.Stderr, "crash child:", err)
				os.Exit(3)
			}
			fmt.Printf("graded %d\n", sub.ID)
		}
	}
	os.Exit(3)
}

// RunCrash re-runs the test binary's test testName as a child (with env
// added, and CrashEnv set) that writes with CrashChild, kills it with
// SIGKILL in the middle of its work, then opens the database with open and
// checks that every submission the child reported is there, the graded
// ones with their grade, and the others are returned by Unfinished.
func RunCrash(t *testing.T, testName string, env []string, open func(ctx context.Context) (storage.Store, error)) {
	ctx := context.Background()
	// Migrate first, so the child spends its time writing.
	s, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^"+testName+"$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), env...), CrashEnv+"=1")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	submitted := map[int64]bool{}
	graded := map[int64]bool{}
	sc := bufio.NewScanner(out)
	for len(submitted) < 300 && sc.Scan() {
		what, id, ok := strings.Cut(sc.Text(), " ")
		n, err := strconv.ParseInt(id, 10, 64)
		if !ok || err != nil {
			continue // the test framework's own output
		}
		switch what {
		case "submitted":
			submitted[n] = true
		case "graded":
			graded[n] = true
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if len(submitted) < 300 {
		t.Fatalf("the child stopped after %d submissions; want 300 before the kill", len(submitted))
	}

	s, err = open(ctx)
	if err != nil {
		t.Fatalf("reopening after the crash: %v", err)
	}
	defer s.Close()
	unfinished, err := s.Unfinished(ctx, time.Now().Add(time.Hour), 10000)
	if err != nil {
		t.Fatal(err)
	}
	pending := map[int64]bool{}
	for _, sub := range unfinished {
		if pending[sub.ID] {
			t.Errorf("Unfinished lists %d twice", sub.ID)
		}
		pending[sub.ID] = true
	}
	for id := range submitted {
		item, err := s.GradedItem(ctx, id)
		switch {
		case err != nil:
			t.Errorf("submission %d was reported written but is lost: %v", id, err)
		case item.Grade != nil:
			if item.Submission.State != storage.Graded || !pending[id] {
				// Graded and not posted: recovery must see it.
				t.Errorf("graded submission %d: state %s, in Unfinished %v; want graded and listed", id, item.Submission.State, pending[id])
			}
		case graded[id]:
			t.Errorf("submission %d was reported graded but has no grade", id)
		case item.Submission.State != storage.Pending || !pending[id]:
			t.Errorf("ungraded submission %d: state %s, in Unfinished %v; want pending and listed", id, item.Submission.State, pending[id])
		}
	}
	// Anything the child committed but had no time to report is pending
	// or graded, never half-written.
	for id := range pending {
		if submitted[id] {
			continue
		}
		item, err := s.GradedItem(ctx, id)
		if err != nil || (item.Submission.State == storage.Graded) != (item.Grade != nil) {
			t.Errorf("unreported submission %d is half-written: %+v, %v", id, item, err)
		}
	}
	t.Logf("killed the child after %d submissions (%d graded); %d unfinished on reopening", len(submitted), len(graded), len(unfinished))
}
