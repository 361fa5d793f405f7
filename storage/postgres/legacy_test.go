package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/factgrade/factgrade/storage/storagetest"
)

// oldSchemaMigrations is schema_migrations as builds before v0.1.0 made
// it: no checksum column, 0001_init recorded.
const oldSchemaMigrations = `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); INSERT INTO schema_migrations (version, name) VALUES (1, 'init')`

// legacySeed inserts submission 1 and its grade, with grade_criteria's
// columns as the legacy text had them.
func legacySeed(extra []string) string {
	at := "'" + storagetest.LegacyGradedAt.Format("2006-01-02 15:04:05Z07:00") + "'"
	g := storagetest.SampleGrade(1)
	var b strings.Builder
	fmt.Fprintf(&b, `INSERT INTO submissions (id, idempotency_key, team_id, channel_id, user_id, reply_channel, text, kind, rubric_id, rubric_version, state, created_at, updated_at)
		VALUES (1, 'Ev-legacy', 'T1', 'C1', 'U1', 'C1', '%s', 'headline', 'volt-typhoon-geneva', 1, 'posted', %s, %s);
SELECT setval(pg_get_serial_sequence('submissions', 'id'), 1);
`, g.Text, at, at)
	fmt.Fprintf(&b, `INSERT INTO grades (submission_id, graded_at, team_id, channel_id, user_id, rubric_id, status, letter, score, capped, needs_review, judge, judge_model, prompt_hash, prompt_tokens, completion_tokens, latency_ms, grade_json)
		VALUES (1, %s, 'T1', 'C1', 'U1', 'volt-typhoon-geneva', '%s', '%s', %d, FALSE, FALSE, 'rules', '', '', 0, 0, 3, '%s');
`, at, g.Status, g.Letter, g.Score, strings.ReplaceAll(storagetest.LegacyGradeJSON(), "'", "''"))
	vals := map[string]string{"graded_at": at, "team_id": "'T1'", "rubric_id": "'volt-typhoon-geneva'"}
	cols, more := "", ""
	for _, c := range extra {
		cols += ", " + c
		more += ", " + vals[c]
	}
	for i, v := range []string{"fail", "pass"} {
		crit := []string{"admission", "sourcing"}[i]
		fmt.Fprintf(&b, "INSERT INTO grade_criteria (submission_id, position, criterion, verdict, decided_by, needs_review%s) VALUES (1, %d, '%s', '%s', 'rules', FALSE%s);\n", cols, i, crit, v, more)
	}
	// Two digest runs posted: the hour before the grade, and the hours
	// around it (storagetest.LegacyDigest).
	for i, w := range [][2]string{{"- interval '2 hours'", "- interval '1 hour'"}, {"- interval '1 hour'", "+ interval '1 hour'"}} {
		fmt.Fprintf(&b, "INSERT INTO digest_runs (name, window_start, window_end, state, channel_id, message_ts, claimed_by, claimed_at, posted_at) VALUES ('%s', %[2]s::timestamptz %[3]s, %[2]s::timestamptz %[4]s, 'posted', 'C9', '1700000000.00000%[5]d', 'legacy', %[2]s, %[2]s);\n",
			storagetest.LegacyDigest, at, w[0], w[1], i+1)
	}
	return b.String()
}

// describe lists the schema's columns (by name: a repaired table has its
// added columns last) and indexes.
func describe(ctx context.Context, d storagetest.Database) ([]string, error) {
	conn, err := pgx.Connect(ctx, d.Path)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `
SELECT table_name || '.' || column_name || ' ' || data_type || ' nullable=' || is_nullable || ' default=' || COALESCE(column_default, '') || ' identity=' || is_identity
	FROM information_schema.columns WHERE table_schema = current_schema()
UNION ALL
SELECT replace(indexdef, current_schema() || '.', '') FROM pg_indexes WHERE schemaname = current_schema()
ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// TestLegacySchemas migrates a database created by each text 0001_init.sql
// had before v0.1.0.
func TestLegacySchemas(t *testing.T) {
	testDatabase(t)
	storagetest.RunLegacy(t, database, describe, storagetest.Legacies(t, oldSchemaMigrations, legacySeed))
}
