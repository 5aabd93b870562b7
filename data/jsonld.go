package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/piprate/json-gold/ld"

	"reelgraph/graph/vocab"
)

// MaxJSONLD caps the size of a JSON-LD document. A JSON-LD document is one
// JSON value whose @context governs all of it, so it is read whole (with
// json-gold, as quad's jsonld package does); the cap keeps a huge file from
// exhausting memory. N-Quads, Cayley JSON and CSV stream instead.
const MaxJSONLD = 256 << 20

// ErrRemoteContext is wrapped by the error of a JSON-LD document whose
// @context must be fetched from the network.
var ErrRemoteContext = errors.New("remote JSON-LD context")

// schemaOrgContext is the part of schema.org's JSON-LD context Reelgraph
// bundles: its vocabulary, and the terms whose values it reads as IRIs.
// Reelgraph never fetches https://schema.org/ itself.
var schemaOrgContext = map[string]any{
	"@vocab": "http://schema.org/",
	"schema": "http://schema.org/",
	"id":     "@id",
	"type":   "@type",
	"url":    map[string]any{"@id": "http://schema.org/url", "@type": "@id"},
	"sameAs": map[string]any{"@id": "http://schema.org/sameAs", "@type": "@id"},
}

// bundledContexts are the remote contexts a JSON-LD document may name.
var bundledContexts = map[string]any{
	"http://schema.org":                          schemaOrgContext,
	"http://schema.org/":                         schemaOrgContext,
	"https://schema.org":                         schemaOrgContext,
	"https://schema.org/":                        schemaOrgContext,
	"https://schema.org/docs/jsonldcontext.json": schemaOrgContext,
	"http://schema.org/docs/jsonldcontext.json":  schemaOrgContext,
}

// offlineLoader serves bundled contexts and refuses everything else: no
// JSON-LD document ever makes Reelgraph touch the network. It keeps the
// first refusal, so that the error says why whatever json-gold makes of it.
type offlineLoader struct{ refused error }

func (l *offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if c, ok := bundledContexts[u]; ok {
		return &ld.RemoteDocument{DocumentURL: u, Document: map[string]any{"@context": c}}, nil
	}
	err := fmt.Errorf("%w %s: Reelgraph does not fetch anything from the network; put the context in the file itself, or give it with --expand-context (bundled: %s)", ErrRemoteContext, u, strings.Join(bundledContextNames(), ", "))
	if l.refused == nil {
		l.refused = err
	}
	return nil, err
}

