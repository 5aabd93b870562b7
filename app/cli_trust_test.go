package app

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesJSON lists the sources, regrades one in a store on disk and
// lists them again: the grade persists and puts the source first.
func TestSourcesJSON(t *testing.T) {
	db := "bolt:" + filepath.Join(t.TempDir(), "store")
	list := func() []map[string]any {
		t.Helper()
		out, errs, code := run(t, "--db", db, "sources", "--json")
		if code != 0 {
			t.Fatalf("sources --json: exit %d: %s", code, errs)
		}
		var srcs []map[string]any
		if err := json.Unmarshal([]byte(out), &srcs); err != nil {
			t.Fatal(err)
		}
		if len(srcs) == 0 {
			t.Fatal("sources --json lists no source")
		}
		for _, k := range []string{"iri", "title", "publisher", "date", "url", "kind", "facts"} {
			if _, ok := srcs[0][k]; !ok {
				t.Errorf("sources --json: %v lacks %q", srcs[0], k)
			}
		}
		return srcs
	}
	before := list()
	last := before[len(before)-1]
	iri := last["iri"].(string)
	if _, errs, code := run(t, "--db", db, "regrade", iri, "primary"); code != 0 {
		t.Fatalf("regrade: exit %d: %s", code, errs)
	}
	after := list()
	at := -1
	for i, s := range after {
		if s["iri"] == iri {
			at = i
		}
	}
	if at < 0 || after[at]["kind"] != "primary" {
		t.Fatalf("after regrading %s primary, sources --json lists it as %v", iri, after[max(at, 0)])
	}
	for _, s := range after[:at] {
		if s["kind"] != "primary" {
			t.Errorf("sources --json lists %v (not primary) before %s, graded primary", s["iri"], iri)
		}
	}
	want := last["facts"].(float64) // the grade is a fact, replacing an older one
	if last["kind"] == "none" {
		want++
	}
	if got := after[at]["facts"].(float64); got != want {
		t.Errorf("facts of %s went from %v to %v; want %v", iri, last["facts"], got, want)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"regrade", iri, "rumour"}, 2, "not a kind of source"},
		{[]string{"regrade", "Netflix", "outlet"}, 1, "is not a source"},
		{[]string{"regrade", iri}, 2, "give the source and its kind"},
	} {
		if _, errs, code := run(t, append([]string{"--db", db}, tc.args...)...); code != tc.code || !strings.Contains(errs, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.stderr)
		}
	}
}

// TestDisputesJSON finds the bundled graph's disputed release date of
// Sora 2, in the whole store and for the node alone.
func TestDisputesJSON(t *testing.T) {
	type dispute struct {
		Node      string `json:"node"`
		Label     string `json:"label"`
		Predicate string `json:"predicate"`
		Values    []struct {
			Value   string   `json:"value"`
			Sources []string `json:"sources"`
		} `json:"values"`
	}
	for _, tc := range []struct {
		args []string
		all  bool
	}{
		{[]string{"disputes", "--json"}, true},
		{[]string{"disputes", "Sora 2", "--json"}, false},
	} {
		out, errs, code := run(t, append([]string{"--db", "memory"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errs)
		}
		var got []dispute
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, d := range got {
			if d.Node != "urn:reelgraph:id:sora-2" {
				if !tc.all {
					t.Errorf("%v lists a dispute of %s", tc.args, d.Node)
				}
				continue
			}
			found = d.Predicate == "urn:reelgraph:vocab:releaseDate" && d.Label == "Sora 2" && len(d.Values) == 2 &&
				len(d.Values[0].Sources) > 0 && len(d.Values[1].Sources) > 0
		}
		if !found {
			t.Errorf("%v: no dispute of Sora 2's release date with two sourced values in\n%s", tc.args, out)
		}
	}
	if _, errs, code := run(t, "--db", "memory", "disputes", "Nobody At All"); code != 1 || !strings.Contains(errs, "no node is named") {
		t.Errorf("disputes of an unknown node: exit %d, %q", code, errs)
	}
}
