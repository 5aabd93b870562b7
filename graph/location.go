package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Backend names a kind of store.
type Backend string

// Backends Reelgraph can open.
const (
	Memory Backend = "memory" // an in-memory store, gone when closed
	Bolt   Backend = "bolt"   // an on-disk Cayley bolt store
	// Postgres is a PostgreSQL database, through Cayley's SQL backend.
	Postgres Backend = "postgres"
	// Cockroach is a CockroachDB database, through Cayley's SQL backend.
	Cockroach Backend = "cockroach"
)

// Location says where a store lives.
type Location struct {
	Backend Backend
	Path    string // directory of a bolt store; empty for memory
	// URL is the connection URL of a Postgres or Cockroach store, as
	// given (password included); empty for the others.
	URL string
}

// String returns the location as the --db flag spells it, but with any
// password in a database URL replaced by xxxxx: it is shown to people.
func (l Location) String() string {
	switch l.Backend {
	case Memory:
		return string(Memory)
	case Postgres, Cockroach:
		return redactURL(l.URL)
	}
	return string(l.Backend) + ":" + l.Path
}

// ParseLocation reads a --db value: "memory", "bolt:PATH", a database URL
// "postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]" (or
// postgresql://) or "cockroach://…" of the same form, or "" for the default
// on-disk store in the user's data directory.
func ParseLocation(s string) (Location, error) {
	switch {
	case s == "":
		dir, err := DataDir()
		if err != nil {
			return Location{}, err
		}
		return Location{Backend: Bolt, Path: filepath.Join(dir, "store")}, nil
	case s == string(Memory):
		return Location{Backend: Memory}, nil
	case strings.HasPrefix(s, string(Bolt)+":"):
		p := strings.TrimPrefix(s, string(Bolt)+":")
		if p == "" {
			return Location{}, fmt.Errorf("graph: %q names no path; write bolt:PATH", s)
		}
		return Location{Backend: Bolt, Path: p}, nil
	case strings.Contains(s, "://"):
		return parseURLLocation(s)
	}
	return Location{}, fmt.Errorf("graph: unknown store %q; use memory, bolt:PATH, postgres://… or cockroach://…", s)
}

// DataDir returns Reelgraph's directory under the user's data directory:
// $XDG_DATA_HOME/reelgraph, or ~/.local/share/reelgraph.
func DataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "reelgraph"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("graph: no data directory: %w", err)
	}
	return filepath.Join(home, ".local", "share", "reelgraph"), nil
}
