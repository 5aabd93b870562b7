package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSaveViewPicture(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	for _, name := range []string{"view.png", "view.svg"} {
		path := filepath.Join(dir, name)
		var err error
		onUI(func() { err = u.saveViewPicture(path) })
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if len(b) < 1000 {
			t.Errorf("%s holds %d bytes", name, len(b))
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "view.svg"))
	var nodes int
	onUI(func() { nodes = u.view.Len() })
	if got := strings.Count(string(b), "<circle"); got != nodes {
		t.Errorf("the SVG draws %d nodes, the canvas shows %d", got, nodes)
	}
}
