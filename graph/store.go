package graph

import (
	"context"
	"fmt"
	"sync"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// Errors a caller may want to tell apart, tested with errors.Is.
var (
	ErrLocked   = backend.ErrLocked
	ErrNotStore = backend.ErrNotStore
	ErrReadOnly = backend.ErrReadOnly
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
	loc Location
	be  backend.Store    // the backend that holds the quads
	qs  cgraph.QuadStore // be's quad store

	functional []ID // Options.Functional

	writeMu sync.Mutex // serializes Import, Load and Refresh

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
// when it does not exist yet. Creation is atomic: a store on disk is built
// in a temporary directory and renamed into place only once fully seeded;
// a database is seeded in one transaction.
func Open(ctx context.Context, loc Location, opt Options) (*Store, error) {
	reg, ok := backend.Lookup(string(loc.Backend))
	if !ok {
		return nil, fmt.Errorf("graph: unknown backend %q", loc.Backend)
	}
	be, err := reg.Open(ctx, backend.Config{Path: loc.Path, URL: loc.URL, Shown: loc.String(), Seed: opt.Seed})
	if err != nil {
		return nil, err
	}
	s := &Store{loc: loc, be: be, qs: be.QuadStore(), functional: opt.Functional}
	if err := s.openIndex(ctx); err != nil {
		be.Close() // not s.Close, which would save the half-built index
		return nil, err
	}
	return s, nil
}

// Load adds every quad r yields, all in one transaction: either all land or
// none do. Quads already in the store are skipped. It returns how many quads
// were read.
func (s *Store) Load(ctx context.Context, r quad.Reader) (int, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	quads, err := backend.Load(ctx, s.qs, r)
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

// Notes returns what opening the store did that the person who opened it
// should know, as sentences: the leftovers of interrupted imports it
// removed, or that it opened for reading only. Usually none.
func (s *Store) Notes() []string {
	if n, ok := s.be.(backend.Noter); ok {
		return n.Notes()
	}
	return nil
}

// Location returns where the store lives.
func (s *Store) Location() Location { return s.loc }

// Close releases the store. It is safe to call more than once, and while
// reads are under way: they fail rather than race.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.saveIndex(context.Background())
		s.closeErr = s.be.Close()
	})
	return s.closeErr
}
