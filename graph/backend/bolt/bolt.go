// Package bolt is the backend of stores on disk: a directory holding a
// Cayley bolt (bbolt) database, a lock file while a Reelgraph has it open,
// and the domain's index snapshot. It registers itself as "bolt", for
// --db bolt:PATH.
//
// Imports build their result in a copy of the database, written by kvBulk
// in Cayley's layout, and swap it in whole (target.go); readers keep
// reading the old file until then, through a swapStore.
package bolt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // registers Cayley's bbolt backend
	"github.com/cayleygraph/quad"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bbolt "go.etcd.io/bbolt"

	"reelgraph/graph/internal/backend"
)

// Name is the backend's name in --db bolt:PATH.
const Name = "bolt"

const (
	// cayleyBolt is the Cayley backend behind bolt stores: bbolt, the
	// maintained fork of bolt, which reads and writes the same file format
	// (boltdb/bolt itself trips Go's pointer checks).
	cayleyBolt = "bbolt"
	boltFile   = "indexes.bolt"   // the file Cayley's bolt backends keep in their directory
	lockName   = "reelgraph.lock" // held while a Reelgraph has the store open
)

func init() {
	backend.Register(backend.Registration{Name: Name, Path: true, Open: open})
}

// store is an open bolt store.
type store struct {
	dir      string
	swap     *swapStore // the live database, which an import replaces
	lock     *os.File
	readOnly bool     // opened for reading only: the lock could not be written
	notes    []string // for Notes
}

// Notes says what opening the store cleaned up, or that it is read-only.
func (s *store) Notes() []string { return s.notes }

// open opens the store in directory cfg.Path, creating it (and reading
// cfg.Seed into it) when it does not exist yet. Creation is atomic: the
// store is built in a temporary directory and renamed into place only once
// fully seeded.
func open(ctx context.Context, cfg backend.Config) (backend.Store, error) {
	dir := cfg.Path
	fresh, err := checkBoltDir(dir)
	if err != nil {
		return nil, err
	}
	if fresh {
		if err := createBolt(ctx, dir, cfg.Seed); err != nil {
			return nil, err
		}
	}
	if fileBusy(filepath.Join(dir, boltFile)) {
		return nil, fmt.Errorf("graph: open %s: %w", dir, backend.ErrLocked)
	}
	_, statErr := os.Stat(filepath.Join(dir, lockName))
	lock, err := lockStore(dir)
	if err != nil && cannotWrite(err) {
		return openReadOnly(dir)
	} else if err != nil {
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	var notes []string
	if n, size := removeImportLeftovers(dir); n > 0 {
		notes = append(notes, fmt.Sprintf("removed %d unfinished import%s (%s) that an interrupted import left in %s", n, plural(n), megabytes(size), dir))
	}
	qs, err := cgraph.NewQuadStore(cayleyBolt, dir, liveBolt)
	if err != nil {
		lock.Close()
		if errors.Is(statErr, os.ErrNotExist) {
			os.Remove(filepath.Join(dir, lockName)) // leave the directory as it was
		}
		return nil, fmt.Errorf("graph: open %s: %w (%v)", dir, backend.ErrNotStore, err)
	}
	return &store{dir: dir, swap: newSwapStore(qs), lock: lock, notes: notes}, nil
}

// lockStore locks a store's directory: lockDir, but for tests, which stand
// in for a file system that refuses writes, as root's never does.
var lockStore = lockDir

// cannotWrite reports whether err says the store's directory or lock file
// cannot be written: a read-only file system, or permissions.
func cannotWrite(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// openReadOnly opens the store in dir for reading only, as its lock file
// cannot be written: bolt's shared lock keeps writers out while it is
// open, and imports are refused. Leftovers of interrupted imports stay.
func openReadOnly(dir string) (backend.Store, error) {
	db, err := hbolt.Open(filepath.Join(dir, boltFile), &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("graph: open %s: %w", dir, backend.ErrLocked)
	} else if err != nil {
		return nil, fmt.Errorf("graph: open %s read-only: %w", dir, err)
	}
	qs, err := ckv.New(db, liveBolt)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("graph: open %s: %w (%v)", dir, backend.ErrNotStore, err)
	}
	note := fmt.Sprintf("the store %s cannot be written (its lock file cannot be created or opened for writing), so it is open for reading only: imports are refused", dir)
	return &store{dir: dir, swap: newSwapStore(qs), readOnly: true, notes: []string{note}}, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// megabytes writes a size for a person: 98 MB, 0.3 MB.
func megabytes(n int64) string {
	if n < 10e6 {
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%d MB", (n+5e5)/1e6)
}

func (s *store) QuadStore() cgraph.QuadStore { return s.swap }

// Changed reports false: nobody else writes to the store, whose lock keeps other Reelgraphs out.
func (s *store) Changed(context.Context) (int64, bool, error) { return 0, false, nil }

// Indexed does nothing: the domain's index always matches the store.
func (s *store) Indexed(int64) {}

// Snapshot returns the store's directory and the stamp of its bolt file.
func (s *store) Snapshot() (string, backend.Stamp, bool) {
	fi, err := os.Stat(filepath.Join(s.dir, boltFile))
	if err != nil {
		return "", backend.Stamp{}, false
	}
	return s.dir, backend.Stamp{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}, true
}

// Close closes the database and releases the lock.
func (s *store) Close() error {
	err := s.swap.Close()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// checkBoltDir says whether dir must be created (true) or holds a store
// (false); anything else there is refused, so nothing is overwritten.
func checkBoltDir(dir string) (bool, error) {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return true, nil
	case err != nil:
		return false, fmt.Errorf("graph: open %s: %w", dir, err)
	case !fi.IsDir():
		return false, fmt.Errorf("graph: open %s: %w: it is a file; give a directory", dir, backend.ErrNotStore)
	}
	if _, err := os.Stat(filepath.Join(dir, boltFile)); err == nil {
		return false, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("graph: open %s: %w: the directory holds other files and no %s", dir, backend.ErrNotStore, boltFile)
	}
	return true, nil
}

// createBolt builds a seeded bolt store in a temporary sibling of dir and
// renames it into place, so that dir never holds half a store.
func createBolt(ctx context.Context, dir string, seed func() quad.Reader) error {
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("graph: create %s: %w", dir, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-")
	if err != nil {
		return fmt.Errorf("graph: create %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp) // a no-op once renamed
	if err := cgraph.InitQuadStore(cayleyBolt, tmp, nil); err != nil {
		return fmt.Errorf("graph: create %s: %w", dir, err)
	}
	if seed != nil {
		qs, err := cgraph.NewQuadStore(cayleyBolt, tmp, nil)
		if err != nil {
			return fmt.Errorf("graph: create %s: %w", dir, err)
		}
		_, err = backend.Load(ctx, qs, seed())
		if cerr := qs.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("graph: seed %s: %w", dir, err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("graph: create %s: %w", dir, err)
	}
	return nil
}
