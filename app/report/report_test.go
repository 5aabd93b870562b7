package report

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"golang.org/x/net/html"

	"reelgraph/graph"
)

// fixture is a small cited graph: two sources state the same revenue, one
// source has a script for an address and markup in its title, and one
// edge is in a foreign vocabulary.
const fixture = `
<urn:reelgraph:id:netflix> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Company> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix" <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <http://schema.org/description> "A streaming company & <studio>." <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <urn:reelgraph:vocab:acquired> <urn:reelgraph:id:scanline> <urn:reelgraph:src:deal> .
<urn:reelgraph:id:netflix> <urn:reelgraph:vocab:acquired> <urn:reelgraph:id:scanline> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:netflix> <http://example.org/rel/partnerWith> <urn:reelgraph:id:scanline> <urn:reelgraph:src:bad> .
<urn:reelgraph:id:scanline> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Company> <urn:reelgraph:src:deal> .
<urn:reelgraph:id:scanline> <http://www.w3.org/2000/01/rdf-schema#label> "Scanline VFX" <urn:reelgraph:src:deal> .
<urn:reelgraph:id:q3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Event> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:q3> <http://www.w3.org/2000/01/rdf-schema#label> "Q3 2025 earnings" <urn:reelgraph:src:letter> .
<urn:reelgraph:id:q3> <urn:reelgraph:vocab:revenue> "11510000000"^^<http://www.w3.org/2001/XMLSchema#decimal> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:q3> <urn:reelgraph:vocab:revenue> "11510000000"^^<http://www.w3.org/2001/XMLSchema#decimal> <urn:reelgraph:src:deal> .
<urn:reelgraph:id:q3> <urn:reelgraph:vocab:currency> "USD" <urn:reelgraph:src:letter> .
<urn:reelgraph:id:q3> <urn:reelgraph:vocab:date> "2025-10-21"^^<http://www.w3.org/2001/XMLSchema#date> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:q3> <urn:reelgraph:vocab:about> <urn:reelgraph:id:netflix> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Source> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://www.w3.org/2000/01/rdf-schema#label> "Q3 2025 shareholder letter" <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://schema.org/publisher> "Netflix" <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://schema.org/datePublished> "2025-10-21"^^<http://www.w3.org/2001/XMLSchema#date> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <http://schema.org/url> "https://ir.netflix.net/q3-2025"^^<http://www.w3.org/2001/XMLSchema#anyURI> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:letter> <urn:reelgraph:vocab:sourceKind> "primary" <urn:reelgraph:src:letter> .
<urn:reelgraph:src:deal> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Source> <urn:reelgraph:src:deal> .
<urn:reelgraph:src:deal> <http://www.w3.org/2000/01/rdf-schema#label> "Netflix buys Scanline" <urn:reelgraph:src:deal> .
<urn:reelgraph:src:deal> <http://schema.org/publisher> "Variety" <urn:reelgraph:src:deal> .
<urn:reelgraph:src:deal> <http://schema.org/url> "http://variety.com/scanline"^^<http://www.w3.org/2001/XMLSchema#anyURI> <urn:reelgraph:src:deal> .
<urn:reelgraph:src:deal> <urn:reelgraph:vocab:sourceKind> "outlet" <urn:reelgraph:src:deal> .
<urn:reelgraph:vocab:date> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2002/07/owl#FunctionalProperty> <urn:reelgraph:src:letter> .
<urn:reelgraph:id:scanline> <urn:reelgraph:vocab:date> "2024-12-18"^^<http://www.w3.org/2001/XMLSchema#date> <urn:reelgraph:src:deal> .
<urn:reelgraph:id:scanline> <urn:reelgraph:vocab:date> "2024-12-19"^^<http://www.w3.org/2001/XMLSchema#date> <urn:reelgraph:src:letter> .
<urn:reelgraph:src:bad> <http://www.w3.org/2000/01/rdf-schema#label> "<script>alert(1)</script> [x](y)" <urn:reelgraph:src:bad> .
<urn:reelgraph:src:bad> <http://schema.org/url> "javascript:alert(1)" <urn:reelgraph:src:bad> .
`

