package app

import (
	"context"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"reelgraph/assets"
)

// runGUI opens the explorer window and returns when it is closed. A store
// that cannot be opened is explained in a dialog (and on stderr) instead.
func runGUI(c *command) error {
	a := fyneapp.NewWithID("app.reelgraph.explorer")
	a.SetIcon(assets.Icon)
	s, err := c.openStore(context.Background())
	if err != nil {
		fmt.Fprintf(os.Stderr, "reelgraph: %v\n", err)
		showFatal(a, err)
		return errShown
	}
	defer s.Close()
	u := newUI(a, s)
	u.win.SetMaster()
	u.win.Show()
	u.start()
	a.Run()
	return nil
}

// errShown is returned once an error has been shown to the analyst.
var errShown = errorShown{}

type errorShown struct{}

func (errorShown) Error() string { return "could not open the store" }

// showFatal shows err in a window of its own and quits when it is closed.
func showFatal(a fyne.App, err error) {
	w := a.NewWindow("Reelgraph")
	w.Resize(fyne.NewSize(560, 240))
	d := dialog.NewError(err, w)
	d.SetOnClosed(a.Quit)
	w.SetMaster()
	w.Show()
	d.Show()
	a.Run()
}
