package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
// JSON-LD document ever makes Reelgraph touch the network.
type offlineLoader struct{}

func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if c, ok := bundledContexts[u]; ok {
		return &ld.RemoteDocument{DocumentURL: u, Document: map[string]any{"@context": c}}, nil
	}
	return nil, fmt.Errorf("%w %s: Reelgraph does not fetch anything from the network; put the context in the file itself (bundled: %s)", ErrRemoteContext, u, strings.Join(bundledContextNames(), ", "))
}

func bundledContextNames() []string {
	var names []string
	for n := range bundledContexts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NewJSONLDReader reads a JSON-LD document into quads, offline, and checks
// each with CheckQuad. Errors name the file.
func NewJSONLDReader(r io.Reader, name string) quad.ReadCloser {
	jr := &sliceReader{name: name}
	b, err := io.ReadAll(io.LimitReader(r, MaxJSONLD+1))
	if err == nil && len(b) > MaxJSONLD {
		err = fmt.Errorf("the document is larger than %d MiB; split it, or convert it to N-Quads", MaxJSONLD>>20)
	}
	var doc any
	if err == nil {
		err = json.Unmarshal(b, &doc)
	}
	if err == nil {
		err = checkContexts(doc)
	}
	if err == nil {
		jr.quads, err = jsonldQuads(doc)
	}
	if err != nil {
		jr.err = &ParseError{File: name, Err: fmt.Errorf("JSON-LD: %w", err)}
	}
	return jr
}

// checkContexts refuses, before json-gold sees the document, any @context
// or @import that names a context Reelgraph does not bundle.
func checkContexts(v any) error {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "@context" || k == "@import" {
				if err := checkContextRef(x); err != nil {
					return err
				}
			}
			if err := checkContexts(x); err != nil {
				return err
			}
		}
	case []any:
		for _, x := range v {
			if err := checkContexts(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkContextRef(v any) error {
	switch v := v.(type) {
	case string:
		_, err := offlineLoader{}.LoadDocument(v)
		return err
	case []any:
		for _, x := range v {
			if err := checkContextRef(x); err != nil {
				return err
			}
		}
	}
	return nil
}

func jsonldQuads(doc any) (quads []quad.Quad, err error) {
	defer func() {
		if p := recover(); p != nil { // json-gold panics on some malformed documents
			quads, err = nil, fmt.Errorf("malformed document: %v", p)
		}
	}()
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offlineLoader{}
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		var lderr *ld.JsonLdError
		if errors.As(err, &lderr) {
			if inner, ok := lderr.Details.(error); ok && errors.Is(inner, ErrRemoteContext) {
				return nil, inner
			}
		}
		return nil, err
	}
	ds := out.(*ld.RDFDataset)
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
		for _, q := range ds.Graphs[g] {
			quads = append(quads, quad.Quad{Subject: ldValue(q.Subject), Predicate: ldValue(q.Predicate), Object: ldValue(q.Object), Label: label})
		}
	}
	return quads, nil
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
