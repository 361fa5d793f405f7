package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/factgrade/factgrade/config"
)

const healthcheckUsage = `Usage: factgrade healthcheck [-timeout 3s]

GETs /livez on the port of FACTGRADE_ADDR (default :8080) on this host, for a
container HEALTHCHECK: the image has no shell or curl.
Exit status: 0 when the server answers 200, 1 otherwise (Docker reserves 2).`

// runHealthcheck runs 'factgrade healthcheck'. Every failure, bad flags
// included, exits 1: Docker reads any other non-zero status as reserved.
func runHealthcheck(ctx context.Context, e *env, args []string) error {
	fs := flag.NewFlagSet("healthcheck", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprintln(e.stderr, healthcheckUsage) }
	timeout := fs.Duration("timeout", 3*time.Second, "how long to wait for the answer")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errHelpShown
		}
		return fmt.Errorf("healthcheck: %w", err)
	}
	if fs.NArg() > 0 || *timeout <= 0 {
		return fmt.Errorf("healthcheck: takes only -timeout with a positive duration")
	}
	addr := e.getenv("FACTGRADE_ADDR")
	if addr == "" {
		addr = config.DefaultAddr
	}
	url, err := livezURL(addr)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	// No proxy: HTTP_PROXY in the container's environment must not
	// redirect a loopback check.
	client := &http.Client{Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true}}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: GET %s: %w", url, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: GET %s: %s %s", url, resp.Status, body)
	}
	fmt.Fprintf(e.stdout, "ok %s\n", url)
	return nil
}

// livezURL returns the /livez URL of the server listening on addr, on the
// loopback interface unless addr names a specific host.
func livezURL(addr string) (string, error) {
	port, err := config.ListenPort(addr)
	if err != nil {
		return "", fmt.Errorf("FACTGRADE_ADDR %q is not HOST:PORT or :PORT", addr)
	}
	if port == 0 {
		return "", fmt.Errorf("FACTGRADE_ADDR %q has port 0; a health check needs a fixed port", addr)
	}
	host, _, _ := net.SplitHostPort(addr)
	switch host {
	case "", "0.0.0.0", "::":
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(port)) + "/livez", nil
}
