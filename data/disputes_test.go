package data_test

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/data"
	"reelgraph/graph"
)

func TestFunctionalPredicates(t *testing.T) {
	got := data.FunctionalPredicates()
	want := []string{"amount", "currency", "date", "durationDays", "endDate", "eps", "epsEstimate", "epsForecast",
		"growthPercent", "operatingMarginForecastPercent", "operatingMarginPercent",
		"releaseDate", "revenue", "revenueEstimate", "revenueForecast", "revenueVsEstimate", "startDate", "year"}
	if len(got) != len(want) {
		t.Fatalf("FunctionalPredicates() = %v, want the %d of %v", got, len(want), want)
	}
	for i, w := range want {
		if got[i] != graph.VocabNS+w {
			t.Errorf("FunctionalPredicates()[%d] = %s, want %s", i, got[i], graph.VocabNS+w)
		}
	}
}

// knownConflict is a row of the "Known conflicts" table of docs/DATASET.md.
type knownConflict struct{ node, predicate graph.ID }

// knownConflicts reads the table under "## Known conflicts" in
// docs/DATASET.md: | node | predicate |, each an IRI or an id:/vocab: name.
func knownConflicts(t *testing.T) []knownConflict {
	t.Helper()
	f, err := os.Open("../docs/DATASET.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []knownConflict
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "## ") {
			in = line == "## Known conflicts"
			continue
		}
		if !in || !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) < 2 {
			t.Fatalf("DATASET.md: known conflicts row %q has fewer than two cells", line)
		}
		node, pred := cell(cells[0]), cell(cells[1])
		if node == "node" || strings.Trim(node, "-: ") == "" {
			continue // the header and its rule
		}
		rows = append(rows, knownConflict{expand(node), expand(pred)})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func cell(s string) string { return strings.Trim(strings.TrimSpace(s), "`<>") }

// expand turns id:slug and vocab:term into IRIs.
func expand(name string) graph.ID {
	for prefix, ns := range map[string]string{"id:": graph.EntNS, "vocab:": graph.VocabNS, "src:": graph.SrcNS} {
		if strings.HasPrefix(name, prefix) {
			return graph.ID(ns + strings.TrimPrefix(name, prefix))
		}
	}
	return graph.ID(name)
}

// TestKnownConflicts checks that `disputes` finds every conflict
// docs/DATASET.md lists in the bundled graph.
func TestKnownConflicts(t *testing.T) {
	known := knownConflicts(t)
	if len(known) == 0 {
		t.Fatal(`docs/DATASET.md lists no known conflicts under "## Known conflicts"`)
	}
	ctx := context.Background()
	var functional []graph.ID
	for _, p := range data.FunctionalPredicates() {
		functional = append(functional, graph.ID(p))
	}
	s, err := graph.Open(ctx, graph.Location{Backend: graph.Memory}, graph.Options{
		Seed:       func() quad.Reader { return nquads.NewReader(data.Bundled(), true) },
		Functional: functional,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	disputes, err := s.Disputes(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	found := make(map[knownConflict]bool)
	for _, d := range disputes {
		found[knownConflict{d.Node, d.Predicate}] = true
		t.Logf("dispute: %s %s %v", d.Node, d.Predicate, d.Values)
	}
	listed := make(map[knownConflict]bool)
	for _, k := range known {
		listed[k] = true
		if !found[k] {
			t.Errorf("disputes does not find the known conflict over %s of %s", k.predicate, k.node)
		}
	}
	// A dispute the table does not list is either a new conflict of
	// sources, to be listed, or an error in the data, to be fixed.
	for k := range found {
		if !listed[k] {
			t.Errorf("disputes finds a conflict over %s of %s that docs/DATASET.md does not list", k.predicate, k.node)
		}
	}
}
