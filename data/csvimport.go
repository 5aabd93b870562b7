package data

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	neturl "net/url"
	"os"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/vocab"
)

// Kinds of table a Mapping reads.
const (
	KindEdges = "edges" // one edge per row: source, predicate, target
	KindNodes = "nodes" // one node per row: id, label, type, properties
)

// Roles a column can play in a Mapping.
const (
	RoleSource    = "source"    // edges: the subject
	RolePredicate = "predicate" // edges: the predicate
	RoleTarget    = "target"    // edges: the object
	RoleDocument  = "document"  // both: the source document, the quad's graph label
	RoleID        = "id"        // nodes: the node
	RoleLabel     = "label"     // nodes: its rdfs:label
	RoleType      = "type"      // nodes: its rdf:type
	RoleProperty  = "property"  // nodes: a literal property named after the column
	RoleIgnore    = "ignore"    // not read
)

// DefaultCSVBase prefixes the IRIs minted from cells that are not IRIs.
const DefaultCSVBase = "urn:reelgraph:csv:"

// Mapping says how a CSV or TSV table becomes quads. It is saved and
// loaded as TOML:
//
//	kind = "edges"
//	delimiter = ","
//	base = "http://example.org/"
//	predicate = "knows"        # edges without a predicate column
//	[columns]
//	from = "source"
//	to = "target"
//	cited_in = "document"
type Mapping struct {
	Kind string `toml:"kind"`
	// Delimiter is the one-character field separator; empty means ',' (or
	// a tab for a .tsv file).
	Delimiter string `toml:"delimiter,omitempty"`
	// Base prefixes cells that are not absolute IRIs when they name nodes,
	// predicates, types or documents; empty means DefaultCSVBase.
	Base string `toml:"base,omitempty"`
	// Predicate is the predicate of every edge when no column has the
	// predicate role.
	Predicate string `toml:"predicate,omitempty"`
	// Columns maps a header to its role. Columns not listed are properties
	// of a node table and ignored in an edge list.
	Columns map[string]string `toml:"columns"`
}

// LoadMapping reads a mapping from a TOML file.
func LoadMapping(path string) (*Mapping, error) {
	var m Mapping
	md, err := toml.DecodeFile(path, &m)
	if err != nil {
		return nil, fmt.Errorf("data: mapping %s: %w", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		return nil, fmt.Errorf("data: mapping %s: unknown key %s", path, un[0])
	}
	return &m, nil
}

// Save writes the mapping as TOML.
func (m *Mapping) Save(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("data: save mapping: %w", err)
	}
	err = toml.NewEncoder(f).Encode(m)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("data: save mapping %s: %w", path, err)
	}
	return nil
}

// GuessMapping proposes a mapping for a table with the given header: an
// edge list when it has source and target columns by a usual name, else a
// node table.
func GuessMapping(header []string) *Mapping {
	roles := map[string]string{
		"source": RoleSource, "from": RoleSource, "subject": RoleSource, "src": RoleSource, "start": RoleSource,
		"target": RoleTarget, "to": RoleTarget, "object": RoleTarget, "dst": RoleTarget, "end": RoleTarget,
		"predicate": RolePredicate, "relation": RolePredicate, "rel": RolePredicate, "label": RoleLabel, "type": RoleType,
		"id": RoleID, "iri": RoleID, "name": RoleLabel, "title": RoleLabel, "kind": RoleType, "class": RoleType,
		"document": RoleDocument, "doc": RoleDocument, "citation": RoleDocument, "cited in": RoleDocument, "reference": RoleDocument,
	}
	m := &Mapping{Kind: KindNodes, Columns: make(map[string]string)}
	has := make(map[string]bool)
	for _, h := range header {
		if r, ok := roles[strings.ToLower(strings.TrimSpace(h))]; ok {
			m.Columns[h] = r
			has[r] = true
		}
	}
	sources := 0
	for _, r := range m.Columns {
		if r == RoleSource {
			sources++
		}
	}
	for h, r := range m.Columns {
		if sources > 1 && r == RoleSource && strings.EqualFold(strings.TrimSpace(h), "source") {
			m.Columns[h] = RoleDocument // subject,object,source: the source is the citation
			has[RoleDocument] = true
		}
	}
	if has[RoleSource] && has[RoleTarget] {
		m.Kind = KindEdges
		for h, r := range m.Columns {
			if r == RoleLabel && !has[RolePredicate] { // "label" of an edge names its predicate
				m.Columns[h] = RolePredicate
				has[RolePredicate] = true
			} else if r == RoleLabel || r == RoleType || r == RoleID {
				m.Columns[h] = RoleIgnore
			}
		}
		if !has[RolePredicate] {
			m.Predicate = "relatedTo"
		}
		return m
	}
	for h, r := range m.Columns {
		if r == RoleSource || r == RoleTarget || r == RolePredicate {
			m.Columns[h] = RoleProperty
		}
	}
	if !has[RoleID] && len(header) > 0 {
		if _, taken := m.Columns[header[0]]; !taken || m.Columns[header[0]] == RoleLabel {
			m.Columns[header[0]] = RoleID
		}
	}
	return m
}