func bundledContextNames() []string {
	var names []string
	for n := range bundledContexts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// JSONLDOptions tune the JSON-LD reader.
type JSONLDOptions struct {
	// Name names the input in errors, usually the file name.
	Name string
	// Base is the document's base IRI: --base, or else the IRI of the file
	// (ReadOptions.DocumentIRI). Empty: a relative IRI is an error.
	Base string
	// ExpandContext, if not nil, is a context (or a document with an
	// @context) applied before the document's own, as JSON-LD's
	// expandContext option is.
	ExpandContext any
}

// ErrUnresolved is wrapped by the error of a JSON-LD document with an IRI
// that is still relative once resolved against its base, or a property
// that maps to no IRI: JSON-LD processors drop such statements; Reelgraph
// refuses the document instead.
var ErrUnresolved = errors.New("cannot be made an absolute IRI")

// NewJSONLDReader reads a JSON-LD document into quads, offline, and checks
// each with CheckQuad. It never drops a statement without an error: a
// property that maps to no IRI, or an IRI that stays relative, fails the
// read (JSON-LD's processors drop them). JSON literals (@type @json) are
// written in their canonical form (RFC 8785). Errors name the file.
func NewJSONLDReader(r io.Reader, opt JSONLDOptions) quad.ReadCloser {
	jr := &sliceReader{name: opt.Name}
	b, err := io.ReadAll(io.LimitReader(r, MaxJSONLD+1))
	if err == nil && len(b) > MaxJSONLD {
		err = fmt.Errorf("the document is larger than %d MiB; split it, or convert it to N-Quads", MaxJSONLD>>20)
	}
	var doc any
	if err == nil {
		err = json.Unmarshal(b, &doc)
	}
	if err == nil {
		jr.quads, err = jsonldQuads(doc, opt)
	}
	if err != nil {
		jr.err = &ParseError{File: opt.Name, Err: fmt.Errorf("JSON-LD: %w", err)}
	}
	return jr
}

// jsonldQuads expands doc (strictly: a property that maps to no IRI is an
// error), checks that every IRI in it is absolute, makes its JSON literals
// canonical and turns it into quads.
func jsonldQuads(doc any, opt JSONLDOptions) (quads []quad.Quad, err error) {
	defer func() {
		if p := recover(); p != nil { // json-gold panics on some malformed documents
			quads, err = nil, fmt.Errorf("malformed document: %v", p)
		}
	}()
	loader := &offlineLoader{}
	opts := ld.NewJsonLdOptions(opt.Base)
	opts.DocumentLoader = loader
	opts.ExpandContext = opt.ExpandContext
	err = checkRawContexts(doc)
	var expanded []any
	if err == nil {
		expanded, err = ldExpand(doc, opts)
	}
	if err == nil && !hasRelativeVocab(doc) {
		err = droppedProperty(doc, opt.ExpandContext)
	}
	if err == nil {
		err = prepareExpanded(expanded, opt.Base != "")
	}
	var ds *ld.RDFDataset
	if err == nil {
		ds, err = ld.NewJsonLdApi().ToRDF(expanded, opts)
	}
	if err != nil {
		if loader.refused != nil {
			return nil, loader.refused
		}
		return nil, err
	}
	names := make([]string, 0, len(ds.Graphs))
	for g := range ds.Graphs {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		var label quad.Value
		if g != "@default" {
			label = ldValue(ld.NewIRI(g))
			if strings.HasPrefix(g, "_:") {
				label = ldValue(ld.NewBlankNode(g))
			}
		}
		start := len(quads)
		for _, q := range ds.Graphs[g] {
			quads = append(quads, quad.Quad{Subject: ldValue(q.Subject), Predicate: ldValue(q.Predicate), Object: ldValue(q.Object), Label: label})
		}
		// json-gold visits subjects in map order; keep each subject's
		// statements in its order, the subjects sorted.
		part := quads[start:]
		sort.SliceStable(part, func(i, j int) bool { return part[i].Subject.String() < part[j].Subject.String() })
	}
	return quads, nil
}

// unmappedVocab is the @vocab droppedProperty puts under a document's own
// context to see which of its properties map to no IRI.
const unmappedVocab = "urn:reelgraph:internal:unmapped:"

// droppedProperty finds a property JSON-LD would drop because it maps to
// no IRI: no term, no @vocab. It expands the document once more under a
// context whose @vocab catches such keys. Keys the document drops on
// purpose stay dropped: terms mapped to null, keys of the form @word
// (which JSON-LD reserves), and those after an "@vocab": null.
func droppedProperty(doc, expandContext any) error {
	var user any = map[string]any{}
	if expandContext != nil {
		user = ld.CloneDocument(expandContext)
		if m, ok := user.(map[string]any); ok {
			if c, ok := m["@context"]; ok {
				user = c
			}
		}
	}
	opts := ld.NewJsonLdOptions("http://reelgraph.invalid/")
	opts.DocumentLoader = &offlineLoader{}
	opts.ExpandContext = []any{map[string]any{"@vocab": unmappedVocab}, user}
	expanded, err := ldExpand(doc, opts)
	if err != nil {
		return nil // the document's own expansion says what is wrong
	}
	return findUnmapped(expanded)
}

func findUnmapped(v any) error {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if err := findUnmapped(x); err != nil {
				return err
			}
		}
	case map[string]any:
		if _, ok := v["@value"]; ok {
			return nil
		}
		for k, x := range v {
			if rest, ok := strings.CutPrefix(k, unmappedVocab); ok {
				return fmt.Errorf("the property %q maps to no IRI, and JSON-LD would drop its statements; map it in the @context (or give the document an @vocab), or map it to null to drop it on purpose: %w", rest, ErrUnresolved)
			}
			if err := findUnmapped(x); err != nil {
				return err
			}
		}
	}
	return nil
}

// ldExpand expands a parsed document with json-gold.
func ldExpand(doc any, opts *ld.JsonLdOptions) ([]any, error) {
	return ld.NewJsonLdProcessor().Expand(doc, opts)
}

// rdfJSON is the datatype of JSON literals. json-gold would parse and
// canonicalise again a literal of that type (and fail on any that is not
// an object), so prepareExpanded types them jsonPlaceholder, which
// ldValue turns back into rdfJSON.
const (
	rdfJSON         = rdfNS + "JSON"
	jsonPlaceholder = "urn:reelgraph:internal:rdf-json"
)

