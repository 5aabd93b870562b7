package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestSaveReportOnTheView(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "view") // no extension: .html is added
	done := make(chan error, 1)
	var shown int
	onUI(func() {
		shown = len(u.viewScene().Nodes)
		u.saveReport(path, func(err error) { done <- err })
	})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path + ".html")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := html.Parse(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(b), "<article>"); got != shown || shown < 5 {
		t.Errorf("the report has %d entities, want the %d nodes on the canvas", got, shown)
	}
	for _, want := range []string{"<h1>Briefing: Netflix</h1>", "data:image/png;base64,", "<h3>Netflix</h3>"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	var status string
	onUI(func() { status = u.status.Text })
	if !strings.Contains(status, "Saved the report on") {
		t.Errorf("status: %q", status)
	}
}
