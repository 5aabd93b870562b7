package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// queryShowLimit caps the result nodes a query adds to the canvas.
const queryShowLimit = 100

// queryPanel runs Gizmo queries with a time limit and a Stop button; the
// nodes in the results are listed and highlighted on the canvas.
type queryPanel struct {
	u       *ui
	text    *widget.Entry
	timeout *widget.Select
	run     *widget.Button
	stop    *widget.Button
	status  *widget.Label
	list    *widget.List
	results []graph.QueryResult
	box     fyne.CanvasObject

	mu     sync.Mutex // guards cancel
	cancel context.CancelFunc
}

func newQueryPanel(u *ui) *queryPanel {
	q := &queryPanel{u: u, text: widget.NewMultiLineEntry()}
	q.text.SetPlaceHolder(`g.V("<urn:reelgraph:id:netflix>").In().All()`)
	q.text.SetMinRowsVisible(4)
	q.timeout = widget.NewSelect(queryLimits, nil)
	q.timeout.SetSelected(loadPreferences(fyne.CurrentApp()).QueryLimit) // prefs.go
	q.run = widget.NewButton("Run", q.Run)
	q.run.Importance = widget.HighImportance
	q.stop = widget.NewButton("Stop", q.Stop)
	q.stop.Disable()
	q.status = widget.NewLabel("Gizmo, Cayley's JavaScript query language. Results appear here and on the canvas.")
	q.status.Wrapping = fyne.TextWrapWord
	q.list = widget.NewList(func() int { return len(q.results) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("result")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(q.line(q.results[i])) })
	q.list.OnSelected = func(i widget.ListItemID) {
		if r := q.results[i]; len(r.Nodes) > 0 && u.view.Has(string(r.Nodes[0])) {
			u.view.Select(string(r.Nodes[0]))
			u.selectNode(r.Nodes[0])
		}
	}
	controls := container.NewHBox(q.run, q.stop, widget.NewLabel("Time limit"), q.timeout)
	q.box = container.NewBorder(container.NewVBox(q.text, controls, q.status), nil, nil, nil, q.list)
	return q
}

// Run starts the query in the entry; a running one is stopped first.
func (q *queryPanel) Run() {
	q.Stop()
	limit, _ := time.ParseDuration(q.timeout.Selected)
	ctx, cancel := context.WithCancel(context.Background())
	q.mu.Lock()
	q.cancel = cancel
	q.mu.Unlock()
	q.run.Disable()
	q.stop.Enable()
	q.status.SetText("Running…")
	text := q.text.Text
	go func() {
		res, err := q.u.ex.Query(ctx, text, 1000, limit)
		cancel()
		uiDo(func() { q.done(res, err) })
	}()
}

// Stop cancels the running query, if any.
func (q *queryPanel) Stop() {
	q.mu.Lock()
	if q.cancel != nil {
		q.cancel()
		q.cancel = nil
	}
	q.mu.Unlock()
}

func (q *queryPanel) done(res []graph.QueryResult, err error) {
	q.run.Enable()
	q.stop.Disable()
	q.results = res
	q.list.Refresh()
	switch {
	case errors.Is(err, context.Canceled):
		q.status.SetText(fmt.Sprintf("Stopped. %s found before it stopped.", plural(len(res), "result")))
	case err != nil:
		q.status.SetText(fmt.Sprintf("The query failed: %v", err))
	default:
		q.status.SetText(fmt.Sprintf("%s.", plural(len(res), "result")))
	}
	q.show(res)
}

// show adds the result nodes to the canvas (up to queryShowLimit) and
// highlights them.
func (q *queryPanel) show(res []graph.QueryResult) {
	var ids []string
	seen := make(map[graph.ID]bool)
	for _, r := range res {
		for _, n := range r.Nodes {
			if !seen[n] && len(seen) < queryShowLimit {
				seen[n] = true
				ids = append(ids, string(n))
			}
		}
	}
	if len(ids) == 0 {
		return
	}
	visible := q.u.visible()
	go func() {
		var nodes []graph.ID
		for id := range seen {
			nodes = append(nodes, id)
		}
		vnodes, edges, err := q.u.among(context.Background(), nodes, visible)
		uiDo(func() {
			if err != nil {
				q.status.SetText(q.status.Text + " " + err.Error())
				return
			}
			q.u.view.Add(vnodes, edges, "")
			q.u.view.Highlight(ids...)
		})
	}()
}

func (q *queryPanel) line(r graph.QueryResult) string {
	if r.Tags == nil {
		return fmt.Sprint(r.Value)
	}
	out := ""
	for k, v := range r.Tags {
		if out != "" {
			out += "  "
		}
		if id := graph.ID(v); len(r.Nodes) > 0 && containsID(r.Nodes, id) {
			v = q.u.ex.Brief(id).Label
		}
		out += k + ": " + v
	}
	return out
}

func containsID(list []graph.ID, id graph.ID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}
