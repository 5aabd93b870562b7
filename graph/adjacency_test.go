package graph

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math/rand"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

// randomQuads returns n quads over a small vocabulary, so that they repeat
// and collide: edges (self-loops included), type statements with IRI and
// literal objects, literal properties, with and without graph labels.
func randomQuads(rng *rand.Rand, n int) []quad.Quad {
	node := func() quad.Value {
		if rng.Intn(6) == 0 {
			return quad.BNode(fmt.Sprintf("b%d", rng.Intn(4)))
		}
		return quad.IRI(fmt.Sprintf("urn:x:n%d", rng.Intn(12)))
	}
	out := make([]quad.Quad, n)
	for i := range out {
		q := quad.Quad{Subject: node()}
		switch rng.Intn(5) {
		case 0:
			q.Predicate = quad.IRI(typePredicates[rng.Intn(len(typePredicates))])
			q.Object = quad.IRI(fmt.Sprintf("urn:x:T%d", rng.Intn(3)))
			if rng.Intn(4) == 0 {
				q.Object = quad.String("urn:x:T9")
			}
		case 1:
			q.Predicate = quad.IRI(Label)
			q.Object = quad.String(fmt.Sprintf("name %d", rng.Intn(20)))
		default:
			q.Predicate = quad.IRI(fmt.Sprintf("urn:x:p%d", rng.Intn(3)))
			q.Object = node()
		}
		if rng.Intn(2) == 0 {
			q.Label = quad.IRI(fmt.Sprintf("urn:x:src%d", rng.Intn(3)))
		}
		out[i] = q
	}
	return out
}

type quadSlice struct {
	q []quad.Quad
	i int
}

func (r *quadSlice) ReadQuad() (quad.Quad, error) {
	if r.i == len(r.q) {
		return quad.Quad{}, io.EOF
	}
	r.i++
	return r.q[r.i-1], nil
}

