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
	// cite, in order of first citation.
	Cited []Source `json:"citedSources"`
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
// group; zero means all) and the sources cited. It returns ErrNotFound for
// an unknown node.
func (s *Store) Details(ctx context.Context, id ID, perGroup int) (Details, error) {
	n, err := s.Node(ctx, id)
	if err != nil {
		return Details{}, err
	}
	edges, err := s.Neighbors(ctx, id, NeighborOptions{Dir: Both})
	if err != nil {
		return Details{}, err
	}
	d := Details{Node: n}
	for _, t := range n.Types {
		d.TypeLabels = append(d.TypeLabels, s.Brief(t).Label)
	}
	members, memberSources := s.memberGroups(id, perGroup)
	d.Groups = append(s.group(id, edges, perGroup), members...)
	sortGroups(d.Groups)
	cited := append([]ID(nil), n.Sources...)
	for _, e := range edges {
		if e.Source != "" {
			cited = append(cited, e.Source)
		}
	}
	cited = append(cited, memberSources...)
	seen := make(map[ID]bool)
	for _, c := range cited {
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
	return d, nil
}

// group sorts edges into groups by predicate and direction, neighbours
// by label.
func (s *Store) group(id ID, edges []Edge, perGroup int) []NeighborGroup {
	type key struct {
		p ID
		d Direction
	}
	index := make(map[key]int)
	type member struct {
		group int
		id    ID
	}
	members := make(map[member]int) // position in its group's Neighbors
	var groups []NeighborGroup
	for _, e := range edges {
		k := key{e.Predicate, Out}
		if e.Subject != id {
			k.d = In
		}
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, NeighborGroup{Predicate: k.p, PredicateLabel: s.PredicateLabel(k.p), Dir: k.d})
		}
		g := &groups[i]
		m := member{i, e.Other(id)}
		if j, ok := members[m]; ok {
			if e.Source != "" {
				g.Neighbors[j].Sources = appendID(g.Neighbors[j].Sources, e.Source)
			}
			continue
		}
		members[m] = len(g.Neighbors)
		g.Total++
		other := s.Brief(m.id)
		n := Neighbor{ID: other.ID, Label: other.Label, Types: other.Types}
		if e.Source != "" {
			n.Sources = []ID{e.Source}
		}
		g.Neighbors = append(g.Neighbors, n)
	}
	for i := range groups {
		ns := groups[i].Neighbors
		sort.SliceStable(ns, func(i, j int) bool { return ns[i].Label < ns[j].Label })
		if perGroup > 0 && len(ns) > perGroup {
			groups[i].Neighbors = ns[:perGroup:perGroup]
		}
	}
	return groups
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

// memberGroups presents a type's members as incoming groups, one per type
// predicate: how many there are, and the first perGroup by label (all for
// zero), read from the index. It also returns the sources the membership
// statements cite, each once, in order of first citation.
func (s *Store) memberGroups(id ID, perGroup int) ([]NeighborGroup, []ID) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a := s.adj
	n, ok := a.num[id]
	if !ok || len(a.members[n]) == 0 {
		return nil, nil
	}
	var groups []NeighborGroup
	var firsts []*firstByLabel
	index := make(map[uint32]int) // group by predicate number
	var sources []ID
	cited := make(map[uint32]bool)
	for _, x := range a.members[n] {
		st := a.stmts[x]
		i, ok := index[st.p]
		if !ok {
			i = len(groups)
			index[st.p] = i
			p := a.ids[st.p]
			groups = append(groups, NeighborGroup{Predicate: p, PredicateLabel: s.predicateLabelLocked(p), Dir: In})
			firsts = append(firsts, &firstByLabel{k: perGroup})
		}
		groups[i].Total++
		firsts[i].offer(s.labelLocked(a.ids[st.s]), x)
		if st.l != 0 && !cited[st.l] {
			cited[st.l] = true
			sources = append(sources, a.ids[st.l])
		}
	}
	for i, f := range firsts {
		for _, c := range f.sorted() {
			st := a.stmts[c.x]
			m := Neighbor{ID: a.ids[st.s], Label: c.label, Types: s.names[a.ids[st.s]].types}
			if st.l != 0 {
				m.Sources = []ID{a.ids[st.l]}
			}
			groups[i].Neighbors = append(groups[i].Neighbors, m)
		}
	}
	return groups, sources
}

// firstByLabel keeps the k entries offered with the smallest labels (all
// of them for k = 0), in order of label, then of offer.
type firstByLabel struct {
	k    int
	list []labelled
}

type labelled struct {
	label string
	x     uint32
}

func (f *firstByLabel) offer(label string, x uint32) {
	if f.k == 0 {
		f.list = append(f.list, labelled{label, x}) // sorted by sorted
		return
	}
	if len(f.list) == f.k && label >= f.list[f.k-1].label {
		return
	}
	i := sort.Search(len(f.list), func(i int) bool { return f.list[i].label > label })
	f.list = slices.Insert(f.list, i, labelled{label, x})
	if len(f.list) > f.k {
		f.list = f.list[:f.k]
	}
}

// sorted returns the entries kept, in order.
func (f *firstByLabel) sorted() []labelled {
	if f.k == 0 {
		sort.SliceStable(f.list, func(i, j int) bool { return f.list[i].label < f.list[j].label })
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
