# syntax=docker/dockerfile:1
#
# factgrade's image: one static binary on distroless, run as nonroot
# (uid and gid 65532, given as numbers so Kubernetes' runAsNonRoot can
# verify them without reading /etc/passwd).
#
#   docker build --build-arg VERSION=$(git describe --tags --always) -t factgrade .
#
# deploy/deploy_test.go checks this file with BuildKit's own parser, and
# .ci/build-image-check runs the go build command below outside Docker.
#
# The build stage's Go is go.mod's toolchain line, exactly (go1.27.3: it
# has the standard library's security fixes that go1.26.8 lacks, see
# .ci/govulncheck); deploy/deploy_test.go keeps the two the same. The golang
# images set GOTOOLCHAIN=local, so this tag alone decides the Go.

FROM golang:1.27.3 AS build
WORKDIR /src

# Modules first, in a layer of their own: editing the source does not
# download them again.
COPY go.mod go.sum ./
RUN go mod download

COPY . .
ARG VERSION=dev
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.Version=$VERSION" -o /out/factgrade ./cmd/factgrade

# The SQLite directory, owned by nonroot (65532) so a fresh volume mounted
# on it is writable.
RUN mkdir -p /out/data


FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/factgrade /factgrade
COPY --from=build --chown=65532:65532 /out/data /data
ENV FACTGRADE_DATA_DIR=/data \
    FACTGRADE_ADDR=:8080
VOLUME ["/data"]
EXPOSE 8080
USER 65532:65532
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
    CMD ["/factgrade", "healthcheck"]
ENTRYPOINT ["/factgrade"]
CMD ["serve"]
