package graphview

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Legend lists the kinds of node a GraphView shows, each with its swatch,
// icon, name and count, and follows the graph as it changes.
type Legend struct {
	widget.BaseWidget

	g     *GraphView
	rows  *fyne.Container
	shown []legendEntry // what rows shows, to skip rebuilding it unchanged
}

// legendEntry is one row of a Legend.
type legendEntry struct {
	kind  string
	count int
}

var _ fyne.Widget = (*Legend)(nil)

// NewLegend returns a legend of the kinds g shows.
func NewLegend(g *GraphView) *Legend {
	l := &Legend{g: g, rows: container.NewVBox()}
	l.ExtendBaseWidget(l)
	g.OnChanged(l.update)
	l.update()
	return l
}

// update rebuilds the rows if the kinds or their counts changed.
func (l *Legend) update() {
	kinds := l.g.Kinds()
	entries := make([]legendEntry, len(kinds))
	for i, k := range kinds {
		entries[i] = legendEntry{k, l.g.KindCount(k)}
	}
	if equalEntries(entries, l.shown) {
		return
	}
	l.shown = entries
	rows := make([]fyne.CanvasObject, len(entries))
	for i, e := range entries {
		rows[i] = legendRow(e)
	}
	l.rows.Objects = rows
	l.rows.Refresh()
}

// equalEntries reports whether a and b list the same kinds and counts.
func equalEntries(a, b []legendEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// legendRow draws one kind: a disc of its colour holding its icon, then its
// name and how many nodes of it are shown.
func legendRow(e legendEntry) fyne.CanvasObject {
	c, icon, name := KindStyle(e.kind)
	disc := canvas.NewCircle(c)
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	side := theme.IconInlineSize() + 4
	swatch := container.New(layout.NewCenterLayout(),
		container.NewGridWrap(fyne.NewSquareSize(side), disc),
		container.NewGridWrap(fyne.NewSquareSize(side*0.65), img))
	text := widget.NewLabel(fmt.Sprintf("%s (%d)", name, e.count))
	return container.NewHBox(swatch, text)
}

// Entries returns the kinds the legend lists, in order, for tests and
// accessibility.
func (l *Legend) Entries() []string {
	out := make([]string, len(l.shown))
	for i, e := range l.shown {
		_, _, name := KindStyle(e.kind)
		out[i] = name
	}
	return out
}

// CreateRenderer is part of fyne.Widget.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.rows)
}
