package graph

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// importTarget is where an import writes before it commits. Its methods are
// called from one goroutine.
type importTarget interface {
	// count returns the quads the target holds, those added so far included.
	count(ctx context.Context) (int64, error)
	// known reports whether v is the subject of a quad of the target.
	known(v quad.Value) (bool, error)
	// add adds a batch of quads, skipping those already held. It does not
	// keep the slice.
	add(batch []quad.Quad) error
	// commit makes everything added visible in the store, at once.
	commit() error
	// abort drops everything added. It is a no-op after commit.
	abort()
}

// labelCounter is an importTarget that counts the quads it adds per graph
// label, which saves reading them all again after an import when the label
// is new: counting the quads of a label reads every quad of a bolt store.
type labelCounter interface {
	// newLabel returns how many quads carry label l, and false if the store
	// held l before the import or the target does not know.
	newLabel(l quad.Value) (int, bool)
}

// importPrefix names the directories on-disk imports build their copies in,
// inside the store's directory. Open removes any it finds: they are what
// an import killed before committing leaves behind.
const importPrefix = ".import-"

func (s *Store) newTarget() (importTarget, error) {
	if s.swap != nil {
		return s.newBoltTarget()
	}
	if w, ok := s.qs.(*sqlStore); ok && w.bulk() {
		return w.newTarget() // sqlimport.go
	}
	return &memTarget{live: s.qs, seen: make(map[quad.Value]struct{}), pend: make(map[quad.Quad]struct{})}, nil
}

// memTarget imports into an in-memory store. It holds the quads until
// commit and applies them in one ApplyDeltas: the store is in memory
// anyway, and the deltas cost about what the stored quads will.
type memTarget struct {
	live   cgraph.QuadStore
	deltas []cgraph.Delta
	pend   map[quad.Quad]struct{}  // the quads of deltas: a repeated quad is held once
	seen   map[quad.Value]struct{} // subjects added so far
	done   bool
}

func (t *memTarget) count(ctx context.Context) (int64, error) {
	st, err := t.live.Stats(ctx, false)
	if err != nil {
		return 0, err
	}
	// Duplicates within the pending deltas are not known until they are
	// applied; count the distinct ones.
	return st.Quads.Value + int64(len(t.pending())), nil
}

// pending returns the deltas the live store does not hold yet, compacting
// t.deltas on the way (add keeps them free of repeats).
func (t *memTarget) pending() []cgraph.Delta {
	out := t.deltas[:0]
	for _, d := range t.deltas {
		if t.holds(d.Quad) {
			delete(t.pend, d.Quad)
			continue
		}
		out = append(out, d)
	}
	t.deltas = out
	return out
}

// holds reports whether the live store has q.
func (t *memTarget) holds(q quad.Quad) bool {
	ref, err := t.live.ValueOf(q.Subject)
	if err != nil || ref == nil {
		return false
	}
	found := false
	for _, d := range []quad.Direction{quad.Predicate, quad.Object, quad.Label} {
		r, err := t.live.ValueOf(q.Get(d))
		if err != nil || r == nil {
			return false
		}
	}
	it := t.live.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for !found && it.Next(context.Background()) {
		if got, err := t.live.Quad(it.Result()); err == nil && got == q {
			found = true
		}
	}
	return found
}

func (t *memTarget) known(v quad.Value) (bool, error) {
	if _, ok := t.seen[v]; ok {
		return true, nil
	}
	return isSubject(t.live, v)
}

// isSubject reports whether v is the subject of a quad of qs.
func isSubject(qs cgraph.QuadStore, v quad.Value) (bool, error) {
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return false, err
	}
	it := qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	found := it.Next(context.Background())
	return found, it.Err()
}

