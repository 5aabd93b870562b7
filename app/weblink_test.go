package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reelgraph/graph"
)

// hostileURLs are links an imported file may supply that the desktop's URL
// handler must never be given.
var hostileURLs = []string{
	"javascript:alert(1)",
	"JavaScript:alert(1)",
	"file:///etc/passwd",
	"data:text/html,<script>alert(1)</script>",
	"vbscript:msgbox(1)",
	"ms-settings:privacy",
	"slack://open",
	"mailto:ana@example.org",
	"ftp://example.org/x",
	"http://",
	"https:///path",
	"//example.org/path",
	"/relative/path",
	"https://user:pw@example.org/",
	" https://example.org/",
	"https://example.org/\nfile:///etc/passwd",
	"https://exa mple.org/",
	"",
}

// TestSourceLinksOpenOnlyTheWeb: neither the Sources window nor the
// details panel offers a link that is not http(s).
func TestSourceLinksOpenOnlyTheWeb(t *testing.T) {
	test.NewTempApp(t)
	srcs := []graph.Source{{ID: "urn:ok", Title: "Fine", URL: "https://example.org/"}}
	for i, raw := range hostileURLs {
		srcs = append(srcs, graph.Source{ID: graph.ID("urn:s" + string(rune('a'+i))), Title: raw, URL: raw})
	}
	var objects []fyne.CanvasObject
	onUI(func() {
		w := test.NewWindow(newSourcesList(srcs).box)
		w.Resize(fyne.NewSize(700, 4000))
		objects = test.LaidOutObjects(w.Content())
		for i, s := range srcs {
			objects = append(objects, test.LaidOutObjects(sourceRow(i+1, s))...)
		}
		w.Close()
	})
	open := 0
	for _, o := range objects {
		l, ok := o.(*widget.Hyperlink)
		if !ok || !l.Visible() || l.URL == nil {
			continue
		}
		open++
		if webURL(l.URL.String()) == nil {
			t.Errorf("a link offers %s", l.URL)
		}
	}
	if open == 0 {
		t.Error("no link offers the https source")
	}
}
