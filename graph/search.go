package graph

import (
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Match ranks how a search text matched a name; lower is better.
type Match int

// Ranks of a match, best first.
const (
	MatchExact      Match = iota // the whole name
	MatchPrefix                  // the start of the name
	MatchWordPrefix              // the start of a word inside the name
	MatchSubstring               // anywhere inside the name
)

// Hit is one search result.
type Hit struct {
	ID    ID
	Name  string // the label or alias that matched
	Alias bool   // Name is an alias, not the label
	Match Match
}

// TextIndex finds nodes by label and alias, ignoring case and accents.
// It holds no store and does no I/O. It is not safe for concurrent use; the
// Store guards it.
type TextIndex struct {
	names []indexedName
	byID  map[ID][]int // positions in names
	free  []int        // positions freed by Remove
}

type indexedName struct {
	id    ID
	name  string
	norm  string
	alias bool
}

// NewTextIndex returns an empty index.
func NewTextIndex() *TextIndex {
	return &TextIndex{byID: make(map[ID][]int)}
}

// Add indexes name as a label (alias false) or an alias of id. Adding the
// same name twice for one id is a no-op.
func (x *TextIndex) Add(id ID, name string, alias bool) {
	n := Normalize(name)
	if n == "" {
		return
	}
	for _, i := range x.byID[id] {
		if x.names[i].norm == n && x.names[i].alias == alias {
			return
		}
	}
	e := indexedName{id: id, name: name, norm: n, alias: alias}
	var i int
	if k := len(x.free); k > 0 {
		i, x.free = x.free[k-1], x.free[:k-1]
		x.names[i] = e
	} else {
		i = len(x.names)
		x.names = append(x.names, e)
	}
	x.byID[id] = append(x.byID[id], i)
}

// Remove drops every name of id.
func (x *TextIndex) Remove(id ID) {
	for _, i := range x.byID[id] {
		x.names[i] = indexedName{}
		x.free = append(x.free, i)
	}
	delete(x.byID, id)
}

// Len returns the number of names indexed.
func (x *TextIndex) Len() int { return len(x.names) - len(x.free) }

// Search returns up to limit nodes whose label or alias contains text,
// best first: exact before prefix before word prefix before substring, a
// label before an alias, shorter names first, then alphabetically. Each
// node appears once, under its best-matching name. An empty text matches
// nothing.
func (x *TextIndex) Search(text string, limit int) []Hit {
	q := Normalize(text)
	if q == "" || limit <= 0 {
		return nil
	}
	best := make(map[ID]int) // id -> position in hits
	var hits []Hit
	for _, e := range x.names {
		if e.norm == "" {
			continue
		}
		m, ok := matchName(e.norm, q)
		if !ok {
			continue
		}
		h := Hit{ID: e.id, Name: e.name, Alias: e.alias, Match: m}
		if j, seen := best[e.id]; seen {
			if less(h, hits[j]) {
				hits[j] = h
			}
			continue
		}
		best[e.id] = len(hits)
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool { return less(hits[i], hits[j]) })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

func matchName(name, q string) (Match, bool) {
	i := strings.Index(name, q)
	switch {
	case i < 0:
		return 0, false
	case name == q:
		return MatchExact, true
	case i == 0:
		return MatchPrefix, true
	}
	for ; i >= 0; i = nextIndex(name, q, i) {
		if name[i-1] == ' ' {
			return MatchWordPrefix, true
		}
	}
	return MatchSubstring, true
}

func nextIndex(s, sub string, after int) int {
	j := strings.Index(s[after+1:], sub)
	if j < 0 {
		return -1
	}
	return after + 1 + j
}

func less(a, b Hit) bool {
	if a.Match != b.Match {
		return a.Match < b.Match
	}
	if a.Alias != b.Alias {
		return !a.Alias
	}
	if len(a.Name) != len(b.Name) {
		return len(a.Name) < len(b.Name)
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.ID < b.ID
}

// Normalize folds text for matching: accents removed, lower case,
// punctuation turned into spaces, runs of spaces collapsed.
func Normalize(s string) string {
	var b strings.Builder
	space := true // drop leading spaces
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}
