package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reelgraph/graph"
)

// uiMu serializes what the test driver would otherwise run on many
// goroutines at once: deliveries through uiDo and the tests' own reads.
var uiMu sync.Mutex

func init() {
	uiDo = onUI
}

// onUI runs fn as if on the UI goroutine.
func onUI(fn func()) {
	uiMu.Lock()
	defer uiMu.Unlock()
	fn()
}

// newTestUI opens the explorer on the bundled graph in memory, in a test
// app, and waits until it has focused Netflix.
func newTestUI(t *testing.T) *ui {
	t.Helper()
	a := test.NewTempApp(t)
	s, err := OpenStore(context.Background(), StoreFlags{DB: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var u *ui
	onUI(func() { // widgets share Fyne's caches with deliveries still under way
		u = newUI(a, s)
		u.win.Show()
	})
	t.Cleanup(func() { onUI(u.win.Close) })
	u.start()
	settled(t, u, "the details panel shows Netflix", func() bool {
		return u.details.Shown().ID == startNode
	})
	return u
}

// settled waits until the window's background work is done, then checks
// that ok, read on the UI goroutine, holds.
func settled(t *testing.T, u *ui, what string, ok func() bool) {
	t.Helper()
	u.tasks.Idle()
	var done bool
	onUI(func() { done = ok() })
	if !done {
		t.Fatalf("once the background work was done, it was not so that %s", what)
	}
}

// settledKey is settled for the work under one key of the task runner,
// while other work may still be under way.
func settledKey(t *testing.T, u *ui, key, what string, ok func() bool) {
	t.Helper()
	u.tasks.Wait(key)
	var done bool
	onUI(func() { done = ok() })
	if !done {
		t.Fatalf("once the %s work was done, it was not so that %s", key, what)
	}
}

// eventually waits until ok, read on the UI goroutine, holds. It is for
// what the canvas animates on its own (an arrangement moving the nodes);
// work of the window's task runner is waited for with settled.
func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var done bool
		onUI(func() { done = ok() })
		if done {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting until %s", what)
}

func TestStartShowsNetflixNeighbourhood(t *testing.T) {
	u := newTestUI(t)
	var ids []string
	onUI(func() { ids = u.view.NodeIDs() })
	if len(ids) < 5 {
		t.Errorf("the view holds %d nodes, want Netflix and its neighbours", len(ids))
	}
	found := false
	for _, id := range ids {
		found = found || id == "urn:reelgraph:id:the-eternaut"
	}
	if !found {
		t.Errorf("The Eternaut is not on the canvas: %v", ids)
	}
	var status string
	onUI(func() { status = u.status.Text })
	if want := "memory"; len(status) < len(want) || status[:len(want)] != want {
		t.Errorf("status = %q, want it to start with the store %q", status, want)
	}
}

func TestTypingShowsSuggestions(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.win.Canvas().Focus(u.search)
		test.Type(u.search, "eternau")
	})
	settled(t, u, "a suggestion for The Eternaut appears", func() bool {
		r := u.search.Results()
		return len(r) > 0 && r[0].Label == "The Eternaut" && u.search.dropdown.Visible()
	})
	onUI(func() { u.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	settled(t, u, "Enter focuses The Eternaut", func() bool {
		return u.details.Shown().ID == "urn:reelgraph:id:the-eternaut" && u.view.Selected() == "urn:reelgraph:id:the-eternaut"
	})
}

func TestSearchWithNoMatchSaysSo(t *testing.T) {
	u := newTestUI(t)
	onUI(func() { test.Type(u.search, "qqqzzz") })
	settled(t, u, "the suggestions say nothing matches", func() bool {
		return u.search.dropdown.Visible() && len(u.search.Results()) == 0 && u.search.list.Length() == 1
	})
}

func TestNavigateFromDetails(t *testing.T) {
	u := newTestUI(t)
	target := graph.ID("urn:reelgraph:id:ted-sarandos")
	onUI(func() { u.details.OnNavigate(target) })
	settled(t, u, "Ted Sarandos is selected and described", func() bool {
		return u.details.Shown().ID == target && u.view.Selected() == string(target)
	})
}

func TestTapNodeShowsItsDetails(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:ted-sarandos"
	settled(t, u, "Ted Sarandos is drawn on the canvas", func() bool {
		_, ok := u.view.NodePosition(id)
		return ok
	})
	// read the position and tap in one go: the layout may still be moving
	onUI(func() {
		pos, _ := u.view.NodePosition(id)
		test.TapAt(u.view, pos)
	})
	settled(t, u, "the details panel shows Ted Sarandos", func() bool {
		return u.details.Shown().Label == "Ted Sarandos" && u.view.Selected() == id
	})
}

func TestDoubleTapExpands(t *testing.T) {
	u := newTestUI(t)
	const id = "urn:reelgraph:id:the-eternaut"
	var before int
	settled(t, u, "The Eternaut is drawn", func() bool {
		_, ok := u.view.NodePosition(id)
		before = u.view.Len()
		return ok
	})
	onUI(func() {
		pos, _ := u.view.NodePosition(id)
		u.view.DoubleTapped(&fyne.PointEvent{Position: pos})
	})
	settled(t, u, "expanding The Eternaut adds its neighbours", func() bool {
		return u.view.Expanded(id) && u.view.Has("urn:reelgraph:id:generative-ai-vfx") && u.view.Len() > before
	})
}