func openFixture(t *testing.T) *graph.Store {
	t.Helper()
	seed := func() quad.Reader { return nquads.NewReader(strings.NewReader(fixture), true) }
	s, err := graph.Open(context.Background(), graph.Location{Backend: graph.Memory}, graph.Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func picture(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.NRGBA{0xff, 0, 0, 0xff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var day = time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)

func neighbourhood(t *testing.T) Report {
	t.Helper()
	s := openFixture(t)
	r, err := Build(context.Background(), s, Input{
		Title: "Briefing: Netflix", Date: day,
		Nodes:   []graph.ID{"urn:reelgraph:id:netflix", "urn:reelgraph:id:scanline", "urn:reelgraph:id:q3"},
		Picture: picture(t), Caption: "Three nodes",
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestBuildNeighbourhood(t *testing.T) {
	r := neighbourhood(t)
	var got []string
	for _, e := range r.Entities {
		got = append(got, "# "+e.Label+" | "+e.Type+" | "+e.Description)
		for _, d := range e.Disputes {
			line := "! " + d.Text + ":"
			for _, v := range d.Values {
				line += " " + v.Text + " " + notes(v)
			}
			got = append(got, line)
		}
		for _, f := range e.Facts {
			got = append(got, f.Text+" "+notes(f))
		}
	}
	// the acquisition's sources come best kind first (the primary letter);
	// the two dates of the deal are a dispute, not two facts
	want := []string{
		"# Netflix | Company | A streaming company & <studio>.",
		"Netflix acquired Scanline VFX. [1 2]",
		"Netflix partner with Scanline VFX. [3]",
		"# Scanline VFX | Company | ",
		"! Sources disagree on the date of Scanline VFX: 19 December 2024 [1] 18 December 2024 [2]",
		"# Q3 2025 earnings | Event | ",
		"Q3 2025 earnings took place on 21 October 2025. [1]",
		"Q3 2025 earnings reported revenue of USD 11,510,000,000. [1 2]",
		"Q3 2025 earnings concerns Netflix. [1]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var srcs []string
	for _, s := range r.Sources {
		srcs = append(srcs, s.Publisher+"|"+s.Date+"|"+s.Kind+"|"+s.URL)
	}
	wantSrcs := []string{"Netflix|2025-10-21|primary|https://ir.netflix.net/q3-2025", "Variety||outlet|http://variety.com/scanline", "|||javascript:alert(1)"}
	if strings.Join(srcs, "\n") != strings.Join(wantSrcs, "\n") {
		t.Errorf("sources: got\n%s\nwant\n%s", strings.Join(srcs, "\n"), strings.Join(wantSrcs, "\n"))
	}
}

func notes(f Fact) string {
	var b strings.Builder
	b.WriteString("[")
	for i, n := range f.Notes {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(string(rune('0' + n)))
	}
	return b.String() + "]"
}

func TestBuildPaths(t *testing.T) {
	s := openFixture(t)
	paths, err := s.Paths(context.Background(), "urn:reelgraph:id:q3", "urn:reelgraph:id:scanline", graph.PathOptions{K: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), s, Input{Title: "Paths", Date: day, Nodes: paths[0].Nodes, Paths: paths})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Paths) != 1 {
		t.Fatalf("got %d chains, want 1", len(r.Paths))
	}
	c := r.Paths[0]
	if want := "Q3 2025 earnings → Netflix → Scanline VFX"; c.Title != want {
		t.Errorf("title: got %q want %q", c.Title, want)
	}
	var hops []string
	for _, h := range c.Hops {
		hops = append(hops, h.Text+" "+notes(h))
	}
	// the acquisition, stated by two sources, is one sentence with both
	want := []string{"Q3 2025 earnings concerns Netflix. [1]", "Netflix acquired Scanline VFX. [2 1]", "Netflix partner with Scanline VFX. [3]"}
	if strings.Join(hops, "\n") != strings.Join(want, "\n") {
		t.Errorf("hops: got\n%s\nwant\n%s", strings.Join(hops, "\n"), strings.Join(want, "\n"))
	}
	for _, e := range r.Entities {
		for _, f := range e.Facts {
			if strings.Contains(f.Text, "acquired") {
				t.Errorf("entity %s repeats the chain's edge %q", e.Label, f.Text)
			}
		}
	}
}

func TestSentences(t *testing.T) {
	v := graph.VocabNS
	tests := []struct {
		name, got, want string
	}{
		{"vocabulary", edgeSentence("The Eternaut", graph.ID(v+"streamedOn"), "streamed on", "Netflix"), "The Eternaut streams on Netflix."},
		{"object first", edgeSentence("Disney v. Midjourney", graph.ID(v+"plaintiff"), "plaintiff", "Disney"), "Disney is a plaintiff in Disney v. Midjourney."},
		{"foreign", edgeSentence("alice", "http://xmlns.com/foaf/0.1/knows", "knows", "Bob"), "Alice knows Bob."},
		{"names with placeholders", edgeSentence("%o", graph.ID(v+"acquired"), "acquired", "%s"), "%o acquired %s."},
		{"date", lit("Sora 2", v+"releaseDate", "2025-09-30", graph.XSD+"date", ""), "Sora 2 was released on 30 September 2025."},
		{"money", lit("Q3", v+"revenue", "11510000000.5", graph.XSD+"decimal", "USD"), "Q3 reported revenue of USD 11,510,000,000.5."},
		{"quote ends a sentence", lit("Call", v+"quote", "Not just cheaper.", "", ""), "Call is quoted: “Not just cheaper.”"},
		{"quote without a stop", lit("Call", v+"quote", "Not just cheaper", "", ""), "Call is quoted: “Not just cheaper”."},
		{"foreign literal", lit("Alice", "http://example.org/shoeSize", "42", graph.XSD+"integer", ""), "The shoe size of Alice is 42."},
		{"percent", lit("Q3", v+"growthPercent", "17.2", graph.XSD+"decimal", ""), "Q3 reported growth of 17.2%."},
		{"not a number", groupThousands("12a4567"), "12a4567"},
		{"negative", groupThousands("-1234567"), "-1,234,567"},
		{"short", groupThousands("999"), "999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q want %q", tt.got, tt.want)
			}
		})
	}
	if _, ok := literalSentence("Q3", graph.Property{Predicate: graph.ID(v + "currency"), Value: "USD"}, "currency", ""); ok {
		t.Error("a currency was written as a sentence of its own")
	}
}

func lit(subject, pred, value, datatype, currency string) string {
	text, _ := literalSentence(subject, graph.Property{Predicate: graph.ID(pred), Value: value, Datatype: graph.ID(datatype)},
		graph.Humanize(graph.LocalName(graph.ID(pred))), currency)
	return text
}

func TestHTML(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteHTML(&buf, neighbourhood(t)); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]bool)
	var hrefs, srcs, texts []string
	count := make(map[string]int)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			count[n.Data]++
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					ids[a.Val] = true
				case a.Key == "href":
					hrefs = append(hrefs, a.Val)
				case a.Key == "src":
					srcs = append(srcs, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("<%s> has an event handler %s", n.Data, a.Key)
				}
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, el := range []string{"script", "iframe", "object", "embed", "link", "base", "form"} {
		if count[el] > 0 {
			t.Errorf("the report has %d <%s>", count[el], el)
		}
	}
	if count["h1"] != 1 || count["figure"] != 1 || count["article"] != 3 || count["time"] != 1 {
		t.Errorf("structure: got %d h1, %d figure, %d article, %d time; want 1, 1, 3, 1", count["h1"], count["figure"], count["article"], count["time"])
	}
	if len(srcs) != 1 || !strings.HasPrefix(srcs[0], "data:image/png;base64,") {
		t.Errorf("img src: got %.40q, want one data:image/png URL", srcs)
	}
	footnotes := 0
	for _, h := range hrefs {
		switch {
		case strings.HasPrefix(h, "#"):
			footnotes++
			if !ids[h[1:]] {
				t.Errorf("footnote %s points nowhere", h)
			}
		case strings.HasPrefix(h, "https://"), strings.HasPrefix(h, "http://"):
		default:
			t.Errorf("link to %q, want only http(s) and footnotes", h)
		}
	}
	if footnotes != 9 {
		t.Errorf("got %d footnote links, want 9", footnotes)
	}
	for _, id := range []string{"source-1", "source-2", "source-3"} {
		if !ids[id] {
			t.Errorf("no source %s", id)
		}
	}
	all := strings.Join(texts, "")
	for _, want := range []string{"Netflix acquired Scanline VFX.", "Sources disagree on the date of Scanline VFX:", "javascript:alert(1)", "<script>alert(1)</script>", "A streaming company & <studio>.", "Primary source", "News outlet", "6 December 2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}

// TestHTMLTidy checks the report with an HTML validator, HTML Tidy, when it
// is installed (make test installs it).
func TestHTMLTidy(t *testing.T) {
	tidy, err := exec.LookPath("tidy")
	if err != nil {
		t.Skip("tidy is not installed (make test installs it)")
	}
	var buf bytes.Buffer
	if err := WriteHTML(&buf, neighbourhood(t)); err != nil {
		t.Fatal(err)
	}
	f := t.TempDir() + "/report.html"
	if err := os.WriteFile(f, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tidy, "-q", "-e", "--show-warnings", "yes", f).CombinedOutput()
	if err != nil {
		t.Errorf("tidy: %v\n%s", err, out)
	}
}

func TestMarkdown(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, neighbourhood(t), "brief.png"); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"# Briefing: Netflix\n",
		"![Picture of the graph: Three nodes](<brief.png>)",
		"- Netflix acquired Scanline VFX.[^1][^2]\n",
		"[^2]: Variety. *Netflix buys Scanline*. <http://variety.com/scanline>. News outlet.\n",
		"- **Sources disagree on the date of Scanline VFX:** 19 December 2024[^1]; 18 December 2024[^2].\n",
		"[^3]: *\\<script\\>alert(1)\\</script\\> \\[x\\](y)*. `javascript:alert(1)`.\n",
		"A streaming company & \\<studio\\>.",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	refs := regexp.MustCompile(`\[\^(\d+)\]`).FindAllStringSubmatch(md, -1)
	defined := regexp.MustCompile(`(?m)^\[\^(\d+)\]:`).FindAllStringSubmatch(md, -1)
	have := make(map[string]bool)
	for _, d := range defined {
		have[d[1]] = true
	}
	for _, r := range refs {
		if !have[r[1]] {
			t.Errorf("footnote %s is not defined", r[1])
		}
	}
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://example.org/a": true, "HTTP://example.org": true, "javascript:alert(1)": false,
		"data:text/html,x": false, "//example.org": false, " https://x.org": false, "ftp://x.org": false,
	} {
		if got := SafeURL(u); got != want {
			t.Errorf("SafeURL(%q): got %v want %v", u, got, want)
		}
	}
}

func TestWriteFile(t *testing.T) {
	r := neighbourhood(t)
	dir := t.TempDir()
	if err := WriteFile(dir+"/brief.md", r); err != nil {
		t.Fatal(err)
	}
	pic, err := os.ReadFile(dir + "/brief.png")
	if err != nil || !bytes.Equal(pic, r.Picture) {
		t.Errorf("the picture beside the Markdown: %v", err)
	}
	md, _ := os.ReadFile(dir + "/brief.md")
	if !strings.Contains(string(md), "(<brief.png>)") {
		t.Errorf("the Markdown does not show brief.png:\n%s", md)
	}
	if err := WriteFile(dir+"/brief.html", r); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("the directory holds %d files, want brief.md, brief.png and brief.html", len(entries))
	}
	if err := WriteFile(dir+"/missing/brief.html", r); err == nil {
		t.Error("writing into a missing directory did not fail")
	}
}
