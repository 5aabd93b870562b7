package app

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

// workspaceVersion is written into every workspace file; files of a newer
// version are refused rather than half understood.
const workspaceVersion = 1

// workspace is a saved view: what the canvas shows, where, pinned and
// expanded, the node it was focused on, the filters, the arrangement and
// what sizes the nodes. It is JSON on disk; files from before Layout and
// SizeBy were saved open with the live force layout and plain sizes.
type workspace struct {
	Version    int             `json:"reelgraphWorkspace"`
	Store      string          `json:"store"` // where the graph was, for the record
	Focused    graph.ID        `json:"focused,omitempty"`
	View       graphview.State `json:"view"`
	Filters    filterState     `json:"filters"`
	Layout     string          `json:"layout,omitempty"`     // one of layoutNames
	LayoutRoot string          `json:"layoutRoot,omitempty"` // what Radial and Hierarchical arrange around
	SizeBy     string          `json:"sizeBy,omitempty"`
}

func writeWorkspace(w io.Writer, ws workspace) error {
	ws.Version = workspaceVersion
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ws)
}

func readWorkspace(r io.Reader) (workspace, error) {
	var ws workspace
	dec := json.NewDecoder(io.LimitReader(r, 256<<20))
	if err := dec.Decode(&ws); err != nil {
		return ws, fmt.Errorf("not a Reelgraph workspace: %w", err)
	}
	switch {
	case ws.Version == 0:
		return ws, errors.New("not a Reelgraph workspace: it has no reelgraphWorkspace version")
	case ws.Version > workspaceVersion:
		return ws, fmt.Errorf("the workspace is version %d; this Reelgraph reads version %d and older", ws.Version, workspaceVersion)
	}
	return ws, nil
}

// currentWorkspace captures the window's view.
func (u *ui) currentWorkspace() workspace {
	ws := workspace{Store: u.ex.Location().String(), Focused: u.focused, View: u.view.State(), Filters: u.filters.state()}
	ws.Layout, ws.LayoutRoot, ws.SizeBy = u.metrics.arrangement()
	return ws
}

// saveWorkspace writes the view to path and remembers it as recent.
func (u *ui) saveWorkspace(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeWorkspace(f, u.currentWorkspace()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	u.rememberWorkspace(path)
	u.setStatus("Saved the view to " + path)
	return nil
}

// openWorkspace shows the view saved at path; the change can be undone.
func (u *ui) openWorkspace(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	ws, err := readWorkspace(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	u.applyWorkspace(ws)
	u.rememberWorkspace(path)
	u.setStatus("Opened the view saved in " + path)
	return nil
}

// applyWorkspace shows ws's view. Nodes the store no longer has are shown
// as saved; selecting one says the store does not know it.
func (u *ui) applyWorkspace(ws workspace) {
	u.model().Visit(string(u.focused), string(ws.Focused))
	u.focused = ws.Focused
	u.metrics.resume(ws.Layout, ws.LayoutRoot, ws.View)
	u.view.Restore(ws.View)
	u.withoutUndo(func() { u.model().SetFilter(ws.Filters) }) // one undo step with the canvas
	u.replayed()
	u.metrics.chooseSize(cmp.Or(ws.SizeBy, sizeNone))
}

const recentKey = "recentWorkspaces"

// recentWorkspaces returns the workspace files used last, newest first.
func (u *ui) recentWorkspaces() []string {
	return fyne.CurrentApp().Preferences().StringList(recentKey)
}

func (u *ui) rememberWorkspace(path string) {
	list := slices.DeleteFunc(u.recentWorkspaces(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > 8 {
		list = list[:8]
	}
	fyne.CurrentApp().Preferences().SetStringList(recentKey, list)
	u.win.SetMainMenu(u.mainMenu())
}

func (u *ui) saveWorkspaceDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if err := u.saveWorkspace(path); err != nil {
			u.fail("Could not save the workspace", err)
		}
	}, u.win)
	d.SetFileName("view.reelgraph.json")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

func (u *ui) openWorkspaceDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if err := u.openWorkspace(path); err != nil {
			u.fail("Could not open the workspace", err)
		}
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}
