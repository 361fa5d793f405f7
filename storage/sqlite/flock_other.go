//go:build !unix

package sqlite

import (
	"errors"
	"os"
)

// flock is not available here: factgrade's SQLite locks need a Unix
// system (run several replicas on PostgreSQL elsewhere).
func flock(f *os.File) (bool, error) {
	return false, errors.New("file locks need a Unix system; use PostgreSQL (DATABASE_URL)")
}
