package storagetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgresURLEnv names the setting of the PostgreSQL database tests use.
const PostgresURLEnv = "FACTGRADE_TEST_POSTGRES_URL"

// PostgresSchema returns the URL of a schema of the test's own, named
// prefix_<random>, in the database FACTGRADE_TEST_POSTGRES_URL names; the
// schema is dropped when the test ends. Without the setting the test is
// skipped and says why. params are added to the URL's query (for example
// application_name).
func PostgresSchema(t testing.TB, prefix string, params map[string]string) string {
	t.Helper()
	base := os.Getenv(PostgresURLEnv)
	if base == "" {
		t.Skip(PostgresURLEnv + " is not set (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable); PostgreSQL tests skipped")
	}
	u, drop, err := NewSchema(context.Background(), base, prefix, params)
	if err != nil {
		t.Fatalf("%s: %v", PostgresURLEnv, err)
	}
	t.Cleanup(func() {
		if err := drop(); err != nil {
			t.Error(err)
		}
	})
	return u
}

// NewSchema creates a schema named prefix_<random> in the PostgreSQL
// database at base and returns base with search_path set to it (and params
// added to its query), and a function that drops the schema. Tests use
// PostgresSchema; a tool that runs against a shared database (the load
// tool) calls this, so its runs never see another's rows.
func NewSchema(ctx context.Context, base, prefix string, params map[string]string) (string, func() error, error) {
	u, err := url.Parse(base)
	if err != nil {
		return "", nil, err
	}
	var b [6]byte
	rand.Read(b[:])
	schema := prefix + "_" + hex.EncodeToString(b[:])
	exec := func(ctx context.Context, q string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, q)
		return err
	}
	if err := exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("creating schema %s: %w", schema, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	drop := func() error {
		if err := exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			return fmt.Errorf("dropping schema %s: %w", schema, err)
		}
		return nil
	}
	return u.String(), drop, nil
}
