package bolt

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// importPrefix names the directories on-disk imports build their copies in,
// inside the store's directory. Open removes any it finds: they are what
// an import killed before committing leaves behind.
const importPrefix = ".import-"

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
	s    *store
	dir  string // the temporary directory
	w    *kvBulk
	done bool
}

// NewImport begins an import into a copy of the store.
func (s *store) NewImport(context.Context) (backend.Target, error) {
	if s.readOnly {
		return nil, fmt.Errorf("%w: it opened for reading only", backend.ErrReadOnly)
	}
	dir, err := os.MkdirTemp(s.dir, importPrefix)
	if err != nil {
		return nil, err
	}
	t := &boltTarget{s: s, dir: dir}
	if err := copyFile(filepath.Join(s.dir, boltFile), filepath.Join(dir, boltFile)); err != nil {
		t.Abort()
		return nil, err
	}
	t.w, err = openKVBulk(filepath.Join(dir, boltFile))
	if err != nil {
		t.Abort()
		return nil, fmt.Errorf("open a copy of the store: %w", err)
	}
	return t, nil
}

func (t *boltTarget) Count(context.Context) (int64, error) { return t.w.size, nil }

// known reports whether v is the subject of a quad the import added or
// the store held before.
func (t *boltTarget) Known(v quad.Value) (bool, error) {
	known, sure, err := t.w.subject(v)
	if sure || err != nil {
		return known, err
	}
	return backend.IsSubject(t.s.swap, v)
}

func (t *boltTarget) Add(batch []quad.Quad) error { return t.w.add(batch) }

func (t *boltTarget) NewLabel(l quad.Value) (int, bool) { return t.w.newLabel(l) }

func (t *boltTarget) Commit() error {
	if t.done {
		return backend.ErrImportDone
	}
	err := t.w.close()
	t.w = nil
	if err == nil {
		err = syncFile(filepath.Join(t.dir, boltFile))
	}
	live := filepath.Join(t.s.dir, boltFile)
	if err == nil {
		err = os.Rename(filepath.Join(t.dir, boltFile), live)
	}
	if err != nil {
		return fmt.Errorf("write the store: %w", err)
	}
	t.Abort() // remove the emptied directory
	syncFile(t.s.dir)
	qs, err := cgraph.NewQuadStore(cayleyBolt, t.s.dir, liveBolt)
	if err != nil {
		return fmt.Errorf("the import was written, but the store cannot be reopened: %w", err)
	}
	t.s.swap.swap(qs)
	return nil
}

func (t *boltTarget) Abort() {
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
// committing left in the store's directory dir, and returns how many it
// removed and their size in bytes. The caller holds the lock.
func removeImportLeftovers(dir string) (n int, size int64) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), importPrefix) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if fi, err := d.Info(); err == nil {
					size += fi.Size()
				}
			}
			return nil
		})
		if os.RemoveAll(path) == nil {
			n++
		}
	}
	return n, size
}
