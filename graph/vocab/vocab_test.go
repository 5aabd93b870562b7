package vocab

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// docTerms reads the tables of docs/VOCABULARY.md: for each section
// heading, the vocab: terms in the first column, each with its second
// column.
func docTerms(t *testing.T) map[string]map[string]string {
	t.Helper()
	f, err := os.Open("../../docs/VOCABULARY.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make(map[string]map[string]string)
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if h, ok := strings.CutPrefix(line, "## "); ok {
			section = h
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 4 {
			continue
		}
		term, ok := strings.CutPrefix(strings.Trim(strings.TrimSpace(cells[1]), "`"), "vocab:")
		if !ok {
			continue
		}
		if out[section] == nil {
			out[section] = make(map[string]string)
		}
		out[section][Vocab+term] = strings.TrimSpace(cells[2])
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestMatchesVocabularyDoc checks that the package and docs/VOCABULARY.md
// name the same types and predicates, with the same datatypes.
func TestMatchesVocabularyDoc(t *testing.T) {
	doc := docTerms(t)
	types := keys(doc["Types"])
	want := append(slices.Clone(EntityTypes), Source)
	slices.Sort(want)
	if !slices.Equal(types, want) {
		t.Errorf("types: got %v in the doc, want %v", types, want)
	}
	rels := keys(doc["Relationship predicates (object is an entity IRI)"])
	if !slices.Equal(rels, Relations) {
		t.Errorf("relationship predicates: got %v in the doc, want %v (sorted)", rels, Relations)
	}
	lits := doc["Literal predicates (object is a literal)"]
	if got, want := keys(lits), keys(Literals); !slices.Equal(got, want) {
		t.Errorf("literal predicates: got %v in the doc, want %v", got, want)
	}
	for p, cell := range lits {
		want := "plain string"
		if dt := Literals[p]; dt != "" {
			want = "`xsd:" + strings.TrimPrefix(dt, XSD) + "`"
		}
		if cell != want {
			t.Errorf("%s: got datatype %s in the doc, want %s", p, cell, want)
		}
	}
	for p := range SourceNotes {
		if _, ok := Literals[p]; !ok {
			t.Errorf("source note %s is not a literal predicate", p)
		}
	}
	for _, p := range Relations {
		if _, ok := Literals[p]; ok {
			t.Errorf("%s is both a relationship and a literal predicate", p)
		}
	}
}

func TestLocalName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{Company, "Company"},
		{"http://schema.org/name", "name"},
		{"http://www.w3.org/2000/01/rdf-schema#label", "label"},
		{"http://example.org/a/", "a"},
		{"plain", "plain"},
		{"", ""},
	} {
		if got := LocalName(tc.in); got != tc.want {
			t.Errorf("LocalName(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHumanize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"usedTool", "used tool"},
		{"directed_by", "directed by"},
		{"AITool", "AITool"},
		{"vfxBy", "vfx by"},
	} {
		if got := Humanize(tc.in); got != tc.want {
			t.Errorf("Humanize(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTerm(t *testing.T) {
	if got := Term(LegalCase); got != "LegalCase" {
		t.Errorf("Term(%q): got %q, want LegalCase", LegalCase, got)
	}
	if got := Term(Schema + "name"); got != "" {
		t.Errorf("Term(schema:name): got %q, want empty", got)
	}
}
