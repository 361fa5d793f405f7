package sqlite

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// fileLocks hands out named locks as exclusive flocks on files in a
// directory beside the database (<db>.locks/<name>.lock). The kernel drops
// a flock when its process dies, so a crashed instance never leaves a lock
// behind; two stores in one process conflict too, as flocks belong to open
// files, not processes.
type fileLocks struct {
	dir  string
	mu   sync.Mutex
	held map[*os.File]struct{}
}

func newFileLocks(dbPath string) *fileLocks {
	return &fileLocks{dir: dbPath + ".locks", held: map[*os.File]struct{}{}}
}

// lockFileName returns the file name of the lock called name: letters,
// digits, '-' and '.' are kept, every other byte is written _xx.
func lockFileName(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || (c == '.' && i > 0) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String() + ".lock"
}

func (l *fileLocks) tryLock(name string) (release func(), ok bool, err error) {
	if name == "" {
		return nil, false, errors.New("TryLock: the lock has no name")
	}
	if err := os.MkdirAll(l.dir, 0o755); err != nil {
		return nil, false, fmt.Errorf("TryLock(%q): %w", name, err)
	}
	f, err := os.OpenFile(filepath.Join(l.dir, lockFileName(name)), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, false, fmt.Errorf("TryLock(%q): %w", name, err)
	}
	ok, err = flock(f)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			err = fmt.Errorf("TryLock(%q): %w", name, err)
		}
		return nil, false, err
	}
	l.mu.Lock()
	l.held[f] = struct{}{}
	l.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { l.release(f) }) }, true, nil
}

// release drops one lock; closing the file drops its flock.
func (l *fileLocks) release(f *os.File) {
	l.mu.Lock()
	_, held := l.held[f]
	delete(l.held, f)
	l.mu.Unlock()
	if held {
		f.Close()
	}
}

func (l *fileLocks) releaseAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for f := range l.held {
		f.Close()
		delete(l.held, f)
	}
}

// holds reports whether this process holds the named lock: a flock lasts
// as long as its open file, which only release closes.
func (l *fileLocks) holds(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	want := filepath.Join(l.dir, lockFileName(name))
	for f := range l.held {
		if f.Name() == want {
			return true
		}
	}
	return false
}
