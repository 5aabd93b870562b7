package app

import (
	"math"
	"testing"

	"reelgraph/app/graphview"
	"reelgraph/app/layout"
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

func TestUndoTakesBackALayout(t *testing.T) {
	u := newTestUI(t)
	var before graphview.State
	still := 0
	eventually(t, "the opening view is at rest", func() bool {
		st := u.view.State()
		if st.Equal(before) {
			still++
		} else {
			still = 0
		}
		before = st
		return still >= 10 // unchanged for 200 ms
	})
	onUI(func() { u.metrics.chooseLayout(layoutRadial) })
	eventually(t, "the nodes are on rings", func() bool {
		st := u.view.State()
		return arrangedAs(st, u.metrics.targets(st))
	})
	onUI(func() { u.Undo() })
	eventually(t, "undo puts the nodes back", func() bool { return u.view.State().Equal(before) })
}
