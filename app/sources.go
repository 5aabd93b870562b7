package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// showSourcesWindow lists every cited document in the store: kind, title,
// publisher, date, how many facts it backs, and a link to open it. Picking
// another kind calls onGrade; the caller regrades the source and hands the
// list back with SetSources.
func showSourcesWindow(a fyne.App, srcs []graph.Source, onGrade func(graph.ID, graph.SourceKind)) (fyne.Window, *sourcesList) {
	w := a.NewWindow(fmt.Sprintf("Sources (%d)", len(srcs)))
	l := newSourcesList(srcs)
	l.OnGrade = onGrade
	w.SetContent(l.box)
	w.Resize(fyne.NewSize(820, 560))
	w.Show()
	return w, l
}

// sourcesList is the list of the Sources window.
type sourcesList struct {
	// OnGrade is called when the analyst picks another kind for a source.
	OnGrade func(id graph.ID, kind graph.SourceKind)

	srcs   []graph.Source
	header *widget.Label
	list   *widget.List
	box    fyne.CanvasObject
}

// kindOptions are the kinds the list offers, best first, then none.
var kindOptions = []string{"primary", "outlet", "republication", "import", "none"}

func newSourcesList(srcs []graph.Source) *sourcesList {
	l := &sourcesList{header: widget.NewLabel("")}
	l.list = widget.NewList(func() int { return len(l.srcs) }, l.newRow, l.updateRow)
	l.box = container.NewBorder(l.header, nil, nil, nil, l.list)
	l.SetSources(srcs)
	return l
}

// SetSources shows srcs, as Store.Sources orders them.
func (l *sourcesList) SetSources(srcs []graph.Source) {
	l.srcs = srcs
	facts := 0
	for _, s := range srcs {
		facts += s.Facts
	}
	l.header.SetText(fmt.Sprintf("%d sources back %d facts. Best kind first (primary, outlet, republication, import), then most-cited. Pick a kind to regrade a source.", len(srcs), facts))
	l.header.Wrapping = fyne.TextWrapWord
	l.list.Refresh()
}

func (l *sourcesList) newRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	meta := widget.NewLabel("Publisher, date, facts")
	meta.Importance = widget.LowImportance
	meta.Truncation = fyne.TextTruncateEllipsis
	kind := widget.NewSelect(kindOptions, nil)
	link := widget.NewHyperlink("Open", nil)
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, 36), kind), link, container.NewVBox(title, meta))
}

func (l *sourcesList) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	s := l.srcs[i]
	c := o.(*fyne.Container)
	texts := c.Objects[0].(*fyne.Container)
	texts.Objects[0].(*widget.Label).SetText(s.Title)
	meta := append(nonEmpty(s.Publisher, s.Date), plural(s.Facts, "fact"))
	texts.Objects[1].(*widget.Label).SetText(strings.Join(meta, "  ·  "))
	kind := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Select)
	kind.OnChanged = nil // showing the kind is no regrading
	kind.SetSelected(s.Kind.String())
	id := s.ID
	kind.OnChanged = func(v string) {
		k, err := graph.ParseSourceKind(v)
		if err == nil && l.OnGrade != nil {
			l.OnGrade(id, k)
		}
	}
	link := c.Objects[2].(*widget.Hyperlink)
	if u := webURL(s.URL); u != nil {
		link.SetURL(u)
		link.Show()
	} else {
		link.URL = nil
		link.Hide()
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
