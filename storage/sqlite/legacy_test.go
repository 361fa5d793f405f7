package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/factgrade/factgrade/storage/storagetest"
)

// oldSchemaMigrations is schema_migrations as builds before v0.1.0 made
// it: no checksum column, 0001_init recorded.
const oldSchemaMigrations = `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL DEFAULT 0); INSERT INTO schema_migrations (version, name, applied_at) VALUES (1, 'init', 1700000000000000)`

// legacySeed inserts submission 1 and its grade, with grade_criteria's
// columns as the legacy text had them.
func legacySeed(extra []string) string {
	at := storagetest.LegacyGradedAt.UnixMicro()
	g := storagetest.SampleGrade(1)
	var b strings.Builder
	fmt.Fprintf(&b, `INSERT INTO submissions (id, idempotency_key, team_id, channel_id, user_id, reply_channel, text, kind, rubric_id, rubric_version, state, created_at, updated_at)
		VALUES (1, 'Ev-legacy', 'T1', 'C1', 'U1', 'C1', '%s', 'headline', 'volt-typhoon-geneva', 1, 'posted', %d, %d);
`, g.Text, at, at)
	fmt.Fprintf(&b, `INSERT INTO grades (submission_id, graded_at, team_id, channel_id, user_id, rubric_id, status, letter, score, capped, needs_review, judge, judge_model, prompt_hash, prompt_tokens, completion_tokens, latency_ms, grade_json)
		VALUES (1, %d, 'T1', 'C1', 'U1', 'volt-typhoon-geneva', '%s', '%s', %d, 0, 0, 'rules', '', '', 0, 0, 3, '%s');
`, at, g.Status, g.Letter, g.Score, strings.ReplaceAll(storagetest.LegacyGradeJSON(), "'", "''"))
	vals := map[string]string{"graded_at": fmt.Sprint(at), "team_id": "'T1'", "rubric_id": "'volt-typhoon-geneva'"}
	cols, more := "", ""
	for _, c := range extra {
		cols += ", " + c
		more += ", " + vals[c]
	}
	for i, v := range []string{"fail", "pass"} {
		crit := []string{"admission", "sourcing"}[i]
		fmt.Fprintf(&b, "INSERT INTO grade_criteria (submission_id, position, criterion, verdict, decided_by, needs_review%s) VALUES (1, %d, '%s', '%s', 'rules', 0%s);\n", cols, i, crit, v, more)
	}
	// Two digest runs posted: the hour before the grade, and the hours
	// around it (storagetest.LegacyDigest).
	hour := time.Hour.Microseconds()
	for i, w := range [][2]int64{{at - 2*hour, at - hour}, {at - hour, at + hour}} {
		fmt.Fprintf(&b, "INSERT INTO digest_runs (name, window_start, window_end, state, channel_id, message_ts, claimed_by, claimed_at, posted_at) VALUES ('%s', %d, %d, 'posted', 'C9', '1700000000.00000%d', 'legacy', %[3]d, %[3]d);\n",
			storagetest.LegacyDigest, w[0], w[1], i+1)
	}
	return b.String()
}

// describe lists the database's columns (in order) and indexes.
func describe(ctx context.Context, d storagetest.Database) ([]string, error) {
	db, err := sql.Open("sqlite", d.Path)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `
SELECT m.name || ' ' || p.cid || ' ' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk || ' default=' || COALESCE(p.dflt_value, '')
	FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'
UNION ALL
SELECT 'index ' || m.name || ' ON ' || m.tbl_name || ' (' || (SELECT group_concat(name, ', ') FROM pragma_index_info(m.name)) || ')' ||
	CASE WHEN instr(m.sql, ' WHERE ') > 0 THEN substr(m.sql, instr(m.sql, ' WHERE ')) ELSE '' END
	FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL
ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// TestLegacySchemas migrates a database created by each text 0001_init.sql
// had before v0.1.0.
func TestLegacySchemas(t *testing.T) {
	storagetest.RunLegacy(t, database, describe, storagetest.Legacies(t, oldSchemaMigrations, legacySeed))
}
