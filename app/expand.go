package app

import (
	"context"
	"fmt"
	"sort"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/task"
	"reelgraph/graph"
)

const (
	// rankAmong bounds how many neighbours are ranked by degree when the
	// analyst asks for the best-connected ones of a supernode.
	rankAmong = 2000
	// degreeCap bounds the edges counted for one neighbour's degree.
	degreeCap = 1000
)

// expansion is one node's neighbours not yet on the canvas, waiting for
// the analyst to choose which to show when there are too many.
type expansion struct {
	id    graph.ID
	fresh []graph.ID              // neighbours not on show, in store order
	by    map[graph.ID][]graph.ID // fresh neighbours per predicate
}

// expand adds id's neighbours to the view around it. A node with more new
// neighbours than u.expandAsk asks first which to show, so that a supernode
// never floods or freezes the canvas.
func (u *ui) expand(id graph.ID) {
	u.setStatus("Expanding " + u.ex.Brief(id).Label + "…")
	u.withExpansion(id, func(x expansion) {
		if len(x.fresh) > u.expandAsk {
			u.askExpand(x)
		} else {
			u.addNeighbours(x, x.fresh)
		}
	})
}

// withExpansion reads id's neighbours not on the canvas, off the UI
// goroutine, and hands them to then on the UI goroutine; a failure is shown.
func (u *ui) withExpansion(id graph.ID, then func(expansion)) {
	visible := u.visible()
	task.Go(u.tasks, expandKey(id), "Could not expand "+u.ex.Brief(id).Label, func(ctx context.Context) (expansion, error) {
		return u.expansionOf(ctx, id, visible)
	}, then)
}

// expandKey is the task key of id's expansion: expanding one node does not
// cancel the expansion of another.
func expandKey(id graph.ID) string { return "expand " + string(id) }

func (u *ui) expansionOf(ctx context.Context, id graph.ID, visible map[graph.ID]bool) (expansion, error) {
	edges, err := u.ex.Neighbors(ctx, id, graph.NeighborOptions{})
	if err != nil {
		return expansion{}, err
	}
	x := expansion{id: id, by: make(map[graph.ID][]graph.ID)}
	seen := make(map[graph.ID]bool)
	for _, e := range edges {
		o := e.Other(id)
		if visible[o] || o == id {
			continue
		}
		if !seen[o] {
			seen[o] = true
			x.fresh = append(x.fresh, o)
		}
		if list := x.by[e.Predicate]; len(list) == 0 || list[len(list)-1] != o {
			x.by[e.Predicate] = append(list, o)
		}
	}
	return x, nil
}

// addNeighbours shows nodes of x around x.id, with the edges among them and
// what is on show; read off the UI goroutine.
func (u *ui) addNeighbours(x expansion, nodes []graph.ID) {
	visible := u.visible()
	task.Go(u.tasks, expandKey(x.id), "Could not expand "+u.ex.Brief(x.id).Label, func(ctx context.Context) (shown, error) {
		vnodes, edges, err := u.among(ctx, append([]graph.ID{x.id}, nodes...), visible)
		return shown{vnodes, edges}, err
	}, func(s shown) {
		u.view.Add(s.nodes, s.edges, string(x.id))
		msg := fmt.Sprintf("%s: %s shown", u.ex.Brief(x.id).Label, plural(len(nodes), "neighbour"))
		if rest := len(x.fresh) - len(nodes); rest > 0 {
			msg += fmt.Sprintf("; %d more are listed in the details panel", rest)
		}
		u.setStatus(msg)
	})
}

// expandChooser is the question asked before expanding a crowded node:
// the best-connected N, the neighbours along one predicate, or all.
type expandChooser struct {
	u      *ui
	x      expansion
	mode   *widget.RadioGroup
	n      *widget.Entry
	preds  *widget.Select
	byName map[string]graph.ID
	dialog dialog.Dialog
}