// check reports what is wrong with a mapping for a table with this header.
func (m *Mapping) check(header []string) error {
	count := make(map[string]int)
	index := make(map[string]bool)
	for _, h := range header {
		index[h] = true
	}
	for h, r := range m.Columns {
		if !index[h] {
			return fmt.Errorf("the mapping names a column %q the table does not have (it has %s)", h, strings.Join(header, ", "))
		}
		count[r]++
	}
	for r, n := range count {
		if n > 1 && r != RoleProperty && r != RoleIgnore {
			return fmt.Errorf("%d columns have the role %s; give it to one", n, r)
		}
	}
	switch m.Kind {
	case KindEdges:
		if count[RoleSource] != 1 || count[RoleTarget] != 1 {
			return errors.New("an edge list needs one source column and one target column")
		}
		if count[RolePredicate] == 0 && m.Predicate == "" {
			return errors.New("an edge list needs a predicate column or a fixed predicate")
		}
	case KindNodes:
		if count[RoleID] != 1 {
			return errors.New("a node table needs one id column")
		}
	default:
		return fmt.Errorf("unknown kind %q; use %q or %q", m.Kind, KindEdges, KindNodes)
	}
	if len(m.Delimiter) > 0 && len([]rune(m.Delimiter)) != 1 {
		return fmt.Errorf("the delimiter %q is not one character", m.Delimiter)
	}
	if m.Base != "" && !isAbsoluteIRI(m.Base) {
		return fmt.Errorf("the base %q is not an absolute IRI", m.Base)
	}
	return nil
}

// CSVReader turns the rows of a CSV or TSV table into quads as a Mapping
// says, a row at a time. The first row is the header.
type CSVReader struct {
	cr      *csv.Reader
	lim     *recordLimit
	rows    int // rows read, the header included
	name    string
	m       Mapping
	header  []string
	roles   []string // per column
	pending []quad.Quad
	docs    map[string]bool // documents already described
	err     error
}

// NewCSVReader returns a reader of the table in r. A nil mapping is
// guessed from the header; delim, when not zero, overrides the mapping's.
func NewCSVReader(r io.Reader, name string, m *Mapping, delim rune) *CSVReader {
	c, lim := newCSV(r, delim, m)
	cr := &CSVReader{cr: c, lim: lim, name: name, docs: make(map[string]bool)}
	cr.err = cr.start(m)
	return cr
}

func newCSV(r io.Reader, delim rune, m *Mapping) (*csv.Reader, *recordLimit) {
	lim := &recordLimit{r: r, max: MaxRow}
	c := csv.NewReader(lim)
	c.ReuseRecord = false
	c.FieldsPerRecord = 0
	if m != nil && m.Delimiter != "" {
		c.Comma = []rune(m.Delimiter)[0]
	}
	if delim != 0 {
		c.Comma = delim
	}
	if c.Comma == '\t' {
		c.LazyQuotes = false
	}
	return c, lim
}

func (r *CSVReader) start(m *Mapping) error {
	header, err := r.read()
	if err == io.EOF {
		return r.fail(1, 0, errors.New("the table is empty; its first row must name the columns"))
	} else if err != nil {
		return err
	}
	if len(header) > MaxColumns {
		return r.fail(1, 0, fmt.Errorf("%w: the table has %d columns; Reelgraph reads at most %d", ErrTooManyColumns, len(header), MaxColumns))
	}
	r.header = header
	if m == nil {
		m = GuessMapping(header)
	}
	r.m = *m
	if r.m.Base == "" {
		r.m.Base = DefaultCSVBase
	}
	if err := r.m.check(header); err != nil {
		return &ParseError{File: r.name, Err: fmt.Errorf("CSV mapping: %w", err)}
	}
	r.roles = make([]string, len(header))
	for i, h := range header {
		role, ok := r.m.Columns[h]
		switch {
		case ok:
			r.roles[i] = role
		case r.m.Kind == KindNodes:
			r.roles[i] = RoleProperty
		default:
			r.roles[i] = RoleIgnore
		}
	}
	return nil
}

