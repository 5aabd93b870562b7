// Package graph is Reelgraph's knowledge-graph domain over a Cayley quad
// store: opening a store, reading nodes and their neighbours, searching
// labels and counting what a store holds.
//
// Cayley's types stay inside this package; callers see ID, Node, Edge and
// the other small types below. A Store is safe for concurrent use.
package graph

import "errors"

// ID names a node: an IRI (without angle brackets) or a blank node ("_:b0").
type ID string

// String returns the ID as written.
func (id ID) String() string { return string(id) }

// Direction says which way an edge points, seen from a node.
type Direction int

// Directions of an edge relative to the node it is read from.
const (
	Out  Direction = 1 << iota // the node is the subject
	In                         // the node is the object
	Both = Out | In
)

// String returns "out", "in" or "both".
func (d Direction) String() string {
	switch d {
	case Out:
		return "out"
	case In:
		return "in"
	case Both:
		return "both"
	}
	return "none"
}

// ErrNotFound is returned when a node does not occur in the store.
var ErrNotFound = errors.New("not found")

// Node is what a store knows of one node.
type Node struct {
	ID          ID         `json:"id"`
	Label       string     `json:"label"`
	Types       []ID       `json:"types,omitempty"`
	Description string     `json:"description,omitempty"`
	Aliases     []string   `json:"aliases,omitempty"`
	Properties  []Property `json:"properties,omitempty"`
	// Sources are the graph labels of the quads that describe the node.
	Sources []ID `json:"sources,omitempty"`
}

// Property is a literal-valued statement about a node.
type Property struct {
	Predicate ID     `json:"predicate"`
	Value     string `json:"value"`
	// Datatype is the literal's datatype IRI, empty for plain strings.
	Datatype ID `json:"datatype,omitempty"`
	// Lang is the literal's language tag, if any.
	Lang   string `json:"lang,omitempty"`
	Source ID     `json:"source,omitempty"`
}

// Edge is a statement linking two nodes, with the source that states it
// (the quad's graph label; empty when the quad has none).
type Edge struct {
	Subject   ID `json:"subject"`
	Predicate ID `json:"predicate"`
	Object    ID `json:"object"`
	Source    ID `json:"source,omitempty"`
}

// Other returns the end of e that is not id.
func (e Edge) Other(id ID) ID {
	if e.Subject == id {
		return e.Object
	}
	return e.Subject
}

// NeighborOptions narrows a neighbours query.
type NeighborOptions struct {
	Dir Direction // Out, In or Both; zero means Both
	// Predicate, if set, keeps only edges with this predicate.
	Predicate ID
	// Limit caps the number of edges returned; zero means no cap.
	Limit int
}

// PredicateCount counts a node's edges of one predicate in one direction.
type PredicateCount struct {
	Predicate ID        `json:"predicate"`
	Dir       Direction `json:"direction"`
	Count     int       `json:"count"`
}

// Source is a cited document: a node of type Source.
type Source struct {
	ID        ID     `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	URL       string `json:"url,omitempty"`
	// Kind grades the document (primary, outlet, republication, import);
	// empty when the store does not say.
	Kind SourceKind `json:"kind,omitempty"`
	// Facts is the number of quads the source labels.
	Facts int `json:"facts"`
}

// Stats counts what a store holds.
type Stats struct {
	Quads   int64          `json:"quads"`
	Nodes   int64          `json:"nodes"`
	Types   map[string]int `json:"entitiesPerType"`
	Sources int            `json:"sources"`
}
