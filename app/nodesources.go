package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"reelgraph/graph"
)

// showNodeSources lists the sources a node's statements and links cite,
// each with a link that opens it in the browser.
func (u *ui) showNodeSources(id graph.ID) {
	go func() {
		d, err := u.ex.Details(context.Background(), id, 1)
		uiDo(func() {
			if err != nil {
				u.fail("Could not read the sources of "+u.ex.Brief(id).Label, err)
				return
			}
			u.lastSources = d.Cited
			if len(d.Cited) == 0 {
				dialog.ShowInformation("Sources", d.Label+" cites no source.", u.win)
				return
			}
			rows := container.NewVBox()
			for i, src := range d.Cited {
				rows.Add(sourceRow(i+1, src))
			}
			scroll := container.NewVScroll(rows)
			scroll.SetMinSize(fyne.NewSize(520, 320))
			dialog.ShowCustom(fmt.Sprintf("Sources of %s (%d)", d.Label, len(d.Cited)), "Close", scroll, u.win)
		})
	}()
}
