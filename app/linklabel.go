package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// linkLabel is a label that acts when tapped, shortened with an ellipsis
// when its column is narrow, so that long names never widen the panel.
type linkLabel struct {
	widget.Label
	OnTapped func()
}

var (
	_ fyne.Tappable      = (*linkLabel)(nil)
	_ desktop.Cursorable = (*linkLabel)(nil)
)

func newLinkLabel(text string, tapped func()) *linkLabel {
	l := &linkLabel{OnTapped: tapped}
	l.Text = text
	l.Truncation = fyne.TextTruncateEllipsis
	l.TextStyle.Bold = true
	l.ExtendBaseWidget(l)
	return l
}

// Tapped calls OnTapped.
func (l *linkLabel) Tapped(*fyne.PointEvent) {
	if l.OnTapped != nil {
		l.OnTapped()
	}
}

// Cursor shows a pointing hand, as over a link.
func (l *linkLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }
