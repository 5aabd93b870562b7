package app

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"reelgraph/app/report"
	"reelgraph/app/snapshot"
	"reelgraph/graph"
)

// exportReportDialog asks where to save a briefing report on the view.
func (u *ui) exportReportDialog() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		u.saveReport(path, nil)
	}, u.win)
	d.SetFileName("reelgraph-briefing.html")
	d.Show()
}

// viewReportInput is a report on what the canvas shows, in the canvas's
// own picture: the focus first, then the other nodes in the view's order.
// It runs on the UI goroutine.
func (u *ui) viewReportInput() report.Input {
	sc := u.viewScene()
	title := "Briefing: the view"
	in := report.Input{Caption: sc.Caption}
	if u.focused != "" && u.view.Has(string(u.focused)) {
		title = "Briefing: " + u.ex.Brief(u.focused).Label
		in.Nodes = append(in.Nodes, u.focused)
	}
	for _, n := range sc.Nodes {
		if graph.ID(n.ID) != u.focused {
			in.Nodes = append(in.Nodes, graph.ID(n.ID))
		}
	}
	in.Title = title
	in.Picture = u.viewPNG(sc)
	return in
}

// viewPNG draws the scene at the canvas's size, at 2×; nil if it fails.
func (u *ui) viewPNG(sc snapshot.Scene) []byte {
	size := u.view.Size()
	w, h := int(size.Width), int(size.Height)
	if w < 400 || h < 300 {
		w, h = 1100, 700
	}
	var buf bytes.Buffer
	if err := snapshot.PNG(&buf, sc, w, h, 2); err != nil {
		return nil
	}
	return buf.Bytes()
}

// saveReport writes a report on the view to path (HTML, or Markdown with
// the picture beside it) off the UI goroutine, then says so in the status
// bar; done, if set, is called on the UI goroutine once it is written or
// has failed.
func (u *ui) saveReport(path string, done func(error)) {
	in := u.viewReportInput()
	in.Date = time.Now()
	if ext := filepath.Ext(path); ext != ".html" && ext != ".htm" && ext != ".md" {
		path += ".html"
	}
	u.setStatus("Writing the report…")
	go func() {
		r, err := report.Build(context.Background(), u.ex, in)
		if err == nil {
			err = report.WriteFile(path, r)
		}
		uiDo(func() {
			if err != nil {
				u.setStatus("")
				u.fail("Could not write the report", err)
			} else {
				u.setStatus(fmt.Sprintf("Saved the report on %d nodes as %s", len(in.Nodes), filepath.Base(path)))
			}
			if done != nil {
				done(err)
			}
		})
	}()
}
