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

	cmd, sc := startChild(t, testName, append(env, CrashEnv+"=1"))
	submitted := map[int64]bool{}
	graded := map[int64]bool{}
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

// LockEnv is set in the environment of RunLockAcrossProcesses's child.
const LockEnv = "FACTGRADE_STORAGETEST_LOCK_CHILD"

// IsLockChild reports whether this process is RunLockAcrossProcesses's child.
func IsLockChild() bool { return os.Getenv(LockEnv) != "" }

// LockChild is the child's side of RunLockAcrossProcesses: it opens a
// store, takes the lock "scheduler", prints "locked" and waits to be
// killed (a minute at most).
func LockChild(open func(ctx context.Context) (storage.Store, error)) {
	ctx := context.Background()
	s, err := open(ctx)
	if err == nil {
		var ok bool
		_, ok, err = s.TryLock(ctx, "scheduler")
		if err == nil && !ok {
			err = fmt.Errorf("the lock is taken")
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "lock child:", err)
		os.Exit(3)
	}
	fmt.Println("locked")
	time.Sleep(time.Minute)
	os.Exit(3)
}

// RunLockAcrossProcesses re-runs the test binary's test testName as a child
// (with env added, and LockEnv set) that takes a lock with LockChild, checks
// that this process is refused the lock while the child holds it, kills the
// child with SIGKILL and checks that the lock is free again.
func RunLockAcrossProcesses(t *testing.T, testName string, env []string, open func(ctx context.Context) (storage.Store, error)) {
	ctx := context.Background()
	s, err := open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd, sc := startChild(t, testName, append(env, LockEnv+"=1"))
	for sc.Scan() && sc.Text() != "locked" {
	}
	if _, ok, err := s.TryLock(ctx, "scheduler"); err != nil || ok {
		t.Fatalf("TryLock while another process holds the lock = %v, %v; want refused", ok, err)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	// PostgreSQL notices the closed connection a moment later.
	deadline := time.Now().Add(10 * time.Second)
	for {
		release, ok, err := s.TryLock(ctx, "scheduler")
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			release()
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the lock of a killed process was not freed within 10s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// startChild starts the test binary running only testName with env added,
// and returns it with a scanner of its output. The child is killed when
// the test ends, if it has not been already.
func startChild(t *testing.T, testName string, env []string) (*exec.Cmd, *bufio.Scanner) {
	cmd := exec.Command(os.Args[0], "-test.run=^"+testName+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewScanner(out)
}
