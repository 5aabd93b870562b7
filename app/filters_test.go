package app

import (
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
	eventually(t, "publishers are known", func() bool { return len(u.filters.publisher) > 0 })
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
