package graph

import (
	"encoding/binary"
	"slices"
	"strings"
)

// adjacency indexes the store's edges and type memberships in memory, so
// that a node's neighbours are read without reading its quads. A supernode
// made of type statements (the film set's /people/person is the object of
// 45k of them and of no edge) costs nothing to expand, and one made of
// edges costs only the page asked for.
//
// Nodes are numbered; number 0 is no node (a quad without a graph label).
// Every indexed statement is kept once, in the order it was added: the
// store's order when the index is built from the quads, the order of
// their input for the quads Load and Import add. It is not safe for
// concurrent use; the Store guards it with mu.
type adjacency struct {
	ids   []ID          // by number
	num   map[ID]uint32 // numbers by ID
	stmts []statement   // edges and type statements, in the order added
	// at lists each node's edges by number: positions in stmts shifted
	// left by one, the low bit set where the node is the object.
	at [][]uint32
	// members lists each type's type statements (one per member, the
	// first that made it one), as positions in stmts, by type number.
	members map[uint32][]uint32
	// label holds each node's label by number, as names does by ID, so
	// that a supernode's neighbours are sorted without a map lookup each;
	// key holds its first bytes (labelKey), so that most comparisons of
	// labels read no label.
	label []string
	key   []uint64
	names map[ID]nameInfo // the Store's, read when a node gets a number
}

// statement is a quad in node numbers.
type statement struct{ s, p, o, l uint32 }

func newAdjacency(names map[ID]nameInfo) *adjacency {
	return &adjacency{ids: []ID{""}, num: map[ID]uint32{"": 0}, at: [][]uint32{nil},
		members: make(map[uint32][]uint32), label: []string{""}, key: []uint64{0}, names: names}
}

// number returns id's number, giving it one if it has none.
func (a *adjacency) number(id ID) uint32 {
	if n, ok := a.num[id]; ok {
		return n
	}
	n := uint32(len(a.ids))
	a.ids = append(a.ids, id)
	a.num[id] = n
	a.at = append(a.at, nil)
	l := a.names[id].label
	a.label = append(a.label, l)
	a.key = append(a.key, labelKey(l))
	return n
}

// setLabel records that id's label is now label.
func (a *adjacency) setLabel(id ID, label string) {
	if n, ok := a.num[id]; ok {
		a.label[n], a.key[n] = label, labelKey(label)
	}
}

// labelKey returns the first 8 bytes of a label as a number, zeros after
// a short one: where two labels' keys differ, they compare as the labels
// do. Zero is no key: the label is empty or starts with zero bytes.
func labelKey(label string) uint64 {
	var b [8]byte
	copy(b[:], label)
	return binary.BigEndian.Uint64(b[:])
}

// labelOf returns node n's label. A blank node without one is described
// by its neighbours (describe); other nodes without one get their IRI's
// last segment.
func (a *adjacency) labelOf(n uint32) string {
	if l := a.label[n]; l != "" {
		return l
	}
	if id := a.ids[n]; strings.HasPrefix(string(id), "_:") {
		if d := a.describe(n); d != "" {
			return d
		}
	}
	return LocalName(a.ids[n])
}

// describe names node n by the labels of up to three of its neighbours,
// those it is the object of first, then those it points to: a blank node
// that only joins others — Freebase's performances, a film starring
// _:p, _:p's actor and character — reads as what it joins ("Space Jam ·
// Mel Blanc · Bugs Bunny") rather than as a number. It is "" when no
// neighbour has a label.
func (a *adjacency) describe(n uint32) string {
	var parts []string
	for _, in := range []uint32{1, 0} {
		for _, x := range a.at[n] {
			if x&1 != in {
				continue
			}
			st := a.stmts[x>>1]
			other := st.o
			if in == 1 {
				other = st.s
			}
			if l := a.label[other]; l != "" && !slices.Contains(parts, l) {
				if parts = append(parts, l); len(parts) == 3 {
					return strings.Join(parts, " · ")
				}
			}
		}
	}
	return strings.Join(parts, " · ")
}

func (a *adjacency) stmt(e Edge) statement {
	return statement{a.number(e.Subject), a.number(e.Predicate), a.number(e.Object), a.number(e.Source)}
}

// addEdge indexes e unless it is indexed already.
func (a *adjacency) addEdge(e Edge) { a.addStatement(a.stmt(e)) }

