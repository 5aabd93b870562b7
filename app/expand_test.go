package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// TestCrowdedExpansionAsks sets the threshold below Netflix's neighbour
// count: expanding must ask first, and each answer must add what it says.
func TestCrowdedExpansionAsks(t *testing.T) {
	const netflix = graph.ID(startNode)
	for _, tc := range []struct {
		name string
		pick func(c *expandChooser)
		want func(c *expandChooser) int // nodes the expansion adds
	}{
		{"best connected", func(c *expandChooser) { c.mode.SetSelected(chooseTop); c.n.SetText("2") },
			func(*expandChooser) int { return 2 }},
		{"one predicate", func(c *expandChooser) { c.mode.SetSelected(choosePred) },
			func(c *expandChooser) int { return len(c.x.by[c.byName[c.preds.Selected]]) }},
		{"all", func(c *expandChooser) { c.mode.SetSelected(chooseAll) },
			func(c *expandChooser) int { return len(c.x.fresh) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := newTestUI(t)
			const eternaut = "urn:reelgraph:id:the-eternaut"
			onUI(func() {
				// start from The Eternaut alone with Netflix, so Netflix has many new neighbours
				u.view.Remove(u.otherThan(eternaut, string(netflix))...)
				u.expandAsk = 3
				u.expand(netflix)
			})
			settled(t, u, "expanding asks which neighbours to show", func() bool { return u.asking != nil })
			var before, want int
			onUI(func() {
				before = u.view.Len()
				tc.pick(u.asking)
				want = tc.want(u.asking)
				u.asking.choose()
			})
			if want <= 0 {
				t.Fatalf("the choice adds %d nodes", want)
			}
			settled(t, u, "the chosen neighbours join the canvas", func() bool { return u.view.Len() == before+want })
		})
	}
}

func TestSmallExpansionDoesNotAsk(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	onUI(func() { u.expand(id) })
	settled(t, u, "The Eternaut is expanded", func() bool { return u.view.Expanded(id) })
	if u.asking != nil {
		t.Error("expanding a node with few neighbours asked which to show")
	}
}

// otherThan lists the nodes on show except keep.
func (u *ui) otherThan(keep ...string) []string {
	var out []string
	for _, id := range u.view.NodeIDs() {
		if id != keep[0] && (len(keep) < 2 || id != keep[1]) {
			out = append(out, id)
		}
	}
	return out
}

func TestExpandByPredicateAndOpenSource(t *testing.T) {
	u := newTestUI(t)
	const eternaut = graph.ID("urn:reelgraph:id:the-eternaut")
	onUI(func() { u.view.Remove(u.otherThan(string(eternaut), startNode)...) })
	onUI(func() { u.expandByPredicate(startNode) })
	settled(t, u, "the chooser opens on the predicate choice", func() bool {
		return u.asking != nil && u.asking.mode.Selected == choosePred
	})
	onUI(func() { u.showNodeSources(eternaut) })
	var rows, links int
	settled(t, u, "the sources of The Eternaut are listed", func() bool {
		rows, links = 0, 0
		walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widget.Label:
				if strings.HasPrefix(o.Text, "[") {
					rows++
				}
			case *widget.Hyperlink:
				links++
			}
		})
		return rows > 0
	})
	if links != rows {
		t.Errorf("%d sources listed, %d with a link to open; want a link for each", rows, links)
	}
}
