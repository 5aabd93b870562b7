package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// hub returns the details of a node with one group of total neighbours,
// listing the first n.
func hub(total, n int) graph.Details {
	g := graph.NeighborGroup{Predicate: "urn:p", PredicateLabel: "member of", Dir: graph.In, Total: total}
	for i := range n {
		g.Neighbors = append(g.Neighbors, graph.Neighbor{ID: graph.ID(fmt.Sprintf("urn:m:%d", i)), Label: fmt.Sprintf("Member %d", i)})
	}
	return graph.Details{Node: graph.Node{ID: "urn:hub", Label: "Hub"}, Groups: []graph.NeighborGroup{g}}
}

// TestDetailsPagesAHugeGroup: "more" lists a supernode's neighbours a page
// at a time, keeps the panel where it was scrolled, and stops offering
// more once a group lists maxGroupRows.
func TestDetailsPagesAHugeGroup(t *testing.T) {
	var asked []int
	var d *detailsPanel
	var w fyne.Window
	onUI(func() {
		d = newDetailsPanel()
		d.OnMore = func(id graph.ID, limit int) {
			if id != "urn:hub" {
				t.Errorf("OnMore for %s, want urn:hub", id)
			}
			asked = append(asked, limit)
		}
		w = test.NewWindow(d)
		w.Resize(fyne.NewSize(400, 600))
	})
	defer onUI(w.Close)
	button := func() *widget.Button {
		var b *widget.Button
		for _, o := range test.LaidOutObjects(d.scroll.Content) {
			if x, ok := o.(*widget.Button); ok {
				b = x
			}
		}
		return b
	}
	onUI(func() { d.ShowDetails(hub(45000, perGroup)) })
	onUI(func() {
		b := button()
		if b == nil || b.Text != fmt.Sprintf("Show %d more of %d", morePage, 45000-perGroup) {
			t.Fatalf("more button = %v", b)
		}
		test.Tap(b)
	})
	if len(asked) != 1 || asked[0] != perGroup+morePage {
		t.Fatalf("OnMore limits = %v, want [%d]", asked, perGroup+morePage)
	}
	onUI(func() {
		d.scroll.ScrollToOffset(fyne.NewPos(0, 500))
		d.ShowDetails(hub(45000, perGroup+morePage))
		if d.scroll.Offset.Y != 500 {
			t.Errorf("showing more of the same node scrolled to %v, want it to stay at 500", d.scroll.Offset.Y)
		}
		d.ShowDetails(hub(210, 200))
		if b := button(); b == nil || b.Text != "+10 more" {
			t.Errorf("the last page's button = %v, want +10 more", b)
		}
		d.ShowDetails(hub(45000, maxGroupRows))
		if b := button(); b != nil {
			t.Errorf("at %d rows the panel still offers %q", maxGroupRows, b.Text)
		}
		found := false
		for _, o := range test.LaidOutObjects(d.scroll.Content) {
			if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, fmt.Sprintf("%d more not listed here", 45000-maxGroupRows)) {
				found = true
			}
		}
		if !found {
			t.Error("no note says how many are not listed")
		}
		d.ShowDetails(graph.Details{Node: graph.Node{ID: "urn:other", Label: "Other"}})
		if d.scroll.Offset.Y != 0 {
			t.Errorf("another node's details start at %v, want the top", d.scroll.Offset.Y)
		}
	})
}
