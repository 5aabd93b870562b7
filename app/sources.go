package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// showSourcesWindow lists every cited document in the store: title,
// publisher, date, how many facts it backs, and a link to open it.
func showSourcesWindow(a fyne.App, srcs []graph.Source) fyne.Window {
	w := a.NewWindow(fmt.Sprintf("Sources (%d)", len(srcs)))
	w.SetContent(newSourcesList(srcs))
	w.Resize(fyne.NewSize(760, 560))
	w.Show()
	return w
}

func newSourcesList(srcs []graph.Source) fyne.CanvasObject {
	facts := 0
	for _, s := range srcs {
		facts += s.Facts
	}
	header := widget.NewLabel(fmt.Sprintf("%d sources back %d facts. Most-cited first.", len(srcs), facts))
	list := widget.NewList(
		func() int { return len(srcs) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("Title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("Publisher, date, facts")
			meta.Importance = widget.LowImportance
			link := widget.NewHyperlink("Open", nil)
			return container.NewBorder(nil, nil, nil, link, container.NewVBox(title, meta))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := srcs[i]
			c := o.(*fyne.Container)
			texts := c.Objects[0].(*fyne.Container)
			texts.Objects[0].(*widget.Label).SetText(s.Title)
			meta := append(nonEmpty(s.Publisher, s.Date), plural(s.Facts, "fact"))
			texts.Objects[1].(*widget.Label).SetText(strings.Join(meta, "  ·  "))
			link := c.Objects[1].(*widget.Hyperlink)
			if u := webURL(s.URL); u != nil {
				link.SetURL(u)
				link.Show()
			} else {
				link.URL = nil
				link.Hide()
			}
		},
	)
	return container.NewBorder(header, nil, nil, nil, list)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
