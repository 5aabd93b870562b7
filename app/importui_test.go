package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reelgraph/data"
	"reelgraph/graph"
)

// topText returns the text of every label in the window's top overlay.
func topText(u *ui) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch o := o.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(o)
		for _, c := range r.Objects() {
			walk(c, fn)
		}
	}
}

// tapButton taps the button labelled text in the top overlay.
func tapButton(t *testing.T, u *ui, text string) {
	t.Helper()
	var found *widget.Button
	onUI(func() {
		walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				found = b
			}
		})
	})
	if found == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	onUI(func() { test.Tap(found) })
}

func TestImportUI(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "films.nq")
	os.WriteFile(path, []byte(`<http://example.org/heat> <http://www.w3.org/2000/01/rdf-schema#label> "Heat" .
<http://example.org/heat> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:netflix> .
<http://example.org/nflx> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" .
`), 0o644)
	onUI(func() { u.dropped(fyne.Position{}, []fyne.URI{fileURI(path)}) })
	eventually(t, "the summary dialog", func() bool { return strings.Contains(topText(u), "3 added, 0 duplicates skipped") })
	if text := topText(u); !strings.Contains(text, "Netflix (http://example.org/nflx)  ~  urn:reelgraph:id:netflix") {
		t.Errorf("the summary lacks the look-alike:\n%s", text)
	}
	if _, err := u.ex.Resolve(context.Background(), "Heat"); err != nil {
		t.Errorf("after the import, Heat is unknown: %v", err)
	}
	st, _ := u.ex.Stats(context.Background())
	eventually(t, "the status bar counts the imported quads", func() bool {
		return strings.Contains(u.status.Text, fmt.Sprintf(" %d quads", st.Quads))
	})
	tapButton(t, u, "Close")

	bad := filepath.Join(t.TempDir(), "bad.nq")
	os.WriteFile(bad, []byte("<http://example.org/a> <b> \"c\" .\n"), 0o644)
	onUI(func() { u.importPaths([]string{bad}) })
	eventually(t, "the failure dialog", func() bool { return strings.Contains(topText(u), "bad.nq was not imported") })
	if text := topText(u); !strings.Contains(text, "bad.nq:1:24") || !strings.Contains(text, "The store is as it was") {
		t.Errorf("failure dialog:\n%s", text)
	}
}

func TestMappingDialog(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(path, []byte("name,works at,born\nAna Díaz,Netflix,1980\nBo,Sony,1990\n"), 0o644)
	// the dialog's widgets share Fyne's caches with deliveries under way
	onUI(func() {
		md, err := newMappingDialog(path, data.CSV)
		if err != nil {
			t.Fatal(err)
		}
		if m := md.mapping(); m.Kind != data.KindNodes || m.Columns["name"] != data.RoleID || m.Columns["born"] != data.RoleProperty {
			t.Errorf("guessed mapping %+v", m)
		}
		md.kind.SetSelected(data.KindEdges)
		if got := md.roles[0].Options; !hasString(got, data.RoleSource) || hasString(got, data.RoleID) {
			t.Errorf("edge roles offered: %v", got)
		}
		md.roles[0].SetSelected(data.RoleSource)
		md.roles[1].SetSelected(data.RoleTarget)
		md.pred.SetText("worksAt")
		m := md.mapping()
		if m.Kind != data.KindEdges || m.Columns["works at"] != data.RoleTarget || m.Columns["born"] != data.RoleIgnore || m.Predicate != "worksAt" {
			t.Errorf("edited mapping %+v", m)
		}
	})

	onUI(func() { u.importPaths([]string{path}) })
	eventually(t, "the mapping dialog", func() bool { return strings.Contains(topText(u), "Ana Díaz") })
	tapButton(t, u, "Import")
	eventually(t, "the summary", func() bool { return strings.Contains(topText(u), "added") })
	if _, err := u.ex.Resolve(context.Background(), "urn:reelgraph:csv:Bo"); err != nil {
		t.Errorf("the table's node was not imported: %v", err)
	}
}

func TestExportUI(t *testing.T) {
	u := newTestUI(t)
	var visible []graph.ID
	// the dialog's widgets share Fyne's caches with deliveries under way
	onUI(func() {
		for _, id := range u.view.NodeIDs() {
			visible = append(visible, graph.ID(id))
		}
		ed := newExportDialog(true)
		sc, err := ed.scopeOf(visible, startNode)
		if err != nil || len(sc.Nodes) == 0 {
			t.Fatalf("view scope: %+v, %v", sc, err)
		}
		ed.scope.SetSelected(scopeHops)
		ed.hops.SetText("x")
		if _, err := ed.scopeOf(visible, startNode); err == nil {
			t.Error("hops x was accepted")
		}
		ed.hops.SetText("1")
		if sc, err := ed.scopeOf(visible, startNode); err != nil || sc.From != startNode || sc.Hops != 1 {
			t.Errorf("hops scope: %+v, %v", sc, err)
		}
		ed.scope.SetSelected(scopeSelection)
		if _, err := ed.scopeOf(visible, ""); err == nil {
			t.Error("exporting the selection with nothing selected was accepted")
		}
	})
	out := filepath.Join(t.TempDir(), "view.graphml")
	onUI(func() { u.runExport(graph.Scope{Nodes: visible}, data.GraphML, out) })
	eventually(t, "the export is written", func() bool { return strings.Contains(topText(u), "quads written to") })
	b, _ := os.ReadFile(out)
	if !strings.Contains(string(b), "<data key=\"label\">Netflix</data>") {
		t.Errorf("the GraphML lacks Netflix:\n%.400s", b)
	}
}

func fileURI(path string) fyne.URI { return storage.NewFileURI(path) }

// Turtle, TriG and RDF/XML files dropped on the window import, relative
// IRIs resolved against the file's own IRI.
func TestImportUIRDFFormats(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	files := map[string]string{
		"heat.ttl":  "@prefix s: <http://schema.org/> .\n<#heat> s:name \"Heat (ttl)\" .\n",
		"heat.trig": "<http://example.org/g> { <http://example.org/trig> <http://schema.org/name> \"Heat (trig)\" }\n",
		"heat.rdf": `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">
  <rdf:Description rdf:about="#rdf"><s:name>Heat (rdf)</s:name></rdf:Description></rdf:RDF>`,
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(text), 0o644)
		onUI(func() { u.dropped(fyne.Position{}, []fyne.URI{fileURI(path)}) })
		eventually(t, "the summary of "+name, func() bool { return strings.Contains(topText(u), "1 added, 0 duplicates skipped") })
		tapButton(t, u, "Close")
	}
	for _, id := range []string{data.FileIRI(filepath.Join(dir, "heat.ttl")) + "#heat", "http://example.org/trig", data.FileIRI(filepath.Join(dir, "heat.rdf")) + "#rdf"} {
		if _, err := u.ex.Node(context.Background(), graph.ID(id)); err != nil {
			t.Errorf("after the imports, %s is unknown: %v", id, err)
		}
	}
}
