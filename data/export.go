package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/json"   // registers Cayley's JSON writer
	_ "github.com/cayleygraph/quad/jsonld" // registers the JSON-LD writer
	_ "github.com/cayleygraph/quad/nquads" // registers the N-Quads writer

	"reelgraph/graph/vocab"
)

// NewWriter returns a writer of quads in the named format into w. N-Quads
// (sources kept as graph labels), JSON-LD and Cayley JSON come from quad's
// format registry. GraphML, GML and DOT are Reelgraph's own writers: quad's
// write only node names, and these carry each node's label, types, IRI and
// description, and each edge's predicate and source. They hold the quads
// until Close, then write nodes and edges sorted. CSV writes two files; use
// NewCSVWriter.
func NewWriter(w io.Writer, format string) (quad.WriteCloser, error) {
	f := FormatByName(format)
	if f == nil || !f.Export {
		return nil, fmt.Errorf("data: Reelgraph cannot export %q; it exports %s", format, FormatNames(func(f Format) bool { return f.Export }))
	}
	if f.Reg != "" {
		if f.Name == JSONLD {
			jw := &jsonldWriter{w: w, seen: make(map[quad.Quad]struct{})}
			jw.WriteCloser = quad.FormatByName(f.Reg).Writer(&jw.buf)
			return jw, nil
		}
		return quad.FormatByName(f.Reg).Writer(w), nil
	}
	switch f.Name {
	case GraphML:
		return &modelWriter{w: w, write: writeGraphML}, nil
	case GML:
		return &modelWriter{w: w, write: writeGML}, nil
	case DOT:
		return &modelWriter{w: w, write: writeDOT}, nil
	}
	return nil, fmt.Errorf("data: %s writes two files; use NewCSVWriter", f.Title)
}

// ErrNotExpressible is wrapped by the error of a writer given a quad its
// format cannot hold.
var ErrNotExpressible = errors.New("cannot be written in this format")

// jsonldWriter checks quad's JSON-LD writer: before the document goes
// out, it is read back, and if a JSON-LD reader would not get every quad
// back (json-gold drops statements whose IRIs it cannot parse, without a
// word), the export fails instead of losing facts.
type jsonldWriter struct {
	quad.WriteCloser
	w    io.Writer
	buf  bytes.Buffer
	seen map[quad.Quad]struct{}
}

func (w *jsonldWriter) WriteQuad(q quad.Quad) error {
	w.seen[q] = struct{}{}
	// quad's writer gives json-gold blank node labels without their "_:",
	// which JSON-LD then reads as relative IRIs.
	for _, v := range []*quad.Value{&q.Subject, &q.Object} {
		if b, ok := (*v).(quad.BNode); ok {
			*v = quad.BNode("_:" + string(b))
		}
	}
	return w.WriteCloser.WriteQuad(q)
}

