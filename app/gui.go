package app

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"reelgraph/app/cli"
	"reelgraph/assets"
)

// Main opens the explorer window on the store args name (--db, --empty;
// see cli.ParseStoreFlags) and returns the process exit code once it is
// closed: 0, 1 when the store could not be opened (which is explained in
// a dialog, and on stderr), 2 when the flags are wrong.
func Main(args []string, stderr io.Writer) int {
	f, err := cli.ParseStoreFlags(args, stderr)
	if err != nil {
		return 2
	}
	a := fyneapp.NewWithID("app.reelgraph.explorer")
	a.SetIcon(assets.Icon)
	s, err := OpenStore(context.Background(), f)
	if err != nil {
		fmt.Fprintf(stderr, "reelgraph: %v\n", err)
		showFatal(a, err)
		return 1
	}
	defer s.Close()
	for _, n := range s.Notes() {
		fmt.Fprintf(stderr, "reelgraph: note: %s\n", n)
	}
	applyTheme(a) // prefs.go
	u := newUI(a, s)
	u.opening = cli.GUIFiles(args) // openfiles.go
	u.win.SetMaster()
	u.win.Show()
	u.start()
	a.Run()
	return 0
}

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
