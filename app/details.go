package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

// detailsPanel shows the selected node: type, label, description, aliases,
// properties, neighbours grouped by predicate and the sources cited.
type detailsPanel struct {
	widget.BaseWidget

	// OnNavigate is called when the analyst clicks a neighbour.
	OnNavigate func(id graph.ID)
	// OnMore is called when the analyst asks for more of a node's
	// neighbours: up to limit per group.
	OnMore func(id graph.ID, limit int)

	box    *fyne.Container
	scroll *container.Scroll
	shown  graph.Details
}

func newDetailsPanel() *detailsPanel {
	d := &detailsPanel{box: container.NewVBox()}
	d.scroll = container.NewVScroll(d.box)
	d.ExtendBaseWidget(d)
	d.ShowMessage("Select a node to read about it here.")
	return d
}

// CreateRenderer returns a renderer of the panel's scrolling content.
func (d *detailsPanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.scroll)
}

// ShowMessage replaces the content with one line of text.
func (d *detailsPanel) ShowMessage(msg string) {
	d.shown = graph.Details{}
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d.box.Objects = []fyne.CanvasObject{l}
	d.box.Refresh()
}

// Shown returns the details on show, for tests.
func (d *detailsPanel) Shown() graph.Details { return d.shown }

// ShowDetails fills the panel with det.
func (d *detailsPanel) ShowDetails(det graph.Details) {
	cite := citations(det.Cited)
	objs := []fyne.CanvasObject{d.header(det)}
	if det.Description != "" {
		objs = append(objs, wrapped(det.Description))
	}
	if len(det.Aliases) > 0 {
		objs = append(objs, wrapped("Also known as "+strings.Join(det.Aliases, "; ")))
	}
	if len(det.Disputes) > 0 {
		objs = append(objs, disputesSection(det, cite)...) // trust.go
	}
	if len(det.Properties) > 0 {
		objs = append(objs, heading("Properties"), d.properties(det.Properties, cite, disputedSet(det.Disputes)))
	}
	for _, g := range det.Groups {
		objs = append(objs, d.group(det.ID, g, cite)...)
	}
	if len(det.Cited) > 0 {
		objs = append(objs, heading("Sources"))
		for i, src := range det.Cited {
			objs = append(objs, sourceRow(i+1, src))
		}
	}
	same := d.shown.ID == det.ID && det.ID != ""
	offset := d.scroll.Offset
	d.shown = det
	d.box.Objects = objs
	d.box.Refresh()
	if same { // more of the same node: stay where the analyst was reading
		d.scroll.ScrollToOffset(offset)
	} else {
		d.scroll.ScrollToTop()
	}
}

func (d *detailsPanel) header(det graph.Details) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(det.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.SizeName = theme.SizeNameSubHeadingText
	kind := ""
	if len(det.Types) > 0 {
		kind = string(det.Types[0])
	}
	col, icon, name := graphview.KindStyle(kind)
	if len(det.TypeLabels) > 0 {
		name = strings.Join(det.TypeLabels, ", ")
	}
	swatch := canvas.NewCircle(col)
	chip := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(16, 16), container.NewStack(swatch, widget.NewIcon(icon))),
		widget.NewLabel(name),
	)
	iri := widget.NewLabel(string(det.ID))
	iri.Importance = widget.LowImportance
	iri.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, chip, iri)
}

// properties lists the node's literal statements; a disputed predicate's
// name is marked and coloured.
func (d *detailsPanel) properties(props []graph.Property, cite map[graph.ID]string, disputed map[graph.ID]bool) fyne.CanvasObject {
	form := container.New(layout.NewFormLayout())
	for _, p := range props {
		key := widget.NewLabelWithStyle(graph.Humanize(graph.LocalName(p.Predicate)), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		if disputed[p.Predicate] {
			key.SetText(disputeMark + key.Text)
			key.Importance = widget.WarningImportance
		}
		val := widget.NewLabel(strings.TrimSpace(p.Value + " " + cite[p.Source]))
		val.Wrapping = fyne.TextWrapWord
		form.Add(key)
		form.Add(val)
	}
	return form
}

func (d *detailsPanel) group(self graph.ID, g graph.NeighborGroup, cite map[graph.ID]string) []fyne.CanvasObject {
	arrow := "→ "
	if g.Dir == graph.In {
		arrow = "← "
	}
	objs := []fyne.CanvasObject{heading(fmt.Sprintf("%s%s (%d)", arrow, g.PredicateLabel, g.Total))}
	for _, n := range g.Neighbors {
		objs = append(objs, d.neighborRow(n, cite))
	}
	more := g.Total - len(g.Neighbors)
	switch {
	case more <= 0:
	case len(g.Neighbors) >= maxGroupRows:
		note := widget.NewLabel(fmt.Sprintf("%d more not listed here: export the neighbourhood or query them", more))
		note.Importance = widget.LowImportance
		note.Wrapping = fyne.TextWrapWord
		objs = append(objs, note)
	default:
		next := min(len(g.Neighbors)+morePage, maxGroupRows)
		text := fmt.Sprintf("+%d more", more)
		if shown := next - len(g.Neighbors); shown < more {
			text = fmt.Sprintf("Show %d more of %d", shown, more)
		}
		b := widget.NewButton(text, func() {
			if d.OnMore != nil {
				d.OnMore(self, next)
			}
		})
		b.Importance = widget.LowImportance
		objs = append(objs, container.NewHBox(b))
	}
	return objs
}

// A group's "more" button lists morePage more neighbours at a time, up to
// maxGroupRows: a type's members or a supernode's edges run to tens of
// thousands, more than a panel of rows can hold and still answer a click.
const (
	morePage     = 200
	maxGroupRows = 1000
)

func (d *detailsPanel) neighborRow(n graph.Neighbor, cite map[graph.ID]string) fyne.CanvasObject {
	kind := ""
	if len(n.Types) > 0 {
		kind = string(n.Types[0])
	}
	col, _, _ := graphview.KindStyle(kind)
	swatch := canvas.NewCircle(col)
	id := n.ID
	link := newLinkLabel(n.Label, func() {
		if d.OnNavigate != nil {
			d.OnNavigate(id)
		}
	})
	marks := make([]string, 0, len(n.Sources))
	for _, s := range n.Sources {
		marks = append(marks, cite[s])
	}
	sort.Strings(marks)
	src := widget.NewLabel(strings.Join(marks, ""))
	src.Importance = widget.LowImportance
	return container.NewBorder(nil, nil,
		container.NewCenter(container.NewGridWrap(fyne.NewSize(10, 10), swatch)), src, link)
}

// sourceRow shows one cited document: its number, title, kind, publisher
// and date, and a link that opens its URL in the browser.
func sourceRow(n int, src graph.Source) fyne.CanvasObject {
	meta := strings.Join(nonEmpty(src.Publisher, src.Date), ", ")
	text := fmt.Sprintf("[%d] %s", n, src.Title)
	title := widget.NewLabel(text)
	title.Wrapping = fyne.TextWrapWord
	m := widget.NewLabel(meta)
	m.Importance = widget.LowImportance
	m.Wrapping = fyne.TextWrapWord
	var link fyne.CanvasObject
	if u := webURL(src.URL); u != nil {
		link = widget.NewHyperlink("Open source", u)
	}
	return container.NewVBox(title, container.NewBorder(nil, nil, kindChip(src.Kind), link, m))
}

func heading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewVBox(widget.NewSeparator(), l)
}

func wrapped(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
