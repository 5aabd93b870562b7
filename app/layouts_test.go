package app

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"reelgraph/app/graphview"
	"reelgraph/app/layout"
	"reelgraph/graph"
)

// arrangedAs reports whether every unpinned node of the view stands where
// want puts it.
func arrangedAs(st graphview.State, want map[string]layout.Point) bool {
	for _, n := range st.Nodes {
		p, ok := want[n.ID]
		if !ok || (!n.Pinned && math.Hypot(n.X-p.X, n.Y-p.Y) > 1e-6) {
			return false
		}
	}
	return len(st.Nodes) > 0
}

func TestLayoutChoicesArrangeTheCanvas(t *testing.T) {
	u := newTestUI(t)
	for _, name := range []string{layoutCircular, layoutRadial, layoutHierarchical} {
		t.Run(name, func(t *testing.T) {
			onUI(func() { u.metrics.layoutSel.SetSelected(name) })
			eventually(t, "the nodes stand as "+name+" puts them", func() bool {
				st := u.view.State()
				return arrangedAs(st, u.metrics.targets(st))
			})
		})
	}
}

func TestRadialCentresOnTheSelection(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	onUI(func() {
		u.view.Select(id)
		u.layoutMenuItem().ChildMenu.Items[2].Action() // Radial
	})
	eventually(t, "The Eternaut stands at the centre", func() bool {
		for _, n := range u.view.State().Nodes {
			if n.ID == id {
				return n.X == 0 && n.Y == 0
			}
		}
		return false
	})
}

func TestPinnedNodeStaysWhenArranged(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:ted-sarandos"
	var before graphview.NodeState
	onUI(func() {
		u.view.Pin(id)
		for _, n := range u.view.State().Nodes {
			if n.ID == id {
				before = n
			}
		}
		u.metrics.chooseLayout(layoutCircular)
	})
	eventually(t, "the others are arranged and the pinned node has not moved", func() bool {
		st := u.view.State()
		for _, n := range st.Nodes {
			if n.ID == id && (n.X != before.X || n.Y != before.Y) {
				return false
			}
		}
		return arrangedAs(st, u.metrics.targets(st))
	})
}

func TestExpandingKeepsTheChosenLayout(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	var before int
	var arranged graphview.State
	onUI(func() { u.metrics.chooseLayout(layoutHierarchical) })
	eventually(t, "the nodes are in layers", func() bool {
		arranged = u.view.State()
		return arrangedAs(arranged, u.metrics.targets(arranged))
	})
	onUI(func() {
		before = u.view.Len()
		u.expand(id)
	})
	eventually(t, "the expanded graph is arranged in layers again", func() bool {
		st := u.view.State()
		return len(st.Nodes) > before && arrangedAs(st, u.metrics.targets(st))
	})
	onUI(func() { u.Undo() })
	eventually(t, "undo takes back the expansion in one step, nodes where they were", func() bool {
		return u.view.State().Equal(arranged)
	})
}

func TestForceReturnsToForces(t *testing.T) {
	u := newTestUI(t)
	var arranged graphview.State
	onUI(func() { u.metrics.chooseLayout(layoutCircular) })
	eventually(t, "the nodes are on a circle", func() bool {
		arranged = u.view.State()
		return arrangedAs(arranged, u.metrics.targets(arranged))
	})
	onUI(func() { u.metrics.chooseLayout(layoutForce) })
	eventually(t, "forces move the nodes off the circle", func() bool {
		return !u.view.State().Equal(arranged)
	})
}

// atRest waits until the forces have stopped moving u's nodes, and
// returns the view as they left it.
func atRest(t *testing.T, u *ui) graphview.State {
	var before graphview.State
	still := 0
	eventually(t, "the view is at rest", func() bool {
		st := u.view.State()
		if st.Equal(before) {
			still++
		} else {
			still = 0
		}
		before = st
		return still >= 10 // unchanged for 200 ms
	})
	return before
}

func TestUndoTakesBackALayout(t *testing.T) {
	u := newTestUI(t)
	before := atRest(t, u)
	onUI(func() { u.metrics.chooseLayout(layoutRadial) })
	eventually(t, "the nodes are on rings", func() bool {
		st := u.view.State()
		return arrangedAs(st, u.metrics.targets(st))
	})
	onUI(func() { u.Undo() })
	eventually(t, "undo puts the nodes back", func() bool { return u.view.State().Equal(before) })
}

// TestFiltersLeaveHiddenNodesOutOfLayouts: an arrangement places what the
// analyst sees; nodes the filters hide keep their places, and the Metrics
// tab neither ranks nor counts them.
func TestFiltersLeaveHiddenNodesOutOfLayouts(t *testing.T) {
	u := newTestUI(t)
	person := string(graph.TypePerson)
	before := map[string]graphview.NodeState{}
	for _, n := range atRest(t, u).Nodes {
		before[n.ID] = n
	}
	onUI(func() {
		u.filters.toggle(u.filters.offKinds, person)
		u.metrics.chooseLayout(layoutCircular)
	})
	hidden := 0
	for _, n := range before {
		if n.Kind == person {
			hidden++
		}
	}
	if hidden == 0 || hidden == len(before) {
		t.Fatalf("the opening view has %d people among %d nodes; the test needs some of both", hidden, len(before))
	}
	eventually(t, "the nodes on show stand on a circle of their own; hidden ones have not moved", func() bool {
		all := u.view.State()
		shown := u.metrics.onShow(all)
		ids, adj := canvasGraph(shown)
		if len(shown.Nodes) != len(before)-hidden || !arrangedAs(shown, layout.Circular(ids, adj, arrangeGap)) {
			return false
		}
		for _, n := range all.Nodes {
			if n.Kind == person && (n.X != before[n.ID].X || n.Y != before[n.ID].Y) {
				return false
			}
		}
		return true
	})
	onUI(func() {
		for _, r := range u.metrics.top {
			if before[r.id].Kind == person {
				t.Errorf("the Metrics tab ranks %s, whom the filters hide", r.label)
			}
		}
		if h := u.metrics.heading.Text; !strings.Contains(h, fmt.Sprintf("of %d entities on show", len(before)-hidden)) ||
			!strings.Contains(h, fmt.Sprintf("%d hidden by the filters", hidden)) {
			t.Errorf("Metrics heading = %q", h)
		}
		u.filters.toggle(u.filters.offKinds, person)
	})
	eventually(t, "people back on show take places in the circle", func() bool {
		st := u.view.State()
		return arrangedAs(st, u.metrics.targets(st))
	})
}
