package graph

import (
	"bytes"
	"slices"
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

	// buf holds every normalized name, each followed by a zero byte, so
	// that a search is one scan of contiguous memory. Region k of buf
	// starts at starts[k] and holds names[owner[k]], or nothing once
	// removed (owner -1).
	buf    []byte
	starts []int32
	owner  []int32
}

type indexedName struct {
	id     ID
	name   string
	norm   string
	alias  bool
	region int32 // the region of buf holding norm
}

// NewTextIndex returns an empty index.
func NewTextIndex() *TextIndex {
	return &TextIndex{byID: make(map[ID][]int)}
}

// Add indexes name as a label (alias false) or an alias of id. Adding the
// same name twice for one id is a no-op.
func (x *TextIndex) Add(id ID, name string, alias bool) {
	x.add(id, name, Normalize(name), alias)
}

// add is Add with the name already normalized.
func (x *TextIndex) add(id ID, name, norm string, alias bool) {
	if norm == "" {
		return
	}
	for _, i := range x.byID[id] {
		if x.names[i].norm == norm && x.names[i].alias == alias {
			return
		}
	}
	e := indexedName{id: id, name: name, norm: norm, alias: alias, region: int32(len(x.starts))}
	var i int
	if k := len(x.free); k > 0 {
		i, x.free = x.free[k-1], x.free[:k-1]
		x.names[i] = e
	} else {
		i = len(x.names)
		x.names = append(x.names, e)
	}
	x.byID[id] = append(x.byID[id], i)
	x.starts = append(x.starts, int32(len(x.buf)))
	x.owner = append(x.owner, int32(i))
	x.buf = append(append(x.buf, norm...), 0)
}

// Remove drops every name of id.
func (x *TextIndex) Remove(id ID) {
	for _, i := range x.byID[id] {
		x.owner[x.names[i].region] = -1
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
//
// It scans the names once, in one buffer, and keeps only the best limit
// hits, so a short text that matches most names costs little more than a
// long one.
func (x *TextIndex) Search(text string, limit int) []Hit {
	q := Normalize(text)
	if q == "" || limit <= 0 {
		return nil
	}
	top := make([]Hit, 0, min(limit, 64))
	for k, pos := 0, 0; ; {
		j := bytes.Index(x.buf[pos:], []byte(q))
		if j < 0 {
			break
		}
		j += pos
		// the region holding j: the last one starting at or before it
		k += sort.Search(len(x.starts)-k, func(i int) bool { return int(x.starts[k+i]) > j }) - 1
		pos = len(x.buf)
		if k+1 < len(x.starts) {
			pos = int(x.starts[k+1])
		}
		o := x.owner[k]
		if o < 0 {
			continue
		}
		if len(top) == limit && top[limit-1].Match <= MatchPrefix && j > int(x.starts[k]) {
			continue // not a prefix: cannot beat the hits kept
		}
		e := &x.names[o]
		if m, ok := matchName(e.norm, q); ok {
			top = keepBest(top, Hit{ID: e.id, Name: e.name, Alias: e.alias, Match: m}, limit)
		}
	}
	return top
}

// keepBest adds h to top, which is sorted best first, holds each node once
// and at most limit hits, if h is among the best limit of them.
func keepBest(top []Hit, h Hit, limit int) []Hit {
	if len(top) == limit && !less(h, top[limit-1]) {
		return top
	}
	for j := range top {
		if top[j].ID == h.ID {
			if !less(h, top[j]) {
				return top
			}
			top = slices.Delete(top, j, j+1)
			break
		}
	}
	if len(top) == limit {
		top = top[:limit-1]
	}
	i, _ := slices.BinarySearchFunc(top, h, func(a, b Hit) int {
		if less(a, b) {
			return -1
		}
		return 1
	})
	return slices.Insert(top, i, h)
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
