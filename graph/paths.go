package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
)

// PathOptions narrow a path search.
type PathOptions struct {
	// K is how many paths to return at most; zero means 3.
	K int
	// Via, if set, keeps only edges with these predicates.
	Via []ID
	// ExcludeTypes keeps paths from passing through nodes of these types
	// (the two ends are always allowed).
	ExcludeTypes []ID
	// MaxHops bounds a path's length; zero means 8.
	MaxHops int
	// MaxVisits bounds the nodes one search expands, so that a search on a
	// huge graph ends; zero means 200,000.
	MaxVisits int
}

// Path is a chain of nodes from one end of a search to the other. Hops[i]
// links Nodes[i] and Nodes[i+1] with every edge, either way, that joins
// them (and passes the search's predicate filter), each with its source.
type Path struct {
	Nodes []ID  `json:"nodes"`
	Hops  []Hop `json:"hops"`
}

// Hop is one step of a Path.
type Hop struct {
	From  ID     `json:"from"`
	To    ID     `json:"to"`
	Edges []Edge `json:"edges"`
}

// ErrNoPath is returned when two nodes are not connected within the
// search's limits.
var ErrNoPath = errors.New("no path")

// Paths returns up to opt.K shortest paths between from and to, shortest
// first, treating edges as undirected: how is A connected to B? Paths are
// simple (no node twice) and differ in their nodes. It returns ErrNotFound
// for an unknown end and ErrNoPath when none is found within the limits.
func (s *Store) Paths(ctx context.Context, from, to ID, opt PathOptions) ([]Path, error) {
	if opt.K <= 0 {
		opt.K = 3
	}
	if opt.MaxHops <= 0 {
		opt.MaxHops = 8
	}
	if opt.MaxVisits <= 0 {
		opt.MaxVisits = 200_000
	}
	for _, id := range []ID{from, to} {
		if _, err := s.ref(id); err != nil {
			return nil, err
		}
	}
	f := &pathFinder{s: s, ctx: ctx, opt: opt, adj: make(map[ID][]Edge)}
	f.via = make(map[ID]bool)
	for _, p := range opt.Via {
		f.via[p] = true
	}
	f.exclude = make(map[ID]bool)
	for _, t := range opt.ExcludeTypes {
		f.exclude[t] = true
	}
	f.from, f.to = from, to
	seqs, err := f.yen()
	if err != nil {
		return nil, fmt.Errorf("graph: paths from %s to %s: %w", from, to, err)
	}
	paths := make([]Path, len(seqs))
	for i, seq := range seqs {
		if paths[i], err = f.path(seq); err != nil {
			return nil, fmt.Errorf("graph: paths from %s to %s: %w", from, to, err)
		}
	}
	return paths, nil
}

// pathFinder holds one search: its options and the adjacency it has read.
type pathFinder struct {
	s        *Store
	ctx      context.Context
	opt      PathOptions
	via      map[ID]bool
	exclude  map[ID]bool
	from, to ID
	adj      map[ID][]Edge // edges read so far, by node
	visits   int
}

// edges returns id's edges that pass the predicate filter.
func (f *pathFinder) edges(id ID) ([]Edge, error) {
	if es, ok := f.adj[id]; ok {
		return es, nil
	}
	if err := f.ctx.Err(); err != nil {
		return nil, err
	}
	f.visits++
	if f.visits > f.opt.MaxVisits {
		return nil, fmt.Errorf("%w within %d nodes searched", ErrNoPath, f.opt.MaxVisits)
	}
	all, err := f.s.Neighbors(f.ctx, id, NeighborOptions{Dir: Both})
	if err != nil {
		return nil, err
	}
	var es []Edge
	for _, e := range all {
		if len(f.via) == 0 || f.via[e.Predicate] {
			es = append(es, e)
		}
	}
	f.adj[id] = es
	return es, nil
}

// passable says whether a path may go through id.
func (f *pathFinder) passable(id ID) bool {
	if id == f.from || id == f.to || len(f.exclude) == 0 {
		return true
	}
	for _, t := range f.s.Brief(id).Types {
		if f.exclude[t] {
			return false
		}
	}
	return true
}

// blocked is what a spur search of Yen's algorithm may not use.
type blocked struct {
	nodes map[ID]bool
	links map[[2]ID]bool // unordered node pairs
}

func link(a, b ID) [2]ID {
	if a > b {
		a, b = b, a
	}
	return [2]ID{a, b}
}

