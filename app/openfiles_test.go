package app

import (
	"os"
	"path/filepath"
	"testing"
)

const sampleNQ = `<urn:example:id:acme> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Company> <urn:example:src:note> .
<urn:example:id:acme> <http://www.w3.org/2000/01/rdf-schema#label> "Acme Pictures" <urn:example:src:note> .
<urn:example:id:rocket> <http://www.w3.org/2000/01/rdf-schema#label> "Rocket Film" <urn:example:src:note> .
<urn:example:id:rocket> <urn:reelgraph:vocab:producedBy> <urn:example:id:acme> <urn:example:src:note> .
`

func TestOpenFiles(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sample.nq")
	if err := os.WriteFile(path, []byte(sampleNQ), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "gone.nq")
	onUI(func() { u.openFiles([]string{missing, path}) })
	eventually(t, "the details panel shows the file's first node", func() bool {
		return u.details.Shown().ID == "urn:example:id:acme"
	})
	var title string
	onUI(func() { title = u.win.Title() })
	if want := "Reelgraph — gone.nq and 1 more"; title != want {
		t.Errorf("title: got %q want %q", title, want)
	}
}
