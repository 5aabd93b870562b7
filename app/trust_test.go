package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// firstDispute returns the first dispute of the bundled graph.
func firstDispute(t *testing.T, u *ui) graph.Dispute {
	t.Helper()
	ds, err := u.ex.Disputes(context.Background(), "")
	if err != nil || len(ds) == 0 || len(ds[0].Values) < 2 || len(ds[0].Values[0].Sources) == 0 {
		t.Fatalf("Disputes() = %+v, %v; the bundled graph should hold disputes with sourced values", ds, err)
	}
	return ds[0]
}

// labels returns the laid-out labels of o.
func labels(o fyne.CanvasObject) []*widget.Label {
	var out []*widget.Label
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok {
			out = append(out, l)
		}
	}
	return out
}

// TestDetailsMarksDisputedProperty: a node whose sources give two values
// of a one-value property has the property marked as disputed, each value
// with its sources' numbers and kinds.
func TestDetailsMarksDisputedProperty(t *testing.T) {
	u := newTestUI(t)
	ctx := context.Background()
	d := firstDispute(t, u)
	graded := d.Values[0].Sources[0]
	if err := u.ex.SetSourceKind(ctx, graded, graph.KindOutlet); err != nil {
		t.Fatal(err)
	}
	onUI(func() { u.focus(d.Node) })
	settled(t, u, "the details panel shows "+d.Label, func() bool { return u.details.Shown().ID == d.Node })
	name := graph.Humanize(graph.LocalName(d.Predicate))
	var texts []string
	var marked *widget.Label
	onUI(func() {
		for _, l := range labels(u.details.scroll.Content) {
			texts = append(texts, l.Text)
			if l.Text == disputeMark+name {
				marked = l
			}
		}
	})
	all := strings.Join(texts, "\n")
	if marked == nil || marked.Importance != widget.WarningImportance {
		t.Errorf("no property is marked %q in warning colours; the panel reads:\n%s", disputeMark+name, all)
	}
	det, err := u.ex.Details(ctx, d.Node, 1)
	if err != nil {
		t.Fatal(err)
	}
	wants := []string{disputeMark + "Sources disagree", name + " (disputed)", "outlet"}
	for _, src := range det.Cited {
		if slices.Contains(d.Values[1].Sources, src.ID) {
			wants = append(wants, src.Kind.String()) // the other value's source's kind
		}
	}
	for _, want := range wants {
		if !slices.Contains(texts, want) {
			t.Errorf("the details panel lacks %q; it reads:\n%s", want, all)
		}
	}
	for _, v := range d.Values {
		if !slices.Contains(texts, "•  "+v.Value) {
			t.Errorf("the details panel lacks the disputed value %q; it reads:\n%s", v.Value, all)
		}
	}
}

// TestFilterBackedOnly hides the facts none of whose sources is primary
// or outlet, and brings them back.
func TestFilterBackedOnly(t *testing.T) {
	u := newTestUI(t)
	var src string
	onUI(func() { src = u.view.State().Edges[0].Source })
	if err := u.ex.SetSourceKind(context.Background(), graph.ID(src), graph.KindPrimary); err != nil {
		t.Fatal(err)
	}
	onUI(u.filters.reloadSources)
	settled(t, u, "the filters know the new grade", func() bool { return u.filters.trust.kind[src] == graph.KindPrimary })
	var total, want, hidden int
	onUI(func() {
		for _, e := range u.view.State().Edges {
			total++
			if !u.filters.trust.kind[e.Source].Backs() {
				want++
			}
		}
		test.Tap(u.filters.trust.backed)
		_, hidden = u.view.Hidden()
	})
	if want == 0 || want == total || hidden != want {
		t.Errorf("only backed facts: %d of %d facts hidden, want the %d without a primary or outlet source", hidden, total, want)
	}
	onUI(func() {
		test.Tap(u.filters.trust.backed)
		_, hidden = u.view.Hidden()
	})
	if hidden != 0 {
		t.Errorf("with the filter off again, %d facts are hidden", hidden)
	}
	onUI(func() { test.Tap(u.filters.trust.backed) })
	onUI(u.Undo)
	onUI(func() { _, hidden = u.view.Hidden() })
	if hidden != 0 || u.filters.trust.backed.Checked {
		t.Errorf("after Undo the filter is on (%v) and hides %d facts", u.filters.trust.backed.Checked, hidden)
	}
}

