package graph

import (
	"context"
	"fmt"
	"math/big"
	"regexp"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Dispute is a predicate that takes one value per node (a functional
// property) stated of one node with values that disagree, by different
// sources.
type Dispute struct {
	Node      ID     `json:"node"`
	Label     string `json:"label"`
	Predicate ID     `json:"predicate"`
	// Values are every value stated, each with the sources that state it:
	// the value with the best source first (see SourceKind.Rank), then the
	// one with more sources, then by value.
	Values []DisputedValue `json:"values"`
}

// DisputedValue is one of the values of a Dispute and the sources that
// state it, best kind first, then by ID.
type DisputedValue struct {
	Value   string `json:"value"`
	Lang    string `json:"lang,omitempty"`
	Sources []ID   `json:"sources"`
}

// FunctionalPredicates returns the predicates that take one value per
// node, sorted: those Options.Functional named when the store was opened
// (the vocabulary that ships with Reelgraph) and those the store itself
// types owl:FunctionalProperty.
func (s *Store) FunctionalPredicates() []ID {
	set := make(map[ID]bool, len(s.functional))
	for _, p := range s.functional {
		set[p] = true
	}
	s.mu.RLock()
	if a := s.adj; a != nil {
		if n, ok := a.num[FunctionalProperty]; ok {
			for _, x := range a.members[n] {
				set[a.ids[a.stmts[x].s]] = true
			}
		}
	}
	s.mu.RUnlock()
	out := make([]ID, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Disputes returns the disputes of node, or of the whole store when node
// is empty: every functional predicate (see FunctionalPredicates) a node
// has two values of that disagree, stated by different sets of sources.
// Two values agree when they are the same text; when both are decimal
// numbers that are equal once rounded to the fewer decimals of the two
// (17 and 17.2 agree, 17.2 and 17.3 do not); or when they are in two
// different languages (a translation is no rival). Disputes come sorted by
// node label, node and predicate. An unknown node gives ErrNotFound.
func (s *Store) Disputes(ctx context.Context, node ID) ([]Dispute, error) {
	functional := s.functionalSet()
	var c claims
	var err error
	if node != "" {
		err = s.nodeClaims(ctx, node, functional, &c)
	} else {
		err = s.allClaims(ctx, functional, &c)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: disputes: %w", err)
	}
	return s.disputesOf(ctx, &c), ctx.Err()
}

// nodeClaims gathers what node states of the functional predicates.
func (s *Store) nodeClaims(ctx context.Context, node ID, functional map[ID]bool, c *claims) error {
	n, err := s.Node(ctx, node)
	if err != nil {
		return err
	}
	s.claimsOf(n, functional, c)
	return nil
}

// claimsOf gathers the values n's properties and outgoing edges give the
// functional predicates.
func (s *Store) claimsOf(n Node, functional map[ID]bool, c *claims) {
	for _, p := range n.Properties {
		if functional[p.Predicate] {
			c.add(n.ID, p.Predicate, DisputedValue{Value: p.Value, Lang: p.Lang}, p.Source)
		}
	}
	s.mu.RLock()
	edges := s.adj.neighbors(n.ID, NeighborOptions{Dir: Out})
	s.mu.RUnlock()
	for _, e := range edges {
		if functional[e.Predicate] {
			c.add(n.ID, e.Predicate, DisputedValue{Value: string(e.Object)}, e.Source)
		}
	}
}

// functionalSet returns FunctionalPredicates as a set.
func (s *Store) functionalSet() map[ID]bool {
	set := make(map[ID]bool)
	for _, p := range s.FunctionalPredicates() {
		set[p] = true
	}
	return set
}

// allClaims gathers every quad of the functional predicates.
func (s *Store) allClaims(ctx context.Context, functional map[ID]bool, c *claims) error {
	for p := range functional {
		ref, err := s.qs.ValueOf(value(p))
		if err != nil {
			return err
		}
		if ref == nil {
			continue
		}
		err = s.eachQuad(ctx, quad.Predicate, ref, func(q quad.Quad) error {
			c.addQuad(q)
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// claims collects the values stated of each node and predicate.
type claims struct {
	by    map[claimKey][]DisputedValue
	order []claimKey
}

type claimKey struct{ node, pred ID }

// addQuad adds the value a quad states.
func (c *claims) addQuad(q quad.Quad) {
	node, _ := nodeID(q.Subject)
	pred, _ := nodeID(q.Predicate)
	src, _ := nodeID(q.Label)
	v := DisputedValue{Value: literalText(q.Object)}
	if id, ok := nodeID(q.Object); ok {
		v.Value = string(id) // as claimsOf reads an edge's object
	} else if l, ok := q.Object.(quad.LangString); ok {
		v.Lang = l.Lang
	}
	c.add(node, pred, v, src)
}

// add adds v as a value of node's pred, stated by src (if not empty).
func (c *claims) add(node, pred ID, v DisputedValue, src ID) {
	if c.by == nil {
		c.by = make(map[claimKey][]DisputedValue)
	}
	k := claimKey{node, pred}
	vals, seen := c.by[k]
	if !seen {
		c.order = append(c.order, k)
	}
	for i := range vals {
		if vals[i].Value == v.Value && vals[i].Lang == v.Lang {
			if src != "" {
				vals[i].Sources = appendID(vals[i].Sources, src)
			}
			return
		}
	}
	if src != "" {
		v.Sources = []ID{src}
	}
	c.by[k] = append(vals, v)
}

// disputesOf returns the claims that are disputes, sorted.
func (s *Store) disputesOf(ctx context.Context, c *claims) []Dispute {
	var out []Dispute
	for _, k := range c.order {
		vals := c.by[k]
		if !disputed(vals) {
			continue
		}
		best := make(map[string]int, len(vals))
		for i := range vals {
			sort.Slice(vals[i].Sources, func(a, b int) bool { return vals[i].Sources[a] < vals[i].Sources[b] })
			s.sortSourceIDs(ctx, vals[i].Sources)
			best[vals[i].Value+"@"+vals[i].Lang] = s.bestRank(ctx, vals[i].Sources)
		}
		sort.Slice(vals, func(i, j int) bool {
			a, b := vals[i], vals[j]
			if ra, rb := best[a.Value+"@"+a.Lang], best[b.Value+"@"+b.Lang]; ra != rb {
				return ra < rb
			}
			if len(a.Sources) != len(b.Sources) {
				return len(a.Sources) > len(b.Sources)
			}
			return a.Value < b.Value || a.Value == b.Value && a.Lang < b.Lang
		})
		out = append(out, Dispute{Node: k.node, Label: s.Brief(k.node).Label, Predicate: k.pred, Values: vals})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Label != b.Label {
			return a.Label < b.Label
		}
		if a.Node != b.Node {
			return a.Node < b.Node
		}
		return a.Predicate < b.Predicate
	})
	return out
}

// bestRank returns the rank of the best kind among srcs.
func (s *Store) bestRank(ctx context.Context, srcs []ID) int {
	best := len(SourceKinds)
	for _, id := range srcs {
		if src, err := s.Source(ctx, id); err == nil {
			best = min(best, src.Kind.Rank())
		}
	}
	return best
}

// disputed reports whether two of vals disagree and are stated by
// different sets of sources.
func disputed(vals []DisputedValue) bool {
	for i := range vals {
		for j := i + 1; j < len(vals); j++ {
			if !agree(vals[i], vals[j]) && !sameIDs(vals[i].Sources, vals[j].Sources) {
				return true
			}
		}
	}
	return false
}

// agree reports whether two values of a functional predicate can both be
// true: see Disputes.
func agree(a, b DisputedValue) bool {
	if a.Value == b.Value || a.Lang != b.Lang {
		return true
	}
	return NumbersAgree(a.Value, b.Value)
}

var decimalRE = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?$`)

// NumbersAgree reports whether a and b are both decimal numbers that are
// equal once each is rounded, half away from zero, to the fewer decimals
// of the two: "17" and "17.2" agree, "17.2" and "17.25" do not (17.25
// rounds to 17.3).
func NumbersAgree(a, b string) bool {
	if !decimalRE.MatchString(a) || !decimalRE.MatchString(b) {
		return false
	}
	d := min(decimals(a), decimals(b))
	return roundTo(a, d).Cmp(roundTo(b, d)) == 0
}

// decimals counts the digits after a decimal number's point.
func decimals(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// roundTo returns the decimal number s rounded half away from zero to d
// decimals, scaled by 10^d.
func roundTo(s string, d int) *big.Int {
	r, _ := new(big.Rat).SetString(s)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	neg := r.Sign() < 0
	r.Abs(r)
	r.Add(r, big.NewRat(1, 2))
	n := new(big.Int).Quo(r.Num(), r.Denom())
	if neg {
		n.Neg(n)
	}
	return n
}

// sameIDs reports whether a and b hold the same IDs, in any order.
func sameIDs(a, b []ID) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}
