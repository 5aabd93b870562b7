package graph_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
)

func TestMemoryConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T, opt graph.Options) *graph.Store {
		return open(t, graph.Location{Backend: graph.Memory}, opt)
	})
}

func TestBoltConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T, opt graph.Options) *graph.Store {
		return open(t, graph.Location{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "store")}, opt)
	})
}

func open(t *testing.T, loc graph.Location, opt graph.Options) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), loc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBoltLocked(t *testing.T) {
	loc := graph.Location{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "store")}
	s := open(t, loc, graph.Options{})
	defer s.Close()
	_, err := graph.Open(context.Background(), loc, graph.Options{})
	if !errors.Is(err, graph.ErrLocked) {
		t.Errorf("second Open error = %v, want ErrLocked", err)
	}
}

func TestBoltRefusesOtherFiles(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "file.txt")
	os.WriteFile(notDir, []byte("hello"), 0o600)
	full := filepath.Join(dir, "full")
	os.Mkdir(full, 0o700)
	os.WriteFile(filepath.Join(full, "notes.txt"), []byte("keep me"), 0o600)
	garbage := filepath.Join(dir, "garbage")
	os.Mkdir(garbage, 0o700)
	os.WriteFile(filepath.Join(garbage, "indexes.bolt"), []byte("this is not a bolt file at all"), 0o600)
	for _, tc := range []struct{ name, path string }{
		{"a file", notDir},
		{"a directory of other files", full},
		{"a corrupt bolt file", garbage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, tc.path)
			_, err := graph.Open(context.Background(), graph.Location{Backend: graph.Bolt, Path: tc.path}, graph.Options{Seed: graphtest.Fixture})
			if !errors.Is(err, graph.ErrNotStore) {
				t.Errorf("Open error = %v, want ErrNotStore", err)
			}
			if after := snapshot(t, tc.path); after != before {
				t.Errorf("Open changed %s:\n got %s\nwant %s", tc.path, after, before)
			}
		})
	}
}

func TestBoltFailedSeedLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	loc := graph.Location{Backend: graph.Bolt, Path: filepath.Join(dir, "store")}
	_, err := graph.Open(context.Background(), loc, graph.Options{Seed: func() graphtestReader {
		return brokenReader{}
	}})
	if err == nil {
		t.Fatal("Open with a broken seed succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 0 {
		t.Errorf("a failed seed left %v behind", entries)
	}
}

func TestParseLocation(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data")
	for _, tc := range []struct {
		in      string
		want    graph.Location
		wantErr bool
	}{
		{"", graph.Location{Backend: graph.Bolt, Path: "/data/reelgraph/store"}, false},
		{"memory", graph.Location{Backend: graph.Memory}, false},
		{"bolt:/tmp/x", graph.Location{Backend: graph.Bolt, Path: "/tmp/x"}, false},
		{"bolt:", graph.Location{}, true},
		{"mysql://x", graph.Location{}, true},
	} {
		got, err := graph.ParseLocation(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseLocation(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
}

func snapshot(t *testing.T, path string) string {
	t.Helper()
	var out string
	filepath.Walk(path, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			b, _ := os.ReadFile(p)
			if fi.IsDir() {
				b = nil
			}
			out += p + ":" + string(b) + ";"
		}
		return nil
	})
	return out
}

// TestBoltFailedImportLeavesNoCopy: an import that fails after writing a
// batch into its copy of the store removes the copy (the conformance
// suite checks that the store itself is unchanged).
func TestBoltFailedImportLeavesNoCopy(t *testing.T) {
	ctx := context.Background()
	loc := graph.Location{Backend: graph.Bolt, Path: filepath.Join(t.TempDir(), "store")}
	s := open(t, loc, graph.Options{Seed: graphtest.Fixture})
	_, err := s.Import(ctx, &graphtest.NumberedReader{N: 2500, Err: errors.New("disk on fire")}, graph.ImportOptions{BatchSize: 1000})
	if err == nil {
		t.Error("an import of a failing reader succeeded")
	}
	s.Close()
	if leftovers, _ := filepath.Glob(filepath.Join(loc.Path, ".import-*")); len(leftovers) != 0 {
		t.Errorf("a failed import left %v", leftovers)
	}
}
