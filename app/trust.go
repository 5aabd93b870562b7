package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/task"
	"reelgraph/graph"
)

// kindChip shows a source's kind in a colour that says how far to trust it:
// primary green, outlet blue, republication orange, import and none grey.
func kindChip(k graph.SourceKind) *widget.Label {
	l := widget.NewLabelWithStyle(k.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch k {
	case graph.KindPrimary:
		l.Importance = widget.SuccessImportance
	case graph.KindOutlet:
		l.Importance = widget.HighImportance
	case graph.KindRepublication:
		l.Importance = widget.WarningImportance
	default:
		l.Importance = widget.LowImportance
	}
	return l
}

// disputeMark is what a disputed property's name carries.
const disputeMark = "⚠ "

// disputedSet returns the predicates of ds.
func disputedSet(ds []graph.Dispute) map[graph.ID]bool {
	set := make(map[graph.ID]bool, len(ds))
	for _, d := range ds {
		set[d.Predicate] = true
	}
	return set
}

// disputesSection shows where the node's sources disagree: each disputed
// property with every value, the sources that give it and their kinds.
func disputesSection(det graph.Details, cite map[graph.ID]string) []fyne.CanvasObject {
	kinds := make(map[graph.ID]graph.SourceKind, len(det.Cited))
	for _, s := range det.Cited {
		kinds[s.ID] = s.Kind
	}
	names := neighbourNames(det)
	title := widget.NewLabelWithStyle(disputeMark+"Sources disagree", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Importance = widget.WarningImportance
	why := widget.NewLabel("These properties take one value, and the sources give different ones. Each value is listed with the sources that give it (numbered as under Sources) and their kinds.")
	why.Wrapping = fyne.TextWrapWord
	why.TextStyle = fyne.TextStyle{Italic: true}
	objs := []fyne.CanvasObject{widget.NewSeparator(), title, why}
	for _, d := range det.Disputes {
		name := widget.NewLabelWithStyle(graph.Humanize(graph.LocalName(d.Predicate))+" (disputed)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		objs = append(objs, name)
		for _, v := range d.Values {
			objs = append(objs, disputedValueRow(v, names, cite, kinds))
		}
	}
	return objs
}

// disputedValueRow is one value of a dispute: the value, then each source
// that gives it, numbered as in the Sources list, with its kind.
func disputedValueRow(v graph.DisputedValue, names map[graph.ID]string, cite map[graph.ID]string, kinds map[graph.ID]graph.SourceKind) fyne.CanvasObject {
	text := v.Value
	if n, ok := names[graph.ID(v.Value)]; ok {
		text = n
	}
	if v.Lang != "" {
		text += " @" + v.Lang
	}
	val := widget.NewLabel("•  " + text)
	val.Wrapping = fyne.TextWrapWord
	by := container.NewHBox()
	if len(v.Sources) == 0 {
		l := widget.NewLabel("no source")
		l.Importance = widget.LowImportance
		by.Add(l)
	}
	var cell fyne.Size
	for _, s := range v.Sources {
		mark := widget.NewLabel(cite[s])
		mark.Importance = widget.LowImportance
		c := container.NewHBox(mark, kindChip(kinds[s]))
		cell = cell.Max(c.MinSize())
		by.Add(c)
	}
	if len(v.Sources) <= 2 {
		return container.NewBorder(nil, nil, nil, by, val)
	}
	// Many sources: beside the value they would squeeze it to a letter a
	// line, so they flow under it instead.
	return container.NewVBox(val, container.NewGridWrap(cell, by.Objects...))
}

// neighbourNames maps the details' neighbours to their labels, so that a
// disputed value that is a node reads as its name.
func neighbourNames(det graph.Details) map[graph.ID]string {
	names := make(map[graph.ID]string)
	for _, g := range det.Groups {
		for _, n := range g.Neighbors {
			names[n.ID] = n.Label
		}
	}
	return names
}

// sourceHopLabel names an edge's source on a path hop with its kind, as
// "Title · outlet", from what the filters know of the sources.
func sourceHopLabel(ex interface{ Brief(graph.ID) graph.Node }, kinds map[string]graph.SourceKind, src graph.ID) string {
	if src == "" {
		return sourceLabel(ex, src)
	}
	return fmt.Sprintf("%s · %s", sourceLabel(ex, src), kinds[string(src)])
}

// regrade grades a source off the UI goroutine, then shows the new order
// in list (if not nil), and re-reads what depends on the grades: the
// filters' kinds and the details on show.
func (u *ui) regrade(id graph.ID, kind graph.SourceKind, list *sourcesList) {
	type regraded struct {
		srcs []graph.Source
		lerr error
	}
	task.Go(u.tasks, "regrade", "Could not regrade "+u.ex.Brief(id).Label, func(ctx context.Context) (regraded, error) {
		if err := u.ex.SetSourceKind(ctx, id, kind); err != nil {
			return regraded{}, err
		}
		srcs, lerr := u.ex.Sources(ctx)
		return regraded{srcs, lerr}, nil
	}, func(r regraded) {
		if r.lerr == nil && list != nil {
			list.SetSources(r.srcs)
		}
		u.setStatus(fmt.Sprintf("%s is now graded %s", u.ex.Brief(id).Label, kind))
		u.filters.reloadSources()
		if shown := u.details.Shown().ID; shown != "" {
			u.showDetails(shown, perGroup)
		}
	})
}

// edgesBestFirst returns a copy of edges ordered by the kind of their
// sources, best first, keeping the order of edges whose sources are of the
// same kind.
func edgesBestFirst(edges []graph.Edge, kinds map[string]graph.SourceKind) []graph.Edge {
	out := slices.Clone(edges)
	slices.SortStableFunc(out, func(a, b graph.Edge) int {
		return kinds[string(a.Source)].Rank() - kinds[string(b.Source)].Rank()
	})
	return out
}
