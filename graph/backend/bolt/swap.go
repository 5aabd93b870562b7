package bolt

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// swapStore is a Cayley quad store whose backing store an import can
// replace while readers keep using it: every call goes to the current
// store, and a replaced store stays open (for iterators begun on it) until
// the swapStore closes.
//
// It is only used over bolt stores, where a replacement is a copy of the
// current file with quads appended, so node and quad references stay valid
// across a swap: a reference taken from the old store names the same thing
// in the new one.
type swapStore struct {
	cur atomic.Pointer[qsBox]

	mu      sync.Mutex // guards retired
	retired []cgraph.QuadStore
}

type qsBox struct{ cgraph.QuadStore }

var _ cgraph.QuadStore = (*swapStore)(nil)

func newSwapStore(qs cgraph.QuadStore) *swapStore {
	w := &swapStore{}
	w.cur.Store(&qsBox{qs})
	return w
}

func (w *swapStore) get() cgraph.QuadStore { return w.cur.Load().QuadStore }

// swap makes qs the current store and retires the previous one.
func (w *swapStore) swap(qs cgraph.QuadStore) {
	old := w.cur.Swap(&qsBox{qs})
	w.mu.Lock()
	w.retired = append(w.retired, old.QuadStore)
	w.mu.Unlock()
}

func (w *swapStore) ValueOf(v quad.Value) (refs.Ref, error) { return w.get().ValueOf(v) }
func (w *swapStore) NameOf(r refs.Ref) (quad.Value, error)  { return w.get().NameOf(r) }
func (w *swapStore) Quad(r refs.Ref) (quad.Quad, error)     { return w.get().Quad(r) }
func (w *swapStore) QuadIterator(d quad.Direction, r refs.Ref) iterator.Shape {
	return w.get().QuadIterator(d, r)
}
func (w *swapStore) QuadIteratorSize(ctx context.Context, d quad.Direction, r refs.Ref) (refs.Size, error) {
	return w.get().QuadIteratorSize(ctx, d, r)
}
func (w *swapStore) QuadDirection(id refs.Ref, d quad.Direction) (refs.Ref, error) {
	return w.get().QuadDirection(id, d)
}
func (w *swapStore) Stats(ctx context.Context, exact bool) (cgraph.Stats, error) {
	return w.get().Stats(ctx, exact)
}
func (w *swapStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	return w.get().ApplyDeltas(in, opts)
}
func (w *swapStore) NewQuadWriter() (quad.WriteCloser, error) { return w.get().NewQuadWriter() }
func (w *swapStore) NodesAllIterator() iterator.Shape         { return w.get().NodesAllIterator() }
func (w *swapStore) QuadsAllIterator() iterator.Shape         { return w.get().QuadsAllIterator() }

// Close closes the current store and every retired one.
func (w *swapStore) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	errs := []error{w.get().Close()}
	for _, qs := range w.retired {
		errs = append(errs, qs.Close())
	}
	w.retired = nil
	return errors.Join(errs...)
}
