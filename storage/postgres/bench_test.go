package postgres_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/storagetest"
)

func BenchmarkInsert(b *testing.B) {
	s, err := openURL(b, newSchema(b), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	storagetest.BenchmarkInsert(b, s)
}

// BenchmarkReads1M loads a million grades into a schema of its own (dropped
// afterwards) and reads them.
func BenchmarkReads1M(b *testing.B) {
	ctx := context.Background()
	u := newSchema(b)
	s, err := openURL(b, u, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, u)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)
	if err := seed1M(ctx, b, conn); err != nil {
		b.Fatal(err)
	}
	storagetest.BenchmarkReads(b, s)
}

// seed1M bulk-loads the benchmark grades with generate_series.
func seed1M(ctx context.Context, b *testing.B, conn *pgx.Conn) error {
	start := time.Now()
	tx, err := conn.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	for _, q := range []string{
		`CREATE TEMP TABLE samples (k INTEGER PRIMARY KEY, status TEXT, letter TEXT, score INTEGER, review BOOLEAN, json JSONB) ON COMMIT DROP`,
		`CREATE TEMP TABLE sample_criteria (k INTEGER, position INTEGER, criterion TEXT, verdict TEXT, decided_by TEXT, review BOOLEAN) ON COMMIT DROP`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return err
		}
	}
	samples := storagetest.BenchSamples()
	for _, s := range samples {
		if _, err := tx.Exec(ctx, `INSERT INTO samples VALUES ($1, $2, $3, $4, $5, $6)`, s.K, s.Status, s.Letter, s.Score, s.NeedsReview, s.JSON); err != nil {
			return err
		}
		for _, c := range s.Criteria {
			if _, err := tx.Exec(ctx, `INSERT INTO sample_criteria VALUES ($1, $2, $3, $4, $5, $6)`, s.K, c.Position, c.Criterion, c.Verdict, c.DecidedBy, c.NeedsReview); err != nil {
				return err
			}
		}
	}
	t0 := storagetest.BenchGradedAt(0)
	step := fmt.Sprintf("interval '%d microseconds'", storagetest.BenchStep.Microseconds())
	at := "$1::timestamptz + i * " + step
	series := fmt.Sprintf("generate_series(1, %d) AS i", storagetest.BenchGrades)
	for _, q := range []string{
		fmt.Sprintf(`INSERT INTO submissions (id, idempotency_key, team_id, channel_id, user_id, reply_channel, text, kind,
			rubric_id, rubric_version, rubric_hash, state, created_at, updated_at)
			SELECT i, 'bench-' || i, 'T1', 'C' || (i %% %d), 'U' || (i %% %d), 'C' || (i %% %[1]d), 'China admits Volt Typhoon hacks, sample ' || i,
			'headline', 'volt-typhoon-geneva', 1, '9f2c1e', 'posted', %[3]s, %[3]s FROM %[4]s`,
			storagetest.BenchChannels, storagetest.BenchUsers, at, series),
		fmt.Sprintf(`INSERT INTO grades SELECT i, %s, 'T1', 'C' || (i %% %d), 'U' || (i %% %d), 'volt-typhoon-geneva',
			s.status, s.letter, s.score, false, s.review, 'hybrid', 'gpt-4o-mini', 'ab12', 1200, 300, 850, s.json, false, i
			FROM %s JOIN samples s ON s.k = i %% %d`, at, storagetest.BenchChannels, storagetest.BenchUsers, series, len(samples)),
		fmt.Sprintf(`INSERT INTO grade_criteria (submission_id, position, seq, graded_at, team_id, rubric_id, criterion, verdict, decided_by, needs_review)
			SELECT i, c.position, i, %s, 'T1', 'volt-typhoon-geneva', c.criterion, c.verdict, c.decided_by, c.review
			FROM %s JOIN sample_criteria c ON c.k = i %% %d`, at, series, len(samples)),
	} {
		args := []any{t0}
		if _, err := tx.Exec(ctx, q, args...); err != nil {
			return err
		}
	}
	for _, seq := range []string{`pg_get_serial_sequence('submissions', 'id')`, `pg_get_serial_sequence('grades', 'seq')`} {
		if _, err := tx.Exec(ctx, `SELECT setval(`+seq+`, $1)`, storagetest.BenchGrades); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	// What autovacuum would have done by now: statistics, and the
	// visibility map that lets counts read only the indexes.
	_, err = conn.Exec(ctx, `VACUUM ANALYZE`)
	b.Logf("loaded %d grades in %v", storagetest.BenchGrades, time.Since(start).Round(time.Second))
	return err
}
