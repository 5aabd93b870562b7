package explore

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func n(id string) Node { return Node{ID: id, Label: id} }

func e(from, to string) Edge { return Edge{From: from, To: to, Predicate: "p", Label: "p"} }

// star is a hub with three neighbours, b linked to c.
func star(m *Model) {
	m.SetGraph([]Node{n("hub"), n("a"), n("b"), n("c")},
		[]Edge{e("hub", "a"), e("hub", "b"), e("hub", "c"), e("b", "c")}, "hub")
}

func TestSetGraphRecordsWhoBroughtWhom(t *testing.T) {
	m := New(0)
	star(m)
	if !m.Expanded("hub") || m.Focus() != "hub" || m.Len() != 4 || len(m.Edges()) != 4 {
		t.Fatalf("got expanded %v, focus %q, %d nodes, %d edges; want hub expanded and focused, 4 and 4",
			m.Expanded("hub"), m.Focus(), m.Len(), len(m.Edges()))
	}
	for _, id := range []string{"a", "b", "c"} {
		if _, p, _ := m.Node(id); p.BroughtBy != "hub" {
			t.Errorf("%s brought by %q, want hub", id, p.BroughtBy)
		}
	}
}

func TestCollapseKeepsWhatHoldsOn(t *testing.T) {
	m := New(0)
	star(m)
	m.Add([]Node{n("d"), n("e")}, []Edge{e("a", "d"), e("a", "e"), e("e", "b")}, "a")
	m.Collapse("a")
	for id, want := range map[string]bool{"d": false, "e": true, "a": true} {
		if m.Has(id) != want {
			t.Errorf("after collapsing a, Has(%s) = %v, want %v (e is linked to b)", id, m.Has(id), want)
		}
	}
	if m.Expanded("a") {
		t.Error("a is still expanded")
	}
}

func TestUndoRedoOneStep(t *testing.T) {
	m := New(0)
	star(m)
	m.Select("b")
	before := m.State()
	c := m.Add([]Node{n("d")}, []Edge{e("c", "d")}, "c")
	if c.Empty() {
		t.Fatal("Add changed nothing")
	}
	after := m.State()
	m.Select("d")
	if _, ok := m.Undo(); !ok || !m.State().Equal(before) {
		t.Errorf("after Undo\n got %+v\nwant %+v", m.State(), before)
	}
	if _, ok := m.Redo(); !ok || !m.State().Equal(after) {
		t.Errorf("after Redo\n got %+v\nwant %+v", m.State(), after)
	}
	if !m.Add([]Node{n("d")}, nil, "").Empty() {
		t.Error("adding what is there is a step")
	}
}

func TestHistoryLimit(t *testing.T) {
	m := New(3)
	for i := range 5 {
		m.Add([]Node{n(fmt.Sprint(i))}, nil, "")
	}
	undone := 0
	for m.CanUndo() {
		m.Undo()
		undone++
	}
	if undone != 3 || m.Len() != 2 {
		t.Errorf("undid %d steps leaving %d nodes, want 3 and 2", undone, m.Len())
	}
}

// TestUndoProperty replays random sequences of edits and undoes them all:
// the model must be exactly as it started; redoing them all must give the
// end again.
func TestUndoProperty(t *testing.T) {
	for seed := uint64(1); seed <= 200; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			m := New(0)
			star(m)
			m.undo = m.undo[:0] // start from a model with no history
			start, startFilter := m.State(), m.Filter()
			r := rand.New(rand.NewPCG(seed, 11))
			next := 0
			endSel := ""
			for range 40 {
				if m.CanUndo() && r.IntN(3) == 0 { // the layout moves some nodes after a step
					at := map[string][2]float64{}
					for _, id := range m.NodeIDs() {
						if r.IntN(2) == 0 {
							at[id] = [2]float64{r.Float64() * 50, r.Float64() * 50}
						}
					}
					m.Settle(at)
				}
				if randomEdit(m, r, &next).Empty() {
					continue
				}
				endSel = m.Selected()
				if ids := m.NodeIDs(); len(ids) > 0 { // the analyst clicks about between edits
					m.Select(ids[r.IntN(len(ids))])
				}
			}
			end, endFilter := m.State(), m.Filter()
			end.Selected = endSel // Redo returns to the selection of the step
			for m.CanUndo() {
				m.Undo()
			}
			if got := m.State(); !got.Equal(start) || !m.Filter().Equal(startFilter) {
				t.Fatalf("after undoing everything\n got %+v %+v\nwant %+v %+v", got, m.Filter(), start, startFilter)
			}
			for m.CanRedo() {
				m.Redo()
			}
			if got := m.State(); !got.Equal(end) || !m.Filter().Equal(endFilter) {
				t.Fatalf("after redoing everything\n got %+v %+v\nwant %+v %+v", got, m.Filter(), end, endFilter)
			}
		})
	}
}

