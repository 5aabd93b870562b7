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

// TestUndoProperty applies random sequences of view changes, taking a State
// before each as an undo stack would, then undoes them all: the view must
// be exactly as it started.
func TestUndoProperty(t *testing.T) {
	for seed := uint64(1); seed <= 30; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			g, _ := newTestView(t)
			star(g)
			var undo []State
			g.OnBeforeChange = func() { undo = append(undo, g.State()) }
			initial := g.State()
			undo = undo[:0]
			r := rand.New(rand.NewPCG(seed, 7))
			next := 0
			for step := 0; step < 25; step++ {
				randomChange(g, r, &next)
			}
			for len(undo) > 0 {
				g.Restore(undo[len(undo)-1])
				undo = undo[:len(undo)-1]
			}
			if got := g.State(); !got.Equal(initial) {
				t.Errorf("after undoing everything\n got %+v\nwant %+v", got, initial)
			}
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
