package data_test

import (
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// isomorphic reports whether two sets of quads are the same RDF dataset up
// to the names of their blank nodes (RDF 1.1 Concepts, 3.6), and if not,
// says why.
func isomorphic(a, b []quad.Quad) (bool, string) {
	a, b = dedupe(a), dedupe(b)
	if len(a) != len(b) {
		return false, fmt.Sprintf("%d statements, want %d", len(a), len(b))
	}
	ca, cb := blankColors(a), blankColors(b)
	if !sameMultiset(ca, cb) {
		return false, "the blank nodes are connected differently\n got: " + dump(a) + "\nwant: " + dump(b)
	}
	want := make(map[quad.Quad]bool, len(b))
	for _, q := range b {
		want[q] = true
	}
	var as []string
	for n := range ca {
		as = append(as, n)
	}
	sort.Slice(as, func(i, j int) bool { return ca[as[i]] < ca[as[j]] })
	used := map[string]bool{}
	m := map[string]string{}
	var try func(i int) bool
	try = func(i int) bool {
		if i == len(as) {
			for _, q := range a {
				if !want[mapQuad(q, m)] {
					return false
				}
			}
			return true
		}
		for n, c := range cb {
			if c == ca[as[i]] && !used[n] {
				used[n], m[as[i]] = true, n
				if try(i + 1) {
					return true
				}
				used[n] = false
			}
		}
		return false
	}
	if !try(0) {
		return false, "no mapping of blank nodes makes them equal\n got: " + dump(a) + "\nwant: " + dump(b)
	}
	return true, ""
}

func dedupe(qs []quad.Quad) []quad.Quad {
	seen := map[quad.Quad]bool{}
	var out []quad.Quad
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

func dump(qs []quad.Quad) string {
	var lines []string
	for _, q := range qs {
		lines = append(lines, q.NQuad())
	}
	sort.Strings(lines)
	return "\n  " + strings.Join(lines, "\n  ")
}

func mapQuad(q quad.Quad, m map[string]string) quad.Quad {
	for _, d := range quad.Directions {
		if b, ok := q.Get(d).(quad.BNode); ok {
			q.Set(d, quad.BNode(m[string(b)]))
		}
	}
	return q
}

// blankColors refines a colour per blank node from the statements it is
// in, as many rounds as there are blank nodes.
func blankColors(qs []quad.Quad) map[string]uint64 {
	col := map[string]uint64{}
	for _, q := range qs {
		for _, d := range quad.Directions {
			if b, ok := q.Get(d).(quad.BNode); ok {
				col[string(b)] = 1
			}
		}
	}
	term := func(v quad.Value, c map[string]uint64) string {
		if b, ok := v.(quad.BNode); ok {
			return fmt.Sprint("_", c[string(b)])
		}
		if v == nil {
			return ""
		}
		return v.String()
	}
	for round := 0; round <= len(col) && round < 8; round++ {
		sigs := map[string][]string{}
		for _, q := range qs {
			for _, d := range quad.Directions {
				if b, ok := q.Get(d).(quad.BNode); ok {
					sigs[string(b)] = append(sigs[string(b)], fmt.Sprint(d, term(q.Subject, col), term(q.Predicate, col), term(q.Object, col), term(q.Label, col)))
				}
			}
		}
		next := map[string]uint64{}
		for n, s := range sigs {
			sort.Strings(s)
			h := fnv.New64a()
			h.Write([]byte(strings.Join(s, "\x00")))
			next[n] = h.Sum64()
		}
		col = next
	}
	return col
}

func sameMultiset(a, b map[string]uint64) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[uint64]int{}
	for _, c := range a {
		count[c]++
	}
	for _, c := range b {
		count[c]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}
