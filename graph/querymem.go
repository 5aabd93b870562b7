package graph

import (
	"runtime"
	"runtime/metrics"
	"time"
)

// heapObjects names the runtime metric of the bytes the heap's objects
// take, live or not yet collected; reading it does not stop the world.
const heapObjects = "/memory/classes/heap/objects:bytes"

// queryWatchEvery is how often a query's memory is looked at. A string
// that doubles takes longer than this to copy once it is large, so a
// runaway query is caught within one doubling of its limit.
const queryWatchEvery = 2 * time.Millisecond

// watchMemory calls over, once, when the Go heap has grown by more than
// limit bytes since watchMemory was called, and returns the function that
// stops watching. Growth is checked every queryWatchEvery; when the heap
// seems past the limit, a collection tells the live bytes from garbage, so
// that a query that merely makes garbage fast is not stopped; such a query
// costs at most one collection per limit bytes it allocates.
func watchMemory(limit int64, over func()) (stop func()) {
	if limit <= 0 {
		return func() {}
	}
	sample := []metrics.Sample{{Name: heapObjects}}
	heap := func() int64 {
		metrics.Read(sample)
		return int64(sample[0].Value.Uint64())
	}
	base := heap()
	trigger := base + limit // the heap that calls for a collection
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(queryWatchEvery)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			if heap() <= trigger {
				continue
			}
			runtime.GC()
			live := heap()
			if live-base > limit {
				over()
				return
			}
			// Garbage: collect again only once as much more is allocated.
			trigger = live + limit
		}
	}()
	return func() {
		close(done)
		<-stopped
	}
}