// shortest finds one shortest node sequence from a to f.to avoiding b, by
// breadth-first search from both ends, at most maxHops long. Each round
// grows the smaller frontier by a whole level and keeps the shortest of the
// meetings that level makes, so the result is a shortest path.
func (f *pathFinder) shortest(a ID, b blocked, maxHops int) ([]ID, error) {
	if a == f.to {
		return []ID{a}, nil
	}
	fwd := &side{prev: map[ID]ID{a: ""}, depth: map[ID]int{a: 0}, front: []ID{a}}
	bwd := &side{prev: map[ID]ID{f.to: ""}, depth: map[ID]int{f.to: 0}, front: []ID{f.to}}
	for hops := 0; hops < maxHops && len(fwd.front) > 0 && len(bwd.front) > 0; hops++ {
		grow, other := fwd, bwd
		if len(bwd.front) < len(fwd.front) {
			grow, other = bwd, fwd
		}
		var out []ID
		best, meet := -1, ID("")
		for _, n := range grow.front {
			es, err := f.edges(n)
			if err != nil {
				return nil, err
			}
			for _, e := range es {
				m := e.Other(n)
				if _, ok := grow.prev[m]; ok || b.nodes[m] || b.links[link(n, m)] || !f.passable(m) {
					continue
				}
				grow.prev[m], grow.depth[m] = n, grow.depth[n]+1
				if d, ok := other.depth[m]; ok {
					if total := grow.depth[m] + d; best < 0 || total < best || (total == best && m < meet) {
						best, meet = total, m
					}
				}
				out = append(out, m)
			}
		}
		if best >= 0 {
			return join(meet, fwd.prev, bwd.prev), nil
		}
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] }) // deterministic
		grow.front = out
	}
	return nil, nil
}

// side is one end of a two-ended breadth-first search.
type side struct {
	prev  map[ID]ID // back-pointers toward this side's start
	depth map[ID]int
	front []ID
}

// join builds the sequence through meeting point m from the two searches'
// back-pointers.
func join(m ID, prev, next map[ID]ID) []ID {
	var head []ID
	for n := m; n != ""; n = prev[n] {
		head = append(head, n)
	}
	for i, j := 0, len(head)-1; i < j; i, j = i+1, j-1 {
		head[i], head[j] = head[j], head[i]
	}
	for n := next[m]; n != ""; n = next[n] {
		head = append(head, n)
	}
	return head
}

// yen finds up to K shortest simple paths by Yen's algorithm.
func (f *pathFinder) yen() ([][]ID, error) {
	first, err := f.shortest(f.from, blocked{}, f.opt.MaxHops)
	if err != nil {
		return nil, err
	}
	if first == nil {
		return nil, ErrNoPath
	}
	found := [][]ID{first}
	var candidates [][]ID
	for len(found) < f.opt.K {
		last := found[len(found)-1]
		for i := 0; i < len(last)-1; i++ {
			root := last[:i+1]
			b := blocked{nodes: make(map[ID]bool), links: make(map[[2]ID]bool)}
			for _, p := range found {
				if len(p) > i+1 && slices.Equal(p[:i+1], root) {
					b.links[link(p[i], p[i+1])] = true
				}
			}
			for _, n := range root[:i] {
				b.nodes[n] = true
			}
			spur, err := f.shortest(root[i], b, f.opt.MaxHops-i)
			if err != nil {
				return nil, err
			}
			if spur == nil {
				continue
			}
			cand := append(append([]ID(nil), root[:i]...), spur...)
			if !containsSeq(found, cand) && !containsSeq(candidates, cand) {
				candidates = append(candidates, cand)
			}
		}
		if len(candidates) == 0 {
			break
		}
		sort.SliceStable(candidates, func(i, j int) bool { return len(candidates[i]) < len(candidates[j]) })
		found = append(found, candidates[0])
		candidates = candidates[1:]
	}
	return found, nil
}

// path dresses a node sequence with the edges of each hop.
func (f *pathFinder) path(seq []ID) (Path, error) {
	p := Path{Nodes: seq}
	for i := 0; i+1 < len(seq); i++ {
		h := Hop{From: seq[i], To: seq[i+1]}
		es, err := f.edges(seq[i])
		if err != nil {
			return Path{}, err
		}
		for _, e := range es {
			if e.Other(seq[i]) == seq[i+1] {
				h.Edges = append(h.Edges, e)
			}
		}
		p.Hops = append(p.Hops, h)
	}
	return p, nil
}

func containsSeq(list [][]ID, seq []ID) bool {
	for _, s := range list {
		if slices.Equal(s, seq) {
			return true
		}
	}
	return false
}
