package cpuslot

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkNetworkWakeUnderSlots measures how long a goroutine readied by
// the network (a connection's reader, standing for Slack's request reaching
// the acknowledgement's handler) waits to run while workers pass the CPU
// slots among themselves, as the bot's workers do: each takes a slot,
// works 200 µs of CPU, gives it back for a 100 µs wait and takes it again,
// works 200 µs more and leaves. A message goes over a loopback connection
// every 2 ms (one op), stamped as it is written; the metrics are the
// percentiles, in µs, of the time from the stamp to the reader reading it.
// -cpu 1 shows the scheduling alone; -cpu 2 is the two cores.
func BenchmarkNetworkWakeUnderSlots(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			close(accepted)
			return
		}
		accepted <- c
	}()
	out, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	in, ok := <-accepted
	if !ok {
		b.Fatal("accept failed")
	}
	defer in.Close()

	g := New(runtime.GOMAXPROCS(0) - 1)
	ctx, stop := context.WithCancel(context.Background())
	var workers sync.WaitGroup
	spin := func(d time.Duration) {
		for end := time.Now().Add(d); time.Now().Before(end); {
		}
	}
	for range 16 {
		workers.Go(func() {
			for ctx.Err() == nil {
				held, leave, err := g.Enter(ctx)
				if err != nil {
					return
				}
				spin(200 * time.Microsecond)
				Wait(held, func() { time.Sleep(100 * time.Microsecond) })
				spin(200 * time.Microsecond)
				leave()
			}
		})
	}

	var waits []time.Duration
	var mu sync.Mutex
	read := make(chan struct{})
	go func() {
		defer close(read)
		buf := make([]byte, 8)
		for {
			if _, err := io.ReadFull(in, buf); err != nil {
				return
			}
			sent := time.Unix(0, int64(binary.LittleEndian.Uint64(buf)))
			mu.Lock()
			waits = append(waits, time.Since(sent))
			mu.Unlock()
		}
	}()
	tick := time.NewTicker(2 * time.Millisecond)
	defer tick.Stop()
	buf := make([]byte, 8)
	b.ResetTimer()
	for range b.N {
		<-tick.C
		binary.LittleEndian.PutUint64(buf, uint64(time.Now().UnixNano()))
		if _, err := out.Write(buf); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	out.Close() // the reader reads what is left, then EOF
	<-read
	stop()
	workers.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(waits) == 0 {
		b.Fatal("nothing read")
	}
	slices.Sort(waits)
	for _, q := range []float64{0.50, 0.99, 0.999} {
		w := waits[min(len(waits)-1, int(q*float64(len(waits))))]
		b.ReportMetric(float64(w.Microseconds()), fmt.Sprintf("p%g-µs", 100*q))
	}
}
