package graph

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"reelgraph/graph/internal/backend"
)

// Backend names a kind of store: the name a backend registers under.
type Backend string

// Backends Reelgraph can open (graph/backend/...).
const (
	Memory Backend = "memory" // an in-memory store, gone when closed
	Bolt   Backend = "bolt"   // an on-disk Cayley bolt store
	// Postgres is a PostgreSQL database, through Cayley's SQL backend.
	Postgres Backend = "postgres"
)

// Location says where a store lives.
type Location struct {
	Backend Backend
	Path    string // directory of a store on disk; empty for the others
	// URL is the connection URL of a store on a database server, as given
	// (password included); empty for the others.
	URL string
}

// String returns the location as the --db flag spells it, but with any
// password in a database URL replaced by xxxxx: it is shown to people.
func (l Location) String() string {
	switch {
	case l.URL != "":
		return redactURL(l.URL)
	case l.Path != "":
		return string(l.Backend) + ":" + l.Path
	}
	return string(l.Backend)
}

// Shared reports whether other processes may write to the store, as to a
// database that several Reelgraphs share: then Store.Refresh has
// something to do.
func (l Location) Shared() bool {
	r, ok := backend.Lookup(string(l.Backend))
	return ok && r.Shared
}

// ParseLocation reads a --db value: "memory", "bolt:PATH", a database URL
// "postgres://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]" (or
// postgresql://), or "" for the default on-disk store in the user's data
// directory.
func ParseLocation(s string) (Location, error) {
	if s == "" {
		dir, err := DataDir()
		if err != nil {
			return Location{}, err
		}
		return Location{Backend: Bolt, Path: filepath.Join(dir, "store")}, nil
	}
	if strings.Contains(s, "://") {
		return parseURLLocation(s)
	}
	name, path, hasPath := strings.Cut(s, ":")
	r, ok := backend.Lookup(name)
	switch {
	case !ok:
		return Location{}, fmt.Errorf("graph: unknown store %q; use %s", s, spellings())
	case r.Path && path == "":
		return Location{}, fmt.Errorf("graph: %q names no path; write %s:PATH", s, name)
	case !r.Path && hasPath:
		return Location{}, fmt.Errorf("graph: unknown store %q; use %s", s, spellings())
	}
	return Location{Backend: Backend(name), Path: path}, nil
}

// parseURLLocation reads a database URL given to --db.
func parseURLLocation(s string) (Location, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Location{}, fmt.Errorf("graph: %s is not a database URL; write postgres://USER[:PASSWORD]@HOST[:PORT]/DB", redactURL(s))
	}
	r, ok := backend.ByScheme(u.Scheme)
	if !ok {
		return Location{}, fmt.Errorf("graph: unknown store %q; use %s", redactURL(s), spellings())
	}
	if strings.Trim(u.Path, "/") == "" {
		return Location{}, fmt.Errorf("graph: %s names no database; write %s://USER@HOST/DB", redactURL(s), u.Scheme)
	}
	return Location{Backend: Backend(r.Name), URL: s}, nil
}

// spellings lists the forms of --db the registered backends take.
func spellings() string {
	var out []string
	for _, name := range backend.Names() {
		r, _ := backend.Lookup(name)
		switch {
		case len(r.Schemes) > 0:
			out = append(out, r.Schemes[0]+"://…")
		case r.Path:
			out = append(out, name+":PATH")
		default:
			out = append(out, name)
		}
	}
	return strings.Join(out, ", ")
}

// redactURL replaces the password in a database URL, given in the user
// part or as a password parameter, by xxxxx. It copes with URLs that do
// not parse.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	rest := s[i+3:]
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return s
	}
	if c := strings.Index(rest[:at], ":"); c >= 0 {
		return s[:i+3] + rest[:c+1] + "xxxxx" + rest[at:]
	}
	return s
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
