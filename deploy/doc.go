// Package deploy checks factgrade's packaging: the Dockerfile, .dockerignore
// and compose.yaml at the top of the repository, and the Helm chart in
// helm/factgrade. It is a module of its own (deploy/go.mod), so the heavy
// libraries its tests use (BuildKit's parser, Helm, client-go's Kubernetes
// schemas) never enter the main module's dependencies; .ci/run runs it. No Docker engine runs in CI,
// so its tests read those files with BuildKit's own Dockerfile parser and
// Docker's .dockerignore matcher and assert what the image must be: a
// multi-stage build with modules in a cached layer, the exact static build
// command (which .ci/build-image-check runs), a distroless non-root final
// stage with a /data volume and a HEALTHCHECK by 'factgrade healthcheck'.
//
// BuildCommand is the one build command the Dockerfile must run.
package deploy

// BuildCommand is the go build command of the Dockerfile's build stage,
// exactly. .ci/build-image-check extracts the same line from the Dockerfile
// and runs it outside Docker.
const BuildCommand = `CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=$VERSION" -o /out/factgrade ./cmd/factgrade`
