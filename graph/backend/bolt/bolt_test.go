package bolt

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

func seed() quad.Reader {
	return quad.NewReader([]quad.Quad{quad.MakeIRI("urn:a", "urn:p", "urn:b", "urn:src")})
}

// TestOpenRemovesImportLeftovers: the copies interrupted imports left are
// removed when the store opens, and the store says so.
func TestOpenRemovesImportLeftovers(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := open(ctx, backend.Config{Path: dir, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for i := range 2 {
		left := filepath.Join(dir, fmt.Sprintf("%s%d", importPrefix, i))
		os.Mkdir(left, 0o700)
		os.WriteFile(filepath.Join(left, boltFile), make([]byte, 3<<20), 0o600)
	}
	s, err = open(ctx, backend.Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	notes := s.(backend.Noter).Notes()
	if len(notes) != 1 || !strings.Contains(notes[0], "removed 2 unfinished imports (6.3 MB)") {
		t.Errorf("notes %q, want one saying 2 unfinished imports (6.3 MB) were removed", notes)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, importPrefix+"*")); len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestOpenReadOnly: a store whose lock cannot be written opens for reading,
// says so, and refuses imports.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := open(ctx, backend.Config{Path: dir, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	defer func(old func(string) (*os.File, error)) { lockStore = old }(lockStore)
	lockStore = func(dir string) (*os.File, error) {
		return nil, fmt.Errorf("graph: lock %s: %w", dir, &fs.PathError{Op: "open", Path: dir, Err: fs.ErrPermission})
	}
	s, err = open(ctx, backend.Config{Path: dir})
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	defer s.Close()
	if notes := s.(backend.Noter).Notes(); len(notes) != 1 || !strings.Contains(notes[0], "open for reading only") {
		t.Errorf("notes %q, want one saying the store is read-only", notes)
	}
	st, err := s.QuadStore().Stats(ctx, true)
	if err != nil || st.Quads.Value != 1 {
		t.Errorf("stats of the read-only store: %+v, %v; want 1 quad", st, err)
	}
	if _, err := s.NewImport(ctx); !errors.Is(err, backend.ErrReadOnly) {
		t.Errorf("NewImport: %v, want ErrReadOnly", err)
	}
}

// TestOpenReadOnlyDirectory: the same with a directory the user cannot
// write, where the permissions hold (not for root).
func TestOpenReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes whatever the permissions say")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := open(ctx, backend.Config{Path: dir, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(filepath.Join(dir, lockName))
	os.Chmod(filepath.Join(dir, boltFile), 0o400)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	s, err = open(ctx, backend.Config{Path: dir})
	if err != nil {
		t.Fatalf("open read-only: %v", err)
	}
	s.Close()
}
