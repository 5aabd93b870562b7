package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
)

// Names of the formats Reelgraph reads and writes.
const (
	NQuads   = "nquads"
	NTriples = "ntriples"
	JSONLD   = "jsonld"
	Turtle   = "turtle"
	TriG     = "trig"
	JSON     = "json" // Cayley's JSON
	CSV      = "csv"
	TSV      = "tsv"
	GraphML  = "graphml"
	GML      = "gml"
	DOT      = "dot"
)

// Format describes one file format: its name (what --format takes), its
// file extensions, and whether Reelgraph imports and exports it. Where
// quad's format registry has a reader or writer for it, Reg names that
// entry (quad.FormatByName).
type Format struct {
	Name   string
	Title  string
	Ext    []string
	Import bool
	Export bool
	Reg    string
}

// Formats lists every format, in the order a person would pick from.
var Formats = []Format{
	{Name: NQuads, Title: "N-Quads", Ext: []string{".nq", ".nquads"}, Import: true, Export: true, Reg: "nquads"},
	{Name: NTriples, Title: "N-Triples", Ext: []string{".nt", ".ntriples"}, Import: true},
	{Name: Turtle, Title: "Turtle", Ext: []string{".ttl", ".turtle"}, Import: true, Export: true, Reg: "turtle"},
	{Name: TriG, Title: "TriG", Ext: []string{".trig"}, Import: true, Export: true, Reg: "trig"},
	{Name: RDFXML, Title: "RDF/XML", Ext: []string{".rdf", ".owl"}, Import: true, Reg: "rdfxml"},
	{Name: JSONLD, Title: "JSON-LD", Ext: []string{".jsonld"}, Import: true, Export: true, Reg: "jsonld"},
	{Name: JSON, Title: "Cayley JSON", Ext: []string{".json"}, Import: true, Export: true, Reg: "json"},
	{Name: CSV, Title: "CSV", Ext: []string{".csv"}, Import: true, Export: true},
	{Name: TSV, Title: "TSV", Ext: []string{".tsv", ".tab"}, Import: true},
	{Name: GraphML, Title: "GraphML", Ext: []string{".graphml"}, Export: true},
	{Name: GML, Title: "GML", Ext: []string{".gml"}, Export: true},
	{Name: DOT, Title: "Graphviz DOT", Ext: []string{".dot", ".gv"}, Export: true},
}

// FormatByName returns the format called name, or nil.
func FormatByName(name string) *Format {
	name = strings.ToLower(strings.TrimPrefix(name, "."))
	for i, f := range Formats {
		if f.Name == name {
			return &Formats[i]
		}
		for _, e := range f.Ext {
			if e == "."+name {
				return &Formats[i]
			}
		}
	}
	return nil
}

// FormatNames lists the names of the formats for which keep is true.
func FormatNames(keep func(Format) bool) string {
	var names []string
	for _, f := range Formats {
		if keep(f) {
			names = append(names, f.Name)
		}
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// ErrUnknownFormat is returned when a file's format cannot be told.
var ErrUnknownFormat = errors.New("unknown format")

// DetectFormat names the format of a file from its name (a trailing .gz
// ignored) and, when the name does not tell, the first bytes of its
// (decompressed) content.
func DetectFormat(name string, head []byte) (string, error) {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(name), ".gz"))
	if f := FormatByName(filepath.Ext(base)); f != nil && filepath.Ext(base) != "" {
		if f.Name == JSON && looksLikeJSONLD(head) {
			return JSONLD, nil
		}
		return f.Name, nil
	}
	if f := sniff(head); f != "" {
		return f, nil
	}
	return "", fmt.Errorf("%s: %w; name the format with --format (%s)", name, ErrUnknownFormat, FormatNames(func(f Format) bool { return f.Import }))
}

// sniff guesses a format from content.
func sniff(head []byte) string {
	s := bytes.TrimLeft(head, " \t\r\n\ufeff")
	switch {
	case len(s) == 0:
		return ""
	case bytes.HasPrefix(s, []byte("<?xml")) && bytes.Contains(head, []byte(rdfNS)), bytes.HasPrefix(s, []byte("<rdf:RDF")):
		return RDFXML
	case s[0] == '<' && !bytes.HasPrefix(s, []byte("<?xml")), bytes.HasPrefix(s, []byte("_:")), s[0] == '#':
		return NQuads
	case bytes.HasPrefix(s, []byte("@prefix")), bytes.HasPrefix(s, []byte("@base")), hasKeyword(s, "PREFIX"), hasKeyword(s, "BASE"):
		return Turtle
	case s[0] == '{':
		return JSONLD
	case s[0] == '[':
		if looksLikeJSONLD(head) {
			return JSONLD
		}
		return JSON
	}
	line, _, _ := bytes.Cut(s, []byte("\n"))
	switch {
	case bytes.Count(line, []byte("\t")) > 0:
		return TSV
	case bytes.Count(line, []byte(",")) > 0:
		return CSV
	}
	return ""
}

