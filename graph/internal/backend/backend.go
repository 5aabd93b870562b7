// Package backend is the contract between the graph domain and the
// storage backends that hold its quads (graph/backend/...): what a backend
// opens, how an import writes into it, how the domain learns that others
// changed it, and the errors both sides speak.
//
// Each backend registers itself from its package's init, as Cayley's
// backends do; the domain opens a store by the backend's name and never
// asks which backend it runs on. The backends import this package and
// never the domain, so the domain may import them.
package backend

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Errors a caller may want to tell apart, tested with errors.Is. Package
// graph exports them under the same names.
var (
	ErrLocked   = errors.New("the store is open in another Reelgraph; close that window first")
	ErrNotStore = errors.New("not a Reelgraph store")

	ErrUnreachable = errors.New("the database server does not answer; check that it runs and that the network reaches it: Reelgraph reconnects by itself once it is back")
	ErrLogin       = errors.New("the database server refused the login")
	ErrNoDatabase  = errors.New("the database does not exist")
	ErrPrivilege   = errors.New("the database user lacks a privilege Reelgraph needs")

	// ErrImportDone is returned by a Target used after Commit or Abort.
	ErrImportDone = errors.New("import already finished")

	// ErrReadOnly is returned by NewImport of a store opened for reading
	// only.
	ErrReadOnly = errors.New("the store is read-only")
)

// Noter is a Store with something to tell the person who opened it: what
// it cleaned up, or that it opened for reading only. Each note is a
// sentence.
type Noter interface {
	Notes() []string
}

// Faults lets the tests of a backend inject a fault at a point that no
// reader or server outside the backend can reach in step: a hook runs
// there, and the code waits for it. Nil hooks do nothing; only tests set
// them, and not while a backend is in use.
var Faults struct {
	// InCopy runs while a bulk load's COPY of a batch's quads is open on
	// the server, before its first row is sent.
	InCopy func()
}

// Config says which store to open.
type Config struct {
	// Path is the directory of a store on disk; empty for the others.
	Path string
	// URL is the connection URL of a store on a database server, as given
	// (password included); empty for the others.
	URL string
	// Shown is the location as people see it (no password), for errors.
	Shown string
	// Seed, when set, is read into a store that Open creates. A store that
	// already exists is never seeded again.
	Seed func() quad.Reader
}

// Store is an open store of one backend. Its methods are safe for
// concurrent use, but the domain calls NewImport, Changed, Indexed and Close one at
// a time (under its write lock).
type Store interface {
	// QuadStore returns the Cayley quad store the domain reads, and that
	// Load writes through ApplyDeltas. It is the same value for the life of
	// the Store, even when an import replaces what is behind it.
	QuadStore() cgraph.QuadStore

	// NewImport begins an import: what is added to the Target becomes
	// visible in QuadStore all at once, at Commit, or never.
	NewImport(ctx context.Context) (Target, error)

	// Changed reports whether others wrote to the store since the domain's
	// index last matched it, with the store's version now, to pass to
	// Indexed once the index is built again. A store nobody else writes to
	// (see Registration.Shared) always reports false and no error.
	Changed(ctx context.Context) (version int64, changed bool, err error)

	// Indexed records that the domain's index matches the store at
	// version, as Changed returned it.
	Indexed(version int64)

	// Snapshot returns a directory the domain may keep a snapshot of its
	// index in, and the stamp of the stored files now (their size and
	// modification time, which any write changes). ok is false for a store
	// that keeps no snapshot; an error reading the stamp is reported as
	// ok = false too, as the snapshot only saves time.
	Snapshot() (dir string, st Stamp, ok bool)

	// Close releases the store and whatever it holds (files, locks,
	// connections). It is called once.
	Close() error
}

// Stamp identifies the state of a store's files.
type Stamp struct {
	Size, ModTime int64
}

// Target is where an import writes before it commits. Its methods are
// called from one goroutine.
type Target interface {
	// Count returns the quads the target holds, those added so far
	// included.
	Count(ctx context.Context) (int64, error)
	// Known reports whether v is the subject of a quad of the target.
	Known(v quad.Value) (bool, error)
	// Add adds a batch of quads, skipping those already held. It does not
	// keep the slice.
	Add(batch []quad.Quad) error
	// Commit makes everything added visible in the store, at once. A second
	// call returns ErrImportDone.
	Commit() error
	// Abort drops everything added. It is a no-op after Commit.
	Abort()
}

// LabelCounter is a Target that counts the quads it adds per graph label,
// which saves reading them all again after an import when the label is
// new: counting the quads of a label reads every quad of a bolt store.
type LabelCounter interface {
	// NewLabel returns how many quads carry label l, and false if the
	// store held l before the import or the target does not know.
	NewLabel(l quad.Value) (int, bool)
}

// Registration describes a backend to the domain.
type Registration struct {
	// Name is how --db names the backend: "memory", or "bolt" in
	// "bolt:PATH".
	Name string
	// Schemes are the URL schemes of the stores on a database server this
	// backend opens ("postgres", "postgresql"); none for the others.
	Schemes []string
	// Path says the backend's stores live in a directory (Config.Path).
	Path bool
	// Shared says other processes may write to the backend's stores, so
	// that the domain's index falls behind until it is refreshed.
	Shared bool
	// Open opens the store cfg names, creating it (and reading cfg.Seed
	// into it) when it does not exist yet.
	Open func(ctx context.Context, cfg Config) (Store, error)
}

var (
	mu       sync.RWMutex
	registry = make(map[string]Registration)
)

// Register makes a backend known to the domain. It panics when the name
// or one of the schemes is taken, as two backends by one name are a bug.
func Register(r Registration) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[r.Name]; dup {
		panic(fmt.Sprintf("backend: %q registered twice", r.Name))
	}
	for _, other := range registry {
		for _, a := range other.Schemes {
			for _, b := range r.Schemes {
				if a == b {
					panic(fmt.Sprintf("backend: scheme %q registered by %q and %q", a, other.Name, r.Name))
				}
			}
		}
	}
	registry[r.Name] = r
}

// Lookup returns the backend registered by name.
func Lookup(name string) (Registration, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := registry[name]
	return r, ok
}

// ByScheme returns the backend that opens URLs of the given scheme.
func ByScheme(scheme string) (Registration, bool) {
	mu.RLock()
	defer mu.RUnlock()
	for _, r := range registry {
		for _, s := range r.Schemes {
			if s == scheme {
				return r, true
			}
		}
	}
	return Registration{}, false
}

// Names returns the names of the registered backends, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	var out []string
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Load reads every quad of r and adds them to qs in one ApplyDeltas,
// skipping quads already present. It returns the quads read.
func Load(ctx context.Context, qs cgraph.QuadStore, r quad.Reader) ([]quad.Quad, error) {
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

// IsSubject reports whether v is the subject of a quad of qs.
func IsSubject(qs cgraph.QuadStore, v quad.Value) (bool, error) {
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return false, err
	}
	it := qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	found := it.Next(context.Background())
	return found, it.Err()
}
