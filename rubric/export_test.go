package rubric

// Tokenizer exposes the tokenise-only baseline to the benchmarks.
type Tokenizer struct{ d doc }

// Tokenize lower-cases and tokenises text, reusing the tokenizer's buffers.
func (t *Tokenizer) Tokenize(text string) int { return tokenize(text, &t.d) }