// scanNeighbors reads id's edges from the quads, as Neighbors did before
// the adjacency index: outgoing, then incoming.
func scanNeighbors(t *testing.T, s *Store, id ID, dir Direction) []Edge {
	t.Helper()
	ref, err := s.ref(id)
	if err != nil {
		t.Fatal(err)
	}
	var edges []Edge
	for _, d := range []Direction{Out, In} {
		qd := quad.Subject
		if d == In {
			qd = quad.Object
		}
		if dir&d == 0 {
			continue
		}
		err := s.eachQuad(context.Background(), qd, ref, func(q quad.Quad) error {
			if e, ok := edgeOf(q); ok {
				edges = append(edges, e)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return edges
}

// sameEdges reports whether a and b hold the same edges, in any order.
func sameEdges(a, b []Edge) bool {
	sorted := func(es []Edge) []string {
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = fmt.Sprint(e)
		}
		slices.Sort(out)
		return out
	}
	return reflect.DeepEqual(sorted(a), sorted(b))
}

// checkAdjacency compares the index with the quads for every node: edges
// in each direction, filtered by predicate and cut by a limit, and the
// members of every type.
func checkAdjacency(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	nodes := map[ID]bool{}
	for _, id := range s.adj.ids[1:] {
		nodes[id] = true
	}
	for id := range nodes {
		if _, err := s.ref(id); err != nil {
			continue // a literal type, a node of no quad
		}
		out, _ := s.Neighbors(ctx, id, NeighborOptions{Dir: Out})
		in, _ := s.Neighbors(ctx, id, NeighborOptions{Dir: In})
		if both, _ := s.Neighbors(ctx, id, NeighborOptions{}); !reflect.DeepEqual(both, append(out, in...)) {
			t.Fatalf("%s: Neighbors(%s) = %v, want the outgoing %v, then the incoming %v", when, id, both, out, in)
		}
		for _, dir := range []Direction{Out, In, Both} {
			got, err := s.Neighbors(ctx, id, NeighborOptions{Dir: dir})
			if err != nil {
				t.Fatal(err)
			}
			want := scanNeighbors(t, s, id, dir)
			if !sameEdges(got, want) {
				t.Fatalf("%s: Neighbors(%s, %s)\n got %v\nwant %v", when, id, dir, got, want)
			}
			if len(got) > 1 {
				cut, _ := s.Neighbors(ctx, id, NeighborOptions{Dir: dir, Limit: len(got) - 1})
				if !reflect.DeepEqual(cut, got[:len(got)-1]) {
					t.Fatalf("%s: Neighbors(%s, %s, limit %d) = %v, want %v", when, id, dir, len(got)-1, cut, got[:len(got)-1])
				}
			}
			p := ID("urn:x:p1")
			var wantP []Edge
			for _, e := range got {
				if e.Predicate == p {
					wantP = append(wantP, e)
				}
			}
			if gotP, _ := s.Neighbors(ctx, id, NeighborOptions{Dir: dir, Predicate: p}); !reflect.DeepEqual(gotP, wantP) {
				t.Fatalf("%s: Neighbors(%s, %s, %s) = %v, want %v", when, id, dir, p, gotP, wantP)
			}
		}
	}
	checkMembers(t, s, when)
	checkGroups(t, s, when)
	for id, n := range s.adj.num {
		if got, want := s.adj.label[n], s.names[id].label; got != want || s.adj.key[n] != labelKey(want) {
			t.Fatalf("%s: label of %s is %q (key %x), want %q", when, id, got, s.adj.key[n], want)
		}
	}
}

// checkGroups compares the edge groups of every node's Details with
// groups made from a scan of its quads: distinct neighbours counted, the
// first two by label kept, with the sources of all their edges.
func checkGroups(t *testing.T, s *Store, when string) {
	t.Helper()
	for _, id := range s.adj.ids[1:] {
		if _, err := s.ref(id); err != nil {
			continue
		}
		d, err := s.Details(context.Background(), id, 2)
		if err != nil {
			t.Fatal(err)
		}
		var got []NeighborGroup
		for _, g := range d.Groups {
			if !contains(typePredicates, g.Predicate) {
				got = append(got, g)
			}
		}
		want := scanGroups(s, id, scanNeighbors(t, s, id, Out), scanNeighbors(t, s, id, In), 2)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: Details(%s).Groups\n got %+v\nwant %+v", when, id, got, want)
		}
	}
}

// scanGroups groups id's outgoing and incoming edges as Details did before
// the adjacency index, but for self-loops, which it put in the outgoing
// group only, and ties of labels, which it left in store order; sources
// best kind first, as Details lists them.
func scanGroups(s *Store, id ID, out, in []Edge, perGroup int) []NeighborGroup {
	type key struct {
		p ID
		d Direction
	}
	index := map[key]int{}
	var groups []NeighborGroup
	for i, e := range slices.Concat(out, in) {
		k := key{e.Predicate, Out}
		if i >= len(out) {
			k.d = In
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, NeighborGroup{Predicate: k.p, PredicateLabel: s.PredicateLabel(k.p), Dir: k.d})
		}
		g := &groups[i]
		other := e.Other(id)
		j := slices.IndexFunc(g.Neighbors, func(n Neighbor) bool { return n.ID == other })
		if j < 0 {
			b := s.Brief(other)
			g.Neighbors = append(g.Neighbors, Neighbor{ID: other, Label: b.Label, Types: b.Types})
			g.Total++
			j = len(g.Neighbors) - 1
		}
		if e.Source != "" && !slices.Contains(g.Neighbors[j].Sources, e.Source) {
			g.Neighbors[j].Sources = append(g.Neighbors[j].Sources, e.Source)
		}
	}
	for i := range groups {
		ns := groups[i].Neighbors
		slices.SortFunc(ns, func(a, b Neighbor) int {
			return cmp.Or(strings.Compare(a.Label, b.Label), strings.Compare(string(a.ID), string(b.ID)))
		})
		groups[i].Neighbors = ns[:min(len(ns), perGroup)]
		for _, n := range groups[i].Neighbors {
			s.sortSourceIDs(context.Background(), n.Sources) // best kind first
		}
	}
	sortGroups(groups)
	return groups
}

// checkMembers compares each type's members with the types of the names
// index.
func checkMembers(t *testing.T, s *Store, when string) {
	t.Helper()
	want := map[ID][]ID{}
	for id, info := range s.names {
		for _, typ := range info.types {
			want[typ] = append(want[typ], id)
		}
	}
	got := map[ID][]ID{}
	for typ, list := range s.adj.members {
		for _, x := range list {
			got[s.adj.ids[typ]] = append(got[s.adj.ids[typ]], s.adj.ids[s.adj.stmts[x].s])
		}
	}
	for _, m := range []map[ID][]ID{want, got} {
		for _, ids := range m {
			slices.Sort(ids)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: members\n got %v\nwant %v", when, got, want)
	}
}

// TestAdjacencyMatchesQuads loads and imports random quads, repeats
// included, and checks the index against a scan of the quads after each
// write, after reopening a bolt store from its snapshot, and after a
// crash that left the snapshot stale.
func TestAdjacencyMatchesQuads(t *testing.T) {
	for _, backend := range []Backend{Memory, Bolt} {
		t.Run(string(backend), func(t *testing.T) {
			ctx := context.Background()
			rng := rand.New(rand.NewSource(1))
			loc := Location{Backend: backend, Path: filepath.Join(t.TempDir(), "store")}
			s, err := Open(ctx, loc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var earlier []quad.Quad
			for round := range 8 {
				batch := append(randomQuads(rng, 30), earlier[:rng.Intn(len(earlier)+1)]...)
				rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
				if round%2 == 0 {
					_, err = s.Load(ctx, &quadSlice{q: batch})
				} else {
					_, err = s.Import(ctx, &quadSlice{q: batch}, ImportOptions{})
				}
				if err != nil {
					t.Fatal(err)
				}
				earlier = append(earlier, batch...)
				checkAdjacency(t, s, fmt.Sprintf("round %d", round))
			}
			if backend != Bolt {
				s.Close()
				return
			}
			s.Close()
			if s, err = Open(ctx, loc, Options{}); err != nil {
				t.Fatal(err)
			}
			if s.snap == (snapshotKey{}) {
				t.Fatal("reopened store did not read its snapshot")
			}
			checkAdjacency(t, s, "from the snapshot")
			if _, err = s.Load(ctx, &quadSlice{q: randomQuads(rng, 30)}); err != nil {
				t.Fatal(err)
			}
			s.be.Close() // a crash: the snapshot is not saved
			if s, err = Open(ctx, loc, Options{}); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			checkAdjacency(t, s, "after a crash")
		})
	}
}

func TestLabelKeyOrder(t *testing.T) {
	labels := []string{"", "a", "ab", "ab\x00", "ab\x00c", "abcdefgh", "abcdefghi", "abcdefgi", "b", "Zorro", "zorro", "Édith", "\x00\x00x"}
	for _, a := range labels {
		for _, b := range labels {
			ka, kb := labelKey(a), labelKey(b)
			if ka == kb || ka == 0 || kb == 0 {
				continue
			}
			if (ka < kb) != (a < b) {
				t.Errorf("labelKey(%q) = %x, labelKey(%q) = %x: not in the labels' order", a, ka, b, kb)
			}
		}
	}
}
