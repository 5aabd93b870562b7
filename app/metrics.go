package app

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/app/layout"
	"reelgraph/app/task"
	"reelgraph/graph"
)

// The measures nodes can be sized by.
const (
	sizeNone     = "None"
	sizeDegree   = "Degree"
	sizePageRank = "PageRank"
)

// topLimit is how many entities the Metrics tab lists.
const topLimit = 25

// metricsPanel is the Metrics tab: how the canvas is arranged, what sizes
// its nodes, and the entities on it ranked by that measure (by degree when
// nothing sizes them). Choosing an entity selects it.
type metricsPanel struct {
	// OnChoose is called when the analyst picks an entity from the list.
	OnChoose func(id graph.ID)
	// WithoutUndo runs fn, a change of the canvas that is no undo step of
	// its own (an arrangement that follows a change).
	WithoutUndo func(fn func())

	canvas    metricsCanvas
	keepsEdge func(graphview.Edge) bool // whether the filters show an edge
	tasks     *task.Runner
	box       fyne.CanvasObject
	layoutSel *widget.Select
	sizeSel   *widget.Select
	heading   *widget.Label
	list      *widget.List

	layout    string          // one of layoutNames
	root      string          // the node Radial and Hierarchical arrange around
	seenFocus string          // the focus when root was chosen
	placed    map[string]bool // the nodes last arranged
	sizeBy    string
	top       []ranked // the list's rows
	shape     string   // nodes, edges and focus last arranged and measured
}

// ranked is one row of the list: a node and its measure.
type ranked struct {
	id, label string
	value     float64
}

// metricsCanvas is what the Metrics tab needs of the canvas it arranges
// and sizes.
type metricsCanvas interface {
	State() graphview.State
	Shown(id string) bool
	Hidden() (nodes, edges int)
	Focus() string
	Selected() string
	SetSizes(map[string]float64)
	Arrange(map[string]layout.Point)
	Relax()
	OnChanged(func())
}

// newMetricsPanel builds the Metrics tab for canvas, measuring what
// keepsEdge lets show on tasks. Set its callbacks before the analyst can
// use it.
func newMetricsPanel(canvas metricsCanvas, keepsEdge func(graphview.Edge) bool, tasks *task.Runner) *metricsPanel {
	m := &metricsPanel{canvas: canvas, keepsEdge: keepsEdge, tasks: tasks, layout: layoutForce, sizeBy: sizeNone,
		heading: widget.NewLabel(""), WithoutUndo: func(fn func()) { fn() }}
	m.layoutSel = widget.NewSelect(layoutNames, m.chooseLayout)
	m.layoutSel.Selected = layoutForce
	m.sizeSel = widget.NewSelect([]string{sizeNone, sizeDegree, sizePageRank}, m.chooseSize)
	m.sizeSel.Selected = sizeNone
	m.list = widget.NewList(func() int { return len(m.top) }, newMetricRow, m.updateRow)
	m.list.OnSelected = m.choose
	m.heading.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem("Layout", m.layoutSel), widget.NewFormItem("Size by", m.sizeSel))
	m.box = container.NewBorder(container.NewVBox(form, m.heading), nil, nil, nil, m.list)
	canvas.OnChanged(m.changed)
	m.measure(m.onShow(canvas.State()))
	return m
}

// chooseSize sizes the canvas's nodes by name and ranks the list by it.
func (m *metricsPanel) chooseSize(name string) {
	if m.sizeSel.Selected != name {
		m.sizeSel.SetSelected(name) // calls back here
		return
	}
	m.sizeBy = name
	m.measure(m.onShow(m.canvas.State()))
}

// changed follows the canvas: after nodes or edges come or go it arranges
// them again, if a fixed layout is chosen, and measures them afresh.
func (m *metricsPanel) changed() {
	all := m.canvas.State()
	st := m.onShow(all)
	shape := fmt.Sprint(len(all.Nodes), len(all.Edges), st.Focus, len(st.Nodes), len(st.Edges))
	if shape == m.shape {
		return // nothing came, went, showed or hid
	}
	m.shape = shape
	m.rearrange(st)
	m.measure(st)
}

