package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/explore"
	"reelgraph/app/graphview"
	"reelgraph/app/task"
	"reelgraph/graph"
)

const (
	// perGroup is how many neighbours of one predicate the details panel
	// lists before offering "+N more".
	perGroup = 25
	// expandLimit caps the neighbours focusing on a node shows at first;
	// expanding a node with more asks which to show (expand.go).
	expandLimit = 50
	// legendWidth is the room Fit leaves at the left for the legend.
	legendWidth = 130
	// startNode is the node the window opens on when the store has it.
	startNode = "urn:reelgraph:id:netflix"
)

// ui is the explorer window and the widgets it holds.
type ui struct {
	win     fyne.Window
	ex      Explorer
	search  *searchBox
	view    *graphview.GraphView
	details *detailsPanel
	status  *widget.Label
	counts  string // the status bar's store summary
	message string // the status bar's last message, beside counts

	focused graph.ID // the node the view is centred on, or is loading

	// expandAsk is how many new neighbours an expansion shows without
	// asking which; asking is that question while it is open.
	expandAsk int
	asking    *expandChooser

	tabs *container.AppTabs // the panels beside the canvas
	tab  struct {           // the tabs, each by its item
		details, paths, query, filters, metrics *container.TabItem
	}
	paths   *pathPanel
	query   *queryPanel
	filters *filterPanel
	metrics *metricsPanel // metrics.go: layout, sizes, top entities

	opening []string // files given on the command line, opened by start (openfiles.go)

	// tasks runs the window's work off the UI goroutine; its failures are
	// shown by fail.
	tasks *task.Runner
}

// newUI builds the explorer window over ex. It loads nothing yet: call
// start for that.
func newUI(a fyne.App, ex Explorer) *ui {
	u := &ui{ex: ex, win: a.NewWindow("Reelgraph"), expandAsk: loadPreferences(a).Expand}
	u.tasks = task.New(uiDo, u.fail)
	u.view = graphview.New()
	u.view.SetDo(uiDo)
	u.details = newDetailsPanel()
	u.status = widget.NewLabel("Opening " + ex.Location().String() + "…")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.search = newSearchBox(ex, u.tasks)

	u.search.OnChosen = func(id graph.ID) { u.focus(id) }
	u.view.OnSelected = func(id string) {
		u.search.Dismiss()
		u.selectNode(graph.ID(id))
	}
	u.view.OnExpand = func(id string) { u.expand(graph.ID(id)) }
	u.view.NodeMenu = u.nodeMenu
	u.details.OnNavigate = func(id graph.ID) { u.navigate(id) }
	u.details.OnMore = u.showDetails

	u.model().SetLimit(historyLimit)
	u.win.SetContent(u.layout())
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.dropped) // importui.go
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.SetOnClosed(u.tasks.Close) // stops the refresh ticker too
	u.bindKeys()
	return u
}

