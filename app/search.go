package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/app/task"
	"reelgraph/graph"
)

// suggestions is how many matches the search box offers.
const suggestions = 12

// searchBox is an entry that offers matching nodes as the analyst types.
// Enter, or a click on a suggestion, calls OnChosen.
type searchBox struct {
	widget.Entry

	// OnChosen is called on the UI goroutine with the node the analyst picked.
	OnChosen func(id graph.ID)

	ex       Explorer
	tasks    *task.Runner    // drops the answers of all but the newest query
	dropdown *fyne.Container // the suggestions, floating below the entry
	list     *widget.List

	results []graph.Node
	cursor  int // highlighted suggestion
	lastFor string
}

var (
	_ fyne.Focusable = (*searchBox)(nil)
	_ fyne.Widget    = (*searchBox)(nil)
)

func newSearchBox(ex Explorer, tasks *task.Runner) *searchBox {
	s := &searchBox{ex: ex, tasks: tasks}
	s.ExtendBaseWidget(s)
	s.SetPlaceHolder("Search nodes by name or alias (Ctrl+F)")
	s.list = widget.NewList(
		func() int {
			if len(s.results) == 0 && s.lastFor != "" {
				return 1 // "nothing matches"
			}
			return len(s.results)
		},
		newSuggestionRow,
		func(i widget.ListItemID, o fyne.CanvasObject) { s.fillRow(i, o) },
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		s.list.UnselectAll()
		s.choose(i)
	}
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameShadow)
	bg.StrokeWidth = 1
	s.dropdown = container.New(&dropdownLayout{s}, container.NewStack(bg, s.list))
	s.dropdown.Hide()
	s.Entry.OnChanged = s.query
	s.Entry.OnSubmitted = func(string) { s.choose(s.cursor) }
	return s
}

// TypedKey moves through the suggestions with the arrow keys and closes
// them with Escape; other keys edit the text.
func (s *searchBox) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		s.moveCursor(1)
	case fyne.KeyUp:
		s.moveCursor(-1)
	case fyne.KeyEscape:
		s.dropdown.Hide()
	default:
		s.Entry.TypedKey(k)
	}
}

func (s *searchBox) moveCursor(by int) {
	if len(s.results) == 0 {
		return
	}
	s.cursor = (s.cursor + by + len(s.results)) % len(s.results)
	s.list.ScrollTo(s.cursor)
	s.list.Refresh()
}

// query looks text up off the UI goroutine and shows the answer, unless a
// newer query has started meanwhile. A failed search offers nothing.
func (s *searchBox) query(text string) {
	if strings.TrimSpace(text) == "" {
		s.tasks.Cancel("search")
		s.show(nil, "")
		return
	}
	task.Go(s.tasks, "search", "", func(ctx context.Context) ([]graph.Node, error) {
		nodes, err := s.ex.Search(ctx, text, suggestions)
		if errors.Is(err, context.Canceled) {
			return nil, err
		}
		if err != nil {
			nodes = nil
		}
		return nodes, nil
	}, func(nodes []graph.Node) { s.show(nodes, text) })
}

// show replaces the suggestions; nil hides them, unless text is set, when
// the list says that nothing matched.
func (s *searchBox) show(nodes []graph.Node, text string) {
	s.results, s.cursor, s.lastFor = nodes, 0, text
	if text == "" {
		s.dropdown.Hide()
		return
	}
	s.list.Refresh()
	s.dropdown.Show()
	s.dropdown.Refresh()
}

// Dismiss hides the suggestions.
func (s *searchBox) Dismiss() { s.dropdown.Hide() }

// Dropdown is the suggestion list. The window stacks it over the content
// below the entry, rather than in a pop-up overlay, so that the entry keeps
// the keyboard while the analyst types.
func (s *searchBox) Dropdown() fyne.CanvasObject { return s.dropdown }

// dropdownLayout places the suggestions at the top left of their area, as
// wide as the entry and as tall as the rows need.
type dropdownLayout struct{ s *searchBox }

func (l *dropdownLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rows := len(l.s.results)
	if rows == 0 {
		rows = 1
	}
	row := newSuggestionRow().MinSize().Height + theme.Padding()
	h := fyne.Min(row*float32(rows)+theme.Padding(), size.Height)
	w := fyne.Min(fyne.Max(l.s.Size().Width, 360), size.Width)
	for _, o := range objs {
		o.Move(fyne.NewPos(theme.Padding(), 0))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (l *dropdownLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }

func (s *searchBox) choose(i int) {
	if i < 0 || i >= len(s.results) {
		return
	}
	id := s.results[i].ID
	s.dropdown.Hide()
	if s.OnChosen != nil {
		s.OnChosen(id)
	}
}

// Results returns the suggestions on show, for tests.
func (s *searchBox) Results() []graph.Node { return s.results }

func newSuggestionRow() fyne.CanvasObject {
	swatch := canvas.NewCircle(theme.Color(theme.ColorNamePrimary))
	swatch.Resize(fyne.NewSize(12, 12))
	label := widget.NewLabel("Suggestion")
	label.Truncation = fyne.TextTruncateEllipsis
	kind := widget.NewLabel("Type")
	kind.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), swatch)), kind, label)
}

func (s *searchBox) fillRow(i int, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	label := c.Objects[0].(*widget.Label)
	swatch := c.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
	kind := c.Objects[2].(*widget.Label)
	if len(s.results) == 0 {
		label.SetText(fmt.Sprintf("Nothing is named like “%s”", s.lastFor))
		kind.SetText("")
		swatch.FillColor = theme.Color(theme.ColorNameDisabled)
		swatch.Refresh()
		return
	}
	n := s.results[i]
	label.TextStyle.Bold = i == s.cursor
	label.SetText(n.Label)
	typ := ""
	if len(n.Types) > 0 {
		typ = string(n.Types[0])
	}
	col, _, name := graphview.KindStyle(typ)
	if len(n.Types) > 0 {
		name = s.ex.Brief(n.Types[0]).Label
	}
	kind.SetText(name)
	swatch.FillColor = col
	swatch.Refresh()
}
