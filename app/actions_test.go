package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

func viewState(u *ui) (st graphview.State) {
	onUI(func() { st = u.view.State() })
	return st
}

// shape is a State without positions, which move while the layout
// animates: graphview's own tests check that Restore puts nodes back exactly.
func shape(st graphview.State) graphview.State {
	for i := range st.Nodes {
		st.Nodes[i].X, st.Nodes[i].Y = 0, 0
	}
	return st
}

func TestUndoRedoExpand(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	before := viewState(u)
	onUI(func() { u.expand(id) })
	settled(t, u, "The Eternaut is expanded", func() bool { return u.view.Expanded(id) })
	expanded := viewState(u)

	onUI(u.Undo)
	if got := viewState(u); !shape(got).Equal(shape(before)) {
		t.Errorf("Undo did not restore the view before the expansion: %d nodes, want %d", len(got.Nodes), len(before.Nodes))
	}
	onUI(u.Redo)
	if got := viewState(u); !shape(got).Equal(shape(expanded)) {
		t.Errorf("Redo did not bring the expansion back: %d nodes, want %d", len(got.Nodes), len(expanded.Nodes))
	}
}

func TestUndoByShortcut(t *testing.T) {
	u := newTestUI(t)
	before := viewState(u)
	onUI(func() { u.view.Remove("urn:reelgraph:id:the-eternaut") })
	if shape(viewState(u)).Equal(shape(before)) {
		t.Fatal("hiding a node changed nothing")
	}
	typeShortcut(u, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault})
	if got := viewState(u); !shape(got).Equal(shape(before)) {
		t.Error("Ctrl+Z did not bring the hidden node back")
	}
	typeShortcut(u, &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	if shape(viewState(u)).Equal(shape(before)) {
		t.Error("Ctrl+Shift+Z did not hide the node again")
	}
}

// typeShortcut presses a shortcut on the window's canvas.
func typeShortcut(u *ui, s fyne.Shortcut) {
	onUI(func() { u.win.Canvas().(interface{ TypedShortcut(fyne.Shortcut) }).TypedShortcut(s) })
}

func TestBackForward(t *testing.T) {
	u := newTestUI(t)
	const eternaut = graph.ID("urn:reelgraph:id:the-eternaut")
	onUI(func() { u.focus(eternaut) })
	settled(t, u, "The Eternaut is focused", func() bool { return u.view.Focus() == string(eternaut) })
	onUI(u.Back)
	settled(t, u, "Back returns to Netflix", func() bool { return u.view.Focus() == startNode })
	onUI(u.Forward)
	settled(t, u, "Forward returns to The Eternaut", func() bool { return u.view.Focus() == string(eternaut) })
}

func TestWorkspaceRoundTrip(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	onUI(func() { u.expand(id) })
	settled(t, u, "The Eternaut is expanded", func() bool { return u.view.Expanded(id) })
	onUI(func() {
		u.view.Pin("urn:reelgraph:id:netflix")
		u.view.Select(id)
	})
	path := filepath.Join(t.TempDir(), "view.reelgraph.json")
	var err error
	onUI(func() { err = u.saveWorkspace(path) })
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := readWorkspace(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	saved := ws.View
	if len(saved.Nodes) < 5 || saved.Selected != id || ws.Focused != startNode {
		t.Fatalf("the saved workspace holds %d nodes, selection %q, focus %q", len(saved.Nodes), saved.Selected, ws.Focused)
	}

	v := newTestUI(t) // a second window, as after a restart
	onUI(func() { err = v.openWorkspace(path) })
	if err != nil {
		t.Fatal(err)
	}
	if got := viewState(v); !got.Equal(saved) {
		t.Errorf("the reopened workspace differs: %d nodes, want %d", len(got.Nodes), len(saved.Nodes))
	}
	settled(t, v, "the selection's details show", func() bool { return v.details.Shown().ID == id })
	var recent []string
	onUI(func() { recent = v.recentWorkspaces() })
	if len(recent) == 0 || recent[0] != path {
		t.Errorf("recent workspaces = %v, want %s first", recent, path)
	}
}

func TestReadWorkspaceRefusesOtherFiles(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"not json", "hello", "not a Reelgraph workspace"},
		{"other json", `{"nodes": []}`, "no reelgraphWorkspace version"},
		{"newer", `{"reelgraphWorkspace": 99}`, "version 99"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readWorkspace(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to say %q", err, tc.want)
			}
		})
	}
	var buf bytes.Buffer
	ws := workspace{Store: "memory", Focused: "urn:x", View: graphview.State{Focus: "urn:x"}}
	if err := writeWorkspace(&buf, ws); err != nil {
		t.Fatal(err)
	}
	got, err := readWorkspace(&buf)
	if err != nil || got.Focused != "urn:x" || got.View.Focus != "urn:x" {
		t.Errorf("round trip = %+v, %v", got, err)
	}
}

// TestWorkspaceKeepsTheArrangement: a workspace saved under a fixed layout
// and sizes opens with them chosen, nodes where they were saved, and the
// layout goes on placing what an expansion brings.
func TestWorkspaceKeepsTheArrangement(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.metrics.chooseLayout(layoutCircular)
		u.metrics.chooseSize(sizePageRank)
	})
	eventually(t, "the nodes are on a circle", func() bool {
		st := u.view.State()
		return arrangedAs(st, u.metrics.targets(st))
	})
	path := filepath.Join(t.TempDir(), "circle.reelgraph.json")
	var err error
	var saved graphview.State
	onUI(func() {
		saved = u.view.State()
		err = u.saveWorkspace(path)
	})
	if err != nil {
		t.Fatal(err)
	}

	v := newTestUI(t)
	onUI(func() { err = v.openWorkspace(path) })
	if err != nil {
		t.Fatal(err)
	}
	onUI(func() {
		if v.metrics.layout != layoutCircular || v.metrics.layoutSel.Selected != layoutCircular ||
			v.metrics.sizeBy != sizePageRank || v.metrics.sizeSel.Selected != sizePageRank {
			t.Errorf("reopened with layout %q (%q shown), sizes by %q (%q shown); want Circular and PageRank",
				v.metrics.layout, v.metrics.layoutSel.Selected, v.metrics.sizeBy, v.metrics.sizeSel.Selected)
		}
	})
	if got := viewState(v); !got.Equal(saved) {
		t.Error("the reopened view is not as saved")
	}
	const id = "urn:reelgraph:id:the-eternaut"
	onUI(func() { v.expand(id) })
	eventually(t, "the expansion is placed on the circle too", func() bool {
		st := v.view.State()
		return v.view.Expanded(id) && len(st.Nodes) > len(saved.Nodes) && arrangedAs(st, v.metrics.targets(st))
	})
}
