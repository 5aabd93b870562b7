package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/graphview"
	"reelgraph/graph"
)

// trustFilter is the Filters tab's part about trust: only facts backed by
// a primary or outlet source, only nodes whose sources disagree.
type trustFilter struct {
	f   *filterPanel
	box fyne.CanvasObject

	backed, disputed         *widget.Check
	backedOnly, disputedOnly bool
	note                     *widget.Label
	addDisputed              *widget.Button

	kind      map[string]graph.SourceKind // source ID -> kind, read with the publishers
	disputes  map[string]bool             // nodes with a disputed property
	disputeIn []graph.ID                  // the same, in the order Disputes gave
	loaded    bool                        // disputes have been read
}

func newTrustFilter(f *filterPanel) *trustFilter {
	t := &trustFilter{f: f, kind: map[string]graph.SourceKind{}, disputes: map[string]bool{}}
	t.backed = widget.NewCheck("Only facts backed by a primary or outlet source", func(on bool) {
		if on != t.backedOnly {
			t.f.u.recordUndo()
			t.backedOnly = on
			t.f.apply()
		}
	})
	t.disputed = widget.NewCheck("Only disputed nodes (sources disagree on a value)", func(on bool) {
		if on != t.disputedOnly {
			t.f.u.recordUndo()
			t.disputedOnly = on
			t.f.apply()
		}
	})
	t.note = widget.NewLabel("")
	t.note.Wrapping = fyne.TextWrapWord
	t.addDisputed = widget.NewButton("Add the disputed nodes to the canvas", t.showDisputed)
	t.addDisputed.Hide()
	t.box = container.NewVBox(heading("Trust"), t.backed, t.disputed, t.note, container.NewHBox(t.addDisputed))
	return t
}

// restore shows a saved state, without recording an undo step.
func (t *trustFilter) restore(st filterState) {
	t.backedOnly, t.disputedOnly = st.Backed, st.Disputed
	t.backed.SetChecked(st.Backed)
	t.disputed.SetChecked(st.Disputed)
}

// keepsEdge hides, when asked, an edge whose source is not primary or
// outlet. A line between two nodes stays while one of its edges does.
func (t *trustFilter) keepsEdge(e graphview.Edge) bool {
	return !t.backedOnly || t.kind[e.Source].Backs()
}

// keepsNode hides, when asked, a node without a disputed property; the
// node the view is centred on and the selected one stay, so that the
// view keeps its bearings and the details panel its subject.
func (t *trustFilter) keepsNode(n graphview.Node) bool {
	if !t.disputedOnly || t.disputes[n.ID] {
		return true
	}
	v := t.f.u.view
	return n.ID == v.Focus() || n.ID == v.Selected()
}

// loadDisputes reads which nodes have a disputed property, off the UI
// goroutine.
func (t *trustFilter) loadDisputes() {
	ds, err := t.f.u.ex.Disputes(context.Background(), "")
	uiDo(func() {
		if err != nil {
			t.note.SetText("Could not read the disputes: " + err.Error())
			return
		}
		clear(t.disputes)
		t.disputeIn = t.disputeIn[:0]
		for _, d := range ds {
			if !t.disputes[string(d.Node)] {
				t.disputes[string(d.Node)] = true
				t.disputeIn = append(t.disputeIn, d.Node)
			}
		}
		t.loaded = true
		if t.disputedOnly {
			t.f.apply()
		} else {
			t.update()
		}
	})
}

// kindsLoaded is called once the sources' kinds are known again.
func (t *trustFilter) kindsLoaded() {
	if t.backedOnly {
		t.f.apply()
	}
}

// update says how many disputed nodes the store and the canvas hold, and
// offers to add those missing from the canvas.
func (t *trustFilter) update() {
	if !t.loaded {
		return
	}
	on := 0
	for id := range t.disputes {
		if t.f.u.view.Has(id) {
			on++
		}
	}
	switch {
	case len(t.disputes) == 0:
		t.note.SetText("No node of the store has a disputed property.")
	default:
		t.note.SetText(fmt.Sprintf("%s of the store %s a disputed property; %d of them %s on the canvas.",
			plural(len(t.disputes), "node"), hasHave(len(t.disputes)), on, isAre(on)))
	}
	if on < len(t.disputes) {
		t.addDisputed.Show()
	} else {
		t.addDisputed.Hide()
	}
}

// showDisputed adds every disputed node to the canvas, with its edges to
// what is there.
func (t *trustFilter) showDisputed() {
	u := t.f.u
	nodes := append([]graph.ID(nil), t.disputeIn...)
	visible := u.visible()
	go func() {
		vn, ve, err := u.among(context.Background(), nodes, visible)
		uiDo(func() {
			if err != nil {
				u.fail("Could not add the disputed nodes", err)
				return
			}
			u.recordUndo()
			u.view.Add(vn, ve, u.view.Focus())
			u.view.Fit() // an added node may have no shown neighbour to stand by
			u.setStatus(fmt.Sprintf("Added %s with a disputed property", plural(len(vn), "node")))
		})
	}()
}

func hasHave(n int) string {
	if n == 1 {
		return "has"
	}
	return "have"
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
