// Package engine is the rule judge's engine: it reads a text (folding,
// normalisation, tokens, sentences and clauses), finds the signals a rubric
// names in it (token patterns, word classes, the shared standards lexicon,
// negation, qualifiers and hedges), and decides which rule of a decision
// list holds. It knows nothing of stories, verdicts or scores: those are
// package rubric's, which compiles its files into the engine and turns the
// engine's decisions into verdicts. docs/RUBRICS.md is the grammar.
package engine

import "embed"

// LexiconFiles holds the shared lexicons built into factgrade
// (lexicon/*.yaml): the standards every story applies, in English, and
// its generated word families (go generate ./engine).
//
//go:generate go run ../internal/lexgen -wordnet /usr/share/wordnet -spec lexicon/families.spec.yaml -out lexicon/families.yaml
//go:embed lexicon/*.yaml
var LexiconFiles embed.FS
