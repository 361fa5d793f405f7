package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"time"
)

// bareChildEnv, set to 1, makes this program serve the bare handler in a
// process of its own instead of running the load (-bare-process).
const bareChildEnv = "FACTGRADE_LOAD_BARE_CHILD"

// bareHandler answers like an acknowledgement that does no work: it reads
// the body and writes a small JSON.
var bareHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"response_type":"ephemeral","text":"ok"}`)
})

// serveBareChild is the process -bare-process starts: the bare handler
// with factgrade's HTTP server settings (cmd/factgrade/listener.go and
// serve.go) on a loopback port it prints, until its standard input closes.
func serveBareChild() error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           bareHandler,
		MaxHeaderBytes:    32 << 10,
		ReadHeaderTimeout: 2 * time.Second,
		ReadTimeout:       5 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	go srv.Serve(ln)
	fmt.Printf("%s\n", ln.Addr())
	io.Copy(io.Discard, os.Stdin) // the load tool closes it, or exits
	return srv.Close()
}

// startBareProcess starts this program again as the bare handler's own
// process and returns its commands URL and how to stop it.
func startBareProcess() (string, func(), error) {
	self, err := os.Executable()
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), bareChildEnv+"=1")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return "", nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return "", nil, err
	}
	stop := func() {
		stdin.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	addr := strings.TrimSpace(line)
	if err != nil || addr == "" {
		stop()
		return "", nil, errors.Join(errors.New("the bare handler's process did not say its address"), err)
	}
	return "http://" + addr + "/slack/commands", stop, nil
}
