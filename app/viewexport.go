package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"reelgraph/app/graphview"
	"reelgraph/app/snapshot"
)

// viewScene turns what the canvas shows (filters applied) into a scene to
// draw, in the canvas's own positions, light or dark as the theme is.
func (u *ui) viewScene() snapshot.Scene {
	st := u.view.State()
	var sc snapshot.Scene
	shown := make(map[string]bool)
	for _, n := range st.Nodes {
		if !u.view.Shown(n.ID) {
			continue
		}
		shown[n.ID] = true
		col, _, _ := graphview.KindStyle(n.Kind)
		sc.Nodes = append(sc.Nodes, snapshot.Node{ID: n.ID, Label: n.Label, X: n.X, Y: n.Y, Color: col,
			Emphasis: n.ID == st.Focus || n.ID == st.Selected})
	}
	seen := make(map[[3]string]bool)
	for _, e := range st.Edges {
		k := [3]string{e.From, e.Predicate, e.To}
		if seen[k] || !shown[e.From] || !shown[e.To] {
			continue
		}
		seen[k] = true
		sc.Edges = append(sc.Edges, snapshot.Edge{From: e.From, To: e.To, Label: e.Label})
	}
	sc.Dark = fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
	sc.Caption = fmt.Sprintf("Reelgraph · %s · %d nodes", u.ex.Location(), len(sc.Nodes))
	return sc
}

// saveViewPicture writes the canvas to path: SVG, or PNG at twice the
// canvas's size.
func (u *ui) saveViewPicture(path string) error {
	sc := u.viewScene()
	size := u.view.Size()
	w, h := int(size.Width), int(size.Height)
	if w < 400 || h < 300 {
		w, h = 1280, 800
	}
	return writeAtomically(path, func(out io.Writer) error {
		if strings.EqualFold(filepath.Ext(path), ".svg") {
			return snapshot.SVG(out, sc, w, h)
		}
		return snapshot.PNG(out, sc, w, h, 2)
	})
}

// exportPictureDialog asks where to save the canvas as a picture.
func (u *ui) exportPictureDialog(ext string) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if err := u.saveViewPicture(path); err != nil {
			u.fail("Could not save the picture", err)
			return
		}
		u.setStatus("Saved the view as " + filepath.Base(path))
	}, u.win)
	d.SetFileName("reelgraph-view" + ext)
	d.Show()
}
