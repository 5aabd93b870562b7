package data

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph/vocab"
)

// Thresholds the bundled graph must reach.
const (
	minEntities = 150
	minQuads    = 400
)

const (
	entNS   = vocab.Ent
	srcNS   = vocab.Src
	vocabNS = vocab.Vocab

	rdfType       = vocab.Type
	rdfsLabel     = vocab.Label
	description   = vocab.Description
	alternateName = vocab.AlternateName
	publisher     = vocab.Publisher
	datePublished = vocab.DatePublished
	url           = vocab.URL
	xsd           = vocab.XSD
)

// The vocabulary of docs/VOCABULARY.md, as package vocab names it, keyed
// by term.
var (
	// entityTypes are the types an entity may have.
	entityTypes = termSet(vocab.EntityTypes)
	// relationPredicates are the predicates whose objects are entity IRIs.
	relationPredicates = termSet(vocab.Relations)
	// literalPredicates are the predicates whose objects are literals,
	// with the datatype each must carry ("" for a plain string).
	literalPredicates = byTerm(vocab.Literals)
	// sourceNotes are the optional literal predicates that qualify a
	// Source's metadata, with the values each may take.
	sourceNotes = sourceNoteValues()
)

func termSet(iris []string) map[string]bool {
	out := make(map[string]bool, len(iris))
	for _, iri := range iris {
		out[vocab.Term(iri)] = true
	}
	return out
}

func byTerm(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for iri, v := range m {
		out[vocab.Term(iri)] = v
	}
	return out
}

func sourceNoteValues() map[string]map[string]bool {
	out := make(map[string]map[string]bool)
	for iri, values := range vocab.SourceNotes {
		out[vocab.Term(iri)] = make(map[string]bool)
		for _, v := range values {
			out[vocab.Term(iri)][v] = true
		}
	}
	return out
}

// graph is the parsed bundled dataset with a few indexes.
type graph struct {
	quads []quad.Quad
	// out maps a subject IRI to its quads.
	out map[string][]quad.Quad
}

func readQuads(t *testing.T, r io.Reader) []quad.Quad {
	t.Helper()
	old := nquads.AutoConvertTypedString
	nquads.AutoConvertTypedString = false
	defer func() { nquads.AutoConvertTypedString = old }()
	dec := nquads.NewReader(r, false)
	var qs []quad.Quad
	for {
		q, err := dec.ReadQuad()
		if errors.Is(err, io.EOF) {
			return qs
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		qs = append(qs, q)
	}
}

func load(t *testing.T) *graph {
	t.Helper()
	g := &graph{quads: readQuads(t, Bundled()), out: map[string][]quad.Quad{}}
	for _, q := range g.quads {
		if s, ok := q.Subject.(quad.IRI); ok {
			g.out[string(s)] = append(g.out[string(s)], q)
		}
	}
	return g
}

// values returns the objects of s's quads with predicate p.
func (g *graph) values(s, p string) []quad.Value {
	var vs []quad.Value
	for _, q := range g.out[s] {
		if q.Predicate == quad.IRI(p) {
			vs = append(vs, q.Object)
		}
	}
	return vs
}

// typeOf returns the local name of s's vocabulary type, or "".
func (g *graph) typeOf(s string) string {
	for _, v := range g.values(s, rdfType) {
		if iri, ok := v.(quad.IRI); ok && strings.HasPrefix(string(iri), vocabNS) {
			return strings.TrimPrefix(string(iri), vocabNS)
		}
	}
	return ""
}

// entities returns the IRIs of all entity nodes (subjects in the id:
// namespace), sorted.
func (g *graph) entities() []string {
	var ids []string
	for s := range g.out {
		if strings.HasPrefix(s, entNS) {
			ids = append(ids, s)
		}
	}
	sort.Strings(ids)
	return ids
}

// sources returns the IRIs of all subjects in the src: namespace, sorted.
func (g *graph) sources() []string {
	var ids []string
	for s := range g.out {
		if strings.HasPrefix(s, srcNS) {
			ids = append(ids, s)
		}
	}
	sort.Strings(ids)
	return ids
}

func plainString(v quad.Value) (string, bool) {
	s, ok := v.(quad.String)
	return string(s), ok
}

func TestBundledFiles(t *testing.T) {
	names := BundledFiles()
	if len(names) < 3 {
		t.Fatalf("BundledFiles: got %d files, want at least 3", len(names))
	}
	if !sort.StringsAreSorted(names) {
		t.Errorf("BundledFiles: got %v, want sorted", names)
	}
	var want bytes.Buffer
	for _, n := range names {
		if path.Ext(n) != ".nq" {
			t.Errorf("BundledFiles: got %q, want a .nq file", n)
		}
		b, err := fs.ReadFile(bundledFS, path.Join(bundledDir, n))
		if err != nil {
			t.Fatal(err)
		}
		want.Write(b)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			want.WriteByte('\n')
		}
	}
	got, err := io.ReadAll(Bundled())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("Bundled: got %d bytes, want the %d bytes of the files concatenated in order", len(got), want.Len())
	}
}