// TestFilterDisputedOnly keeps the disputed nodes, the focus and the
// selection; the button adds the store's disputed nodes to the canvas.
func TestFilterDisputedOnly(t *testing.T) {
	u := newTestUI(t)
	d := firstDispute(t, u)
	settled(t, u, "disputes are read", func() bool { return u.filters.trust.loaded })
	onUI(func() {
		u.view.Remove(string(d.Node)) // so that the button has it to add
		test.Tap(u.filters.trust.disputed)
	})
	onUI(func() { test.Tap(u.filters.trust.addDisputed) })
	settled(t, u, d.Label+" is on the canvas and shown", func() bool { return u.view.Has(string(d.Node)) && u.view.Shown(string(d.Node)) })
	var hiddenSome bool
	onUI(func() {
		focus, sel := u.view.Focus(), u.view.Selected()
		for _, n := range u.view.State().Nodes {
			want := u.filters.trust.disputes[n.ID] || n.ID == focus || n.ID == sel
			if got := u.view.Shown(n.ID); got != want {
				t.Errorf("%s: shown %v, want %v (disputed %v)", n.ID, got, want, u.filters.trust.disputes[n.ID])
			}
			hiddenSome = hiddenSome || !want
		}
		if !u.filters.trust.addDisputed.Hidden {
			t.Error("the button still offers to add disputed nodes, all of which are on the canvas")
		}
	})
	if !hiddenSome {
		t.Error("the filter hid no node")
	}
	onUI(func() { test.Tap(u.filters.trust.disputed) })
	onUI(func() {
		if nodes, _ := u.view.Hidden(); nodes != 0 {
			t.Errorf("with the filter off, %d nodes are hidden", nodes)
		}
	})
}

// TestSourcesListRegrades: the Sources window shows each source's kind
// and regrades one when another kind is picked, listing it with the best.
func TestSourcesListRegrades(t *testing.T) {
	u := newTestUI(t)
	srcs, err := u.ex.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	last := srcs[len(srcs)-1]
	var list *sourcesList
	var row fyne.CanvasObject
	onUI(func() {
		list = newSourcesList(srcs)
		list.OnGrade = func(id graph.ID, k graph.SourceKind) { u.regrade(id, k, list) }
		row = list.newRow()
		list.updateRow(len(srcs)-1, row)
	})
	// A store in memory takes no write while it is read (Cayley's memstore
	// is not safe for that), so the window's opening reads finish first.
	u.tasks.Idle()
	var sel *widget.Select
	onUI(func() {
		for _, o := range test.LaidOutObjects(row) {
			if s, ok := o.(*widget.Select); ok {
				sel = s
			}
		}
		if sel == nil || sel.Selected != last.Kind.String() {
			t.Fatalf("the row of %s shows kind %v, want %s", last.ID, sel, last.Kind)
		}
		sel.SetSelected("primary")
	})
	// at returns where the list has the regraded source, if graded primary
	// and behind primary sources only.
	at := func(list []graph.Source) int {
		for i, s := range list {
			if s.ID == last.ID && s.Kind == graph.KindPrimary {
				return i
			}
			if s.Kind != graph.KindPrimary {
				return -1
			}
		}
		return -1
	}
	settled(t, u, "the list puts the regraded source among the primary ones", func() bool { return at(list.srcs) >= 0 })
	if src, err := u.ex.Sources(context.Background()); err != nil || at(src) < 0 {
		t.Errorf("the store's Sources do not list %s among the primary ones: %v", last.ID, err)
	}
}
