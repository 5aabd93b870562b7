// Package explore holds what an analyst has explored of a graph: the nodes
// on the canvas and why each is there (who brought it in), which are
// expanded and pinned and where they stand, the edges among them, the
// focus, the selection and the filters. It records every change as a
// reversible step, so that Undo and Redo replay steps rather than copies
// of everything, and it gathers a node's neighbourhood from a store for
// the explorer and for the snapshot command alike.
//
// A Model is a plain value with no window behind it: the explorer's canvas
// draws it, workspaces save its State, and tests drive it directly. It is
// not safe for concurrent use; the explorer touches it on the UI goroutine.
// The package does not import Fyne.
package explore

import "slices"

// Node is a node on the canvas.
type Node struct {
	ID    string `json:"id"`              // unique, e.g. an IRI
	Label string `json:"label,omitempty"` // what is written under it
	Kind  string `json:"kind,omitempty"`  // its type IRI; "" if unknown
}

// Edge is a directed, labelled statement between two nodes on the canvas.
type Edge struct {
	From      string `json:"from"`
	To        string `json:"to"`
	Predicate string `json:"predicate"`
	Label     string `json:"label,omitempty"`
	Source    string `json:"source,omitempty"` // the source that states it
}

// key identifies an edge: the same statement from another source is
// another edge.
func (e Edge) key() edgeKey { return edgeKey{e.From, e.To, e.Predicate, e.Source} }

type edgeKey struct{ from, to, pred, source string }

// Place is what the model knows of a node on the canvas beyond the node:
// where it stands, whether it is pinned there or expanded, and which
// node's expansion brought it in ("" for none).
type Place struct {
	X         float64 `json:"x"`
	Y         float64 `json:"y"`
	Pinned    bool    `json:"pinned,omitempty"`
	Expanded  bool    `json:"expanded,omitempty"`
	BroughtBy string  `json:"broughtBy,omitempty"`
}

// Filter is what the analyst has hidden. Hidden things stay in the model.
type Filter struct {
	OffKinds []string `json:"hiddenTypes,omitempty"`
	OffPreds []string `json:"hiddenPredicates,omitempty"`
	OffPubs  []string `json:"hiddenPublishers,omitempty"`
	Timeline bool     `json:"timeline,omitempty"`
	AsOf     string   `json:"asOf,omitempty"`         // YYYY-MM-DD
	Backed   bool     `json:"backedOnly,omitempty"`   // only facts a primary or outlet source backs
	Disputed bool     `json:"disputedOnly,omitempty"` // only nodes whose sources disagree
}

// Equal reports whether two filters hide the same things; the order of
// the lists does not matter.
func (f Filter) Equal(o Filter) bool {
	same := func(a, b []string) bool {
		a, b = slices.Clone(a), slices.Clone(b)
		slices.Sort(a)
		slices.Sort(b)
		return slices.Equal(a, b)
	}
	return f.Timeline == o.Timeline && f.AsOf == o.AsOf && f.Backed == o.Backed && f.Disputed == o.Disputed &&
		same(f.OffKinds, o.OffKinds) && same(f.OffPreds, o.OffPreds) && same(f.OffPubs, o.OffPubs)
}

// Model is an exploration: what is on the canvas and why, and the history
// of how it came to be so. The zero Model is not usable; call New.
type Model struct {
	nodes    map[string]*entry
	order    []string // drawing order: oldest first
	edges    []Edge   // in arrival order
	edgeSet  map[edgeKey]bool
	focus    string
	selected string
	filter   Filter

	undo, redo []Change
	limit      int     // the oldest steps are forgotten beyond this many
	open       *Change // the step being recorded, between begin and commit
	amending   bool    // edits join the last step (Amend)
	fresh      bool    // the last step was made, not undone or redone
	quiet      bool    // the open step is recorded nowhere
	// anchor is where each node stood after the last step, undo or redo:
	// how the layout has moved it since is added to that step (fold).
	anchor map[string][2]float64

	back, forward []string // the focus history (Visit, Back, Forward)
}

type entry struct {
	Node
	Place
}

// New returns an empty Model that keeps up to limit undo steps (none
// forgotten if limit is 0).
func New(limit int) *Model {
	return &Model{nodes: make(map[string]*entry), edgeSet: make(map[edgeKey]bool), limit: limit,
		anchor: make(map[string][2]float64)}
}

// Has reports whether node id is on the canvas.
func (m *Model) Has(id string) bool { _, ok := m.nodes[id]; return ok }

// Len returns the number of nodes on the canvas.
func (m *Model) Len() int { return len(m.order) }

// NodeIDs returns the nodes on the canvas, oldest first, in a new slice.
func (m *Model) NodeIDs() []string { return slices.Clone(m.order) }

// Node returns node id and its place; ok is false if it is not on the canvas.
func (m *Model) Node(id string) (n Node, p Place, ok bool) {
	e := m.nodes[id]
	if e == nil {
		return Node{}, Place{}, false
	}
	return e.Node, e.Place, true
}

// Edges returns the edges on the canvas in arrival order, in a new slice.
func (m *Model) Edges() []Edge { return slices.Clone(m.edges) }

// Expanded reports whether node id is expanded.
func (m *Model) Expanded(id string) bool { e := m.nodes[id]; return e != nil && e.Expanded }

// Pinned reports whether node id is pinned.
func (m *Model) Pinned(id string) bool { e := m.nodes[id]; return e != nil && e.Pinned }

// Focus returns the node the canvas was last centred on, "" if it is gone.
func (m *Model) Focus() string { return m.focus }

// Selected returns the selected node, "" if none.
func (m *Model) Selected() string { return m.selected }

// Filter returns what is hidden.
func (m *Model) Filter() Filter { return m.filter }