// onShow returns st without what the filters hide: arrangements and
// measures are of what the analyst sees. Hidden nodes keep their places
// and take a new one when they show again.
func (m *metricsPanel) onShow(st graphview.State) graphview.State {
	out := graphview.State{Focus: st.Focus, Selected: st.Selected}
	for _, n := range st.Nodes {
		if m.canvas.Shown(n.ID) {
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range st.Edges {
		if m.canvas.Shown(e.From) && m.canvas.Shown(e.To) && m.keepsEdge(e) {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// measure computes the chosen measure over the nodes and edges of st, off
// the UI goroutine, then sizes the nodes by it and lists the top entities.
// Only the newest measure is applied.
func (m *metricsPanel) measure(st graphview.State) {
	sizeBy := m.sizeBy
	task.Go(m.tasks, "metrics", "", func(context.Context) (map[string]float64, error) {
		ids, adj := canvasGraph(st)
		if sizeBy == sizePageRank {
			return layout.PageRank(ids, adj), nil
		}
		return layout.Degree(ids, adj), nil
	}, func(values map[string]float64) { m.sized(st, sizeBy, values) })
}

// sized shows the measure's values: node sizes and the top entities.
func (m *metricsPanel) sized(st graphview.State, sizeBy string, values map[string]float64) {
	if sizeBy == sizeNone {
		m.canvas.SetSizes(nil)
	} else {
		m.canvas.SetSizes(scaled(values))
	}
	m.top = m.top[:0]
	for _, n := range st.Nodes {
		m.top = append(m.top, ranked{id: n.ID, label: cmp.Or(n.Label, n.ID), value: values[n.ID]})
	}
	slices.SortStableFunc(m.top, func(a, b ranked) int { return cmp.Compare(b.value, a.value) })
	m.top = m.top[:min(len(m.top), topLimit)]
	hidden, _ := m.canvas.Hidden()
	m.heading.SetText(m.headingText(len(st.Nodes), hidden))
	m.list.UnselectAll()
	m.list.Refresh()
}

func (m *metricsPanel) headingText(nodes, hidden int) string {
	by := "degree (links on the canvas)"
	if m.sizeBy == sizePageRank {
		by = "PageRank over the canvas"
	}
	switch {
	case nodes == 0 && hidden > 0:
		return fmt.Sprintf("The filters hide all %d entities on the canvas.", hidden)
	case nodes == 0:
		return "Nothing is on the canvas yet. Search for a node to start."
	case hidden > 0:
		return fmt.Sprintf("Top %d of %d entities on show by %s (%d hidden by the filters). Choose one to select it.", len(m.top), nodes, by, hidden)
	}
	return fmt.Sprintf("Top %d of %d entities by %s. Choose one to select it.", len(m.top), nodes, by)
}

// scaled maps values onto [0, 1]: the square root of their share of the
// largest, so that a disc's area, more than its radius, follows the value.
func scaled(values map[string]float64) map[string]float64 {
	top := 0.0
	for _, v := range values {
		top = max(top, v)
	}
	out := make(map[string]float64, len(values))
	for id, v := range values {
		if top > 0 {
			out[id] = math.Sqrt(v / top)
		}
	}
	return out
}

// newMetricRow makes a row of the list: the entity's name, cut short if
// need be, and its measure at the right.
func newMetricRow() fyne.CanvasObject {
	name, value := widget.NewLabel(""), widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, nil, value, name)
}

func (m *metricsPanel) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(m.top) {
		return
	}
	row := o.(*fyne.Container)
	name, value := row.Objects[0].(*widget.Label), row.Objects[1].(*widget.Label)
	r := m.top[i]
	name.SetText(fmt.Sprintf("%d. %s", i+1, r.label))
	if m.sizeBy == sizePageRank {
		value.SetText(fmt.Sprintf("%.3f", r.value))
	} else {
		value.SetText(fmt.Sprint(int(r.value)))
	}
}

// choose selects the entity of row i on the canvas and shows its details.
func (m *metricsPanel) choose(i widget.ListItemID) {
	if i >= len(m.top) {
		return
	}
	id := m.top[i].id
	m.OnChoose(graph.ID(id))
}