// Header returns the table's column names.
func (r *CSVReader) Header() []string { return r.header }

// ReadQuad returns the next quad, io.EOF after the last row, or a
// *ParseError naming the row and column.
func (r *CSVReader) ReadQuad() (quad.Quad, error) {
	for len(r.pending) == 0 && r.err == nil {
		rec, err := r.read()
		if err != nil {
			r.err = err
			break
		}
		r.err = r.row(rec)
	}
	if len(r.pending) > 0 {
		q := r.pending[0]
		r.pending = r.pending[1:]
		return q, nil
	}
	return quad.Quad{}, r.err
}

// Close releases nothing; it is there to make a quad.ReadCloser.
func (r *CSVReader) Close() error { return nil }

// row turns one record into pending quads.
func (r *CSVReader) row(rec []string) error {
	cells := make(map[string]int) // role -> column, for the single roles
	for i, role := range r.roles {
		if i < len(rec) && role != RoleProperty && role != RoleIgnore {
			cells[role] = i
		}
	}
	var label quad.Value
	if i, ok := cells[RoleDocument]; ok && strings.TrimSpace(rec[i]) != "" {
		doc, err := r.node(rec, i, "src:")
		if err != nil {
			return err
		}
		label = doc
		r.describe(doc, strings.TrimSpace(rec[i]))
	}
	if r.m.Kind == KindEdges {
		return r.edge(rec, cells, label)
	}
	return r.nodeRow(rec, cells, label)
}

func (r *CSVReader) edge(rec []string, cells map[string]int, label quad.Value) error {
	s, err := r.required(rec, cells, RoleSource, "")
	if err != nil {
		return err
	}
	o, err := r.required(rec, cells, RoleTarget, "")
	if err != nil {
		return err
	}
	var p quad.Value
	if _, ok := cells[RolePredicate]; ok {
		if p, err = r.required(rec, cells, RolePredicate, "vocab:"); err != nil {
			return err
		}
	} else {
		p = r.iri(r.m.Predicate, "vocab:")
	}
	return r.add(quad.Quad{Subject: s, Predicate: p, Object: o, Label: label}, cells[RoleSource])
}

func (r *CSVReader) nodeRow(rec []string, cells map[string]int, label quad.Value) error {
	id, err := r.required(rec, cells, RoleID, "")
	if err != nil {
		return err
	}
	if i, ok := cells[RoleLabel]; ok && strings.TrimSpace(rec[i]) != "" {
		if err := r.add(quad.Quad{Subject: id, Predicate: quad.IRI(iriLabel), Object: quad.String(strings.TrimSpace(rec[i])), Label: label}, i); err != nil {
			return err
		}
	}
	if i, ok := cells[RoleType]; ok && strings.TrimSpace(rec[i]) != "" {
		t, err := r.node(rec, i, "vocab:")
		if err != nil {
			return err
		}
		if err := r.add(quad.Quad{Subject: id, Predicate: quad.IRI(iriType), Object: t, Label: label}, i); err != nil {
			return err
		}
	}
	for i, role := range r.roles {
		if role != RoleProperty || i >= len(rec) || strings.TrimSpace(rec[i]) == "" {
			continue
		}
		p := r.iri(r.header[i], "vocab:")
		if err := r.add(quad.Quad{Subject: id, Predicate: p, Object: quad.String(rec[i]), Label: label}, i); err != nil {
			return err
		}
	}
	return nil
}

const (
	iriLabel  = vocab.Label
	iriType   = vocab.Type
	iriSource = vocab.Source
	iriURL    = vocab.URL
)

