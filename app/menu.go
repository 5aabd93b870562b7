package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
)

// mainMenu builds the window's menu bar: File, Edit, View and Help.
func (u *ui) mainMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Recent workspaces", nil)
	for _, p := range u.recentWorkspaces() {
		path := p
		recent.ChildMenu = appendItem(recent.ChildMenu, filepath.Base(path), func() {
			if err := u.openWorkspace(path); err != nil {
				u.fail("Could not open the workspace", err)
			}
		})
	}
	if recent.ChildMenu == nil {
		recent.Disabled = true
	}
	imp, exp := u.ioMenuItems() // importui.go
	file := fyne.NewMenu("File",
		imp, exp,
		fyne.NewMenuItem("Export view as PNG…", func() { u.exportPictureDialog(".png") }),
		fyne.NewMenuItem("Export view as SVG…", func() { u.exportPictureDialog(".svg") }),
		fyne.NewMenuItem("Export report…", u.exportReportDialog), // reportui.go
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Open workspace…", u.openWorkspaceDialog),
		fyne.NewMenuItem("Save workspace…", u.saveWorkspaceDialog),
		recent,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Sources…", u.showSources),
	)
	edit := fyne.NewMenu("Edit",
		fyne.NewMenuItem("Undo", u.Undo),
		fyne.NewMenuItem("Redo", u.Redo),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Expand or collapse selection", u.ExpandSelected),
		fyne.NewMenuItem("Hide selection", u.HideSelected),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Preferences…", u.showPreferences), // prefs.go
	)
	view := fyne.NewMenu("View",
		fyne.NewMenuItem("Back", u.Back),
		fyne.NewMenuItem("Forward", u.Forward),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Fit", u.view.Fit),
		fyne.NewMenuItem("Zoom in", u.view.ZoomIn),
		fyne.NewMenuItem("Zoom out", u.view.ZoomOut),
		fyne.NewMenuItemSeparator(), u.layoutMenuItem(),
	)
	help := fyne.NewMenu("Help", fyne.NewMenuItem("Keyboard shortcuts", u.showShortcuts),
		fyne.NewMenuItem("About Reelgraph", u.showAbout)) // about.go
	return fyne.NewMainMenu(file, edit, view, help)
}

func appendItem(m *fyne.Menu, label string, fn func()) *fyne.Menu {
	if m == nil {
		m = fyne.NewMenu("")
	}
	m.Items = append(m.Items, fyne.NewMenuItem(label, fn))
	return m
}
