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

	"reelgraph/app/graphview"
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

	undo         *stack[viewSnap] // view and filter changes, for Undo and Redo
	focusHistory *stack[graph.ID] // focus changes, for Back and Forward
	focused      graph.ID         // the node the view is centred on

	// expandAsk is how many new neighbours an expansion shows without
	// asking which; lastChooser is the last such question, for tests.
	expandAsk   int
	lastChooser *expandChooser
	lastSources []graph.Source // the last sources dialog's, for tests

	tabs    *container.AppTabs // details, paths and query, beside the canvas
	paths   *pathPanel
	query   *queryPanel
	filters *filterPanel
	metrics *metricsPanel // metrics.go: layout, sizes, top entities

	opening []string // files given on the command line, opened by start (openfiles.go)
}

// newUI builds the explorer window over ex. It loads nothing yet: call
// start for that.
func newUI(a fyne.App, ex Explorer) *ui {
	u := &ui{ex: ex, win: a.NewWindow("Reelgraph"), expandAsk: loadPreferences(a).Expand}
	u.view = graphview.New()
	u.view.SetDo(uiDo)
	u.details = newDetailsPanel()
	u.status = widget.NewLabel("Opening " + ex.Location().String() + "…")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.search = newSearchBox(ex)

	u.search.OnChosen = func(id graph.ID) { u.focus(id) }
	u.view.OnSelected = func(id string) {
		u.search.dropdown.Hide()
		u.selectNode(graph.ID(id))
	}
	u.view.OnExpand = func(id string) { u.expand(graph.ID(id)) }
	u.view.NodeMenu = u.nodeMenu
	u.details.OnNavigate = func(id graph.ID) { u.navigate(id) }
	u.details.OnMore = u.showDetails

	u.tracking()
	u.win.SetContent(u.layout())
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetOnDropped(u.dropped) // importui.go
	u.win.Resize(fyne.NewSize(1280, 800))
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
	u.filters = newFilterPanel(u, legend)
	u.view.SetInsets(0, legendWidth, 0, 0)
	canvasArea := container.NewStack(u.view,
		container.NewVBox(layout.NewSpacer(), container.NewHBox(legend)))
	u.paths = newPathPanel(u)
	u.query = newQueryPanel(u)
	u.tabs = container.NewAppTabs(
		container.NewTabItem("Details", u.details),
		container.NewTabItem("Paths", u.paths.box),
		container.NewTabItem("Query", u.query.box),
		container.NewTabItem("Filters", u.filters.box),
		container.NewTabItem("Metrics", newMetricsPanel(u).box),
	)
	split := container.NewHSplit(canvasArea, u.tabs)
	split.Offset = 0.68
	body := container.NewStack(split, u.search.Dropdown())
	return container.NewBorder(container.NewPadded(top), u.status, nil, nil, body)
}

// start loads the store's counts and the opening view, off the UI
// goroutine.
func (u *ui) start() {
	u.watchStore() // refresh.go
	go func() {
		ctx := context.Background()
		st, err := u.ex.Stats(ctx)
		uiDo(func() {
			if err != nil {
				u.fail("Reading the store failed", err)
				return
			}
			u.counts = countsText(u.ex.Location(), st)
			u.setStatus("")
			if st.Quads == 0 {
				u.details.ShowMessage("This store is empty. Run Reelgraph without --empty on a new store to open the bundled graph.")
			}
		})
		if len(u.opening) > 0 {
			uiDo(func() { u.openFiles(u.opening) })
			return
		}
		if st.Quads == 0 {
			return
		}
		if _, err := u.ex.Resolve(ctx, startNode); err == nil {
			uiDo(func() { u.focus(startNode) })
		} else {
			uiDo(func() {
				u.details.ShowMessage("Search for a node above to start exploring.")
				u.win.Canvas().Focus(u.search)
			})
		}
	}()
}

func entities(st graph.Stats) int {
	n := 0
	for _, c := range st.Types {
		n += c
	}
	return n
}

// refreshCounts reads the store's counts again, off the UI goroutine, and
// shows them with msg.
func (u *ui) refreshCounts(msg string) {
	u.setStatus(msg)
	u.filters.reloadSources() // kinds and disputes may have changed too
	go func() {
		st, err := u.ex.Stats(context.Background())
		if err != nil {
			return
		}
		uiDo(func() {
			u.counts = countsText(u.ex.Location(), st)
			u.setStatus(u.message) // whatever was said since, rather than msg again
		})
	}()
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
	if u.focused != "" && u.focused != id {
		u.focusHistory.Push(u.focused)
	}
	u.refocus(id)
}

// refocus focuses id without recording the move in the focus history.
func (u *ui) refocus(id graph.ID) {
	u.focused = id
	u.setStatus("Loading " + u.ex.Brief(id).Label + "…")
	go func() {
		nodes, edges, err := u.neighbourhood(context.Background(), id, nil)
		uiDo(func() {
			if err != nil {
				u.fail("Could not open "+u.ex.Brief(id).Label, err)
				return
			}
			u.view.SetGraph(nodes, edges, string(id))
			u.view.Select(string(id))
			u.selectNode(id)
		})
	}()
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
	go func() {
		edges, err := u.edgesTo(context.Background(), id, visible)
		uiDo(func() {
			if err != nil {
				u.fail("Could not open "+u.ex.Brief(id).Label, err)
				return
			}
			u.view.Add([]graphview.Node{u.viewNode(id)}, edges, string(from))
			u.view.Select(string(id))
			u.selectNode(id)
		})
	}()
}

// selectNode shows id's details.
func (u *ui) selectNode(id graph.ID) {
	if id == "" {
		return
	}
	u.showDetails(id, perGroup)
}

func (u *ui) showDetails(id graph.ID, limit int) {
	go func() {
		d, err := u.ex.Details(context.Background(), id, limit)
		uiDo(func() {
			if err != nil {
				u.fail("Could not read "+u.ex.Brief(id).Label, err)
				return
			}
			u.details.ShowDetails(d)
			u.setStatus("")
		})
	}()
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
	edges, err := u.ex.Neighbors(ctx, id, graph.NeighborOptions{})
	if err != nil {
		return nil, nil, err
	}
	nodes := []graph.ID{id}
	taken := map[graph.ID]bool{id: true}
	for _, e := range edges {
		o := e.Other(id)
		if !taken[o] && !visible[o] && len(nodes) <= expandLimit {
			taken[o] = true
			nodes = append(nodes, o)
		}
	}
	return u.among(ctx, nodes, visible)
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
	go func() {
		srcs, err := u.ex.Sources(context.Background())
		uiDo(func() {
			if err != nil {
				u.fail("Could not list the sources", err)
				return
			}
			_, list := showSourcesWindow(fyne.CurrentApp(), srcs, nil)
			list.OnGrade = func(id graph.ID, kind graph.SourceKind) { u.regrade(id, kind, list) }
		})
	}()
}
