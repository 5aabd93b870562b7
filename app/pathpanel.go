package app

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

// pathPanel answers "how is A connected to B?": the k shortest paths, each
// hop with its predicates and sources, shown on the canvas on request.
type pathPanel struct {
	u        *ui
	from, to *widget.Entry
	k        *widget.Select
	via      *widget.Entry      // predicates a path may use, comma-separated
	avoid    *widget.CheckGroup // types a path may not pass through
	status   *widget.Label
	results  *fyne.Container
	found    []graph.Path
	box      fyne.CanvasObject
}

func newPathPanel(u *ui) *pathPanel {
	p := &pathPanel{u: u, from: widget.NewEntry(), to: widget.NewEntry(), results: container.NewVBox()}
	p.from.SetPlaceHolder("From: a name, or the selection")
	p.to.SetPlaceHolder("To: a name, or the selection")
	p.k = widget.NewSelect([]string{"1", "2", "3", "4", "5"}, nil)
	p.k.SetSelected("3")
	p.status = widget.NewLabel("Pick two nodes, then Find paths.")
	p.status.Wrapping = fyne.TextWrapWord
	useSel := func(e *widget.Entry) func() {
		return func() {
			if id := u.view.Selected(); id != "" {
				e.SetText(u.ex.Brief(graph.ID(id)).Label)
			}
		}
	}
	row := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil, widget.NewButton("Selection", useSel(e)), e)
	}
	find := widget.NewButton("Find paths", p.find)
	find.Importance = widget.HighImportance
	p.via = widget.NewEntry()
	p.via.SetPlaceHolder("Only via predicates, e.g. leads, streamedOn (optional)")
	var types []string
	for _, t := range []graph.ID{graph.TypeCompany, graph.TypeProduction, graph.TypeAITool, graph.TypePerson,
		graph.TypeOrganization, graph.TypeControversy, graph.TypeEvent, graph.TypeLegalCase, graph.TypeTechnique} {
		types = append(types, graph.LocalName(t))
	}
	p.avoid = widget.NewCheckGroup(types, nil)
	options := widget.NewAccordion(widget.NewAccordionItem("Options",
		container.NewVBox(p.via, widget.NewLabel("Do not pass through"), p.avoid)))
	form := container.NewVBox(row(p.from), row(p.to),
		container.NewHBox(widget.NewLabel("Paths"), p.k, find), options)
	p.box = container.NewBorder(form, nil, nil, nil,
		container.NewVScroll(container.NewVBox(p.status, p.results)))
	return p
}

// Find fills the ends and searches, as "find paths from here" does.
func (p *pathPanel) Find(from, to graph.ID) {
	p.from.SetText(p.u.ex.Brief(from).Label)
	p.to.SetText(p.u.ex.Brief(to).Label)
	p.find()
}

func (p *pathPanel) find() {
	k, _ := strconv.Atoi(p.k.Selected)
	from, to := p.from.Text, p.to.Text
	opt := graph.PathOptions{K: k}
	for _, v := range strings.Split(p.via.Text, ",") {
		if v = strings.TrimSpace(v); v != "" {
			opt.Via = append(opt.Via, resolvePredicate(v))
		}
	}
	for _, t := range p.avoid.Selected {
		opt.ExcludeTypes = append(opt.ExcludeTypes, graph.ID(graph.VocabNS+t))
	}
	p.status.SetText("Searching…")
	p.results.Objects = nil
	p.results.Refresh()
	go func() {
		ctx := context.Background()
		paths, err := p.search(ctx, from, to, opt)
		uiDo(func() { p.show(paths, err) })
	}()
}

func (p *pathPanel) search(ctx context.Context, from, to string, opt graph.PathOptions) ([]graph.Path, error) {
	var ends [2]graph.ID
	for i, name := range []string{from, to} {
		if name == "" {
			return nil, errors.New("Give both ends: type a name or use the selection.")
		}
		id, err := p.u.ex.Resolve(ctx, name)
		if errors.Is(err, graph.ErrNotFound) {
			return nil, fmt.Errorf("No node is named “%s”; pick it with the search box, then use Selection.", name)
		} else if err != nil {
			return nil, err
		}
		ends[i] = id
	}
	paths, err := p.u.ex.Paths(ctx, ends[0], ends[1], opt)
	if errors.Is(err, graph.ErrNoPath) {
		how := "within 8 hops"
		if len(opt.Via) > 0 || len(opt.ExcludeTypes) > 0 {
			how += " with these options"
		}
		return nil, fmt.Errorf("%s and %s are not connected %s.", p.u.ex.Brief(ends[0]).Label, p.u.ex.Brief(ends[1]).Label, how)
	}
	return paths, err
}

func (p *pathPanel) show(paths []graph.Path, err error) {
	p.found = paths
	if err != nil {
		p.status.SetText(err.Error())
		return
	}
	p.status.SetText(fmt.Sprintf("Found %s, shortest first; the first is highlighted on the canvas.", plural(len(paths), "path")))
	p.results.Add(container.NewHBox(widget.NewButton("Export these paths…", func() { p.u.chooseExportOf("", p.nodes()) })))
	for i, path := range paths {
		p.results.Add(p.card(i, path))
	}
	p.results.Refresh()
	if len(paths) > 0 {
		p.u.showPath(paths[0])
	}
}

// card shows one path: its hops with predicates and sources.
func (p *pathPanel) card(i int, path graph.Path) fyne.CanvasObject {
	ex := p.u.ex
	lines := container.NewVBox()
	lines.Add(widget.NewLabelWithStyle(ex.Brief(path.Nodes[0]).Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, h := range path.Hops {
		for _, e := range edgesBestFirst(h.Edges, p.u.filters.trust.kind) {
			arrow := "→"
			if e.Subject != h.From {
				arrow = "←"
			}
			l := widget.NewLabel(fmt.Sprintf("   %s %s   [%s]", arrow, ex.PredicateLabel(e.Predicate), sourceHopLabel(ex, p.u.filters.trust.kind, e.Source)))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.LowImportance
			lines.Add(l)
		}
		lines.Add(widget.NewLabelWithStyle(ex.Brief(h.To).Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	show := widget.NewButton("Show on canvas", func() { p.u.showPath(path) })
	head := container.NewBorder(nil, nil, widget.NewLabel(fmt.Sprintf("Path %d · %s", i+1, plural(len(path.Hops), "hop"))), show)
	return widget.NewCard("", "", container.NewVBox(head, lines))
}

// showPath adds a path's nodes and edges to the canvas and highlights them.
func (u *ui) showPath(path graph.Path) {
	var nodes []graphview.Node
	for _, id := range path.Nodes {
		nodes = append(nodes, u.viewNode(id))
	}
	var edges []graphview.Edge
	for _, h := range path.Hops {
		for _, e := range h.Edges {
			edges = append(edges, u.viewEdge(e))
		}
	}
	u.view.Add(nodes, edges, "")
	ids := make([]string, len(path.Nodes))
	for i, id := range path.Nodes {
		ids[i] = string(id)
	}
	u.view.Highlight(ids...)
	u.setStatus(fmt.Sprintf("Path of %s highlighted", plural(len(path.Hops), "hop")))
}

// nodes lists every node of the paths found, once each.
func (p *pathPanel) nodes() []graph.ID {
	seen := make(map[graph.ID]bool)
	var out []graph.ID
	for _, path := range p.found {
		for _, id := range path.Nodes {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}