// randomEdit makes one edit an analyst could make, on a random node.
func randomEdit(m *Model, r *rand.Rand, next *int) Change {
	ids := m.NodeIDs()
	pick := func() string {
		if len(ids) == 0 {
			return "none"
		}
		return ids[r.IntN(len(ids))]
	}
	switch r.IntN(11) {
	case 9: // an arrangement following the last step is undone with it
		var c Change
		m.Amend(func() { c = m.Move(pick(), r.Float64()*100, r.Float64()*100) })
		return c
	case 10: // a node already there gets the label it lacked
		id := pick()
		if nd, _, ok := m.Node(id); ok && r.IntN(2) == 0 {
			return m.Add([]Node{{ID: id, Label: nd.Label + "!", Kind: "k"}}, nil, "")
		}
		*next++
		return m.Add([]Node{{ID: fmt.Sprint("n", *next)}}, nil, "")
	case 0, 1:
		near := pick()
		var nodes []Node
		var edges []Edge
		for range 1 + r.IntN(3) {
			*next++
			id := fmt.Sprint("n", *next)
			nodes = append(nodes, n(id))
			edges = append(edges, e(near, id))
			if r.IntN(2) == 0 {
				edges = append(edges, e(id, pick()))
			}
		}
		return m.Add(nodes, edges, near)
	case 2:
		return m.Collapse(pick())
	case 3:
		return m.Remove(pick())
	case 4:
		return m.Pin(pick(), r.Float64()*100, r.Float64()*100)
	case 5:
		return m.Unpin(pick())
	case 6:
		if r.IntN(2) == 0 {
			return m.MoveAll(map[string][2]float64{pick(): {r.Float64(), 1}, pick(): {2, r.Float64()}})
		}
		return m.Move(pick(), r.Float64()*100, r.Float64()*100)
	case 7:
		return m.SetFilter(Filter{OffKinds: []string{fmt.Sprint("k", r.IntN(3))}, Timeline: r.IntN(2) == 0})
	default:
		if r.IntN(4) == 0 {
			st := m.State()
			st.Nodes = st.Nodes[:len(st.Nodes)/2]
			return m.Restore(st)
		}
		return m.SetGraph([]Node{n(pick()), n("x"), n("y")}, []Edge{e("x", "y")}, "x")
	}
}

func TestAmendJoinsTheLastStep(t *testing.T) {
	m := New(0)
	star(m)
	before := m.State()
	m.Add([]Node{n("d")}, []Edge{e("a", "d")}, "a")
	m.Amend(func() { m.Move("hub", 5, 5); m.Move("d", 7, 7) })
	m.Undo()
	if got := m.State(); !got.Equal(before) {
		t.Errorf("one Undo after an amended step\n got %+v\nwant %+v", got, before)
	}
}

func TestPlacedIsWhereRedoPutsNodes(t *testing.T) {
	m := New(0)
	star(m)
	m.Add([]Node{n("d")}, []Edge{e("a", "d")}, "a")
	m.Placed(map[string][2]float64{"d": {3, 4}})
	m.Undo()
	m.Redo()
	if _, p, _ := m.Node("d"); p.X != 3 || p.Y != 4 {
		t.Errorf("redone d stands at %v,%v, want 3,4", p.X, p.Y)
	}
}

func TestFocusHistory(t *testing.T) {
	m := New(0)
	m.Visit("", "a") // nothing before a
	m.Visit("a", "b")
	m.Visit("b", "c")
	if id, ok := m.Back("c"); !ok || id != "b" {
		t.Errorf("Back: got %q, %v want b", id, ok)
	}
	if id, ok := m.Forward("b"); !ok || id != "c" {
		t.Errorf("Forward: got %q, %v want c", id, ok)
	}
	m.Back("c")
	m.Back("b")
	if _, ok := m.Back("a"); ok {
		t.Error("Back went past the first focus")
	}
}

func TestAmendAfterUndoIsNoStep(t *testing.T) {
	m := New(0)
	star(m)
	m.Add([]Node{n("d")}, []Edge{e("a", "d")}, "a")
	m.Undo()
	m.Amend(func() { m.Move("hub", 5, 5) })
	if _, p, _ := m.Node("hub"); p.X != 5 || !m.CanRedo() {
		t.Errorf("after Undo, Amend: hub at %v, redo possible %v; want 5 and true", p.X, m.CanRedo())
	}
	m.Redo()
	if !m.Has("d") {
		t.Error("Redo lost the step Amend followed")
	}
}
