package graphview

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
)

func TestRestoreGivesBackTheState(t *testing.T) {
	g, _ := newTestView(t)
	star(g)
	g.Pin("a")
	g.Select("b")
	before := g.State()
	g.Add([]Node{n("d", "")}, []Edge{e("c", "d")}, "c")
	g.Remove("a")
	if g.State().Equal(before) {
		t.Fatal("the changes changed nothing")
	}
	g.Restore(before)
	if got := g.State(); !got.Equal(before) {
		t.Errorf("after Restore\n got %+v\nwant %+v", got, before)
	}
	if !g.Pinned("a") || g.Selected() != "b" || g.Focus() != "hub" || !g.Expanded("hub") {
		t.Errorf("pins, selection, focus or expansion were not restored")
	}
}

// TestUndoProperty applies random sequences of view changes, then undoes
// them all with the model's history: the view must be exactly as it
// started, and its drawing must match the model.
func TestUndoProperty(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			g, _ := newTestView(t)
			star(g)
			initial := g.State()
			steps, _ := g.Model().Steps()
			r := rand.New(rand.NewPCG(seed, 7))
			next := 0
			for step := 0; step < 25; step++ {
				randomChange(g, r, &next)
			}
			for n, _ := g.Model().Steps(); n > steps; n, _ = g.Model().Steps() {
				g.Undo()
			}
			if got := g.State(); !got.Equal(initial) {
				t.Errorf("after undoing everything\n got %+v\nwant %+v", got, initial)
			}
			drawnAsModelled(t, g)
		})
	}
}

// randomChange makes one change a person could make: expand, collapse,
// hide, pin, unpin or move.
func randomChange(g *GraphView, r *rand.Rand, next *int) {
	shown := g.NodeIDs()
	if len(shown) == 0 {
		star(g)
		return
	}
	pick := shown[r.IntN(len(shown))]
	switch r.IntN(8) {
	case 0, 1: // expand with new and existing neighbours
		*next++
		fresh := fmt.Sprintf("n%d", *next)
		other := shown[r.IntN(len(shown))]
		g.Add([]Node{n(fresh, Vocab+"Event")}, []Edge{e(pick, fresh), e(fresh, other)}, pick)
	case 2:
		g.Collapse(pick)
	case 3:
		g.Remove(pick)
	case 4:
		g.Pin(pick)
	case 5:
		g.Unpin(pick)
	case 6: // drag a node somewhere
		p, _ := g.screenPos(pick)
		to := p.AddXY(30, -20)
		g.Dragged(&fyne.DragEvent{PointEvent: *pointAt(to), Dragged: fyne.NewDelta(30, -20)})
		g.DragEnd()
	case 7:
		g.Remove(pick, shown[r.IntN(len(shown))])
	}
}

// drawnAsModelled checks that the drawing shows the model: the same nodes
// in the same order, pins, expansions, focus, selection and edges.
func drawnAsModelled(t *testing.T, g *GraphView) {
	t.Helper()
	ids := g.Model().NodeIDs()
	if len(ids) != len(g.order) {
		t.Fatalf("drawn %d nodes, the model has %d", len(g.order), len(ids))
	}
	for i, id := range ids {
		v := g.order[i]
		if v.ID != id || v.pinned != g.Model().Pinned(id) || v.expanded != g.Model().Expanded(id) {
			t.Errorf("node %d: drawn %s pinned %v expanded %v; the model has %s pinned %v expanded %v",
				i, v.ID, v.pinned, v.expanded, id, g.Model().Pinned(id), g.Model().Expanded(id))
		}
	}
	drawn := 0
	for _, e := range g.edges {
		drawn += len(e.preds)
	}
	if drawn != len(g.Model().Edges()) || g.focus != g.Model().Focus() || g.selected != g.Model().Selected() {
		t.Errorf("drawn %d edges, focus %q, selection %q; the model has %d, %q, %q", drawn, g.focus, g.selected,
			len(g.Model().Edges()), g.Model().Focus(), g.Model().Selected())
	}
}
