package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
)

const snapshotGraph = `<urn:x:eternaut> <http://www.w3.org/2000/01/rdf-schema#label> "The Eternaut" <urn:x:src> .
<urn:x:eternaut> <http://schema.org/alternateName> "El Eternauta" <urn:x:src> .
<urn:x:eternaut> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Production> <urn:x:src> .
<urn:x:eternaut> <urn:x:streamedOn> <urn:x:netflix> <urn:x:src> .
<urn:x:netflix> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" <urn:x:src> .
<urn:x:netflix> <http://schema.org/name> "Netflix, Inc." <urn:x:src2> .
<urn:x:src> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Source> <urn:x:src> .
`

func snapshotSeed() quad.Reader { return nquads.NewReader(strings.NewReader(snapshotGraph), false) }

func openSnapshotStore(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(context.Background(), Location{Backend: Bolt, Path: dir}, Options{Seed: snapshotSeed})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// index returns what the name index holds, for comparison.
func index(s *Store) []any {
	var hits []Hit
	for _, q := range []string{"eternau", "netflix", "inc", "e"} {
		hits = append(hits, s.text.Search(q, 10)...)
	}
	return []any{s.names, s.kinds, s.labels, hits, s.text.Len(), edges(s)}
}

// edges returns what the adjacency index holds: every node's edges and
// members, and its label, by ID.
func edges(s *Store) map[ID]string {
	a := s.adj
	out := make(map[ID]string)
	for n, id := range a.ids {
		var members []ID
		for _, x := range a.members[uint32(n)] {
			members = append(members, a.ids[a.stmts[x].s])
		}
		out[id] = fmt.Sprint(a.neighbors(id, NeighborOptions{}), members, a.label[n], a.key[n])
	}
	return out
}

func TestSnapshotRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s := openSnapshotStore(t, dir)
	want := index(s)
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, snapshotFile)); err != nil {
		t.Fatalf("no snapshot after closing: %v", err)
	}
	s = openSnapshotStore(t, dir)
	if got := index(s); !reflect.DeepEqual(got, want) {
		t.Errorf("index from the snapshot:\ngot  %v\nwant %v", got, want)
	}
	// A marker only the snapshot holds shows the next Open reads it.
	s.kinds["urn:x:marker"] = 1
	s.saveSnapshot(s.snap)
	s.Close()
	s = openSnapshotStore(t, dir)
	defer s.Close()
	if s.kinds["urn:x:marker"] != 1 {
		t.Error("reopened store: index not read from the snapshot")
	}
}

// TestSnapshotStale writes to the store and stops without saving the
// snapshot, as a crash would: the next Open must not trust it.
func TestSnapshotStale(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	openSnapshotStore(t, dir).Close()
	s := openSnapshotStore(t, dir)
	more := `<urn:x:sora> <http://www.w3.org/2000/01/rdf-schema#label> "Sora" <urn:x:src> .` + "\n"
	if _, err := s.Load(ctx, nquads.NewReader(strings.NewReader(more), false)); err != nil {
		t.Fatal(err)
	}
	s.be.Close() // no saveIndex: the crash
	s = openSnapshotStore(t, dir)
	defer s.Close()
	if hits := s.text.Search("sora", 1); len(hits) != 1 {
		t.Errorf("after a write the snapshot missed: got %v want Sora", hits)
	}
}

func TestSnapshotSavedAfterWrite(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "store")
	s := openSnapshotStore(t, dir)
	more := `<urn:x:sora> <http://www.w3.org/2000/01/rdf-schema#label> "Sora" .` + "\n"
	if _, err := s.Import(ctx, nquads.NewReader(strings.NewReader(more), false), ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	want := index(s)
	s.Close()
	s = openSnapshotStore(t, dir)
	defer s.Close()
	if got := index(s); !reflect.DeepEqual(got, want) {
		t.Errorf("index from the snapshot:\ngot  %v\nwant %v", got, want)
	}
}

func TestSnapshotCorrupt(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	s := openSnapshotStore(t, dir)
	want := index(s)
	s.Close()
	path := filepath.Join(dir, snapshotFile)
	data, _ := os.ReadFile(path)
	for _, bad := range [][]byte{data[:len(data)/2], append([]byte("x"), data[1:]...), nil} {
		os.WriteFile(path, bad, 0o600)
		s := openSnapshotStore(t, dir)
		if got := index(s); !reflect.DeepEqual(got, want) {
			t.Errorf("with a corrupt snapshot:\ngot  %v\nwant %v", got, want)
		}
		s.Close()
	}
}
