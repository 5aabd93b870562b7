package app

import (
	"context"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

// filterPanel hides what the analyst does not want to see: node types,
// predicates, and facts by the publisher of their source. What is hidden
// stays on the canvas, counted in the status bar, and comes back in place.
type filterPanel struct {
	u      *ui
	legend *graphview.Legend
	box    fyne.CanvasObject
	lists  *fyne.Container

	offKinds  map[string]bool
	offPreds  map[string]bool
	offPubs   map[string]bool
	publisher map[string]string // source ID -> publisher, read once
	building  bool              // the check lists are being rebuilt
	timeline  *timeline
	trust     *trustFilter // filtertrust.go
}

func newFilterPanel(u *ui, legend *graphview.Legend) *filterPanel {
	f := &filterPanel{u: u, legend: legend, lists: container.NewVBox(),
		offKinds: map[string]bool{}, offPreds: map[string]bool{}, offPubs: map[string]bool{}, publisher: map[string]string{}}
	legend.Off = func(kind string) bool { return f.offKinds[kind] }
	legend.OnToggle = func(kind string) { f.toggle(f.offKinds, kind) }
	intro := widget.NewLabel("Untick what to hide. Hidden nodes and facts stay on the canvas, counted in the status bar. The legend toggles types too.")
	intro.Wrapping = fyne.TextWrapWord
	reset := widget.NewButton("Show everything", f.reset)
	f.timeline = newTimeline(f)
	f.trust = newTrustFilter(f)
	f.box = container.NewBorder(container.NewVBox(intro, container.NewHBox(reset), f.timeline.box), nil, nil, nil,
		container.NewVScroll(container.NewVBox(f.trust.box, f.lists)))
	u.view.OnChanged(f.rebuild)
	f.reloadSources()
	return f
}

// reloadSources reads the sources' publishers and kinds, and the disputes,
// again: after the store changed.
func (f *filterPanel) reloadSources() {
	go f.loadPublishers()
	go f.trust.loadDisputes()
}

// loadPublishers reads which publisher stands behind each source, and its
// kind.
func (f *filterPanel) loadPublishers() {
	srcs, err := f.u.ex.Sources(context.Background())
	if err != nil {
		return
	}
	uiDo(func() {
		for _, s := range srcs {
			pub := s.Publisher
			if pub == "" {
				pub = "(no publisher)"
			}
			f.publisher[string(s.ID)] = pub
			f.trust.kind[string(s.ID)] = s.Kind
		}
		f.trust.kindsLoaded()
		f.rebuild()
	})
}

func (f *filterPanel) toggle(set map[string]bool, key string) {
	f.u.recordUndo()
	set[key] = !set[key]
	f.apply()
}

func (f *filterPanel) reset() {
	f.u.recordUndo()
	f.setState(filterState{})
}

// filterState is what the filters hide, for undo and workspaces.
type filterState struct {
	OffKinds []string `json:"hiddenTypes,omitempty"`
	OffPreds []string `json:"hiddenPredicates,omitempty"`
	OffPubs  []string `json:"hiddenPublishers,omitempty"`
	Timeline bool     `json:"timeline,omitempty"`
	AsOf     string   `json:"asOf,omitempty"` // YYYY-MM-DD
	Backed   bool     `json:"backedOnly,omitempty"`
	Disputed bool     `json:"disputedOnly,omitempty"`
}

func (f *filterPanel) state() filterState {
	st := filterState{OffKinds: keys(f.offKinds), OffPreds: keys(f.offPreds), OffPubs: keys(f.offPubs),
		Timeline: f.timeline.on.Checked, Backed: f.trust.backedOnly, Disputed: f.trust.disputedOnly}
	if !f.timeline.asOf.IsZero() {
		st.AsOf = f.timeline.asOf.Format("2006-01-02")
	}
	return st
}

// setState shows st, without recording an undo step.
func (f *filterPanel) setState(st filterState) {
	fill := func(m map[string]bool, list []string) {
		clear(m)
		for _, k := range list {
			m[k] = true
		}
	}
	fill(f.offKinds, st.OffKinds)
	fill(f.offPreds, st.OffPreds)
	fill(f.offPubs, st.OffPubs)
	f.timeline.restore(st.Timeline, st.AsOf)
	f.trust.restore(st)
	f.apply()
}

// keys lists the true keys of m, sorted.
func keys(m map[string]bool) []string {
	var out []string
	for k, on := range m {
		if on {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// apply hands the filter to the canvas and refreshes what shows it.
func (f *filterPanel) apply() {
	f.u.view.SetFilter(graphview.Filter{Node: f.keepsNode, Edge: f.keepsEdge})
	f.legend.Refilter()
	f.rebuild()
	f.u.setStatus("")
}

// keepsNode and keepsEdge are the filter the panel sets on the canvas.
func (f *filterPanel) keepsNode(n graphview.Node) bool {
	return !f.offKinds[n.Kind] && !f.timeline.hides(n.ID) && f.trust.keepsNode(n)
}

func (f *filterPanel) keepsEdge(e graphview.Edge) bool {
	return !f.offPreds[e.Predicate] && !f.offPubs[f.publisherOf(e.Source)] && f.trust.keepsEdge(e)
}

func (f *filterPanel) publisherOf(src string) string {
	if p, ok := f.publisher[src]; ok {
		return p
	}
	return "(no source)"
}

// hiddenText says what the filter hides, "" when nothing.
func (f *filterPanel) hiddenText() string {
	nodes, edges := f.u.view.Hidden()
	if nodes+edges == 0 {
		return ""
	}
	return fmt.Sprintf("hidden by filters: %s, %s", plural(nodes, "node"), plural(edges, "fact"))
}

// rebuild lists the types, predicates and publishers on the canvas, each
// with how many nodes or facts it covers.
func (f *filterPanel) rebuild() {
	if f.building {
		return
	}
	f.building = true
	defer func() { f.building = false }()
	st := f.u.view.State()
	ids := make([]string, len(st.Nodes))
	for i, n := range st.Nodes {
		ids[i] = n.ID
	}
	f.timeline.update(ids)
	f.trust.update()
	kinds, preds, pubs := map[string]int{}, map[string]int{}, map[string]int{}
	predLabel := map[string]string{}
	for _, n := range st.Nodes {
		kinds[n.Kind]++
	}
	for _, e := range st.Edges {
		preds[e.Predicate]++
		predLabel[e.Predicate] = e.Label
		pubs[f.publisherOf(e.Source)]++
	}
	f.lists.Objects = []fyne.CanvasObject{
		f.group("Types", kinds, f.offKinds, func(k string) string {
			_, _, name := graphview.KindStyle(k)
			if k != "" {
				name = f.u.ex.Brief(graph.ID(k)).Label
			}
			return name
		}),
		f.group("Predicates", preds, f.offPreds, func(p string) string { return predLabel[p] }),
		f.group("Publishers", pubs, f.offPubs, func(p string) string { return p }),
	}
	f.lists.Refresh()
}

// group is one titled list of checks, ticked for what shows.
func (f *filterPanel) group(title string, counts map[string]int, off map[string]bool, name func(string) string) fyne.CanvasObject {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return name(keys[i]) < name(keys[j]) })
	box := container.NewVBox(heading(title))
	for _, k := range keys {
		key := k
		c := widget.NewCheck(fmt.Sprintf("%s (%d)", name(k), counts[k]), nil)
		c.SetChecked(!off[k])
		c.OnChanged = func(on bool) {
			if on == off[key] {
				f.toggle(off, key)
			}
		}
		box.Add(c)
	}
	return box
}