func (u *ui) layout() fyne.CanvasObject {
	toolbar := widget.NewToolbar(
		widget.NewToolbarAction(theme.NavigateBackIcon(), u.Back),
		widget.NewToolbarAction(theme.NavigateNextIcon(), u.Forward),
		widget.NewToolbarAction(theme.ContentUndoIcon(), u.Undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), u.Redo),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ZoomFitIcon(), u.view.Fit),
		widget.NewToolbarAction(theme.ZoomInIcon(), u.view.ZoomIn),
		widget.NewToolbarAction(theme.ZoomOutIcon(), u.view.ZoomOut),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.DocumentIcon(), u.showSources),
		widget.NewToolbarAction(theme.ViewRefreshIcon(), func() { u.refresh(false) }), // refresh.go
	)
	top := container.NewBorder(nil, nil, nil, toolbar, u.search)
	legend := graphview.NewLegend(u.view)
	u.filters = newFilterPanel(u.ex, u.tasks, u.view, legend)
	u.filters.OnFilter = u.filtered
	u.filters.OnAddNodes = u.addNodes
	u.filters.OnChanged = func() { u.setStatus("") }
	u.view.SetInsets(0, legendWidth, 0, 0)
	canvasArea := container.NewStack(u.view,
		container.NewVBox(layout.NewSpacer(), container.NewHBox(legend)))
	u.paths = newPathPanel(u.ex, u.tasks)
	u.paths.Selection = func() graph.ID { return graph.ID(u.view.Selected()) }
	u.paths.OnShowPath = u.showPath
	u.paths.OnExport = func(nodes []graph.ID) { u.chooseExportOf("", nodes) }
	u.paths.SourceKinds = func() map[string]graph.SourceKind { return u.filters.trust.kind }
	u.query = newQueryPanel(u.ex, u.tasks)
	u.query.OnChoose = u.choose
	u.query.OnResults = u.showResults
	u.metrics = newMetricsPanel(u.view, u.filters.keepsEdge, u.tasks)
	u.metrics.OnChoose = u.choose
	u.metrics.WithoutUndo = u.withoutUndo
	u.tab.details = container.NewTabItem("Details", u.details)
	u.tab.paths = container.NewTabItem("Paths", u.paths.box)
	u.tab.query = container.NewTabItem("Query", u.query.box)
	u.tab.filters = container.NewTabItem("Filters", u.filters.box)
	u.tab.metrics = container.NewTabItem("Metrics", u.metrics.box)
	u.tabs = container.NewAppTabs(u.tab.details, u.tab.paths, u.tab.query, u.tab.filters, u.tab.metrics)
	split := container.NewHSplit(canvasArea, u.tabs)
	split.Offset = 0.68
	body := container.NewStack(split, u.search.Dropdown())
	return container.NewBorder(container.NewPadded(top), u.status, nil, nil, body)
}

// start loads the store's counts and the opening view, off the UI
// goroutine.
func (u *ui) start() {
	u.watchStore() // refresh.go
	task.Go(u.tasks, "start", "Reading the store failed", u.readOpening, func(o openingRead) {
		u.counts = countsText(u.ex.Location(), o.stats)
		u.setStatus("")
		if o.stats.Quads == 0 {
			u.details.ShowMessage("This store is empty. Run Reelgraph without --empty on a new store to open the bundled graph.")
		}
		switch {
		case len(u.opening) > 0:
			u.openFiles(u.opening)
		case o.stats.Quads == 0:
		case o.hasStart:
			u.focus(startNode)
		default:
			u.details.ShowMessage("Search for a node above to start exploring.")
			u.win.Canvas().Focus(u.search)
		}
	})
}

// openingRead is what start reads: the counts and whether startNode is
// there.
type openingRead struct {
	stats    graph.Stats
	hasStart bool
}

func (u *ui) readOpening(ctx context.Context) (openingRead, error) {
	st, err := u.ex.Stats(ctx)
	if err != nil || st.Quads == 0 {
		return openingRead{stats: st}, err
	}
	_, err = u.ex.Resolve(ctx, startNode)
	return openingRead{stats: st, hasStart: err == nil}, nil
}

func entities(st graph.Stats) int {
	n := 0
	for _, c := range st.Types {
		n += c
	}
	return n
}

// refreshCounts reads the store's counts again, off the UI goroutine, and
// shows them with msg. A failure to count leaves the counts as they were.
func (u *ui) refreshCounts(msg string) {
	u.setStatus(msg)
	u.filters.reloadSources() // kinds and disputes may have changed too
	task.Go(u.tasks, "counts", "", func(ctx context.Context) (*graph.Stats, error) {
		st, err := u.ex.Stats(ctx)
		if err != nil {
			return nil, nil
		}
		return &st, nil
	}, func(st *graph.Stats) {
		if st != nil {
			u.counts = countsText(u.ex.Location(), *st)
			u.setStatus(u.message) // whatever was said since, rather than msg again
		}
	})
}

func countsText(loc graph.Location, st graph.Stats) string {
	return fmt.Sprintf("%s  ·  %d quads  ·  %d nodes  ·  %d entities  ·  %d sources",
		loc, st.Quads, st.Nodes, entities(st), st.Sources)
}

// setStatus shows msg beside the store's counts; "" shows the counts alone.
func (u *ui) setStatus(msg string) {
	u.message = msg
	text := u.counts
	if u.filters != nil {
		if h := u.filters.hiddenText(); h != "" {
			text += "  ·  " + h
		}
	}
	if msg != "" {
		text += "  ·  " + msg
	}
	u.status.SetText(text)
}

