package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

	"reelgraph/app/task"
	"reelgraph/graph"
)

// showNodeSources lists the sources a node's statements and links cite,
// each with a link that opens it in the browser.
func (u *ui) showNodeSources(id graph.ID) {
	task.Go(u.tasks, "node sources", "Could not read the sources of "+u.ex.Brief(id).Label, func(ctx context.Context) (graph.Details, error) {
		return u.ex.Details(ctx, id, 1)
	}, func(d graph.Details) {
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
}
