package storagetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
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
	ctx := context.Background()
	var b [6]byte
	rand.Read(b[:])
	schema := prefix + "_" + hex.EncodeToString(b[:])
	exec := func(q string) error {
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		_, err = conn.Exec(ctx, q)
		return err
	}
	if err := exec("CREATE SCHEMA " + schema); err != nil {
		t.Fatalf("%s: creating schema %s: %v", PostgresURLEnv, schema, err)
	}
	t.Cleanup(func() {
		if err := exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("dropping schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresURLEnv, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	for k, v := range params {
		q.Set(k, v)
	}
	u.RawQuery = q.Encode()
	return u.String()
}
