package app

import (
	"path/filepath"
	"strings"
	"testing"

	"reelgraph/graph"
)

func TestFilterByTypeFromTheLegend(t *testing.T) {
	u := newTestUI(t)
	const sarandos = "urn:reelgraph:id:ted-sarandos"
	onUI(func() { u.filters.legend.OnToggle(string(graph.TypePerson)) })
	var shown bool
	var status string
	var nodes int
	onUI(func() {
		shown = u.view.Shown(sarandos)
		status = u.status.Text
		nodes, _ = u.view.Hidden()
	})
	if shown || !u.view.Has(sarandos) {
		t.Errorf("Ted Sarandos: shown %v, on the canvas %v; want hidden but kept", shown, u.view.Has(sarandos))
	}
	if nodes == 0 || !strings.Contains(status, "hidden by filters") {
		t.Errorf("hidden nodes = %d, status %q; want them counted in the status bar", nodes, status)
	}
	onUI(u.filters.reset)
	onUI(func() { shown = u.view.Shown(sarandos); nodes, _ = u.view.Hidden() })
	if !shown || nodes != 0 {
		t.Errorf("after Show everything: shown %v, hidden %d", shown, nodes)
	}
}

func TestFilterByPublisherAndPredicate(t *testing.T) {
	u := newTestUI(t)
	settled(t, u, "publishers are known", func() bool { return len(u.filters.publisher) > 0 })
	var total int
	onUI(func() {
		total = len(u.view.State().Edges)
		for src := range u.filters.publisher {
			u.filters.offPubs[u.filters.publisherOf(src)] = true
		}
		u.filters.apply()
	})
	var edges int
	onUI(func() { _, edges = u.view.Hidden() })
	if total == 0 || edges != total {
		t.Errorf("with every publisher off, %d of %d facts are hidden", edges, total)
	}
	onUI(func() {
		u.filters.reset()
		u.filters.toggle(u.filters.offPreds, string(graph.VocabNS+"streamedOn"))
	})
	onUI(func() { _, edges = u.view.Hidden() })
	if edges == 0 || edges == total {
		t.Errorf("hiding 'streamed on' hid %d of %d facts", edges, total)
	}
}

func TestUndoFilterAndSaveItInWorkspace(t *testing.T) {
	u := newTestUI(t)
	const sarandos = "urn:reelgraph:id:ted-sarandos"
	onUI(func() { u.filters.toggle(u.filters.offKinds, string(graph.TypePerson)) })
	var shown bool
	onUI(func() { shown = u.view.Shown(sarandos) })
	if shown {
		t.Fatal("hiding people left Ted Sarandos shown")
	}
	path := filepath.Join(t.TempDir(), "w.json")
	var err error
	onUI(func() { err = u.saveWorkspace(path) })
	if err != nil {
		t.Fatal(err)
	}
	onUI(u.Undo)
	onUI(func() { shown = u.view.Shown(sarandos) })
	if !shown {
		t.Error("Undo did not bring the people back")
	}
	onUI(u.Redo)
	onUI(func() { shown = u.view.Shown(sarandos) })
	if shown {
		t.Error("Redo did not hide the people again")
	}
	v := newTestUI(t)
	onUI(func() { err = v.openWorkspace(path) })
	if err != nil {
		t.Fatal(err)
	}
	onUI(func() { shown = v.view.Shown(sarandos) })
	if shown || !v.view.Has(sarandos) {
		t.Error("the reopened workspace lost its filter")
	}
}
