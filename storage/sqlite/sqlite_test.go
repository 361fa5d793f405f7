package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func open(t *testing.T, path string, opts storage.Options) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T, opts storage.Options) storage.Store {
		return open(t, filepath.Join(t.TempDir(), "factgrade.db"), opts)
	})
}
