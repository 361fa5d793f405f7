package bot_test

import (
	"context"
	"errors"

	"github.com/factgrade/factgrade/rubric"
	"github.com/factgrade/factgrade/storage"
	"github.com/factgrade/factgrade/storage/sqlite"
)

type failingJudge struct{}

func (failingJudge) Grade(context.Context, *rubric.Rubric, rubric.Request) (*rubric.Grade, error) {
	return nil, errors.New("model exploded: secret prompt details")
}

type blockingJudge struct{ release chan struct{} }

func (j blockingJudge) Grade(ctx context.Context, r *rubric.Rubric, req rubric.Request) (*rubric.Grade, error) {
	select {
	case <-j.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return fakeJudge(ctx, r, req)
}

func openStore(path string) (storage.Store, error) {
	return sqlite.Open(context.Background(), path, storage.Options{})
}
