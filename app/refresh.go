package app

import (
	"context"
	"time"
)

// refresher is what a store shared with other Reelgraphs offers to catch
// up with their writes (graph.Store.Refresh).
type refresher interface {
	Refresh(ctx context.Context) (changed bool, err error)
}

// refreshEvery is how often the window checks a store on a database
// server for what other Reelgraphs wrote to it.
const refreshEvery = 30 * time.Second

// refresh brings the search index and the counts up to date with the
// store, off the UI goroutine. The Refresh action reports failures in a
// dialog; the periodic check (quiet) only in the status bar.
func (u *ui) refresh(quiet bool) {
	r, ok := u.ex.(refresher)
	if !ok {
		return
	}
	go func() {
		changed, err := r.Refresh(context.Background())
		uiDo(func() {
			switch {
			case err != nil && quiet:
				u.setStatus("Could not check the store for changes: " + err.Error())
			case err != nil:
				u.fail("Could not refresh", err)
			case changed:
				u.refreshCounts("Updated with what others added; search finds it now")
			case !quiet:
				u.refreshCounts("Up to date")
			}
		})
	}()
}

// watchStore checks a store on a database server for others' writes every
// refreshEvery while the app runs.
func (u *ui) watchStore() {
	if !u.ex.Location().Shared() {
		return
	}
	go func() {
		for range time.Tick(refreshEvery) {
			u.refresh(true)
		}
	}()
}