// focus makes id the centre of a fresh view: the node, its neighbours and
// the edges among them, selected with its details shown. Back returns to
// the node focused before.
func (u *ui) focus(id graph.ID) {
	u.model().Visit(string(u.focused), string(id))
	u.refocus(id)
}

// refocus focuses id without recording the move in the focus history.
// Only the newest refocus is applied, however the answers arrive.
func (u *ui) refocus(id graph.ID) {
	u.focused = id
	u.setStatus("Loading " + u.ex.Brief(id).Label + "…")
	task.Go(u.tasks, "focus", "Could not open "+u.ex.Brief(id).Label, func(ctx context.Context) (shown, error) {
		nodes, edges, err := u.neighbourhood(ctx, id, nil)
		return shown{nodes, edges}, err
	}, func(s shown) {
		u.view.SetGraph(s.nodes, s.edges, string(id))
		u.view.Select(string(id))
		u.selectNode(id)
	})
}

// shown is what a query brings to the canvas.
type shown struct {
	nodes []graphview.Node
	edges []graphview.Edge
}

// navigate follows a link in the details panel: the node joins the view
// (linked to the node it was reached from) and becomes the selection.
func (u *ui) navigate(id graph.ID) {
	if u.view.Has(string(id)) {
		u.view.Select(string(id))
		u.selectNode(id)
		return
	}
	from := u.details.Shown().ID
	visible := u.visible()
	task.Go(u.tasks, "navigate", "Could not open "+u.ex.Brief(id).Label, func(ctx context.Context) ([]graphview.Edge, error) {
		return u.edgesTo(ctx, id, visible)
	}, func(edges []graphview.Edge) {
		u.view.Add([]graphview.Node{u.viewNode(id)}, edges, string(from))
		u.view.Select(string(id))
		u.selectNode(id)
	})
}

// choose selects id, if it is on the canvas, and shows its details, as
// picking it from a panel's list does.
func (u *ui) choose(id graph.ID) {
	if u.view.Has(string(id)) {
		u.view.Select(string(id))
		u.selectNode(id)
	}
}

// showResults adds nodes to the canvas, with the edges among them and what
// is on show, and highlights them; failed hears why they could not be.
func (u *ui) showResults(nodes []graph.ID, failed func(error)) {
	visible := u.visible()
	task.Go(u.tasks, "query results", "", func(ctx context.Context) (shownOrNot, error) {
		vnodes, edges, err := u.among(ctx, nodes, visible)
		return shownOrNot{shown{vnodes, edges}, err}, nil
	}, func(s shownOrNot) {
		if s.err != nil {
			failed(s.err)
			return
		}
		u.view.Add(s.nodes, s.edges, "")
		ids := make([]string, len(nodes))
		for i, n := range nodes {
			ids[i] = string(n)
		}
		u.view.Highlight(ids...)
	})
}

// addNodes adds nodes to the canvas around the focus, with their edges to
// what is there, and frames the view: a node may have no neighbour shown
// to stand by.
func (u *ui) addNodes(nodes []graph.ID) {
	visible := u.visible()
	task.Go(u.tasks, "add nodes", "Could not add the disputed nodes", func(ctx context.Context) (shown, error) {
		vn, ve, err := u.among(ctx, nodes, visible)
		return shown{vn, ve}, err
	}, func(s shown) {
		u.view.Add(s.nodes, s.edges, u.view.Focus())
		u.view.Fit()
		u.setStatus(fmt.Sprintf("Added %s with a disputed property", plural(len(s.nodes), "node")))
	})
}

// shownOrNot is what a query adds to the canvas, or why it could not.
type shownOrNot struct {
	shown
	err error
}

// selectNode shows id's details.
func (u *ui) selectNode(id graph.ID) {
	if id == "" {
		return
	}
	u.showDetails(id, perGroup)
}