// Shapes of the N-Quads terms the bundled files are written with.
const (
	iriRe     = `<[a-zA-Z][a-zA-Z0-9+.-]*:[^<>"{}|^` + "`" + `\\\x00-\x20]*>`
	literalRe = `"(?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*"(?:\^\^` + iriRe + `|@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)?`
	bnodeRe   = `_:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?`
)

var lineRe = regexp.MustCompile(`^(?:` + iriRe + `|` + bnodeRe + `) ` + iriRe + ` (?:` + iriRe + `|` + bnodeRe + `|` + literalRe + `) (?:` + iriRe + `|` + bnodeRe + `) \.$`)

// TestStrictLines checks every statement line has the shape of an N-Quads
// statement with a graph label, and that the lenient quad reader parses
// exactly one quad per statement line, so nothing is silently dropped.
func TestStrictLines(t *testing.T) {
	for _, name := range BundledFiles() {
		t.Run(name, func(t *testing.T) {
			b, err := fs.ReadFile(bundledFS, path.Join(bundledDir, name))
			if err != nil {
				t.Fatal(err)
			}
			lines := 0
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
			for n := 1; sc.Scan(); n++ {
				line := sc.Text()
				trimmed := strings.TrimSpace(line)
				if trimmed == "" || strings.HasPrefix(trimmed, "#") {
					continue
				}
				lines++
				if !lineRe.MatchString(line) {
					t.Errorf("%s:%d: got a line that is not an N-Quads statement with a graph label: %s", name, n, line)
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if got := len(readQuads(t, bytes.NewReader(b))); got != lines {
				t.Errorf("%s: got %d parsed quads, want %d (one per statement line)", name, got, lines)
			}
		})
	}
}

func TestEveryQuadHasSource(t *testing.T) {
	g := load(t)
	for _, q := range g.quads {
		label, ok := q.Label.(quad.IRI)
		if !ok || !strings.HasPrefix(string(label), srcNS) {
			t.Errorf("quad %v: got graph label %v, want a Source IRI (%s…)", q, q.Label, srcNS)
			continue
		}
		if got := g.typeOf(string(label)); got != "Source" {
			t.Errorf("quad %v: graph label %s has type %q, want Source", q, label, got)
		}
	}
}

func TestSources(t *testing.T) {
	g := load(t)
	srcs := g.sources()
	if len(srcs) == 0 {
		t.Fatal("got no sources")
	}
	dateRe := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, s := range srcs {
		if got := g.typeOf(s); got != "Source" {
			t.Errorf("%s: got type %q, want Source", s, got)
		}
		for _, q := range g.out[s] {
			if q.Label != quad.IRI(s) {
				t.Errorf("%s: got a quad about the source labelled %v, want the source itself", s, q.Label)
			}
		}
		for _, p := range []string{rdfsLabel, publisher} {
			vs := g.values(s, p)
			if len(vs) != 1 {
				t.Errorf("%s: got %d %s values, want 1", s, len(vs), p)
				continue
			}
			if v, ok := plainString(vs[0]); !ok || strings.TrimSpace(v) == "" {
				t.Errorf("%s: got %s %v, want a non-empty plain string", s, p, vs[0])
			}
		}
		dates := g.values(s, datePublished)
		if len(dates) != 1 {
			t.Errorf("%s: got %d dates, want 1", s, len(dates))
		} else if ts, ok := dates[0].(quad.TypedString); !ok || ts.Type != xsd+"date" {
			t.Errorf("%s: got date %v, want an xsd:date literal", s, dates[0])
		} else if _, err := time.Parse("2006-01-02", string(ts.Value)); err != nil || !dateRe.MatchString(string(ts.Value)) {
			t.Errorf("%s: got date %q, want YYYY-MM-DD", s, ts.Value)
		}
		for term, allowed := range sourceNotes {
			vs := g.values(s, vocabNS+term)
			if len(vs) > 1 {
				t.Errorf("%s: got %d %s values, want at most 1", s, len(vs), term)
			}
			for _, v := range vs {
				if str, ok := plainString(v); !ok || !allowed[str] {
					t.Errorf("%s: got %s %v, want one of %v", s, term, v, allowed)
				}
			}
		}
		urls := g.values(s, url)
		if len(urls) != 1 {
			t.Errorf("%s: got %d URLs, want 1", s, len(urls))
		} else if ts, ok := urls[0].(quad.TypedString); !ok || ts.Type != xsd+"anyURI" ||
			!(strings.HasPrefix(string(ts.Value), "https://") || strings.HasPrefix(string(ts.Value), "http://")) {
			t.Errorf("%s: got URL %v, want an http(s) xsd:anyURI literal", s, urls[0])
		}
	}
}

func TestEntities(t *testing.T) {
	g := load(t)
	for _, e := range g.entities() {
		var types []string
		for _, v := range g.values(e, rdfType) {
			types = append(types, v.String())
		}
		if len(types) != 1 || !entityTypes[g.typeOf(e)] {
			t.Errorf("%s: got types %v, want exactly one of the entity types", e, types)
		}
		for _, p := range []string{rdfsLabel, description} {
			vs := g.values(e, p)
			if len(vs) == 0 {
				t.Errorf("%s: got no %s, want one", e, p)
			}
			for _, v := range vs {
				if s, ok := plainString(v); !ok || strings.TrimSpace(s) == "" || strings.Contains(s, "\n") {
					t.Errorf("%s: got %s %v, want a one-line plain string", e, p, v)
				}
			}
		}
		if n := len(g.values(e, rdfsLabel)); n > 1 {
			t.Errorf("%s: got %d labels, want 1", e, n)
		}
		for term := range sourceNotes {
			if vs := g.values(e, vocabNS+term); len(vs) > 0 {
				t.Errorf("%s: got %s %v, want it on Sources only", e, term, vs)
			}
		}
		for _, v := range g.values(e, alternateName) {
			if _, ok := plainString(v); !ok {
				t.Errorf("%s: got alternate name %v, want a plain string", e, v)
			}
		}
	}
}

// TestNoDanglingObjects checks every IRI used as an object is described in
// the data: entities have a type, label and description; types are
// vocabulary types.
func TestNoDanglingObjects(t *testing.T) {
	g := load(t)
	for _, q := range g.quads {
		o, ok := q.Object.(quad.IRI)
		if !ok {
			continue
		}
		if q.Predicate == quad.IRI(rdfType) {
			if tname := strings.TrimPrefix(string(o), vocabNS); !entityTypes[tname] && tname != "Source" {
				t.Errorf("quad %v: got type %s, want a vocabulary type", q, o)
			}
			continue
		}
		if g.typeOf(string(o)) == "" || len(g.values(string(o), rdfsLabel)) == 0 || len(g.values(string(o), description)) == 0 {
			t.Errorf("quad %v: object %s is not described (type, label, description)", q, o)
		}
	}
}

// TestPredicateKinds checks relationship predicates always point at IRIs
// and literal predicates always at literals of their datatype, and that
// every vocabulary predicate in use is a known one.
func TestPredicateKinds(t *testing.T) {
	g := load(t)
	iris := map[string]int{}
	lits := map[string]int{}
	for _, q := range g.quads {
		p := string(q.Predicate.(quad.IRI))
		_, isIRI := q.Object.(quad.IRI)
		if isIRI {
			iris[p]++
		} else {
			lits[p]++
		}
		if !strings.HasPrefix(p, vocabNS) {
			continue
		}
		term := strings.TrimPrefix(p, vocabNS)
		switch dt, isLit := literalPredicates[term]; {
		case relationPredicates[term]:
			if !isIRI {
				t.Errorf("quad %v: relationship predicate %s got a literal, want an IRI", q, term)
			} else if !strings.HasPrefix(string(q.Object.(quad.IRI)), entNS) {
				t.Errorf("quad %v: relationship predicate %s got %v, want an entity IRI", q, term, q.Object)
			}
		case isLit:
			switch v := q.Object.(type) {
			case quad.String:
				if dt != "" {
					t.Errorf("quad %v: %s got a plain string, want a %s literal", q, term, dt)
				}
			case quad.TypedString:
				if string(v.Type) != dt {
					t.Errorf("quad %v: %s got datatype %s, want %q", q, term, v.Type, dt)
				}
			default:
				t.Errorf("quad %v: literal predicate %s got %T, want a literal", q, term, q.Object)
			}
		default:
			t.Errorf("quad %v: got unknown predicate %s, want one listed in docs/VOCABULARY.md", q, term)
		}
	}
	for p := range iris {
		if lits[p] > 0 {
			t.Errorf("predicate %s: got %d IRI objects and %d literal objects, want one kind", p, iris[p], lits[p])
		}
	}
	// Typed literals anywhere must be well-formed for their datatype.
	for _, q := range g.quads {
		ts, ok := q.Object.(quad.TypedString)
		if !ok {
			continue
		}
		v := string(ts.Value)
		var bad bool
		switch ts.Type {
		case xsd + "date":
			_, err := time.Parse("2006-01-02", v)
			bad = err != nil
		case xsd + "gYear":
			bad = !regexp.MustCompile(`^\d{4}$`).MatchString(v)
		case xsd + "decimal":
			bad = !regexp.MustCompile(`^-?\d+(\.\d+)?$`).MatchString(v)
		case xsd + "integer":
			bad = !regexp.MustCompile(`^-?\d+$`).MatchString(v)
		case xsd + "anyURI":
			bad = !strings.HasPrefix(v, "http")
		default:
			t.Errorf("quad %v: got datatype %s, want xsd:date, gYear, decimal, integer or anyURI", q, ts.Type)
		}
		if bad {
			t.Errorf("quad %v: got %q, not a valid %s", q, v, ts.Type)
		}
	}
}

// foldAccents maps accented Latin letters to their base letter.
var foldAccents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ā", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "ē", "e", "ę", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ī", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ō", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ū", "u",
	"ñ", "n", "ń", "n", "ç", "c", "ć", "c", "č", "c", "š", "s", "ś", "s",
	"ž", "z", "ź", "z", "ż", "z", "ý", "y", "ÿ", "y", "ł", "l", "ř", "r",
	"–", "-", "—", "-", "’", "'", "‘", "'",
)

// normalize lowercases a label, strips accents and collapses whitespace.
func normalize(s string) string {
	return strings.Join(strings.Fields(foldAccents.Replace(strings.ToLower(s))), " ")
}

func TestUniqueLabels(t *testing.T) {
	g := load(t)
	seen := map[string]string{}
	for _, e := range g.entities() {
		for _, v := range g.values(e, rdfsLabel) {
			s, _ := plainString(v)
			n := normalize(s)
			if other, ok := seen[n]; ok {
				t.Errorf("%s and %s: got the same normalized label %q, want distinct labels", other, e, n)
			}
			seen[n] = e
		}
	}
	if got := normalize("  Eternauta  ÉL\tX "); got != "eternauta el x" {
		t.Errorf("normalize: got %q, want %q", got, "eternauta el x")
	}
}

func TestCounts(t *testing.T) {
	g := load(t)
	if got := len(g.entities()); got < minEntities {
		t.Errorf("got %d entities, want at least %d", got, minEntities)
	}
	if got := len(g.quads); got < minQuads {
		t.Errorf("got %d quads, want at least %d", got, minQuads)
	}
	perType := map[string]int{}
	for _, e := range g.entities() {
		perType[g.typeOf(e)]++
	}
	t.Logf("quads=%d entities=%d sources=%d per type=%v", len(g.quads), len(g.entities()), len(g.sources()), perType)
}

// TestKeyFacts checks facts the rest of Reelgraph and its users rely on.
func TestKeyFacts(t *testing.T) {
	g := load(t)
	has := func(s, p, o string) bool {
		for _, v := range g.values(entNS+s, vocabNS+p) {
			if v == quad.IRI(entNS+o) {
				return true
			}
		}
		return false
	}
	hasLit := func(s, p, o string) bool {
		for _, v := range g.values(entNS+s, vocabNS+p) {
			switch v := v.(type) {
			case quad.String:
				if string(v) == o {
					return true
				}
			case quad.TypedString:
				if string(v.Value) == o {
					return true
				}
			}
		}
		return false
	}
	tests := []struct {
		name    string
		s, p, o string
		literal bool
	}{
		{"Eternaut streamed on Netflix", "the-eternaut", "streamedOn", "netflix", false},
		{"Eternaut used generative AI VFX", "the-eternaut", "usedTechnique", "generative-ai-vfx", false},
		{"Eternaut is Argentine", "the-eternaut", "country", "Argentina", true},
		{"Happy Gilmore 2 used de-aging", "happy-gilmore-2", "usedTechnique", "de-aging", false},
		{"Happy Gilmore 2 streamed on Netflix", "happy-gilmore-2", "streamedOn", "netflix", false},
		{"Billionaires' Bunker used AI pre-visualization", "billionaires-bunker", "usedTechnique", "ai-previsualization", false},
		{"Sarandos leads Netflix", "ted-sarandos", "leads", "netflix", false},
		{"Q3 2025 revenue", "netflix-q3-2025-earnings", "revenue", "11510000000", true},
		{"Q3 2025 date", "netflix-q3-2025-earnings", "date", "2025-10-21", true},
		{"Sora 2 made by OpenAI", "sora-2", "madeBy", "openai", false},
		{"ChatGPT made by OpenAI", "chatgpt", "madeBy", "openai", false},
		{"Cranston in the joint statement", "sora-2-joint-statement", "statementBy", "bryan-cranston", false},
		{"SAG-AFTRA in the joint statement", "sora-2-joint-statement", "statementBy", "sag-aftra", false},
		{"CAA in the joint statement", "sora-2-joint-statement", "statementBy", "caa", false},
		{"UTA in the joint statement", "sora-2-joint-statement", "statementBy", "uta", false},
		{"Cranston in the Sora 2 controversy", "sora-2-likeness-controversy", "involves", "bryan-cranston", false},
		{"Tilly Norwood created by Xicoia", "tilly-norwood", "createdBy", "xicoia", false},
		{"Xicoia part of Particle6", "xicoia", "subsidiaryOf", "particle6", false},
		{"SAG-AFTRA criticized Tilly Norwood", "sag-aftra", "criticized", "tilly-norwood", false},
		{"Sean Astin leads SAG-AFTRA", "sean-astin", "leads", "sag-aftra", false},
		{"Eternaut VFX by Eyeline Studios", "the-eternaut", "vfxBy", "eyeline-studios", false},
		{"Lionsgate in the Runway partnership", "lionsgate-runway-partnership", "involves", "lionsgate", false},
		{"Runway in the Lionsgate partnership", "lionsgate-runway-partnership", "involves", "runway", false},
		{"Lionsgate–Runway partnership date", "lionsgate-runway-partnership", "date", "2024-09-18", true},
		{"Disney sued Midjourney", "disney-universal-v-midjourney", "plaintiff", "disney", false},
		{"Universal sued Midjourney", "disney-universal-v-midjourney", "plaintiff", "universal", false},
		{"Midjourney defendant", "disney-universal-v-midjourney", "defendant", "midjourney-inc", false},
		{"WBD sued Midjourney", "wbd-v-midjourney", "plaintiff", "warner-bros-discovery", false},
		{"Autodesk acquired Wonder Dynamics", "autodesk", "acquired", "wonder-dynamics", false},
		{"Here used Metaphysic Live", "here", "usedTool", "metaphysic-live", false},
		{"Here used de-aging", "here", "usedTechnique", "de-aging", false},
		{"The Brutalist used Respeecher", "the-brutalist", "usedTool", "respeecher-voice-tool", false},
		{"Secret Invasion credits by Method Studios", "secret-invasion", "vfxBy", "method-studios", false},
		{"Late Night with the Devil used AI imagery", "late-night-with-the-devil", "usedTechnique", "ai-generated-imagery", false},
		{"Veo 3 made by Google", "veo-3", "madeBy", "google", false},
		{"Runway Gen-4 made by Runway", "runway-gen-4", "madeBy", "runway", false},
		{"Adobe Firefly made by Adobe", "adobe-firefly", "madeBy", "adobe", false},
		{"Stable Diffusion made by Stability AI", "stable-diffusion", "madeBy", "stability-ai", false},
		{"Sora 2 succeeds Sora", "sora-2", "successorOf", "sora", false},
		{"WGA strike start", "wga-strike-2023", "startDate", "2023-05-02", true},
		{"SAG-AFTRA strike start", "sag-aftra-strike-2023", "startDate", "2023-07-14", true},
		{"Video game strike start", "video-game-strike", "startDate", "2024-07-26", true},
		{"Fortnite charge against Llama Productions", "sag-aftra-v-llama-productions", "defendant", "llama-productions", false},
		{"Disney–OpenAI deal", "disney-openai-deal", "involves", "disney", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ok bool
			if tc.literal {
				ok = hasLit(tc.s, tc.p, tc.o)
			} else {
				ok = has(tc.s, tc.p, tc.o)
			}
			if !ok {
				var got []string
				for _, v := range g.values(entNS+tc.s, vocabNS+tc.p) {
					got = append(got, v.String())
				}
				t.Errorf("%s %s: got %v, want %s", tc.s, tc.p, got, tc.o)
			}
		})
	}
}
