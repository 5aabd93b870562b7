package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"reelgraph/data"
)

const cliNQ = `<http://example.org/heat> <http://www.w3.org/2000/01/rdf-schema#label> "Heat" .
<http://example.org/heat> <urn:reelgraph:vocab:streamedOn> <urn:reelgraph:id:netflix> .
<http://example.org/nflx> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" .
`

func TestImportExportCLI(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "store")
	file := filepath.Join(dir, "films.nq")
	os.WriteFile(file, []byte(cliNQ), 0o644)

	out, errs, code := run(t, "--db", db, "import", file, "--note", "a test")
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	for _, want := range []string{"3 quads read, 3 added, 0 duplicates skipped", "new entities: 2", `"Netflix" http://example.org/nflx  ~  "Netflix" urn:reelgraph:id:netflix`, "urn:reelgraph:import:sha256-"} {
		if !strings.Contains(out, want) {
			t.Errorf("import output lacks %q:\n%s", want, out)
		}
	}
	out, errs, code = run(t, "--db", db, "import", file, "--json")
	var sums []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &sums) != nil || len(sums) != 1 || sums[0]["Added"] != 0.0 || sums[0]["Duplicates"] != 3.0 {
		t.Errorf("second import: exit %d, %s %s", code, out, errs)
	}

	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, []byte(cliNQ+"<http://example.org/x> <p> \"y\" .\n"), 0o644)
	_, errs, code = run(t, "--db", db, "import", bad)
	if code != 1 || !strings.Contains(errs, "bad.nq:4:24: relative IRI <p>") || !strings.Contains(errs, "the store is as it was") {
		t.Errorf("bad import: exit %d, %s", code, errs)
	}

	graphml := filepath.Join(dir, "heat.graphml")
	_, errs, code = run(t, "--db", db, "export", "--from", "Heat", "--hops", "1", "-o", graphml)
	b, _ := os.ReadFile(graphml)
	if code != 0 || !strings.Contains(string(b), "<data key=\"label\">Heat</data>") || !strings.Contains(errs, "as GraphML") {
		t.Errorf("export graphml: exit %d, %s\n%s", code, errs, b)
	}
	csvDir := filepath.Join(dir, "csv")
	_, errs, code = run(t, "--db", db, "export", "--format", "csv", "--nodes", "Heat,urn:reelgraph:id:netflix", "-o", csvDir)
	edges, _ := os.ReadFile(filepath.Join(csvDir, "edges.csv"))
	if code != 0 || !strings.Contains(string(edges), "http://example.org/heat,urn:reelgraph:vocab:streamedOn,urn:reelgraph:id:netflix,urn:reelgraph:import:sha256-") {
		t.Errorf("export csv: exit %d, %s\n%s", code, errs, edges)
	}
	nq := filepath.Join(dir, "all.nq")
	_, errs, code = run(t, "--db", db, "export", "--all", "-o", nq)
	b, _ = os.ReadFile(nq)
	if code != 0 || strings.Count(string(b), "\n") < 1300 {
		t.Errorf("export all: exit %d, %s, %d lines", code, errs, strings.Count(string(b), "\n"))
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "give the files to import"},
		{[]string{"export", "-o", nq}, "one of --all"},
		{[]string{"export", "--all"}, "give the output with -o"},
		{[]string{"export", "--all", "-o", "x.bin"}, "give the format"},
		{[]string{"export", "--all", "--format", "pdf", "-o", "x"}, "cannot export \"pdf\""},
	} {
		_, errs, code := run(t, append([]string{"--db", db}, tc.args...)...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	_, errs, code = run(t, "--db", db, "export", "--from", "Nobody", "-o", nq)
	if code != 1 || !strings.Contains(errs, `no node is named "Nobody"`) {
		t.Errorf("unknown node: exit %d, %s", code, errs)
	}
}

// TestImportKeepsBlankNodesApart: two files that both call a node _:b0
// describe two nodes, as RDF says, and importing one of them again adds
// nothing.
func TestImportKeepsBlankNodesApart(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "store")
	var files []string
	for _, name := range []string{"Avery Quill", "Blake Orwin"} {
		f := filepath.Join(dir, strings.Fields(name)[0]+".nq")
		os.WriteFile(f, []byte(`_:b0 <http://www.w3.org/2000/01/rdf-schema#label> "`+name+`" .
_:b0 <urn:reelgraph:vocab:worksAt> <urn:reelgraph:id:netflix> .
`), 0o644)
		files = append(files, f)
	}
	if _, errs, code := run(t, append([]string{"--db", db, "import"}, files...)...); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errs)
	}
	ids := map[string]string{}
	for _, name := range []string{"Avery Quill", "Blake Orwin"} {
		out, errs, code := run(t, "--db", db, "search", name, "--json")
		var hits []struct{ ID, Label string }
		if code != 0 || json.Unmarshal([]byte(out), &hits) != nil || len(hits) == 0 || hits[0].Label != name {
			t.Fatalf("search %q: exit %d, %s %s", name, code, out, errs)
		}
		ids[name] = hits[0].ID
	}
	if ids["Avery Quill"] == ids["Blake Orwin"] {
		t.Errorf("both files' _:b0 became one node, %s", ids["Avery Quill"])
	}
	out, errs, code := run(t, "--db", db, "import", files[0], "--json")
	var sums []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &sums) != nil || len(sums) != 1 || sums[0]["Added"] != 0.0 {
		t.Errorf("importing the first file again: exit %d, %s %s; want nothing added", code, out, errs)
	}
}