// showDetails shows id's details with up to limit neighbours per group;
// only the newest node asked for is shown.
func (u *ui) showDetails(id graph.ID, limit int) {
	task.Go(u.tasks, "details", "Could not read "+u.ex.Brief(id).Label, func(ctx context.Context) (graph.Details, error) {
		return u.ex.Details(ctx, id, limit)
	}, func(d graph.Details) {
		u.details.ShowDetails(d)
		u.setStatus("")
	})
}

// visible lists the nodes on the canvas; call it on the UI goroutine.
func (u *ui) visible() map[graph.ID]bool {
	m := make(map[graph.ID]bool)
	for _, id := range u.view.NodeIDs() {
		m[graph.ID(id)] = true
	}
	return m
}

// neighbourhood returns id and up to expandLimit of its neighbours as view
// nodes, with every edge among them and the visible nodes.
func (u *ui) neighbourhood(ctx context.Context, id graph.ID, visible map[graph.ID]bool) ([]graphview.Node, []graphview.Edge, error) {
	ids, es, err := explore.Gather(ctx, u.ex, id, explore.GatherOptions{Hops: 1, Max: expandLimit + 1, Limit: 500, Shown: visible})
	if err != nil {
		return nil, nil, err
	}
	nodes := make([]graphview.Node, len(ids))
	for i, n := range ids {
		nodes[i] = u.viewNode(n)
	}
	edges := make([]graphview.Edge, len(es))
	for i, e := range es {
		edges[i] = u.viewEdge(e)
	}
	return nodes, edges, nil
}

// among returns nodes as view nodes with every edge between them and
// between them and the visible ones.
func (u *ui) among(ctx context.Context, nodes []graph.ID, visible map[graph.ID]bool) ([]graphview.Node, []graphview.Edge, error) {
	in := make(map[graph.ID]bool, len(nodes)+len(visible))
	for k := range visible {
		in[k] = true
	}
	out := make([]graphview.Node, len(nodes))
	for i, n := range nodes {
		in[n] = true
		out[i] = u.viewNode(n)
	}
	seen := make(map[graph.Edge]bool)
	var edges []graphview.Edge
	for _, n := range nodes {
		es, err := u.ex.Neighbors(ctx, n, graph.NeighborOptions{Limit: 500})
		if err != nil {
			return nil, nil, err
		}
		for _, e := range es {
			if !seen[e] && in[e.Subject] && in[e.Object] {
				seen[e] = true
				edges = append(edges, u.viewEdge(e))
			}
		}
	}
	return out, edges, nil
}

// edgesTo returns the edges between id and the visible nodes.
func (u *ui) edgesTo(ctx context.Context, id graph.ID, visible map[graph.ID]bool) ([]graphview.Edge, error) {
	es, err := u.ex.Neighbors(ctx, id, graph.NeighborOptions{})
	if err != nil {
		return nil, err
	}
	var out []graphview.Edge
	for _, e := range es {
		if visible[e.Other(id)] {
			out = append(out, u.viewEdge(e))
		}
	}
	return out, nil
}

func (u *ui) viewNode(id graph.ID) graphview.Node {
	b := u.ex.Brief(id)
	kind := ""
	if len(b.Types) > 0 {
		kind = string(b.Types[0])
	}
	return graphview.Node{ID: string(id), Label: b.Label, Kind: kind}
}

func (u *ui) viewEdge(e graph.Edge) graphview.Edge {
	return graphview.Edge{From: string(e.Subject), To: string(e.Object),
		Predicate: string(e.Predicate), Label: u.ex.PredicateLabel(e.Predicate), Source: string(e.Source)}
}

// fail tells the analyst what went wrong in a dialog and the status bar.
func (u *ui) fail(what string, err error) {
	msg := what + ": " + err.Error()
	if errors.Is(err, graph.ErrNotFound) {
		msg = what + ": the store has no such node. Search for another."
	}
	u.setStatus(msg)
	dialog.ShowError(errors.New(msg), u.win)
}

// showSources opens a window listing every source in the store.
func (u *ui) showSources() {
	task.Go(u.tasks, "sources", "Could not list the sources", u.ex.Sources, func(srcs []graph.Source) {
		_, list := showSourcesWindow(fyne.CurrentApp(), srcs, nil)
		list.OnGrade = func(id graph.ID, kind graph.SourceKind) { u.regrade(id, kind, list) }
	})
}
