package cli

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

// TestDisputesJSON lists the bundled graph's disputes, then those of the
// first one's node alone.
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
	list := func(args ...string) []dispute {
		t.Helper()
		out, errs, code := run(t, append([]string{"--db", "memory", "disputes", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("disputes %v: exit %d: %s", args, code, errs)
		}
		var got []dispute
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		for _, d := range got {
			if d.Node == "" || d.Label == "" || d.Predicate == "" || len(d.Values) < 2 {
				t.Errorf("disputes %v: %+v lacks a node, label, predicate or two values", args, d)
			}
			for _, v := range d.Values {
				for _, s := range v.Sources {
					if !strings.HasPrefix(s, "urn:reelgraph:src:") {
						t.Errorf("disputes %v: value %q cites %q, not a source IRI", args, v.Value, s)
					}
				}
			}
		}
		return got
	}
	all := list()
	if len(all) == 0 {
		t.Fatal("disputes --json finds no dispute in the bundled graph")
	}
	first := all[0]
	one := list(first.Label)
	found := false
	for _, d := range one {
		if d.Node != first.Node {
			t.Errorf("disputes %q lists a dispute of %s", first.Label, d.Node)
		}
		found = found || d.Predicate == first.Predicate
	}
	if !found {
		t.Errorf("disputes %q lacks its dispute over %s", first.Label, first.Predicate)
	}
	if _, errs, code := run(t, "--db", "memory", "disputes", "Nobody At All"); code != 1 || !strings.Contains(errs, "no node is named") {
		t.Errorf("disputes of an unknown node: exit %d, %q", code, errs)
	}
}