const (
	chooseTop  = "The best-connected"
	choosePred = "Only those linked by"
	chooseAll  = "All of them"
)

func (u *ui) askExpand(x expansion) *expandChooser {
	c := &expandChooser{u: u, x: x, byName: make(map[string]graph.ID)}
	c.n = widget.NewEntry()
	c.n.SetText(strconv.Itoa(u.expandAsk))
	var names []string
	for p, ids := range x.by {
		name := fmt.Sprintf("%s (%d)", u.ex.PredicateLabel(p), len(ids))
		c.byName[name] = p
		names = append(names, name)
	}
	sort.Strings(names)
	c.preds = widget.NewSelect(names, nil)
	if len(names) > 0 {
		c.preds.SetSelected(names[0])
	}
	c.mode = widget.NewRadioGroup([]string{chooseTop, choosePred, chooseAll}, nil)
	c.mode.SetSelected(chooseTop)
	intro := widget.NewLabel(fmt.Sprintf("%s has %d neighbours that are not on the canvas. Showing them all at once would crowd the view. Which should join it?",
		u.ex.Brief(x.id).Label, len(x.fresh)))
	intro.Wrapping = fyne.TextWrapWord
	form := container.NewVBox(intro, c.mode,
		container.NewHBox(widget.NewLabel("How many of the best-connected"), c.n),
		container.NewHBox(widget.NewLabel("Predicate"), c.preds))
	c.dialog = dialog.NewCustomConfirm("Expand "+u.ex.Brief(x.id).Label, "Expand", "Cancel", form, func(ok bool) {
		if u.asking == c {
			u.asking = nil
		}
		if ok {
			c.choose()
		} else {
			u.setStatus("")
		}
	}, u.win)
	c.dialog.Resize(fyne.NewSize(520, 320))
	c.dialog.Show()
	u.asking = c
	return c
}

// choose expands as the chooser is set.
func (c *expandChooser) choose() {
	switch c.mode.Selected {
	case chooseAll:
		c.u.addNeighbours(c.x, c.x.fresh)
	case choosePred:
		c.u.addNeighbours(c.x, c.x.by[c.byName[c.preds.Selected]])
	default:
		n, err := strconv.Atoi(c.n.Text)
		if err != nil || n <= 0 {
			n = c.u.expandAsk
		}
		task.Go(c.u.tasks, expandKey(c.x.id), "", func(ctx context.Context) ([]graph.ID, error) {
			return c.u.bestConnected(ctx, c.x.fresh, n), nil
		}, func(top []graph.ID) { c.u.addNeighbours(c.x, top) })
	}
}

// bestConnected returns the n of ids with the most edges, ranking at most
// rankAmong of them and counting at most degreeCap edges each.
func (u *ui) bestConnected(ctx context.Context, ids []graph.ID, n int) []graph.ID {
	if len(ids) > rankAmong {
		ids = ids[:rankAmong]
	}
	degree := make(map[graph.ID]int, len(ids))
	for _, id := range ids {
		es, err := u.ex.Neighbors(ctx, id, graph.NeighborOptions{Limit: degreeCap})
		if err == nil {
			degree[id] = len(es)
		}
	}
	ranked := append([]graph.ID(nil), ids...)
	sort.SliceStable(ranked, func(i, j int) bool { return degree[ranked[i]] > degree[ranked[j]] })
	if len(ranked) > n {
		ranked = ranked[:n]
	}
	return ranked
}

// expandByPredicate asks which of id's neighbours to show, starting from
// the choice of one predicate, however few there are.
func (u *ui) expandByPredicate(id graph.ID) {
	u.withExpansion(id, func(x expansion) {
		if len(x.fresh) == 0 {
			u.setStatus(u.ex.Brief(id).Label + ": every neighbour is already on the canvas")
			return
		}
		u.askExpand(x).mode.SetSelected(choosePred)
	})
}
