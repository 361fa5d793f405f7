// Package reliability holds factgrade's reliability and security suite:
// tests that run the real bot, storage, rubrics and judges against fake
// Slack and OpenAI servers while faults are injected (the model down, slow
// or rate-limited, Slack failing or retrying, the database locked or
// unreachable) and hostile input arrives, and that end by checking nothing
// accepted was lost, nothing was posted twice and the editor was told what
// happened. Every test is named TestReliability…; its doc comment says what
// it proves, and it logs its figures on lines starting "RESULT ".
// 'go run ./cmd/factgrade-reliability' runs them (with the tests elsewhere
// that cover the same ground) and writes RELIABILITY.md.
package reliability
