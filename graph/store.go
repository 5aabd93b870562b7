package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // registers the bbolt backend
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"
)

const (
	// cayleyBolt is the Cayley backend behind Bolt stores: bbolt, the
	// maintained fork of bolt, which reads and writes the same file format
	// (boltdb/bolt itself trips Go's pointer checks).
	cayleyBolt = "bbolt"
	boltFile   = "indexes.bolt"   // the file Cayley's bolt backends keep in their directory
	lockName   = "reelgraph.lock" // held while a Reelgraph has the store open
)

// Errors a caller may want to tell apart, tested with errors.Is.
var (
	ErrLocked   = errors.New("the store is open in another Reelgraph; close that window first")
	ErrNotStore = errors.New("not a Reelgraph store")
)

func init() {
	// Cayley logs to stderr; every failure it logs also reaches the caller
	// as an error, so its log would only say things twice.
	clog.SetLogger(nil)
}

// Options tune Open.
type Options struct {
	// Seed, when set, is read into a store that Open creates. A store that
	// already exists is never seeded again.
	Seed func() quad.Reader
	// Functional names predicates that take one value per node, beside
	// those the store types owl:FunctionalProperty (see Disputes).
	Functional []ID
}

// Store is a knowledge graph held in a Cayley quad store, with an in-memory
// index of names and types for search and labelling. Safe for concurrent use.
type Store struct {
	loc  Location
	qs   cgraph.QuadStore
	lock *os.File

	functional []ID // Options.Functional

	// swap is qs, seen as the swappable store an import replaces; nil for
	// stores in memory. writeMu serializes Import and Load.
	swap    *swapStore
	writeMu sync.Mutex

	closeOnce sync.Once
	closeErr  error

	mu     sync.RWMutex // guards the fields below
	names  map[ID]nameInfo
	text   *TextIndex
	kinds  map[ID]int  // entities per type
	labels map[ID]int  // quads per graph label, i.e. facts per source
	adj    *adjacency  // edges and type members (adjacency.go)
	snap   snapshotKey // the store state the snapshot file holds (snapshot.go)

	// sources keeps Source's answers, Facts aside, until the next write;
	// writes counts the writes the index has seen, so that an answer read
	// during one is not kept.
	sources map[ID]Source
	writes  uint64
}

// nameInfo is what the index keeps of a node: enough to label and colour it
// without touching the store.
type nameInfo struct {
	label string
	rank  int // position of label's predicate in labelPredicates
	types []ID
}

// Open opens the store at loc, creating it (and reading opt.Seed into it)
// when it does not exist yet. Creation is atomic: a bolt store is built in a
// temporary directory and renamed into place only once fully seeded.
func Open(ctx context.Context, loc Location, opt Options) (*Store, error) {
	s := &Store{loc: loc, functional: opt.Functional}
	var err error
	switch loc.Backend {
	case Memory:
		s.qs = memstore.New()
		if opt.Seed != nil {
			if _, err = load(ctx, s.qs, opt.Seed()); err != nil {
				return nil, fmt.Errorf("graph: seed: %w", err)
			}
		}
	case Bolt:
		if err = s.openBolt(ctx, opt); err == nil {
			s.swap = newSwapStore(s.qs)
			s.qs = s.swap
		}
	case Postgres, Cockroach:
		err = s.openSQL(ctx, opt)
	default:
		err = fmt.Errorf("graph: unknown backend %q", loc.Backend)
	}
	if err != nil {
		return nil, err
	}
	if err := s.openIndex(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) openBolt(ctx context.Context, opt Options) error {
	dir := s.loc.Path
	fresh, err := checkBoltDir(dir)
	if err != nil {
		return err
	}
	if fresh {
		if err := createBolt(ctx, dir, opt.Seed); err != nil {
			return err
		}
	}
	if fileBusy(filepath.Join(dir, boltFile)) {
		return fmt.Errorf("graph: open %s: %w", dir, ErrLocked)
	}
	_, statErr := os.Stat(filepath.Join(dir, lockName))
	if s.lock, err = lockDir(dir); err != nil {
		return fmt.Errorf("graph: open %s: %w", dir, err)
	}
	removeImportLeftovers(dir)
	s.qs, err = cgraph.NewQuadStore(cayleyBolt, dir, liveBolt)
	if err != nil {
		s.lock.Close()
		s.lock = nil
		if errors.Is(statErr, os.ErrNotExist) {
			os.Remove(filepath.Join(dir, lockName)) // leave the directory as it was
		}
		return fmt.Errorf("graph: open %s: %w (%v)", dir, ErrNotStore, err)
	}
	return nil
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
		return false, fmt.Errorf("graph: open %s: %w: it is a file; give a directory", dir, ErrNotStore)
	}
	if _, err := os.Stat(filepath.Join(dir, boltFile)); err == nil {
		return false, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	if len(entries) > 0 {
		return false, fmt.Errorf("graph: open %s: %w: the directory holds other files and no %s", dir, ErrNotStore, boltFile)
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
		_, err = load(ctx, qs, seed())
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

// load reads every quad of r and adds them in one transaction, skipping
// quads already present. It returns the quads read.
func load(ctx context.Context, qs cgraph.QuadStore, r quad.Reader) ([]quad.Quad, error) {
	var quads []quad.Quad
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		quads = append(quads, q)
	}
	deltas := make([]cgraph.Delta, len(quads))
	for i, q := range quads {
		deltas[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	if err := qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
		return nil, err
	}
	return quads, nil
}

// Load adds every quad r yields, all in one transaction: either all land or
// none do. Quads already in the store are skipped. It returns how many quads
// were read.
func (s *Store) Load(ctx context.Context, r quad.Reader) (int, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	quads, err := load(ctx, s.qs, r)
	if err != nil {
		return 0, fmt.Errorf("graph: load: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetSourcesLocked()
	for _, q := range quads {
		s.indexQuad(q)
	}
	return len(quads), nil
}

// Location returns where the store lives.
func (s *Store) Location() Location { return s.loc }

// Close releases the store. It is safe to call more than once, and while
// reads are under way: they fail rather than race.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.qs != nil {
			s.saveIndex(context.Background())
			s.closeErr = s.qs.Close()
		}
		if s.lock != nil {
			s.lock.Close()
		}
	})
	return s.closeErr
}
