package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/explore"
	"reelgraph/graph"
)

// historyLimit bounds the undo and focus histories.
const historyLimit = 200

// model is the exploration the canvas draws: what is on it and why, and
// the history Undo, Redo, Back and Forward walk.
func (u *ui) model() *explore.Model { return u.view.Model() }

// withoutUndo runs fn, a change of the view that follows the last change
// (an arrangement after an expansion) and is undone with it.
func (u *ui) withoutUndo(fn func()) { u.model().Amend(fn) }

// filtered records the analyst's change of the filters as an undo step;
// the moves of one slider drag make one step.
func (u *ui) filtered(st filterState, continuing bool) {
	if continuing {
		u.model().Amend(func() { u.model().SetFilter(st) })
		return
	}
	u.model().SetFilter(st)
}

// Undo takes back the last change to the view or the filters.
func (u *ui) Undo() {
	if u.view.Undo() {
		u.replayed()
		u.setStatus("Undone")
	}
}

// Redo reapplies the change Undo took back.
func (u *ui) Redo() {
	if u.view.Redo() {
		u.replayed()
		u.setStatus("Redone")
	}
}

// replayed shows the filters and the details of the selection as the
// model has them after an Undo, a Redo or an opened workspace.
func (u *ui) replayed() {
	if u.filters != nil {
		u.filters.setState(u.model().Filter())
	}
	if sel := u.view.Selected(); sel != "" {
		u.selectNode(graph.ID(sel))
	}
}

// Back refocuses the node focused before the present one.
func (u *ui) Back() {
	if id, ok := u.model().Back(string(u.focused)); ok {
		u.refocus(graph.ID(id))
	}
}

// Forward refocuses the node Back left.
func (u *ui) Forward() {
	if id, ok := u.model().Forward(string(u.focused)); ok {
		u.refocus(graph.ID(id))
	}
}

// HideSelected hides the selected node from the canvas.
func (u *ui) HideSelected() {
	if id := u.view.Selected(); id != "" {
		u.view.Remove(id)
	}
}

// ExpandSelected expands the selected node, or collapses it when expanded.
func (u *ui) ExpandSelected() {
	id := u.view.Selected()
	switch {
	case id == "":
	case u.view.Expanded(id):
		u.view.Collapse(id)
	default:
		u.expand(graph.ID(id))
	}
}

// shortcuts are the keys the window answers, for binding and for the "?"
// help.
func (u *ui) shortcuts() []shortcut {
	ctrl := fyne.KeyModifierShortcutDefault
	return []shortcut{
		{"Ctrl+F", "search", &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: ctrl}, func() { u.win.Canvas().Focus(u.search) }},
		{"Ctrl+Z", "undo a change to the view", &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl}, u.Undo},
		{"Ctrl+Shift+Z", "redo", &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}, u.Redo},
		{"Ctrl+Y", "redo", &desktop.CustomShortcut{KeyName: fyne.KeyY, Modifier: ctrl}, u.Redo},
		{"Alt+Left", "back to the previous focus", &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}, u.Back},
		{"Alt+Right", "forward", &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}, u.Forward},
		{"Ctrl+S", "save the view as a workspace", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl}, u.saveWorkspaceDialog},
		{"Ctrl+O", "open a workspace", &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}, u.openWorkspaceDialog},
		{"Enter", "expand or collapse the selected node", nil, u.ExpandSelected},
		{"Delete", "hide the selected node", nil, u.HideSelected},
		{"F", "fit the graph to the window", nil, u.view.Fit},
		{"+ / -", "zoom in / out", nil, nil},
		{"?", "show these shortcuts", nil, u.showShortcuts},
	}
}

type shortcut struct {
	keys, does string
	sc         fyne.Shortcut
	fn         func()
}

func (u *ui) bindKeys() {
	c := u.win.Canvas()
	for _, s := range u.shortcuts() {
		if s.sc != nil {
			fn := s.fn
			c.AddShortcut(s.sc, func(fyne.Shortcut) { fn() })
		}
	}
	c.SetOnTypedRune(func(r rune) {
		switch r {
		case '+', '=':
			u.view.ZoomIn()
		case '-':
			u.view.ZoomOut()
		case 'f', 'F':
			u.view.Fit()
		case '?':
			u.showShortcuts()
		}
	})
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			u.ExpandSelected()
		case fyne.KeyDelete, fyne.KeyBackspace:
			u.HideSelected()
		}
	})
}

// showShortcuts lists every key the window answers.
func (u *ui) showShortcuts() {
	form := widget.NewForm()
	for _, s := range u.shortcuts() {
		form.Append(s.keys, widget.NewLabel(s.does))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", form, u.win)
}

// nodeMenu is what the window adds to a node's right-click menu.
func (u *ui) nodeMenu(id string) []*fyne.MenuItem {
	node := graph.ID(id)
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("Details", func() {
			u.view.Select(id)
			u.selectNode(node)
			u.tabs.Select(u.tab.details)
		}),
		fyne.NewMenuItem("Focus here", func() { u.focus(node) }),
		fyne.NewMenuItem("Find paths from here…", func() {
			u.tabs.Select(u.tab.paths)
			u.paths.StartFrom(node, u.win.Canvas())
		}),
	}
	items = append(items,
		fyne.NewMenuItem("Expand by predicate…", func() { u.expandByPredicate(node) }),
		fyne.NewMenuItem("Open source…", func() { u.showNodeSources(node) }))
	items = append(items, fyne.NewMenuItem("Export neighbourhood…", func() {
		u.view.Select(id)
		u.selectNode(node)
		u.chooseExportOf(scopeHops, nil)
	}))
	if sel := u.view.Selected(); sel != "" && sel != id {
		label := "Find paths to " + u.ex.Brief(graph.ID(sel)).Label
		items = append(items, fyne.NewMenuItem(label, func() {
			u.tabs.Select(u.tab.paths)
			u.paths.Find(graph.ID(sel), node)
		}))
	}
	return items
}