// prepareExpanded walks an expanded document: every node's @id, every
// @type and every graph name must be an absolute IRI or a blank node (a
// JSON-LD processor would drop the statement silently), and each JSON
// literal's value becomes its canonical text.
func prepareExpanded(v any, hasBase bool) error {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if err := prepareExpanded(x, hasBase); err != nil {
				return err
			}
		}
	case map[string]any:
		if val, ok := v["@value"]; ok {
			switch t := v["@type"]; t {
			case "@json":
				s, err := canonicalJSON(val)
				if err != nil {
					return err
				}
				v["@value"], v["@type"] = s, jsonPlaceholder
			case nil:
			default:
				ts, ok := t.(string)
				if !ok {
					return fmt.Errorf("a value has more than one @type")
				}
				return checkLDIRI("datatype", ts)
			}
			return nil
		}
		for k, x := range v {
			switch k {
			case "@id":
				// json-gold leaves "" for an @id of the form @word, which
				// JSON-LD ignores on purpose; with a base, "" is nothing else.
				if s, ok := x.(string); ok && !(s == "" && hasBase) {
					if err := checkLDIRI("@id", s); err != nil {
						return err
					}
				}
				continue
			case "@type":
				if ts, ok := x.([]any); ok {
					for _, t := range ts {
						if s, ok := t.(string); ok {
							if err := checkLDIRI("@type", s); err != nil {
								return err
							}
						}
					}
				}
				continue
			}
			if !strings.HasPrefix(k, "@") {
				if strings.HasPrefix(k, "_:") {
					return fmt.Errorf("the property %s is a blank node, which RDF does not allow as a predicate (JSON-LD would drop its statements)", k)
				}
				if err := checkLDIRI("property", k); err != nil {
					return err
				}
			}
			if err := prepareExpanded(x, hasBase); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkRawContexts refuses the term definitions json-gold lets through
// but JSON-LD 1.1 forbids: the empty term, and @type defined as anything
// but a @set container.
func checkRawContexts(v any) error {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if err := checkRawContexts(x); err != nil {
				return err
			}
		}
	case map[string]any:
		for k, x := range v {
			if k == "@context" {
				if err := checkContextDefs(x); err != nil {
					return err
				}
			}
			if err := checkRawContexts(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkContextDefs(c any) error {
	switch c := c.(type) {
	case []any:
		for _, x := range c {
			if err := checkContextDefs(x); err != nil {
				return err
			}
		}
	case map[string]any:
		if _, ok := c[""]; ok {
			return fmt.Errorf("invalid term definition: the empty term")
		}
		if t, ok := c["@type"]; ok {
			if m, ok := t.(map[string]any); !ok || m["@container"] != "@set" {
				return fmt.Errorf("keyword redefinition: @type may only be given a @set container")
			}
		}
	}
	return nil
}

// hasRelativeVocab reports whether a context of the document sets an
// @vocab relative to another: every key then maps to an IRI, and
// droppedProperty's catch-all would only get in the way.
func hasRelativeVocab(v any) bool {
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if hasRelativeVocab(x) {
				return true
			}
		}
	case map[string]any:
		if s, ok := v["@vocab"].(string); ok && !isAbsoluteIRI(s) && !strings.HasPrefix(s, "_:") {
			return true
		}
		for _, x := range v {
			if hasRelativeVocab(x) {
				return true
			}
		}
	}
	return false
}

func checkLDIRI(what, s string) error {
	if strings.HasPrefix(s, "_:") {
		return nil
	}
	if isAbsoluteIRI(s) {
		if strings.IndexFunc(s, func(r rune) bool { return !iriChar(r) }) >= 0 {
			return fmt.Errorf("the %s <%s> holds characters IRIs may not hold", what, s)
		}
		return nil
	}
	return fmt.Errorf("the %s %q %w: give the document a base (@base, --base) or map the term in its @context", what, s, ErrUnresolved)
}

// ldValue turns a json-gold term into a raw quad value.
func ldValue(n ld.Node) quad.Value {
	switch n := n.(type) {
	case *ld.IRI:
		return quad.IRI(n.Value)
	case *ld.BlankNode:
		return quad.BNode(strings.TrimPrefix(n.Attribute, "_:"))
	case *ld.Literal:
		switch {
		case n.Language != "":
			return quad.LangString{Value: quad.String(n.Value), Lang: n.Language}
		case n.Datatype == jsonPlaceholder:
			return quad.TypedString{Value: quad.String(n.Value), Type: rdfJSON}
		case n.Datatype != "" && n.Datatype != XSDString:
			return quad.TypedString{Value: quad.String(n.Value), Type: quad.IRI(n.Datatype)}
		}
		return quad.String(n.Value)
	}
	return nil
}

// XSDString is the datatype of plain literals, which RDF 1.1 writes
// without one.
const XSDString = vocab.XSDString

// sliceReader yields quads read beforehand, checking each.
type sliceReader struct {
	name  string
	quads []quad.Quad
	i     int
	err   error
}

func (r *sliceReader) ReadQuad() (quad.Quad, error) {
	if r.err != nil {
		return quad.Quad{}, r.err
	}
	if r.i >= len(r.quads) {
		return quad.Quad{}, io.EOF
	}
	q := r.quads[r.i]
	r.i++
	if err := CheckQuad(q); err != nil {
		r.err = &ParseError{File: r.name, Err: fmt.Errorf("statement %d: %w", r.i, err)}
		return quad.Quad{}, r.err
	}
	return q, nil
}

func (r *sliceReader) Close() error { r.quads = nil; return nil }

// LoadContext reads a JSON-LD context file for ReadOptions.ExpandContext:
// a context, or a document with an @context. Its own remote contexts are
// refused, as a document's are.
func LoadContext(path string) (any, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("data: JSON-LD context: %w", err)
	}
	var c any
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, &ParseError{File: path, Err: fmt.Errorf("JSON-LD context: %w", err)}
	}
	if _, ok := c.(map[string]any); !ok {
		return nil, &ParseError{File: path, Err: fmt.Errorf("JSON-LD context: expected a JSON object")}
	}
	return c, nil
}
