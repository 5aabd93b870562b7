package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
	"reelgraph/graph/pgtest"
)

// sharedStore stands for a store on a database server that another
// Reelgraph writes to: Refresh answers what the test sets.
type sharedStore struct {
	*graph.Store
	changed bool
	err     error
	// gate, if set, holds Stats until it is closed; Stats then reports
	// 4242 sources, as if the store had grown meanwhile.
	gate chan struct{}
}

func (s *sharedStore) Refresh(context.Context) (bool, error) { return s.changed, s.err }

func (s *sharedStore) Stats(ctx context.Context) (graph.Stats, error) {
	st, err := s.Store.Stats(ctx)
	if s.gate != nil {
		<-s.gate
		st.Sources = 4242
	}
	return st, err
}

func TestRefreshAction(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := OpenStore(context.Background(), StoreFlags{DB: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	shared := &sharedStore{Store: st, changed: true}
	var u *ui
	onUI(func() {
		u = newUI(a, shared)
		u.win.Show()
	})
	t.Cleanup(func() { onUI(u.win.Close) })
	u.start()
	eventually(t, "the window opens on Netflix", func() bool { return u.details.Shown().ID == startNode })

	gate := make(chan struct{})
	onUI(func() {
		shared.gate = gate // the counts of this refresh come in late
		u.refresh(false)
	})
	eventually(t, "the status says what changed", func() bool {
		return strings.Contains(u.status.Text, "Updated with what others added")
	})
	onUI(func() {
		shared.changed, shared.err = false, errors.New("the database server does not answer")
		u.refresh(true)
	})
	const failed = "Could not check the store for changes: the database server does not answer"
	eventually(t, "a quiet check reports the failure in the status bar", func() bool {
		return strings.Contains(u.status.Text, failed)
	})
	close(gate)
	eventually(t, "the late counts show beside the latest message, not the earlier one", func() bool {
		return strings.Contains(u.status.Text, "4242 sources") && strings.Contains(u.status.Text, failed)
	})
}

// TestRefreshButtonPostgres: two Reelgraphs on one PostgreSQL database.
// What the other one loads, this window's search finds once the toolbar's
// Refresh button is tapped, and the status bar says so.
func TestRefreshButtonPostgres(t *testing.T) {
	srv, err := pgtest.Start()
	if errors.Is(err, pgtest.ErrUnavailable) {
		t.Skipf("PostgreSQL is not available, so this test does not run: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	ctx := context.Background()
	db, err := srv.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(ctx, StoreFlags{DB: srv.URL(db)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	other, err := graph.Open(ctx, st.Location(), graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })

	a := test.NewTempApp(t)
	var u *ui
	onUI(func() {
		u = newUI(a, st)
		u.win.Resize(fyne.NewSize(1200, 800))
		u.win.Show()
	})
	t.Cleanup(func() { onUI(u.win.Close) })
	u.start()
	eventually(t, "the window opens on Netflix", func() bool { return u.details.Shown().ID == startNode })
	onUI(func() {
		if !strings.Contains(u.status.Text, "postgres://") || strings.Contains(u.status.Text, pgtest.Password) {
			t.Errorf("status = %q, want the database named without its password", u.status.Text)
		}
	})

	if _, err := other.Load(ctx, nquads.NewReader(strings.NewReader(
		"<urn:t:bravo> <http://schema.org/name> \"Bravo Pictures\" <urn:t:src> .\n"), true)); err != nil {
		t.Fatal(err)
	}
	var refresh *widget.Button
	onUI(func() {
		for _, o := range test.LaidOutObjects(u.win.Content()) {
			if b, ok := o.(*widget.Button); ok && b.Icon == theme.ViewRefreshIcon() {
				refresh = b
			}
		}
	})
	if refresh == nil {
		t.Fatal("no Refresh button in the toolbar")
	}
	onUI(func() { test.Tap(refresh) })
	eventually(t, "the status says what changed", func() bool {
		return strings.Contains(u.status.Text, "Updated with what others added")
	})
	onUI(func() {
		u.win.Canvas().Focus(u.search)
		test.Type(u.search, "bravo pict")
	})
	eventually(t, "search suggests what the other Reelgraph loaded", func() bool {
		r := u.search.Results()
		return len(r) > 0 && r[0].Label == "Bravo Pictures"
	})
	onUI(func() { test.Tap(refresh) })
	eventually(t, "a second Refresh finds nothing new", func() bool {
		return strings.Contains(u.status.Text, "Up to date")
	})
}