func (w *jsonldWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := w.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func (w *jsonldWriter) Close() error {
	if err := w.WriteCloser.Close(); err != nil {
		return err
	}
	var doc any
	if err := json.Unmarshal(w.buf.Bytes(), &doc); err != nil {
		return err
	}
	back, err := jsonldQuads(doc, JSONLDOptions{})
	if err != nil {
		return fmt.Errorf("data: JSON-LD %w: %v", ErrNotExpressible, err)
	}
	got := make(map[quad.Quad]struct{}, len(back))
	for _, q := range back {
		got[q] = struct{}{}
	}
	if len(got) != len(w.seen) {
		for q := range w.seen {
			if _, ok := got[q]; !ok && !hasBlank(q) {
				return fmt.Errorf("data: JSON-LD %w: JSON-LD readers would drop %v (an IRI they cannot parse); export as N-Quads instead", ErrNotExpressible, q)
			}
		}
		return fmt.Errorf("data: JSON-LD %w: %d statements would read back as %d; export as N-Quads instead", ErrNotExpressible, len(w.seen), len(got))
	}
	_, err = w.w.Write(w.buf.Bytes())
	return err
}

func hasBlank(q quad.Quad) bool {
	for _, v := range []quad.Value{q.Subject, q.Object, q.Label} {
		if _, ok := v.(quad.BNode); ok {
			return true
		}
	}
	return false
}

// NewCSVWriter returns a writer of a node table (id, label, type,
// description) into nodes and an edge list (subject, predicate, object,
// source) into edges. Cells that a spreadsheet would read as a formula
// (starting with =, +, -, @, a tab or a carriage return) are prefixed with
// a single quote.
func NewCSVWriter(nodes, edges io.Writer) quad.WriteCloser {
	return &modelWriter{write: func(_ io.Writer, m *model) error { return writeCSV(nodes, edges, m) }}
}

// Node and edge as the graph formats present them.
type (
	modelNode struct {
		id          string // IRI or _:label
		key         string // n0, n1… in file order
		label       string
		types       []string
		description string
	}
	modelEdge struct {
		subject, predicate, object string
		source                     string // the graph label, or empty
	}
	model struct {
		nodes   []*modelNode
		byID    map[string]*modelNode
		edges   []modelEdge
		sources map[string]string // source IRI -> title
	}
)

// modelWriter gathers quads into a model and writes it on Close.
type modelWriter struct {
	w      io.Writer
	write  func(io.Writer, *model) error
	quads  []quad.Quad
	closed bool
}

func (mw *modelWriter) WriteQuad(q quad.Quad) error {
	if mw.closed {
		return fmt.Errorf("data: write after close")
	}
	mw.quads = append(mw.quads, q)
	return nil
}

func (mw *modelWriter) WriteQuads(qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := mw.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func (mw *modelWriter) Close() error {
	if mw.closed {
		return nil
	}
	mw.closed = true
	return mw.write(mw.w, buildModel(mw.quads))
}

// Predicates the model reads, as the graph domain does.
var (
	labelPreds       = vocab.LabelPredicates
	typePreds        = vocab.TypePredicates
	descriptionPreds = vocab.DescriptionPredicates
)

func rank(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func valueID(v quad.Value) (string, bool) {
	switch v := v.(type) {
	case quad.IRI:
		return string(v), true
	case quad.BNode:
		return "_:" + string(v), true
	}
	return "", false
}

func literal(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedString:
		return string(v.Value)
	case quad.TypedStringer:
		return string(v.TypedString().Value)
	}
	return quad.StringOf(v)
}

func buildModel(quads []quad.Quad) *model {
	m := &model{byID: make(map[string]*modelNode), sources: make(map[string]string)}
	labelRank := make(map[string]int)
	isSource := make(map[string]bool)
	for _, q := range quads {
		s, _ := valueID(q.Subject)
		p, _ := valueID(q.Predicate)
		o, isNode := valueID(q.Object)
		switch {
		case rank(typePreds, p) >= 0:
			t := o
			if !isNode {
				t = literal(q.Object)
			}
			n := m.node(s)
			n.types = appendUnique(n.types, t)
			if t == iriSource {
				isSource[s] = true
			}
		case isNode:
			m.node(s)
			m.node(o)
			src, _ := valueID(q.Label)
			m.edges = append(m.edges, modelEdge{s, p, o, src})
		case rank(labelPreds, p) >= 0:
			n := m.node(s)
			if r, seen := labelRank[s]; !seen || rank(labelPreds, p) < r || (r == rank(labelPreds, p) && literal(q.Object) < n.label) {
				labelRank[s] = rank(labelPreds, p)
				n.label = literal(q.Object)
			}
		case rank(descriptionPreds, p) >= 0:
			n := m.node(s)
			if n.description == "" || literal(q.Object) < n.description {
				n.description = literal(q.Object)
			}
		}
	}
	for id := range isSource {
		m.sources[id] = m.byID[id].label
	}
	m.finish(isSource)
	return m
}

func (m *model) node(id string) *modelNode {
	n, ok := m.byID[id]
	if !ok {
		n = &modelNode{id: id}
		m.byID[id] = n
	}
	return n
}

// finish drops Source nodes that no edge touches (they are cited, not
// shown), sorts nodes and edges and numbers the nodes.
func (m *model) finish(isSource map[string]bool) {
	linked := make(map[string]bool)
	for _, e := range m.edges {
		linked[e.subject], linked[e.object] = true, true
	}
	for id, n := range m.byID {
		if isSource[id] && !linked[id] {
			continue
		}
		if n.label == "" {
			n.label = localName(id)
		}
		sort.Strings(n.types)
		m.nodes = append(m.nodes, n)
	}
	sort.Slice(m.nodes, func(i, j int) bool { return m.nodes[i].id < m.nodes[j].id })
	for i, n := range m.nodes {
		n.key = fmt.Sprintf("n%d", i)
	}
	sort.Slice(m.edges, func(i, j int) bool {
		a, b := m.edges[i], m.edges[j]
		return a.subject+"\x00"+a.predicate+"\x00"+a.object+"\x00"+a.source < b.subject+"\x00"+b.predicate+"\x00"+b.object+"\x00"+b.source
	})
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// localName returns the last segment of an IRI.
func localName(id string) string { return vocab.LocalName(id) }

// typeNames returns the local names of a node's types, joined.
func (n *modelNode) typeNames() string {
	names := make([]string, len(n.types))
	for i, t := range n.types {
		names[i] = localName(t)
	}
	return strings.Join(names, "; ")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func writeGraphML(w io.Writer, m *model) error {
	e := &errWriter{w: w}
	e.printf(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="iri" for="node" attr.name="iri" attr.type="string"/>
  <key id="description" for="node" attr.name="description" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="predicateLabel" for="edge" attr.name="label" attr.type="string"/>
  <key id="source" for="edge" attr.name="source" attr.type="string"/>
  <key id="sourceTitle" for="edge" attr.name="sourceTitle" attr.type="string"/>
  <graph id="reelgraph" edgedefault="directed">
`)
	data := func(key, val string) {
		if val != "" {
			e.printf(`      <data key="%s">%s</data>`+"\n", key, xmlText(val))
		}
	}
	for _, n := range m.nodes {
		e.printf("    <node id=\"%s\">\n", n.key)
		data("label", n.label)
		data("type", n.typeNames())
		data("iri", n.id)
		data("description", n.description)
		e.printf("    </node>\n")
	}
	for i, ed := range m.edges {
		e.printf("    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, m.byID[ed.subject].key, m.byID[ed.object].key)
		data("predicate", ed.predicate)
		data("predicateLabel", localName(ed.predicate))
		data("source", ed.source)
		data("sourceTitle", m.sources[ed.source])
		e.printf("    </edge>\n")
	}
	e.printf("  </graph>\n</graphml>\n")
	return e.err
}

// gmlString quotes s for GML, which has no escapes: quotes, ampersands
// and non-ASCII characters become HTML character references, as networkx
// and Gephi read them.
func gmlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '&' || r > 126 || r < 32:
			fmt.Fprintf(&b, "&#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func writeGML(w io.Writer, m *model) error {
	e := &errWriter{w: w}
	e.printf("graph [\n  directed 1\n")
	for i, n := range m.nodes {
		e.printf("  node [\n    id %d\n    label %s\n    iri %s\n", i, gmlString(n.label), gmlString(n.id))
		if t := n.typeNames(); t != "" {
			e.printf("    type %s\n", gmlString(t))
		}
		if n.description != "" {
			e.printf("    description %s\n", gmlString(n.description))
		}
		e.printf("  ]\n")
	}
	index := make(map[string]int, len(m.nodes))
	for i, n := range m.nodes {
		index[n.id] = i
	}
	for _, ed := range m.edges {
		e.printf("  edge [\n    source %d\n    target %d\n    label %s\n    predicate %s\n", index[ed.subject], index[ed.object], gmlString(localName(ed.predicate)), gmlString(ed.predicate))
		if ed.source != "" {
			e.printf("    citation %s\n", gmlString(ed.source))
		}
		e.printf("  ]\n")
	}
	e.printf("]\n")
	return e.err
}

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", ``)

func dotString(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

func writeDOT(w io.Writer, m *model) error {
	e := &errWriter{w: w}
	e.printf("digraph reelgraph {\n  node [shape=box, style=rounded];\n")
	for _, n := range m.nodes {
		e.printf("  %s [label=%s, iri=%s", n.key, dotString(n.label), dotString(n.id))
		if t := n.typeNames(); t != "" {
			e.printf(", type=%s", dotString(t))
		}
		if strings.HasPrefix(n.id, "http://") || strings.HasPrefix(n.id, "https://") {
			e.printf(", URL=%s", dotString(n.id))
		}
		e.printf(", tooltip=%s];\n", dotString(n.description))
	}
	for _, ed := range m.edges {
		e.printf("  %s -> %s [label=%s, predicate=%s", m.byID[ed.subject].key, m.byID[ed.object].key, dotString(localName(ed.predicate)), dotString(ed.predicate))
		if ed.source != "" {
			e.printf(", source=%s", dotString(ed.source))
		}
		e.printf("];\n")
	}
	e.printf("}\n")
	return e.err
}

// SafeCell neutralizes a cell a spreadsheet would run as a formula.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeCSV(nodes, edges io.Writer, m *model) error {
	nw := csv.NewWriter(nodes)
	nw.Write([]string{"id", "label", "type", "description"})
	for _, n := range m.nodes {
		nw.Write([]string{SafeCell(n.id), SafeCell(n.label), SafeCell(strings.Join(n.types, " ")), SafeCell(n.description)})
	}
	nw.Flush()
	ew := csv.NewWriter(edges)
	ew.Write([]string{"subject", "predicate", "object", "source"})
	for _, e := range m.edges {
		ew.Write([]string{SafeCell(e.subject), SafeCell(e.predicate), SafeCell(e.object), SafeCell(e.source)})
	}
	ew.Flush()
	if err := nw.Error(); err != nil {
		return err
	}
	return ew.Error()
}