func TestImportCSVWithMapping(t *testing.T) {
	dir := t.TempDir()
	table := filepath.Join(dir, "people.tsv")
	os.WriteFile(table, []byte("who\tworks at\tcited\nAna\tNetflix\thttps://example.org/a\n"), 0o644)
	mapping := filepath.Join(dir, "map.toml")
	os.WriteFile(mapping, []byte("kind = \"edges\"\nbase = \"http://example.org/\"\npredicate = \"worksAt\"\n[columns]\nwho = \"source\"\n\"works at\" = \"target\"\ncited = \"document\"\n"), 0o644)
	out, errs, code := run(t, "--db", "memory", "import", table, "--map", mapping)
	if code != 0 || !strings.Contains(out, "4 quads read, 4 added") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
}

// TestImportFilmSetCLI imports Cayley's film set through the command line,
// in the relative-IRI dialect, into a store on disk.
func TestImportFilmSetCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("the film set takes a while; run without -short")
	}
	gomod, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/cayleygraph/cayley").Output()
	if err != nil {
		t.Skip("cannot find the cayley module")
	}
	film := filepath.Join(strings.TrimSpace(string(gomod)), "data", "30kmoviedata.nq.gz")
	db := "bolt:" + filepath.Join(t.TempDir(), "store")
	_, errs, code := run(t, "--db", db, "--empty", "import", film)
	if code != 1 || !strings.Contains(errs, "30kmoviedata.nq.gz:1:") || !strings.Contains(errs, "relative IRI") {
		t.Errorf("strict import of the film set: exit %d, %s", code, errs)
	}
	if raceEnabled {
		t.Skip("importing the whole film set on disk takes minutes under -race; graph.TestImportFilmSet checks the count in memory")
	}
	out, errs, code := run(t, "--db", db, "--empty", "import", film, "--relative-iris", "--json")
	var sums []struct{ Read, Added, Duplicates int }
	if code != 0 || json.Unmarshal([]byte(out), &sums) != nil || sums[0].Read != 471705 || sums[0].Added != 471705 {
		t.Errorf("film set: exit %d, %s %s", code, out, errs)
	}
}

// TestImportErrorCancelled: a cancelled import says so, however deep the
// store wrapped the context's error.
func TestImportErrorCancelled(t *testing.T) {
	for _, err := range []error{context.Canceled, fmt.Errorf("graph: import: %w", context.Canceled)} {
		got := importError("films.nq", err).Error()
		if want := "import of films.nq cancelled; the store is as it was"; got != want {
			t.Errorf("importError(%v) = %q, want %q", err, got, want)
		}
	}
}

// TestDigestStopsWhenCancelled: the digest of a file as large as a disk
// (sparse here) stops as soon as the import is cancelled.
func TestDigestStopsWhenCancelled(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.nq")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 40); err != nil {
		t.Skip("no sparse files here:", err)
	}
	f.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var opt data.ReadOptions
	if _, err := FileSource(ctx, path, &opt); !errors.Is(err, context.Canceled) {
		t.Errorf("fileSource after cancel: %v, want context.Canceled", err)
	}
}