// addStatement indexes the edge st unless it is indexed already.
func (a *adjacency) addStatement(st statement) {
	// Look for it among the edges of whichever end has fewer.
	list, bit := a.at[st.s], uint32(0)
	if len(a.at[st.o]) < len(list) {
		list, bit = a.at[st.o], 1
	}
	for _, x := range list {
		if x&1 == bit && a.stmts[x>>1] == st {
			return
		}
	}
	i := uint32(len(a.stmts)) << 1
	a.stmts = append(a.stmts, st)
	a.at[st.s] = append(a.at[st.s], i)
	a.at[st.o] = append(a.at[st.o], i|1)
}

// edgeBuffer holds the edges an import reads until they join the index at
// its commit, in node numbers of its own: each ID is kept once, not with
// every quad that names it, and each edge once, however often the input
// repeats it.
type edgeBuffer struct {
	ids   []ID
	num   map[ID]uint32
	stmts []statement
	seen  map[statement]struct{}
}

func (b *edgeBuffer) add(e Edge) {
	if b.num == nil {
		b.ids, b.num = []ID{""}, map[ID]uint32{"": 0}
		b.seen = make(map[statement]struct{})
	}
	number := func(id ID) uint32 {
		n, ok := b.num[id]
		if !ok {
			n = uint32(len(b.ids))
			b.ids = append(b.ids, id)
			b.num[id] = n
		}
		return n
	}
	st := statement{number(e.Subject), number(e.Predicate), number(e.Object), number(e.Source)}
	if _, dup := b.seen[st]; !dup {
		b.seen[st] = struct{}{}
		b.stmts = append(b.stmts, st)
	}
}

// addTo indexes the buffered edges in a, but those it holds already.
func (b *edgeBuffer) addTo(a *adjacency) {
	live := make([]uint32, len(b.ids))
	for i, id := range b.ids {
		live[i] = a.number(id)
	}
	for _, st := range b.stmts {
		a.addStatement(statement{live[st.s], live[st.p], live[st.o], live[st.l]})
	}
}

// addMember records that subj is a member of typ, as stated by a quad with
// predicate pred and label src. The caller makes sure it is the first such
// statement (the name index keeps each node's types once).
func (a *adjacency) addMember(subj, pred, typ, src ID) {
	st := a.stmt(Edge{Subject: subj, Predicate: pred, Object: typ, Source: src})
	a.members[st.o] = append(a.members[st.o], uint32(len(a.stmts)))
	a.stmts = append(a.stmts, st)
}

func (a *adjacency) edge(st statement) Edge {
	return Edge{Subject: a.ids[st.s], Predicate: a.ids[st.p], Object: a.ids[st.o], Source: a.ids[st.l]}
}

// neighbors returns id's edges as Store.Neighbors does: outgoing first,
// then incoming, each in the order added.
func (a *adjacency) neighbors(id ID, opt NeighborOptions) []Edge {
	n, ok := a.num[id]
	if !ok {
		return nil
	}
	pred, filter := uint32(0), opt.Predicate != ""
	if filter {
		if pred, ok = a.num[opt.Predicate]; !ok {
			return nil
		}
	}
	dir := opt.Dir
	if dir == 0 {
		dir = Both
	}
	var edges []Edge
	for bit, d := range []Direction{Out, In} {
		if dir&d == 0 {
			continue
		}
		for _, x := range a.at[n] {
			if opt.Limit > 0 && len(edges) >= opt.Limit {
				return edges
			}
			st := a.stmts[x>>1]
			if x&1 == uint32(bit) && (!filter || st.p == pred) {
				edges = append(edges, a.edge(st))
			}
		}
	}
	return edges
}

// link fills at and members from stmts, as adding the statements one by
// one would, with one allocation for all the edge lists.
func (a *adjacency) link() {
	isType := make(map[uint32]bool)
	for _, t := range typePredicates {
		if n, ok := a.num[t]; ok {
			isType[n] = true
		}
	}
	deg := make([]int, len(a.ids))
	total := 0
	for _, st := range a.stmts {
		if !isType[st.p] {
			deg[st.s]++
			deg[st.o]++
			total += 2
		}
	}
	all := make([]uint32, total)
	a.at = make([][]uint32, len(a.ids))
	off := 0
	for n, d := range deg {
		a.at[n] = all[off : off : off+d]
		off += d
	}
	a.members = make(map[uint32][]uint32)
	for i, st := range a.stmts {
		x := uint32(i)
		if isType[st.p] {
			a.members[st.o] = append(a.members[st.o], x)
			continue
		}
		a.at[st.s] = append(a.at[st.s], x<<1)
		a.at[st.o] = append(a.at[st.o], x<<1|1)
	}
}
