package data

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// NewTurtleWriter returns a writer of Turtle (trig false) or TriG into w.
// It holds the quads until Close, then writes them grouped by graph and
// subject, with a prefix for every namespace used more than once, rdf:type
// as 'a', bare numbers and booleans where their lexical form allows, and a
// blank node that is the object of one statement inline, as '[' its
// statements ']'.
// Turtle has no graphs: it writes each statement once, without its graph
// label (the source); TriG keeps them. Reading the output back gives the
// same statements, up to the names of blank nodes (those written inline,
// and those whose labels Turtle cannot spell, get new ones).
func NewTurtleWriter(w io.Writer, trig bool) quad.WriteCloser {
	return &turtleWriter{w: w, trig: trig, seen: make(map[quad.Quad]struct{})}
}

type turtleWriter struct {
	w      io.Writer
	trig   bool
	seen   map[quad.Quad]struct{}
	quads  []quad.Quad
	closed bool
	// set on Close
	prefixes map[string]string // namespace -> prefix
	blanks   map[string]string // label -> label as written
	inline   map[quad.BNode][]quad.Quad
}

func (tw *turtleWriter) WriteQuad(q quad.Quad) error {
	if tw.closed {
		return fmt.Errorf("data: write after close")
	}
	if !tw.trig {
		q.Label = nil
	}
	for _, d := range quad.Directions {
		if v, ok := q.Get(d).(quad.TypedStringer); ok {
			q.Set(d, v.TypedString())
		}
	}
	if err := CheckQuad(q); err != nil {
		return fmt.Errorf("data: Turtle %w: %v", ErrNotExpressible, err)
	}
	if _, dup := tw.seen[q]; !dup {
		tw.seen[q] = struct{}{}
		tw.quads = append(tw.quads, q)
	}
	return nil
}

