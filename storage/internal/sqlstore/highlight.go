package sqlstore

import (
	"context"
	"sort"

	"github.com/factgrade/factgrade/storage"
)

// The queries below pick a window's notable grades for a digest without
// reading every grade of the window: each walks one index range and stops
// at its limit.

// LowestGrades returns up to limit items graded in w with a
// letter (ungradable items are left out), lowest score first, ties oldest
// first; a limit that is not positive means 10, and at most 100 are
// returned. Score has no index, so it looks letter by letter, worst first
// (each letter's rank is the score of one of its grades in the window), and
// sorts by score only the window's grades of the letters it needs.
func (s *Store) LowestGrades(ctx context.Context, w storage.Window, f storage.Filter, limit int) (items []storage.GradedItem, err error) {
	defer wrap(&err, "LowestGrades")
	limit = limitOr(limit, 10, 100)
	if w, err = s.byMarks(ctx, w); err != nil {
		return nil, err
	}
	fq, fargs := filterSQL("g.", f)
	cond, window := span("g.", w)
	cond += fq
	window = append(window, fargs...)
	type letterRank struct {
		letter string
		score  int
	}
	var letters []letterRank
	rows, err := s.b.Pool.Query(ctx, `WITH RECURSIVE letters(v) AS (
		SELECT MIN(letter) FROM grades WHERE letter > ''
		UNION ALL SELECT (SELECT MIN(letter) FROM grades WHERE letter > v) FROM letters WHERE v IS NOT NULL)
	SELECT v, (SELECT g.score FROM grades g WHERE g.letter = v AND `+cond+` LIMIT 1) AS score
	FROM letters WHERE v IS NOT NULL`, window...)
	err = collect(rows, err, func(r Rows) error {
		var l letterRank
		var score *int
		if err := r.Scan(&l.letter, &score); err != nil || score == nil {
			return err
		}
		l.score = *score
		letters = append(letters, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i].score < letters[j].score })
	// The ids first: sorting a letter's rows with their whole grades would
	// carry every grade's JSON through the sort.
	var ids []any
	for _, l := range letters {
		rows, err := s.b.Pool.Query(ctx, `SELECT g.submission_id FROM grades g
			WHERE g.letter = ? AND `+cond+`
			ORDER BY g.score, g.seq LIMIT ?`, append(append([]any{l.letter}, window...), limit-len(ids))...)
		err = collect(rows, err, func(r Rows) error {
			var id int64
			err := r.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return nil, err
		}
		if len(ids) == limit {
			break
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	got, err := gradedItems(ctx, s.b.Pool, gradedItemSelect+`g.submission_id IN (`+placeholders(len(ids))+`)`, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]storage.GradedItem, len(got))
	for _, it := range got {
		byID[it.Submission.ID] = it
	}
	for _, id := range ids {
		if it, ok := byID[id.(int64)]; ok {
			items = append(items, it)
		}
	}
	return items, nil
}

// FailedExample returns the latest item graded in w that failed
// criterion, or ErrNotFound.
func (s *Store) FailedExample(ctx context.Context, w storage.Window, f storage.Filter, criterion string) (item storage.GradedItem, err error) {
	defer wrap(&err, "FailedExample(%q)", criterion)
	if w, err = s.byMarks(ctx, w); err != nil {
		return item, err
	}
	fq, fargs := filterSQL("g.", f)
	cond, wargs := span("c.", w)
	q := `SELECT ` + submissionColumns("s.") + `, g.graded_at, g.grade_json
	FROM grade_criteria c JOIN grades g ON g.submission_id = c.submission_id JOIN submissions s ON s.id = c.submission_id
	WHERE c.verdict = 'fail' AND c.criterion = ? AND ` + cond + fq +
		` ORDER BY c.seq DESC LIMIT 1`
	args := append(append([]any{criterion}, wargs...), fargs...)
	items, err := gradedItems(ctx, s.b.Pool, q, args)
	if err != nil {
		return storage.GradedItem{}, err
	}
	if len(items) == 0 {
		return storage.GradedItem{}, storage.ErrNotFound
	}
	return items[0], nil
}

// FlaggedForReview returns up to limit items graded in w with a criterion
// flagged for review, newest first; a limit that is not positive means 10,
// and at most 100 are returned.
func (s *Store) FlaggedForReview(ctx context.Context, w storage.Window, f storage.Filter, limit int) (items []storage.GradedItem, err error) {
	defer wrap(&err, "FlaggedForReview")
	if w, err = s.byMarks(ctx, w); err != nil {
		return nil, err
	}
	fq, fargs := filterSQL("g.", f)
	cond, args := span("g.", w)
	q := gradedItemSelect + cond + ` AND g.needs_review` + fq +
		` ORDER BY g.seq DESC LIMIT ?`
	args = append(append(args, fargs...), limitOr(limit, 10, 100))
	return gradedItems(ctx, s.b.Pool, q, args)
}
