package explore

// Change is one undo step: the primitive edits it made, in order. Undo
// reverts them last first; Redo makes them again. A Change also tells the
// canvas what to draw afresh.
type Change struct {
	Ops []Op
	// Selected is the selection before and after the step, for Undo and
	// Redo to return to.
	SelectedBefore, SelectedAfter string
}

// Empty reports whether the change changed nothing.
func (c Change) Empty() bool { return len(c.Ops) == 0 }

// Op is one primitive, reversible edit.
type Op struct {
	Kind OpKind
	ID   string // the node of NodeAdded, NodeRemoved, NodeChanged
	// Node is the node of the Op; Before and After are its place before
	// and after a NodeChanged, After its place when added or removed. At
	// is where in the drawing order (or the edges) it was added or removed.
	Node          Node
	Before, After Place
	At            int
	Was           Node   // NodeLabelled: the node before
	Edge          Edge   // EdgeAdded, EdgeRemoved
	From, To      string // FocusSet: the focus before and after
	FilterBefore  Filter // FilterSet
	FilterAfter   Filter
}

// OpKind says what an Op did.
type OpKind int

// The kinds of Op.
const (
	NodeAdded OpKind = iota
	NodeRemoved
	NodeChanged
	EdgeAdded
	EdgeRemoved
	FocusSet
	FilterSet
	NodeLabelled // Node is the node as it is after, Was as it was before
)

// inverse returns the Op that takes o back.
func (o Op) inverse() Op {
	r := o
	switch o.Kind {
	case NodeAdded:
		r.Kind = NodeRemoved
	case NodeRemoved:
		r.Kind = NodeAdded
	case EdgeAdded:
		r.Kind = EdgeRemoved
	case EdgeRemoved:
		r.Kind = EdgeAdded
	case NodeChanged:
		r.Before, r.After = o.After, o.Before
	case FocusSet:
		r.From, r.To = o.To, o.From
	case FilterSet:
		r.FilterBefore, r.FilterAfter = o.FilterAfter, o.FilterBefore
	case NodeLabelled:
		r.Node, r.Was = o.Was, o.Node
	}
	return r
}

// apply makes o on m. Every change to the model goes through here.
func (m *Model) apply(o Op) {
	switch o.Kind {
	case NodeAdded:
		m.nodes[o.ID] = &entry{Node: o.Node, Place: o.After}
		at := min(o.At, len(m.order))
		m.order = append(m.order[:at], append([]string{o.ID}, m.order[at:]...)...)
	case NodeRemoved:
		delete(m.nodes, o.ID)
		for i, id := range m.order {
			if id == o.ID {
				m.order = append(m.order[:i], m.order[i+1:]...)
				break
			}
		}
	case NodeChanged:
		m.nodes[o.ID].Place = o.After
	case EdgeAdded:
		m.edgeSet[o.Edge.key()] = true
		at := min(o.At, len(m.edges))
		m.edges = append(m.edges[:at], append([]Edge{o.Edge}, m.edges[at:]...)...)
	case EdgeRemoved:
		delete(m.edgeSet, o.Edge.key())
		for i, e := range m.edges {
			if e.key() == o.Edge.key() {
				m.edges = append(m.edges[:i], m.edges[i+1:]...)
				break
			}
		}
	case FocusSet:
		m.focus = o.To
	case FilterSet:
		m.filter = o.FilterAfter
	case NodeLabelled:
		m.nodes[o.ID].Node = o.Node
	}
	if m.open != nil {
		m.open.Ops = append(m.open.Ops, o)
	}
}

// begin starts recording a step; while amending, it reopens the last, or
// records nothing after an Undo or Redo (there is no step to join).
func (m *Model) begin() {
	m.fold()
	if m.amending && !m.fresh {
		m.open, m.quiet = &Change{SelectedBefore: m.selected}, true
		return
	}
	if m.amending && len(m.undo) > 0 {
		last := m.undo[len(m.undo)-1]
		m.undo = m.undo[:len(m.undo)-1]
		m.open = &last
		return
	}
	m.open = &Change{SelectedBefore: m.selected}
}

