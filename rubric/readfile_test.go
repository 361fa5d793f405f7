//go:build unix

package rubric_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factgrade/factgrade/rubric"
)

// TestLoadDirHostileFiles: a rubric directory holding a named pipe and a
// symbolic link to /dev/zero is refused at once, each file named with
// what it is, instead of hanging or reading without end.
func TestLoadDirHostileFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml")); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := rubric.LoadDir(os.DirFS(dir), ".")
		done <- err
	}()
	select {
	case err := <-done:
		var le *rubric.LoadError
		if !errors.As(err, &le) {
			t.Fatalf("LoadDir = %v, want a *LoadError", err)
		}
		msg := err.Error()
		for _, want := range []string{"pipe.yaml", "a named pipe", "zero.yaml", "a character device"} {
			if !strings.Contains(msg, want) {
				t.Errorf("LoadDir error %q does not say %q", msg, want)
			}
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadDir still reading after 5 s")
	}
}
