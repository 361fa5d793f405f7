package bot

import "time"

// Observer receives the bot's measurements; the metrics package implements
// it in cmd/factgrade. Kinds are "command", "shortcut", "interaction",
// "event" and "socket"; outcomes are short words such as "ok",
// "unauthorized", "bad_request", "duplicate", "busy" and "error".
type Observer interface {
	// Request counts one request from Slack and how long its
	// acknowledgement took.
	Request(kind, outcome string, ack time.Duration)
	// Graded records one grading attempt by the named judge.
	Graded(judge string, took time.Duration, err error)
	// SlackCall counts one Web API call: outcome "ok", "rate_limited",
	// "retry" or "error".
	SlackCall(method, outcome string)
	// QueueDepth reports how many submissions wait for a worker.
	QueueDepth(n int)
	// SocketReconnect counts one Socket Mode (re)connection attempt.
	SocketReconnect()
}

// reviewCounter is implemented by observers that also count grades marked
// for an editor's review.
type reviewCounter interface {
	NeedsReview(judge string)
}

// socketGauge is implemented by observers that also track whether a Socket
// Mode connection is open.
type socketGauge interface {
	SocketConnected(up bool)
}

type nopObserver struct{}

func (nopObserver) Request(string, string, time.Duration) {}
func (nopObserver) Graded(string, time.Duration, error)   {}
func (nopObserver) SlackCall(string, string)              {}
func (nopObserver) QueueDepth(int)                        {}
func (nopObserver) SocketReconnect()                      {}
