package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/task"
	"reelgraph/data"
	"reelgraph/graph"
)

// Scopes the export dialog offers.
const (
	scopeView      = "The nodes on the canvas"
	scopeSelection = "The selected node"
	scopeHops      = "The selected node's neighbourhood"
	scopeAll       = "The whole store"
	scopePaths     = "The nodes of the paths found"
)

// exportDialog holds the export dialog's state.
type exportDialog struct {
	scope  *widget.RadioGroup
	hops   *widget.Entry
	format *widget.Select
	titles map[string]string // format title -> name
}

func newExportDialog(hasSelection bool) *exportDialog {
	ed := &exportDialog{titles: make(map[string]string)}
	var titles []string
	for _, f := range data.Formats {
		if f.Export {
			titles = append(titles, f.Title)
			ed.titles[f.Title] = f.Name
		}
	}
	ed.format = widget.NewSelect(titles, nil)
	ed.format.SetSelected("GraphML")
	ed.hops = widget.NewEntry()
	ed.hops.SetText("1")
	ed.scope = widget.NewRadioGroup([]string{scopeView, scopeSelection, scopeHops, scopeAll}, nil)
	ed.scope.SetSelected(scopeView)
	if !hasSelection {
		ed.scope.SetSelected(scopeView)
	}
	return ed
}

// scopeOf turns the dialog's choice into a graph.Scope.
func (ed *exportDialog) scopeOf(visible []graph.ID, selected graph.ID) (graph.Scope, error) {
	switch ed.scope.Selected {
	case scopePaths:
		return graph.Scope{Nodes: visible}, nil
	case scopeAll:
		return graph.Scope{All: true}, nil
	case scopeSelection, scopeHops:
		if selected == "" {
			return graph.Scope{}, fmt.Errorf("no node is selected; click one on the canvas first")
		}
		if ed.scope.Selected == scopeSelection {
			return graph.Scope{Nodes: []graph.ID{selected}}, nil
		}
		hops, err := strconv.Atoi(ed.hops.Text)
		if err != nil || hops < 0 {
			return graph.Scope{}, fmt.Errorf("the number of hops must be a whole number, 0 or more")
		}
		return graph.Scope{From: selected, Hops: hops}, nil
	}
	if len(visible) == 0 {
		return graph.Scope{}, fmt.Errorf("the canvas is empty; search for a node first")
	}
	return graph.Scope{Nodes: visible}, nil
}

// chooseExport asks what to export and where, then writes it.
func (u *ui) chooseExport() { u.chooseExportOf("", nil) }

// chooseExportOf opens the export dialog with preset chosen (one of the
// scopes; "" for the nodes on the canvas). Non-nil nodes stand in for the
// canvas's nodes, as when exporting found paths.
func (u *ui) chooseExportOf(preset string, nodes []graph.ID) {
	if u.porter() == nil {
		return
	}
	selected := graph.ID(u.view.Selected())
	visible := nodes
	if visible == nil {
		for _, id := range u.view.NodeIDs() {
			visible = append(visible, graph.ID(id))
		}
	}
	ed := newExportDialog(selected != "")
	if preset != "" {
		ed.scope.SetSelected(preset)
	}
	if nodes != nil {
		ed.scope.Options[0] = scopePaths
		ed.scope.SetSelected(scopePaths)
	}
	form := widget.NewForm(
		widget.NewFormItem("Export", ed.scope),
		widget.NewFormItem("Hops", ed.hops),
		widget.NewFormItem("Format", ed.format),
	)
	dialog.ShowCustomConfirm("Export", "Choose file…", "Cancel", form, func(ok bool) {
		if !ok {
			return
		}
		sc, err := ed.scopeOf(visible, selected)
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		u.askExportPath(ed.titles[ed.format.Selected], sc)
	}, u.win)
}

// askExportPath asks where to write (a folder for CSV) and writes there.
func (u *ui) askExportPath(format string, sc graph.Scope) {
	if format == data.CSV {
		dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				u.runExport(sc, format, dir.Path())
			}
		}, u.win)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		w.Close()
		u.runExport(sc, format, w.URI().Path())
	}, u.win)
	d.SetFileName("reelgraph" + data.FormatByName(format).Ext[0])
	d.Show()
}

// runExport writes the scope off the UI goroutine and says how it went.
func (u *ui) runExport(sc graph.Scope, format, path string) {
	u.setStatus("Exporting to " + filepath.Base(path) + "…")
	task.Go(u.tasks, "", "", func(ctx context.Context) (exported, error) {
		n, err := u.export(ctx, sc, format, path)
		return exported{n, err}, nil
	}, func(e exported) {
		u.setStatus("")
		if e.err != nil {
			dialog.ShowError(fmt.Errorf("nothing was exported: %w", e.err), u.win)
			return
		}
		dialog.ShowInformation("Export finished", fmt.Sprintf("%s quads written to %s.", thousands(int64(e.n)), path), u.win)
	})
}

// exported is how an export went: the quads written, or why none were.
type exported struct {
	n   int
	err error
}

// export writes the scope to path in format; see exportTo.
func (u *ui) export(ctx context.Context, sc graph.Scope, format, path string) (int, error) {
	return exportTo(ctx, u.porter(), sc, format, path)
}
