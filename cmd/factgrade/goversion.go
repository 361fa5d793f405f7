package main

import (
	"fmt"
	"go/version"
	"runtime"
	"strings"
)

const (
	// fixedGo is the oldest Go release whose standard library has the
	// security fixes factgrade's code reaches (net/http, net/textproto
	// and crypto/tls in go1.26.9, crypto/x509 in go1.26.10; see
	// docs/OPERATIONS.md, "Which Go").
	fixedGo = "go1.26.10"
	// releaseGo is the Go releases and the image are built with: go.mod's
	// toolchain line and the Dockerfile's build stage.
	releaseGo = "go1.27.3"
)

// goVersion is the Go release the running binary was built with; tests
// replace it.
var goVersion = runtime.Version

// goOlderThanFixed reports whether v, a runtime.Version(), names a Go
// release older than fixedGo. A development build ("devel go1.27-…") is
// not a release and is not compared; a suffix after the version (a space
// and experiments, "-bigcorp") is ignored.
func goOlderThanFixed(v string) bool {
	if f := strings.Fields(v); len(f) > 0 {
		v = f[0]
	}
	if !version.IsValid(v) {
		return false
	}
	return version.Compare(v, fixedGo) < 0
}

// goVersionWarning is the warning for a binary built with v, or "" when v
// has the fixes (or is a development build).
func goVersionWarning(v string) string {
	if !goOlderThanFixed(v) {
		return ""
	}
	return fmt.Sprintf("this binary was built with %s, which lacks standard-library security fixes factgrade's code reaches (Go before %s); rebuild it with %s, as the Dockerfile does (export GOTOOLCHAIN=%s before go build; docs/OPERATIONS.md, \"Which Go\")", v, fixedGo, releaseGo, releaseGo)
}
