package main

import (
	"context"
	"fmt"

	"github.com/factgrade/factgrade/rubric"
)

// newJudge returns the judge named by a --judge flag ("rules" when empty).
func newJudge(ctx context.Context, e *env, name string) (rubric.Judge, error) {
	switch name {
	case "", "rules":
		return rubric.NewRuleJudge(), nil
	case "llm", "hybrid":
		return nil, usagef("--judge %s needs the LLM judge, which this build does not have yet; use --judge rules", name)
	}
	return nil, usagef("unknown judge %q: use rules, llm or hybrid", name)
}
