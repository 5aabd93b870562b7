package graphview

import (
	"fmt"
	"image/color"
	"slices"

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

	// OnToggle, if set, is called with a kind when its row is tapped.
	OnToggle func(kind string)
	// Off, if set, says which kinds are filtered out: their rows are dimmed.
	Off func(kind string) bool

	g     *GraphView
	rows  *fyne.Container
	texts []*canvas.Text // the rows' texts, recoloured when the theme changes
	shown []legendEntry  // what rows shows, to skip rebuilding it unchanged
}

// legendEntry is one row of a Legend.
type legendEntry struct {
	kind  string
	count int
	off   bool
}

var (
	_ fyne.Widget   = (*Legend)(nil)
	_ fyne.Tappable = (*Legend)(nil)
)

// Tapped toggles the kind of the row under the pointer through OnToggle.
func (l *Legend) Tapped(ev *fyne.PointEvent) {
	if l.OnToggle == nil {
		return
	}
	for i, row := range l.rows.Objects {
		p, s := row.Position(), row.Size()
		top := l.rows.Position().Y + p.Y
		if ev.Position.Y >= top && ev.Position.Y <= top+s.Height && i < len(l.shown) {
			l.OnToggle(l.shown[i].kind)
			l.update()
			return
		}
	}
}

// Refilter redraws the rows after the kinds filtered out changed.
func (l *Legend) Refilter() { l.update() }

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
		entries[i] = legendEntry{k, l.g.KindCount(k), l.Off != nil && l.Off(k)}
	}
	if slices.Equal(entries, l.shown) {
		return
	}
	l.shown = entries
	rows := make([]fyne.CanvasObject, len(entries))
	l.texts = l.texts[:0]
	for i, e := range entries {
		var text *canvas.Text
		rows[i], text = legendRow(l.g.style, e)
		l.texts = append(l.texts, text)
	}
	l.rows.Objects = rows
	l.Refresh()
}

// legendRow draws one kind: a disc of its colour holding its icon, then its
// name and how many nodes of it are shown.
func legendRow(style Style, e legendEntry) (fyne.CanvasObject, *canvas.Text) {
	c, icon, name := style(e.kind)
	disc := canvas.NewCircle(c)
	img := canvas.NewImageFromResource(icon)
	img.FillMode = canvas.ImageFillContain
	side := theme.IconInlineSize()
	swatch := container.New(layout.NewCenterLayout(),
		container.NewGridWrap(fyne.NewSquareSize(side), disc),
		container.NewGridWrap(fyne.NewSquareSize(side*0.65), img))
	label := fmt.Sprintf("%s  %d", name, e.count)
	if e.off {
		label += "  (hidden)"
		disc.FillColor = withAlpha(c, 0.3)
	}
	text := canvas.NewText(label, color.Transparent) // coloured by Refresh
	text.TextSize = theme.CaptionTextSize() + 1
	return container.NewHBox(swatch, container.NewCenter(text)), text
}

// Entries returns the kinds the legend lists, in order, for tests and
// accessibility.
func (l *Legend) Entries() []string {
	out := make([]string, len(l.shown))
	for i, e := range l.shown {
		_, _, name := l.g.style(e.kind)
		out[i] = name
	}
	return out
}

// CreateRenderer is part of fyne.Widget: the rows on a translucent plate,
// so the legend reads when it floats over the graph. An empty legend draws
// nothing.
func (l *Legend) CreateRenderer() fyne.WidgetRenderer {
	plate := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	plate.CornerRadius = theme.InputRadiusSize()
	r := &legendRenderer{l: l, plate: plate}
	r.content = container.NewStack(plate, container.New(layout.NewCustomPaddedLayout(6, 6, 8, 10), l.rows))
	r.Refresh()
	return r
}

// legendRenderer draws a Legend.
type legendRenderer struct {
	l       *Legend
	plate   *canvas.Rectangle
	content *fyne.Container
}

func (r *legendRenderer) Layout(s fyne.Size) { r.content.Resize(s) }

func (r *legendRenderer) MinSize() fyne.Size {
	if len(r.l.shown) == 0 {
		return fyne.Size{}
	}
	return r.content.MinSize()
}

// Refresh follows theme changes and hides an empty legend's plate.
func (r *legendRenderer) Refresh() {
	r.plate.FillColor = withAlpha(theme.ColorForWidget(theme.ColorNameOverlayBackground, r.l), 0.85)
	r.plate.StrokeColor = theme.ColorForWidget(theme.ColorNameSeparator, r.l)
	r.plate.StrokeWidth = 1
	setVisible(r.plate, len(r.l.shown) > 0)
	r.plate.Refresh()
	fg := theme.ColorForWidget(theme.ColorNameForeground, r.l)
	for _, t := range r.l.texts {
		if t.Color != fg {
			t.Color = fg
			t.Refresh()
		}
	}
	r.content.Refresh()
}

func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.content} }

func (r *legendRenderer) Destroy() {}