// hasKeyword reports whether s starts with the keyword w, in any case,
// and a space.
func hasKeyword(s []byte, w string) bool {
	return len(s) > len(w) && bytes.EqualFold(s[:len(w)], []byte(w)) && (s[len(w)] == ' ' || s[len(w)] == '\t')
}

func looksLikeJSONLD(head []byte) bool {
	return bytes.Contains(head, []byte(`"@context"`)) || bytes.Contains(head, []byte(`"@id"`)) ||
		bytes.Contains(head, []byte(`"@graph"`)) || bytes.HasPrefix(bytes.TrimSpace(head), []byte("{"))
}

// ReadOptions tune NewReader.
type ReadOptions struct {
	// Format is a format's name; empty detects it (DetectFormat).
	Format string
	// Base and KeepRelative deal with relative IRIs in N-Quads and
	// N-Triples, as NQuadsOptions says. Base is also the base IRI of the
	// formats that have one (Turtle, TriG, JSON-LD), overriding
	// DocumentIRI.
	Base         string
	KeepRelative bool
	// DocumentIRI is the IRI the file was read from (OpenFile sets its
	// file: IRI): the base of a Turtle, TriG, RDF/XML or JSON-LD document
	// when Base is empty, as RFC 3986 (5.1.3) makes it.
	DocumentIRI string
	// ExpandContext is a JSON-LD context applied before a JSON-LD
	// document's own (JSONLDOptions.ExpandContext).
	ExpandContext any
	// Mapping maps the columns of a CSV or TSV table; nil guesses it from
	// the header (GuessMapping).
	Mapping *Mapping
	// BlankScope, if set, prefixes every blank node label the file uses.
	// RDF scopes blank node labels to their document: _:b0 in one file and
	// _:b0 in another are different nodes, and stay so in one store when
	// each file's imports use a scope of their own (a digest of the file,
	// so that importing the same file again still adds nothing).
	BlankScope string
}

// NewReader returns a reader of the quads in r, a file called name,
// gunzipping it if need be and detecting its format unless opt names one.
// Every reader is strict: what is not valid in its format, or not valid
// RDF, is an error naming the file and, where it can, the line and column.
func NewReader(r io.Reader, name string, opt ReadOptions) (quad.ReadCloser, error) {
	r, err := Decompress(r, name)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	r = br
	format := opt.Format
	if format == "" {
		head, _ := br.Peek(4096)
		if format, err = DetectFormat(name, head); err != nil {
			return nil, err
		}
	} else if f := FormatByName(format); f == nil || !f.Import {
		return nil, fmt.Errorf("data: Reelgraph cannot import %q; it imports %s", format, FormatNames(func(f Format) bool { return f.Import }))
	}
	var qr quad.ReadCloser
	format = FormatByName(format).Name
	switch format {
	case NQuads, NTriples:
		qr = NewNQuadsReader(r, NQuadsOptions{Name: name, Triples: format == NTriples, Base: opt.Base, KeepRelative: opt.KeepRelative})
	case Turtle, TriG:
		qr = NewTurtleReader(r, TurtleOptions{Name: name, Base: opt.base(), TriG: format == TriG})
	case RDFXML:
		qr = NewRDFXMLReader(r, name, opt.base())
	case JSONLD:
		qr = NewJSONLDReader(r, JSONLDOptions{Name: name, Base: opt.base(), ExpandContext: opt.ExpandContext})
	case JSON:
		qr = NewJSONReader(r, name)
	case CSV:
		qr = NewCSVReader(r, name, opt.Mapping, 0)
	case TSV:
		qr = NewCSVReader(r, name, opt.Mapping, '\t')
	default:
		return nil, fmt.Errorf("data: no reader for %s", format)
	}
	if opt.BlankScope != "" {
		qr = &scopedReader{ReadCloser: qr, scope: opt.BlankScope}
	}
	return qr, nil
}

// base is the base IRI of a document: Base, or else DocumentIRI.
func (opt ReadOptions) base() string {
	if opt.Base != "" {
		return opt.Base
	}
	return opt.DocumentIRI
}

// scopedReader prefixes the labels of the blank nodes its reader yields.
type scopedReader struct {
	quad.ReadCloser
	scope string
}

func (r *scopedReader) ReadQuad() (quad.Quad, error) {
	q, err := r.ReadCloser.ReadQuad()
	if err != nil {
		return q, err
	}
	for _, d := range quad.Directions {
		if b, ok := q.Get(d).(quad.BNode); ok {
			q.Set(d, quad.BNode(r.scope+string(b)))
		}
	}
	return q, nil
}

// OpenFile opens the regular file at path (OpenRegular) for NewReader.
// Closing the reader closes the file.
func OpenFile(path string, opt ReadOptions) (quad.ReadCloser, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	if opt.DocumentIRI == "" {
		if abs, err := filepath.Abs(path); err == nil {
			opt.DocumentIRI = FileIRI(abs)
		}
	}
	r, err := NewReader(f, filepath.Base(path), opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	return fileReader{r, f}, nil
}

type fileReader struct {
	quad.ReadCloser
	f *os.File
}

func (r fileReader) Close() error {
	r.ReadCloser.Close()
	return r.f.Close()
}
