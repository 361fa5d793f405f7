package sqlite_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func BenchmarkInsert(b *testing.B) {
	s, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "factgrade.db"), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storagetest.BenchmarkInsert(b, s)
}

// BenchmarkReads1M reads a database of a million grades. Loading it takes a
// while, so the file is kept in the temporary directory
// (factgrade-bench-1m-<hash of the schema>.db) and reused while it is whole.
func BenchmarkReads1M(b *testing.B) {
	ctx := context.Background()
	ms, err := sqlite.Migrations()
	if err != nil {
		b.Fatal(err)
	}
	h := sha256.New()
	for _, m := range ms {
		h.Write([]byte(m.SQL))
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("factgrade-bench-1m-%x.db", h.Sum(nil)[:6]))
	s, err := sqlite.Open(ctx, path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := seed1M(ctx, b, path); err != nil {
		b.Fatal(err)
	}
	storagetest.BenchmarkReads(b, s)
}

// seed1M bulk-loads the benchmark grades unless the file has them already.
func seed1M(ctx context.Context, b *testing.B, path string) error {
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)&_txlock=immediate")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM grades`).Scan(&n); err != nil {
		return err
	}
	if n == storagetest.BenchGrades {
		return nil
	}
	start := time.Now()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range []string{`DELETE FROM grade_criteria`, `DELETE FROM grades`, `DELETE FROM submissions`,
		`CREATE TEMP TABLE samples (k INTEGER PRIMARY KEY, status TEXT, letter TEXT, score INTEGER, review INTEGER, json TEXT)`,
		`CREATE TEMP TABLE sample_criteria (k INTEGER, position INTEGER, criterion TEXT, verdict TEXT, decided_by TEXT, review INTEGER)`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	samples := storagetest.BenchSamples()
	for _, s := range samples {
		if _, err := tx.ExecContext(ctx, `INSERT INTO samples VALUES (?, ?, ?, ?, ?, ?)`, s.K, s.Status, s.Letter, s.Score, s.NeedsReview, s.JSON); err != nil {
			return err
		}
		for _, c := range s.Criteria {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sample_criteria VALUES (?, ?, ?, ?, ?, ?)`, s.K, c.Position, c.Criterion, c.Verdict, c.DecidedBy, c.NeedsReview); err != nil {
				return err
			}
		}
	}
	series := fmt.Sprintf(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) `, storagetest.BenchGrades)
	t0 := storagetest.BenchGradedAt(0).UnixMicro()
	step := storagetest.BenchStep.Microseconds()
	for _, q := range []string{
		series + fmt.Sprintf(`INSERT INTO submissions (id, idempotency_key, team_id, channel_id, user_id, reply_channel, text, kind,
			rubric_id, rubric_version, rubric_hash, state, created_at, updated_at)
			SELECT i, 'bench-' || i, 'T1', 'C' || (i %% %d), 'U' || (i %% %d), 'C' || (i %% %[1]d), 'China admits Volt Typhoon hacks, sample ' || i,
			'headline', 'volt-typhoon-geneva', 1, '9f2c1e', 'posted', %[3]d + i * %[4]d, %[3]d + i * %[4]d FROM n`,
			storagetest.BenchChannels, storagetest.BenchUsers, t0, step),
		series + fmt.Sprintf(`INSERT INTO grades SELECT i, %d + i * %d, 'T1', 'C' || (i %% %d), 'U' || (i %% %d), 'volt-typhoon-geneva',
			s.status, s.letter, s.score, 0, s.review, 'hybrid', 'gpt-4o-mini', 'ab12', 1200, 300, 850, s.json, 0, i
			FROM n JOIN samples s ON s.k = i %% %d`, t0, step, storagetest.BenchChannels, storagetest.BenchUsers, len(samples)),
		series + fmt.Sprintf(`INSERT INTO grade_criteria (submission_id, position, seq, graded_at, team_id, rubric_id, criterion, verdict, decided_by, needs_review)
			SELECT i, c.position, i, %d + i * %d, 'T1', 'volt-typhoon-geneva', c.criterion, c.verdict, c.decided_by, c.review
			FROM n JOIN sample_criteria c ON c.k = i %% %d ORDER BY i, c.position`, t0, step, len(samples)),
		`DROP TABLE samples`, `DROP TABLE sample_criteria`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `ANALYZE`)
	b.Logf("loaded %d grades into %s in %v", storagetest.BenchGrades, path, time.Since(start).Round(time.Second))
	return err
}
