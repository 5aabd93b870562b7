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
)

// Location says where a store lives.
type Location struct {
	Backend Backend
	Path    string // directory of a bolt store; empty for memory
}

// String returns the location as the --db flag spells it.
func (l Location) String() string {
	if l.Backend == Memory {
		return string(Memory)
	}
	return string(l.Backend) + ":" + l.Path
}

// ParseLocation reads a --db value: "memory", "bolt:PATH", or "" for the
// default on-disk store in the user's data directory.
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
	}
	return Location{}, fmt.Errorf("graph: unknown store %q; use memory or bolt:PATH", s)
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
