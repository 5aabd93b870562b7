package graph

import (
	"context"
	"fmt"
	"slices"
	"sort"
)

// Details is everything the details panel and `reelgraph show` present of
// one node: the node, its neighbours grouped by predicate and direction,
// and the sources its statements cite.
type Details struct {
	Node
	TypeLabels []string        `json:"typeLabels,omitempty"`
	Groups     []NeighborGroup `json:"neighbors"`
	// Cited lists every source the node's own statements and its edges
	// cite, best kind first (see SourceKind.Rank), then in order of first
	// citation. A Neighbor's Sources are in the same order.
	Cited []Source `json:"citedSources"`
	// Disputes lists the node's functional predicates whose sources
	// disagree (see Store.Disputes).
	Disputes []Dispute `json:"disputes,omitempty"`
}

// NeighborGroup is a node's neighbours along one predicate in one
// direction. Neighbors holds at most the limit Details was given; Total
// counts them all.
type NeighborGroup struct {
	Predicate      ID         `json:"predicate"`
	PredicateLabel string     `json:"predicateLabel"`
	Dir            Direction  `json:"direction"`
	Total          int        `json:"total"`
	Neighbors      []Neighbor `json:"nodes"`
}

// Neighbor is one node at the other end of one or more edges of the same
// predicate and direction, with the sources of those edges.
type Neighbor struct {
	ID      ID     `json:"id"`
	Label   string `json:"label"`
	Types   []ID   `json:"types,omitempty"`
	Sources []ID   `json:"sources,omitempty"`
}

// Details gathers the node, its neighbours (at most perGroup of each
// group; zero means all) and the sources cited. A type's members are
// among its neighbours, as an incoming group of its type predicate. It
// returns ErrNotFound for an unknown node.
func (s *Store) Details(ctx context.Context, id ID, perGroup int) (Details, error) {
	n, err := s.Node(ctx, id)
	if err != nil {
		return Details{}, err
	}
	d := Details{Node: n}
	for _, t := range n.Types {
		d.TypeLabels = append(d.TypeLabels, s.Brief(t).Label)
	}
	var cited []ID
	d.Groups, cited = s.groups(id, perGroup)
	seen := make(map[ID]bool)
	for _, c := range slices.Concat(n.Sources, cited) {
		if seen[c] {
			continue
		}
		seen[c] = true
		src, err := s.Source(ctx, c)
		if err != nil {
			src = Source{ID: c, Title: LocalName(c)}
		}
		d.Cited = append(d.Cited, src)
	}
	SortSources(d.Cited)
	var c claims
	s.claimsOf(n, s.functionalSet(), &c)
	d.Disputes = s.disputesOf(ctx, &c)
	for _, g := range d.Groups {
		for _, n := range g.Neighbors {
			s.sortSourceIDs(ctx, n.Sources)
		}
	}
	return d, ctx.Err()
}

// groups sorts id's edges, and a type's member statements, into groups by
// predicate and direction: outgoing before incoming, then by predicate
// label; each group's neighbours by label, then ID, the first perGroup of
// them kept. It also returns the sources the edges and statements cite, each
// once, in order of first citation, outgoing edges first.
func (s *Store) groups(id ID, perGroup int) ([]NeighborGroup, []ID) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a := s.adj
	n, ok := a.num[id]
	if !ok {
		return nil, nil
	}
	// each calls fn with every edge's predicate, direction, other end,
	// source, and whether that other end is known not to repeat.
	each := func(fn func(p uint32, d Direction, m, l uint32, distinct bool)) {
		for _, x := range a.at[n] {
			if st := a.stmts[x>>1]; x&1 == 0 {
				fn(st.p, Out, st.o, st.l, false)
			}
		}
		for _, x := range a.at[n] {
			if st := a.stmts[x>>1]; x&1 == 1 {
				fn(st.p, In, st.s, st.l, false)
			}
		}
		for _, x := range a.members[n] {
			st := a.stmts[x]
			fn(st.p, In, st.s, st.l, true)
		}
	}
	g := grouper{s: s, k: perGroup, index: make(map[groupKey]int), seen: make(map[[2]uint32]bool), cited: make(map[uint32]bool)}
	each(g.count)
	g.keep()
	each(g.cite)
	sortGroups(g.groups)
	return g.groups, g.sources
}

type groupKey struct {
	p uint32
	d Direction
}