// describe adds, once per document, that it is a Source, with its cell
// as title (and URL, when it is one).
func (r *CSVReader) describe(doc quad.Value, cell string) {
	if r.docs[cell] {
		return
	}
	r.docs[cell] = true
	r.pending = append(r.pending,
		quad.Quad{Subject: doc, Predicate: quad.IRI(iriType), Object: quad.IRI(iriSource), Label: doc},
		quad.Quad{Subject: doc, Predicate: quad.IRI(iriLabel), Object: quad.String(cell), Label: doc})
	if strings.HasPrefix(cell, "http://") || strings.HasPrefix(cell, "https://") {
		r.pending = append(r.pending, quad.Quad{Subject: doc, Predicate: quad.IRI(iriURL), Object: quad.TypedString{Value: quad.String(cell), Type: vocab.XSDAnyURI}, Label: doc})
	}
}

func (r *CSVReader) required(rec []string, cells map[string]int, role, ns string) (quad.Value, error) {
	i := cells[role]
	if i >= len(rec) || strings.TrimSpace(rec[i]) == "" {
		line, _ := r.cr.FieldPos(0)
		return nil, r.fail(line, i+1, fmt.Errorf("the %s cell (column %q) is empty", role, r.header[i]))
	}
	return r.node(rec, i, ns)
}

// node turns a cell into an IRI: as written when it is an absolute IRI,
// else the base, ns and the cell, escaped.
func (r *CSVReader) node(rec []string, i int, ns string) (quad.Value, error) {
	cell := strings.TrimSpace(rec[i])
	if strings.HasPrefix(cell, "_:") {
		if err := checkBNode("cell", cell[2:]); err == nil {
			return quad.BNode(cell[2:]), nil
		}
	}
	v := r.iri(cell, ns)
	if err := checkIRI("cell", string(v)); err != nil {
		line, col := r.cr.FieldPos(i)
		return nil, r.fail(line, col, err)
	}
	return v, nil
}

func (r *CSVReader) iri(cell, ns string) quad.IRI {
	if isAbsoluteIRI(cell) && !strings.ContainsAny(cell, " <>\"{}|^`\\") {
		return quad.IRI(cell)
	}
	return quad.IRI(r.m.Base + ns + neturl.PathEscape(cell))
}

func (r *CSVReader) add(q quad.Quad, col int) error {
	if err := CheckQuad(q); err != nil {
		line, c := r.cr.FieldPos(col)
		return r.fail(line, c, err)
	}
	r.pending = append(r.pending, q)
	return nil
}

func (r *CSVReader) fail(line, col int, err error) error {
	return &ParseError{File: r.name, Line: line, Column: col, Err: err}
}

// read reads the next row, within the limits: MaxRow bytes, and no more
// columns than the header has (encoding/csv checks that).
func (r *CSVReader) read() ([]string, error) {
	rec, err := readRow(r.cr, r.lim)
	r.rows++
	if r.lim.exceeded {
		return nil, &ParseError{File: r.name, Err: r.lim.tooLong(fmt.Sprintf("row %d", r.rows))}
	} else if err == io.EOF {
		return nil, err
	} else if err != nil {
		return nil, r.csvError(err)
	}
	return rec, nil
}

// readRow reads a row of c, whose input lim limits, and starts lim on
// the next one.
func readRow(c *csv.Reader, lim *recordLimit) ([]string, error) {
	rec, err := c.Read()
	lim.next(c.InputOffset())
	return rec, err
}

func (r *CSVReader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return r.fail(pe.Line, pe.Column, pe.Err)
	}
	return &ParseError{File: r.name, Err: err}
}

// PreviewCSV reads the header and up to n rows of a table, for a person to
// map its columns.
func PreviewCSV(r io.Reader, delim rune, n int) (header []string, rows [][]string, err error) {
	c, lim := newCSV(r, delim, nil)
	header, err = readRow(c, lim)
	if lim.exceeded {
		return nil, nil, fmt.Errorf("data: preview: %w", lim.tooLong("the header"))
	} else if err != nil {
		return nil, nil, fmt.Errorf("data: preview: %w", err)
	}
	if len(header) > MaxColumns {
		return nil, nil, fmt.Errorf("data: preview: %w: the table has %d columns; Reelgraph reads at most %d", ErrTooManyColumns, len(header), MaxColumns)
	}
	for len(rows) < n {
		rec, err := readRow(c, lim)
		if lim.exceeded {
			return header, rows, fmt.Errorf("data: preview: %w", lim.tooLong(fmt.Sprintf("row %d", len(rows)+2)))
		} else if err == io.EOF {
			break
		} else if err != nil {
			return header, rows, fmt.Errorf("data: preview: %w", err)
		}
		rows = append(rows, rec)
	}
	return header, rows, nil
}
