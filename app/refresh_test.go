package app

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"reelgraph/graph"
)

// TestDatabaseUnreachableCLI: a database server that does not answer is
// one line on stderr that says what to do, without the password.
func TestDatabaseUnreachableCLI(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	_, errs, code := run(t, "--db", "postgres://ana:s3cret@"+addr+"/films?sslmode=disable", "stats")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "reelgraph: ") ||
		!strings.Contains(errs, "does not answer") || !strings.Contains(errs, "check that it runs") {
		t.Errorf("stderr = %q, want one line saying the server does not answer and what to do", errs)
	}
	if strings.Contains(errs, "s3cret") {
		t.Errorf("stderr shows the password: %q", errs)
	}
}

// sharedStore stands for a store on a database server that another
// Reelgraph writes to: Refresh answers what the test sets.
type sharedStore struct {
	*graph.Store
	changed bool
	err     error
}

func (s *sharedStore) Refresh(context.Context) (bool, error) { return s.changed, s.err }

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

	onUI(func() { u.refresh(false) })
	eventually(t, "the status says what changed", func() bool {
		return strings.Contains(u.status.Text, "Updated with what others added")
	})
	onUI(func() {
		shared.changed, shared.err = false, errors.New("the database server does not answer")
		u.refresh(true)
	})
	eventually(t, "a quiet check reports the failure in the status bar", func() bool {
		return strings.Contains(u.status.Text, "Could not check the store for changes: the database server does not answer")
	})
}