// Amend runs fn, whose edits join the last step instead of making steps
// of their own: an arrangement that follows an expansion is undone with
// it. With no step yet, the edits make one; right after an Undo or Redo
// they are recorded in no step, as what follows the step taken back or
// made again.
func (m *Model) Amend(fn func()) {
	was := m.amending
	m.amending = true
	defer func() { m.amending = was }()
	fn()
}

// commit ends the step begun and, unless it changed nothing, records it
// for Undo, forgetting what could be redone. It returns the step.
func (m *Model) commit() Change {
	c := *m.open
	m.open = nil
	c.SelectedAfter = m.selected
	if m.quiet {
		m.quiet = false
		return c
	}
	if c.Empty() {
		return c
	}
	m.fresh = true

	m.undo = append(m.undo, c)
	if m.limit > 0 && len(m.undo) > m.limit {
		m.undo = m.undo[len(m.undo)-m.limit:]
	}
	m.redo = m.redo[:0]
	m.reanchor()
	return c
}

// fold adds to the last step how the layout has moved nodes since: the
// motion that follows a step belongs to it, so that undoing the next step
// puts every node back where it stood, not only those the step touched.
func (m *Model) fold() {
	if len(m.undo) > 0 {
		last := &m.undo[len(m.undo)-1]
		for _, id := range m.order {
			e := m.nodes[id]
			a, ok := m.anchor[id]
			if ok && (a[0] != e.X || a[1] != e.Y) {
				before := e.Place
				before.X, before.Y = a[0], a[1]
				last.Ops = append(last.Ops, Op{Kind: NodeChanged, ID: id, Node: e.Node, Before: before, After: e.Place})
			}
		}
	}
	m.reanchor()
}

// reanchor takes the places of the nodes as those the layout moves from.
func (m *Model) reanchor() {
	clear(m.anchor)
	for id, e := range m.nodes {
		m.anchor[id] = [2]float64{e.X, e.Y}
	}
}

// Undo reverts the last step and returns what it changed; ok is false
// when there is nothing to undo.
func (m *Model) Undo() (Change, bool) {
	if len(m.undo) == 0 {
		return Change{}, false
	}
	m.fold()
	c := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	back := Change{SelectedBefore: m.selected, SelectedAfter: c.SelectedBefore}
	for i := len(c.Ops) - 1; i >= 0; i-- {
		o := c.Ops[i].inverse()
		m.apply(o)
		back.Ops = append(back.Ops, o)
	}
	m.selected = m.existing(c.SelectedBefore)
	m.redo = append(m.redo, c)
	m.fresh = false
	m.reanchor()
	return back, true
}

// Redo makes again the step Undo reverted; ok is false when there is none.
func (m *Model) Redo() (Change, bool) {
	if len(m.redo) == 0 {
		return Change{}, false
	}
	m.fold()
	c := m.redo[len(m.redo)-1]
	m.redo = m.redo[:len(m.redo)-1]
	for _, o := range c.Ops {
		m.apply(o)
	}
	m.selected = m.existing(c.SelectedAfter)
	m.undo = append(m.undo, c)
	m.fresh = false
	m.reanchor()
	return c, true
}

// SetLimit keeps up to n undo steps from now on, forgetting the oldest; 0
// keeps them all.
func (m *Model) SetLimit(n int) { m.limit = n }

// Steps returns how many steps Undo and Redo can take.
func (m *Model) Steps() (undo, redo int) { return len(m.undo), len(m.redo) }

// CanUndo and CanRedo say whether Undo and Redo have a step to take.
func (m *Model) CanUndo() bool { return len(m.undo) > 0 }
func (m *Model) CanRedo() bool { return len(m.redo) > 0 }

// existing returns id if it is on the canvas, else "".
func (m *Model) existing(id string) string {
	if m.Has(id) {
		return id
	}
	return ""
}