// RDF documents with relative IRIs import against the file's own IRI or
// --base; one whose IRIs cannot be made absolute fails instead of losing
// statements.
func TestImportRDFDocumentsCLI(t *testing.T) {
	dir := t.TempDir()
	db := "bolt:" + filepath.Join(dir, "store")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	ttl := write("films.ttl", "@prefix s: <http://schema.org/> .\n<#heat> s:name \"Heat\" ; s:actor <#pacino> .\n")
	jld := write("films.jsonld", `{"@context": {"@vocab": "http://schema.org/"}, "@id": "heat2", "name": "Heat 2", "actor": {"@id": "pacino"}}`)
	ctx := write("ctx.json", `{"@context": {"title": "http://schema.org/name"}}`)
	bare := write("bare.jsonld", `{"@id": "http://example.org/x", "title": "X"}`)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{ttl}, "2 quads read, 2 added"},
		{[]string{jld, "--base", "http://example.org/films/"}, "2 quads read, 2 added"},
		{[]string{bare, "--expand-context", ctx}, "1 quads read, 1 added"},
	} {
		out, errs, code := run(t, append([]string{"--db", db, "import"}, tc.args...)...)
		if code != 0 || !strings.Contains(out, tc.want) {
			t.Errorf("import %v: exit %d, %s %s; want %q", tc.args, code, out, errs, tc.want)
		}
	}
	out, _, _ := run(t, "--db", db, "show", "http://example.org/films/heat2")
	if !strings.Contains(out, "Heat 2") {
		t.Errorf("the JSON-LD document's relative @id was not resolved against --base:\n%s", out)
	}
	_, errs, code := run(t, "--db", db, "import", bare)
	if code != 1 || !strings.Contains(errs, `the property "title" maps to no IRI`) {
		t.Errorf("import of a document with an unmapped property: exit %d, %s", code, errs)
	}
	trig := filepath.Join(dir, "all.trig")
	if _, errs, code := run(t, "--db", db, "export", "--all", "-o", trig); code != 0 {
		t.Fatalf("export trig: exit %d, %s", code, errs)
	}
	if b, _ := os.ReadFile(trig); !strings.Contains(string(b), "@prefix schema: <http://schema.org/> .") {
		t.Errorf("the TriG export lacks the schema: prefix:\n%.600s", b)
	}
}

// TestNoteOnImportLeftovers: any command that opens the store removes what
// an interrupted import left behind, and says so.
func TestNoteOnImportLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	if _, errs, code := run(t, "--db", "bolt:"+dir, "--empty", "stats"); code != 0 {
		t.Fatalf("stats: exit %d, %s", code, errs)
	}
	left := filepath.Join(dir, ".import-123")
	os.Mkdir(left, 0o700)
	os.WriteFile(filepath.Join(left, "indexes.bolt"), make([]byte, 1<<20), 0o600)
	_, errs, code := run(t, "--db", "bolt:"+dir, "search", "x")
	if code != 0 || !strings.Contains(errs, "reelgraph: note: removed 1 unfinished import (1.0 MB)") {
		t.Errorf("search: exit %d, stderr %q; want a note on the removed import", code, errs)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the leftover is still there: %v", err)
	}
}

func TestConvertCLI(t *testing.T) {
	dir := t.TempDir()
	ttl := filepath.Join(dir, "films.ttl")
	os.WriteFile(ttl, []byte("@prefix s: <http://schema.org/> .\n<heat> s:name \"Heat\" ; s:actor [ s:name \"Al Pacino\" ] .\n"), 0o644)
	out := filepath.Join(dir, "films.nq")
	_, errs, code := run(t, "convert", ttl, "--base", "http://example.org/", "-o", out)
	b, _ := os.ReadFile(out)
	if code != 0 || strings.Count(string(b), "\n") != 3 || !strings.Contains(string(b), `<http://example.org/heat> <http://schema.org/name> "Heat" .`) || !strings.Contains(errs, "wrote 3 statements") {
		t.Errorf("convert: exit %d, %s\n%s", code, errs, b)
	}
	bad := filepath.Join(dir, "bad.ttl")
	os.WriteFile(bad, []byte("<a> <b> <c> .\n<d> <e> .\n"), 0o644)
	_, errs, code = run(t, "convert", bad, "--to", "trig", "-o", filepath.Join(dir, "bad.trig"))
	if _, err := os.Stat(filepath.Join(dir, "bad.trig")); code != 1 || err == nil || !strings.Contains(errs, "bad.ttl:2:9:") {
		t.Errorf("convert of a bad file: exit %d, %s (the output must not exist: %v)", code, errs, err)
	}
}