// grouper builds the groups of one node's Details in two passes over its
// edges: count counts each group's neighbours and finds the first by
// label, keep dresses those as Neighbors, cite gives them their sources.
// Its caller holds s.mu.
type grouper struct {
	s       *Store
	k       int
	index   map[groupKey]int
	groups  []NeighborGroup
	firsts  []firstByLabel
	seen    map[[2]uint32]bool // group and neighbour counted
	kept    map[[2]uint32]int  // group and neighbour kept: position in Neighbors
	cited   map[uint32]bool
	sources []ID
}

func (g *grouper) count(p uint32, d Direction, m, l uint32, distinct bool) {
	a := g.s.adj
	i, ok := g.index[groupKey{p, d}]
	if !ok {
		i = len(g.groups)
		g.index[groupKey{p, d}] = i
		g.groups = append(g.groups, NeighborGroup{Predicate: a.ids[p], PredicateLabel: g.s.predicateLabelLocked(a.ids[p]), Dir: d})
		g.firsts = append(g.firsts, firstByLabel{k: g.k})
	}
	if !distinct {
		if g.seen[[2]uint32{uint32(i), m}] {
			return
		}
		g.seen[[2]uint32{uint32(i), m}] = true
	}
	g.groups[i].Total++
	g.firsts[i].offer(labelled{a.key[m], a.labelOf(m), a.ids[m], m})
}

func (g *grouper) keep() {
	g.kept = make(map[[2]uint32]int)
	for i := range g.groups {
		for j, c := range g.firsts[i].sorted() {
			g.groups[i].Neighbors = append(g.groups[i].Neighbors, Neighbor{ID: c.id, Label: c.label, Types: g.s.names[c.id].types})
			g.kept[[2]uint32{uint32(i), c.x}] = j
		}
	}
}

func (g *grouper) cite(p uint32, d Direction, m, l uint32, _ bool) {
	if l == 0 {
		return
	}
	id := g.s.adj.ids[l]
	if !g.cited[l] {
		g.cited[l] = true
		g.sources = append(g.sources, id)
	}
	i := g.index[groupKey{p, d}]
	if j, ok := g.kept[[2]uint32{uint32(i), m}]; ok {
		n := &g.groups[i].Neighbors[j]
		n.Sources = appendID(n.Sources, id)
	}
}

// sortGroups puts outgoing groups before incoming ones, then orders them
// by predicate label.
func sortGroups(groups []NeighborGroup) {
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].Dir != groups[j].Dir {
			return groups[i].Dir < groups[j].Dir
		}
		return groups[i].PredicateLabel < groups[j].PredicateLabel
	})
}

// firstByLabel keeps the k entries offered with the smallest labels (all
// of them for k = 0), in order of label, then of ID.
type firstByLabel struct {
	k    int
	list []labelled
}

type labelled struct {
	key   uint64 // labelKey(label), or zero
	label string
	id    ID
	x     uint32
}

func (l labelled) less(m labelled) bool {
	if l.key != m.key && l.key != 0 && m.key != 0 {
		return l.key < m.key
	}
	return l.label < m.label || l.label == m.label && l.id < m.id
}

func (f *firstByLabel) offer(e labelled) {
	if f.k == 0 {
		f.list = append(f.list, e) // sorted by sorted
		return
	}
	if len(f.list) == f.k && !e.less(f.list[f.k-1]) {
		return
	}
	i := sort.Search(len(f.list), func(i int) bool { return e.less(f.list[i]) })
	f.list = slices.Insert(f.list, i, e)
	if len(f.list) > f.k {
		f.list = f.list[:f.k]
	}
}

// sorted returns the entries kept, in order.
func (f *firstByLabel) sorted() []labelled {
	if f.k == 0 {
		sort.Slice(f.list, func(i, j int) bool { return f.list[i].less(f.list[j]) })
	}
	return f.list
}

// PredicateLabel returns the words a person reads for a predicate: its
// label in the store if it has one, else its IRI's last segment humanized.
func (s *Store) PredicateLabel(p ID) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.predicateLabelLocked(p)
}

// predicateLabelLocked is PredicateLabel for callers that hold s.mu.
func (s *Store) predicateLabelLocked(p ID) string {
	if l := s.names[p].label; l != "" {
		return l
	}
	return Humanize(LocalName(p))
}

// MarshalText writes a Direction as "out", "in" or "both".
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

func appendID(list []ID, id ID) []ID {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

// UnmarshalText reads "out", "in" or "both".
func (d *Direction) UnmarshalText(b []byte) error {
	switch string(b) {
	case "out":
		*d = Out
	case "in":
		*d = In
	case "both":
		*d = Both
	default:
		return fmt.Errorf("graph: direction %q is not out, in or both", b)
	}
	return nil
}
