package llm

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// Errors of CheckModel, for the setting to blame.
var (
	// ErrKeyRefused: the server answered 401 or 403 (OPENAI_API_KEY).
	ErrKeyRefused = errors.New("the model server refused the API key")
	// ErrModelMissing: the server does not list the model (OPENAI_MODEL).
	ErrModelMissing = errors.New("the model server does not list the model")
)

// CheckModel asks the model server cfg names for its models (GET
// /models), the cheapest call that proves the endpoint and the key work,
// and that it lists cfg.Model. Azure lists models, not deployments, so
// there only the endpoint and key are checked. 'factgrade config check'
// runs it; any other failure means the server is out of reach.
func CheckModel(ctx context.Context, cfg Config) error {
	client := openai.NewClientWithConfig(clientConfig(cfg))
	list, err := client.ListModels(ctx)
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr) && (apiErr.HTTPStatusCode == 401 || apiErr.HTTPStatusCode == 403):
		return fmt.Errorf("%w (HTTP %d: %s)", ErrKeyRefused, apiErr.HTTPStatusCode, apiErr.Message)
	case errors.As(err, &reqErr) && (reqErr.HTTPStatusCode == 401 || reqErr.HTTPStatusCode == 403):
		return fmt.Errorf("%w (HTTP %d)", ErrKeyRefused, reqErr.HTTPStatusCode)
	case err != nil:
		return fmt.Errorf("listing the model server's models: %w", err)
	}
	if cfg.Azure || cfg.Model == "" {
		return nil
	}
	var ids []string
	for _, m := range list.Models {
		ids = append(ids, m.ID)
	}
	if slices.Contains(ids, cfg.Model) {
		return nil
	}
	shown := ids
	if len(shown) > 10 {
		shown = append(shown[:10:10], "…")
	}
	return fmt.Errorf("%w %q; it lists: %s", ErrModelMissing, cfg.Model, strings.Join(shown, ", "))
}