func (t *memTarget) add(batch []quad.Quad) error {
	for _, q := range batch {
		t.seen[q.Subject] = struct{}{}
		if _, dup := t.pend[q]; dup {
			continue
		}
		t.pend[q] = struct{}{}
		t.deltas = append(t.deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return nil
}

func (t *memTarget) commit() error {
	if t.done {
		return errImportDone
	}
	t.done = true
	err := t.live.ApplyDeltas(t.deltas, cgraph.IgnoreOpts{IgnoreDup: true})
	t.deltas, t.pend = nil, nil
	return err
}

func (t *memTarget) abort() { t.deltas, t.pend, t.done = nil, nil, true }

// boltTarget imports into a bolt store by building the result in a copy.
//
// Design. Bolt makes each transaction atomic, but one transaction holds
// every page it dirties in memory, so an import in one transaction needs
// memory in proportion to the file. Instead the import copies indexes.bolt
// into a directory of its own inside the store (importPrefix), writes into
// the copy in transactions of its own without fsync (nothing reads the
// copy, and it is thrown away on failure), fsyncs it once, and renames it
// over indexes.bolt: rename is atomic, so the store's directory holds the
// old file or the new one, never half of one. A crash before the rename
// leaves only the copy, which the next Open removes; a crash after it leaves
// the new store. The live store keeps answering reads from the old file
// throughout; the swapStore then points readers at the new file. The copy
// costs time in proportion to the store (about a second for 100 MB), which
// measured small beside the import itself.
//
// The copy is written by kvBulk, in Cayley's layout but without going
// through Cayley's writer, which costs several times more (see
// docs/BENCHMARKS.md); it holds up to kvChunkQuads quads' writes in memory.
type boltTarget struct {
	s    *Store
	dir  string // the temporary directory
	w    *kvBulk
	done bool
}

func (s *Store) newBoltTarget() (*boltTarget, error) {
	dir, err := os.MkdirTemp(s.loc.Path, importPrefix)
	if err != nil {
		return nil, err
	}
	t := &boltTarget{s: s, dir: dir}
	if err := copyFile(filepath.Join(s.loc.Path, boltFile), filepath.Join(dir, boltFile)); err != nil {
		t.abort()
		return nil, err
	}
	t.w, err = openKVBulk(filepath.Join(dir, boltFile))
	if err != nil {
		t.abort()
		return nil, fmt.Errorf("open a copy of the store: %w", err)
	}
	return t, nil
}

func (t *boltTarget) count(context.Context) (int64, error) { return t.w.size, nil }

// known reports whether v is the subject of a quad the import added or
// the store held before.
func (t *boltTarget) known(v quad.Value) (bool, error) {
	known, sure, err := t.w.subject(v)
	if sure || err != nil {
		return known, err
	}
	return isSubject(t.s.qs, v)
}

func (t *boltTarget) add(batch []quad.Quad) error { return t.w.add(batch) }

func (t *boltTarget) newLabel(l quad.Value) (int, bool) { return t.w.newLabel(l) }

func (t *boltTarget) commit() error {
	if t.done {
		return errImportDone
	}
	err := t.w.close()
	t.w = nil
	if err == nil {
		err = syncFile(filepath.Join(t.dir, boltFile))
	}
	live := filepath.Join(t.s.loc.Path, boltFile)
	if err == nil {
		err = os.Rename(filepath.Join(t.dir, boltFile), live)
	}
	if err != nil {
		return fmt.Errorf("write the store: %w", err)
	}
	t.abort() // remove the emptied directory
	syncFile(t.s.loc.Path)
	qs, err := cgraph.NewQuadStore(cayleyBolt, t.s.loc.Path, liveBolt)
	if err != nil {
		return fmt.Errorf("the import was written, but the store cannot be reopened: %w", err)
	}
	t.s.swap.swap(qs)
	return nil
}

func (t *boltTarget) abort() {
	if t.w != nil {
		t.w.abort()
		t.w = nil
	}
	t.done = true
	os.RemoveAll(t.dir)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncFile flushes a file or directory to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// removeImportLeftovers deletes the copies that imports killed before
// committing left in the store's directory dir. The caller holds the lock.
func removeImportLeftovers(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), importPrefix) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}
