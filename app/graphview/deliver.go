package graphview

// SetDo replaces how the layout worker hands frames to the UI goroutine
// (fyne.Do by default). An app whose tests serialize UI work through a
// function of their own passes it here, so that the view's frames are
// serialized with everything else.
func (g *GraphView) SetDo(do func(fn func())) { g.do = do }