func (tw *turtleWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := tw.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func (tw *turtleWriter) Close() error {
	if tw.closed {
		return nil
	}
	tw.closed = true
	tw.choosePrefixes()
	tw.nameBlanks()
	sort.SliceStable(tw.quads, func(i, j int) bool { return tw.less(tw.quads[i], tw.quads[j]) })
	tw.chooseInline() // on the sorted quads
	bw := bufio.NewWriter(tw.w)
	var nss []string
	for ns := range tw.prefixes {
		nss = append(nss, ns)
	}
	sort.Slice(nss, func(i, j int) bool { return tw.prefixes[nss[i]] < tw.prefixes[nss[j]] })
	for _, ns := range nss {
		fmt.Fprintf(bw, "@prefix %s: <%s> .\n", tw.prefixes[ns], ns)
	}
	for i := 0; i < len(tw.quads); {
		j := i
		for j < len(tw.quads) && tw.quads[j].Label == tw.quads[i].Label {
			j++
		}
		bw.WriteByte('\n')
		indent := ""
		if g := tw.quads[i].Label; g != nil {
			fmt.Fprintf(bw, "%s {\n", tw.term(g))
			indent = "    "
		}
		tw.writeGraph(bw, tw.quads[i:j], indent)
		if tw.quads[i].Label != nil {
			bw.WriteString("}\n")
		}
		i = j
	}
	tw.quads, tw.seen = nil, nil
	return bw.Flush()
}

// less orders quads by graph (the default graph first), subject,
// predicate (rdf:type first) and object.
func (tw *turtleWriter) less(a, b quad.Quad) bool {
	if a.Label != b.Label {
		if a.Label == nil || b.Label == nil {
			return a.Label == nil
		}
		return a.Label.String() < b.Label.String()
	}
	if a.Subject != b.Subject {
		return a.Subject.String() < b.Subject.String()
	}
	if a.Predicate != b.Predicate {
		if a.Predicate == quad.IRI(rdfTypeIRI) || b.Predicate == quad.IRI(rdfTypeIRI) {
			return a.Predicate == quad.IRI(rdfTypeIRI)
		}
		return a.Predicate.String() < b.Predicate.String()
	}
	return a.Object.String() < b.Object.String()
}

// writeGraph writes sorted quads of one graph, a subject at a time; the
// blank nodes written inline (tw.inline) are written where they are used.
func (tw *turtleWriter) writeGraph(w *bufio.Writer, qs []quad.Quad, indent string) {
	for i := 0; i < len(qs); {
		j := i
		for j < len(qs) && qs[j].Subject == qs[i].Subject {
			j++
		}
		if b, ok := qs[i].Subject.(quad.BNode); !ok || tw.inline[b] == nil {
			w.WriteString(indent + tw.term(qs[i].Subject) + " ")
			tw.writePredicates(w, qs[i:j], indent+"    ")
			w.WriteString(" .\n")
		}
		i = j
	}
}

// writePredicates writes one subject's predicates and objects; indent
// starts each line after the first.
func (tw *turtleWriter) writePredicates(w *bufio.Writer, qs []quad.Quad, indent string) {
	for i, q := range qs {
		switch {
		case i == 0:
			w.WriteString(tw.predicate(q.Predicate) + " ")
		case q.Predicate != qs[i-1].Predicate:
			w.WriteString(" ;\n" + indent + tw.predicate(q.Predicate) + " ")
		default:
			w.WriteString(", ")
		}
		if b, ok := q.Object.(quad.BNode); ok && tw.inline[b] != nil {
			tw.writeInline(w, tw.inline[b], indent)
			continue
		}
		w.WriteString(tw.term(q.Object))
	}
}

// writeInline writes a blank node used once as '[' its predicates ']'.
func (tw *turtleWriter) writeInline(w *bufio.Writer, qs []quad.Quad, indent string) {
	if len(qs) == 0 || qs[0].Subject == nil {
		w.WriteString("[]")
		return
	}
	w.WriteString("[ ")
	tw.writePredicates(w, qs, indent+"    ")
	w.WriteString(" ]")
}

// chooseInline picks the blank nodes to write inline: those that are the
// object of exactly one statement, name no graph, and have all their own
// statements in that statement's graph, as long as writing them inline
// reaches them from a subject written on its own (a cycle of such nodes
// stays written by label). tw.inline maps each to its statements (an
// empty, non-nil slice for one without statements).
func (tw *turtleWriter) chooseInline() {
	uses := map[quad.BNode]int{}
	graphOf := map[quad.BNode]quad.Value{}
	barred := map[quad.BNode]bool{}
	for _, q := range tw.quads {
		if b, ok := q.Object.(quad.BNode); ok {
			uses[b]++
			graphOf[b] = q.Label
		}
		if b, ok := q.Label.(quad.BNode); ok {
			barred[b] = true
		}
	}
	own := map[quad.BNode][]quad.Quad{}
	for i := 0; i < len(tw.quads); {
		j := i
		for j < len(tw.quads) && tw.quads[j].Subject == tw.quads[i].Subject && tw.quads[j].Label == tw.quads[i].Label {
			j++
		}
		if b, ok := tw.quads[i].Subject.(quad.BNode); ok {
			if _, seen := own[b]; seen || uses[b] == 1 && graphOf[b] != tw.quads[i].Label {
				barred[b] = true // statements in more than one graph, or not the user's
			}
			own[b] = tw.quads[i:j]
		}
		i = j
	}
	tw.inline = map[quad.BNode][]quad.Quad{}
	for b, n := range uses {
		if n == 1 && !barred[b] {
			tw.inline[b] = own[b]
			if tw.inline[b] == nil {
				tw.inline[b] = []quad.Quad{{}}[:0]
			}
		}
	}
	for {
		reached := map[quad.BNode]bool{}
		var visit func(qs []quad.Quad)
		visit = func(qs []quad.Quad) {
			for _, q := range qs {
				if b, ok := q.Object.(quad.BNode); ok && tw.inline[b] != nil && !reached[b] {
					reached[b] = true
					visit(tw.inline[b])
				}
			}
		}
		for _, q := range tw.quads {
			if b, ok := q.Subject.(quad.BNode); !ok || tw.inline[b] == nil {
				visit([]quad.Quad{q})
			}
		}
		var lost []quad.BNode
		for b := range tw.inline {
			if !reached[b] {
				lost = append(lost, b)
			}
		}
		if len(lost) == 0 {
			return
		}
		sort.Slice(lost, func(i, j int) bool { return lost[i] < lost[j] })
		delete(tw.inline, lost[0]) // written by label, it is reached again
	}
}

func (tw *turtleWriter) predicate(v quad.Value) string {
	if v == quad.IRI(rdfTypeIRI) {
		return "a"
	}
	return tw.term(v)
}

// knownPrefixes are the usual names of common namespaces.
var knownPrefixes = map[string]string{
	rdfNS: "rdf", "http://www.w3.org/2000/01/rdf-schema#": "rdfs", xsdNS: "xsd",
	"http://www.w3.org/2002/07/owl#": "owl", "http://schema.org/": "schema", "https://schema.org/": "schema",
	"http://xmlns.com/foaf/0.1/": "foaf", "http://purl.org/dc/terms/": "dcterms", "http://purl.org/dc/elements/1.1/": "dc",
	"http://www.w3.org/2004/02/skos/core#": "skos", "http://www.wikidata.org/entity/": "wd", "http://www.wikidata.org/prop/direct/": "wdt",
	"urn:reelgraph:id:": "rg", "urn:reelgraph:vocab:": "rgv", "urn:reelgraph:src:": "src",
}

// splitNS splits an IRI after its last '#', '/' or ':' into a namespace
// and a local name that Turtle can write bare; ok is false when it cannot.
func splitNS(iri string) (ns, local string, ok bool) {
	i := strings.LastIndexAny(iri, "#/:")
	if i < 0 || !isAbsoluteIRI(iri[:i+1]) {
		return "", "", false
	}
	ns, local = iri[:i+1], iri[i+1:]
	return ns, local, validLocal(local)
}

// validLocal reports whether s is a PN_LOCAL that needs no escapes.
func validLocal(s string) bool {
	for i, r := range s {
		switch {
		case ttlCharsU(r) || r >= '0' && r <= '9':
		case i > 0 && (ttlChars(r) || r == '.' && i < len(s)-1):
		default:
			return false
		}
	}
	return true
}

var prefixWord = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*`)

// prefixStopWords never name a prefix: they say nothing of a namespace.
var prefixStopWords = map[string]bool{"http": true, "https": true, "urn": true, "file": true, "www": true,
	"org": true, "com": true, "net": true, "io": true, "edu": true, "gov": true, "html": true, "ns": true}

// choosePrefixes names every namespace that at least two IRIs share.
func (tw *turtleWriter) choosePrefixes() {
	count := map[string]int{}
	for _, q := range tw.quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			switch v := v.(type) {
			case quad.IRI:
				if ns, _, ok := splitNS(string(v)); ok {
					count[ns]++
				}
			case quad.TypedString:
				if ns, _, ok := splitNS(string(v.Type)); ok && !bareLiteral(string(v.Value), string(v.Type)) {
					count[ns]++
				}
			}
		}
	}
	var nss []string
	for ns, n := range count {
		if n >= 2 || knownPrefixes[ns] != "" {
			nss = append(nss, ns)
		}
	}
	sort.Strings(nss)
	tw.prefixes = make(map[string]string)
	taken := map[string]bool{}
	for _, ns := range nss { // the well-known names first
		if p := knownPrefixes[ns]; p != "" && !taken[p] {
			tw.prefixes[ns], taken[p] = p, true
		}
	}
	for _, ns := range nss {
		if tw.prefixes[ns] != "" {
			continue
		}
		p := ""
		for _, w := range prefixWord.FindAllString(ns, -1) {
			if w = strings.ToLower(w); len(w) <= 12 && !prefixStopWords[w] {
				p = w
			}
		}
		for n := 1; p == "" || taken[p]; n++ {
			p = "ns" + strconv.Itoa(n)
		}
		tw.prefixes[ns], taken[p] = p, true
	}
}

// nameBlanks keeps the blank node labels Turtle can spell and gives the
// others fresh ones.
func (tw *turtleWriter) nameBlanks() {
	tw.blanks = make(map[string]string)
	used := map[string]bool{}
	var bad []string
	for _, q := range tw.quads {
		for _, v := range []quad.Value{q.Subject, q.Object, q.Label} {
			if b, ok := v.(quad.BNode); ok {
				if _, seen := tw.blanks[string(b)]; seen {
					continue
				}
				if validBlankLabel(string(b)) {
					tw.blanks[string(b)], used[string(b)] = string(b), true
				} else {
					tw.blanks[string(b)] = ""
					bad = append(bad, string(b))
				}
			}
		}
	}
	n := 0
	for _, b := range bad {
		for {
			n++
			if l := "b" + strconv.Itoa(n); !used[l] {
				tw.blanks[b], used[l] = l, true
				break
			}
		}
	}
}

// validBlankLabel reports whether Turtle's BLANK_NODE_LABEL can spell s.
func validBlankLabel(s string) bool {
	for i, r := range s {
		switch {
		case i == 0 && (ttlCharsU(r) || r >= '0' && r <= '9'):
		case i > 0 && (ttlChars(r) || r == '.' && i < len(s)-1):
		default:
			return false
		}
	}
	return s != ""
}

// term writes a value in Turtle.
func (tw *turtleWriter) term(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return tw.iri(string(v))
	case quad.BNode:
		return "_:" + tw.blanks[string(v)]
	case quad.String:
		return quoteTurtle(string(v))
	case quad.LangString:
		return quoteTurtle(string(v.Value)) + "@" + v.Lang
	case quad.TypedString:
		if bareLiteral(string(v.Value), string(v.Type)) {
			return string(v.Value)
		}
		return quoteTurtle(string(v.Value)) + "^^" + tw.iri(string(v.Type))
	}
	return v.String()
}

func (tw *turtleWriter) iri(s string) string {
	if ns, local, ok := splitNS(s); ok {
		if p := tw.prefixes[ns]; p != "" {
			return p + ":" + local
		}
	}
	return "<" + escapeIRI(s) + ">"
}

// escapeIRI writes the characters an IRIREF cannot hold raw as \u escapes
// (CheckQuad lets none through; this is a second guard).
func escapeIRI(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !iriChar(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if iriChar(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\u%04X", r)
		}
	}
	return b.String()
}

var (
	reInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reDecimal = regexp.MustCompile(`^[+-]?[0-9]*\.[0-9]+$`)
	reDouble  = regexp.MustCompile(`^[+-]?([0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+|[0-9]+[eE][+-]?[0-9]+)$`)
)

// bareLiteral reports whether Turtle reads s, written bare, back as a
// literal of datatype dt with that very lexical form.
func bareLiteral(s, dt string) bool {
	switch dt {
	case xsdInteger:
		return reInteger.MatchString(s)
	case xsdDecimal:
		return reDecimal.MatchString(s)
	case xsdDouble:
		return reDouble.MatchString(s)
	case xsdBoolean:
		return s == "true" || s == "false"
	}
	return false
}

// quoteTurtle writes s as a Turtle string: "…" with escapes, or """…"""
// when it spans lines and can be written so.
func quoteTurtle(s string) string {
	var b strings.Builder
	long := strings.Contains(s, "\n") && !strings.HasSuffix(s, `"`)
	if long {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			if long && !strings.HasPrefix(s[i:], `"`) && !strings.HasPrefix(s[i:], `""`) {
				b.WriteByte('"')
			} else {
				b.WriteString(`\"`)
			}
		case '\n':
			if long {
				b.WriteByte('\n')
			} else {
				b.WriteString(`\n`)
			}
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, "\\u%04X", r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	if long {
		b.WriteString(`"""`)
	} else {
		b.WriteByte('"')
	}
	return b.String()
}
