package data

import (
	"math"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
)

// The bars the bundled graph must meet (issue "Trust you can see").
const (
	// minGradedShare is the share of fact quads that must be labelled with
	// a primary or outlet source.
	minGradedShare = 0.75
	// minEntityTriples is the number of distinct entity-to-entity triples.
	minEntityTriples = 700
)

// sourceKinds are the kinds a bundled Source may have; "import" is for
// sources an import creates and never appears in the bundled files.
var sourceKinds = map[string]bool{"primary": true, "outlet": true, "republication": true}

// kindOf returns the sourceKind of source s, or "".
func (g *graph) kindOf(s string) string {
	for _, v := range g.values(s, vocabNS+"sourceKind") {
		if k, ok := plainString(v); ok {
			return k
		}
	}
	return ""
}

// facts returns the quads whose subject is not a Source.
func (g *graph) facts() []quad.Quad {
	var fs []quad.Quad
	for _, q := range g.quads {
		if s, ok := q.Subject.(quad.IRI); ok && strings.HasPrefix(string(s), srcNS) {
			continue
		}
		fs = append(fs, q)
	}
	return fs
}

// dataset returns docs/DATASET.md.
func dataset(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../docs/DATASET.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSourceKinds(t *testing.T) {
	g := load(t)
	for _, s := range g.sources() {
		kinds := g.values(s, vocabNS+"sourceKind")
		if len(kinds) != 1 {
			t.Errorf("%s: got %d sourceKind values, want 1", s, len(kinds))
		} else if k, _ := plainString(kinds[0]); !sourceKinds[k] {
			t.Errorf("%s: got sourceKind %v, want primary, outlet or republication", s, kinds[0])
		}
		checked := g.values(s, vocabNS+"checked")
		if len(checked) != 1 {
			t.Errorf("%s: got %d checked notes, want 1 saying how the source was checked", s, len(checked))
		} else if c, ok := plainString(checked[0]); !ok || len(strings.TrimSpace(c)) < 20 {
			t.Errorf("%s: got checked %v, want a sentence", s, checked[0])
		}
	}
}

func TestGradedShare(t *testing.T) {
	g := load(t)
	byKind := map[string]int{}
	facts := g.facts()
	for _, q := range facts {
		byKind[g.kindOf(string(q.Label.(quad.IRI)))]++
	}
	graded := byKind["primary"] + byKind["outlet"]
	share := float64(graded) / float64(len(facts))
	t.Logf("%d facts: primary %d, outlet %d, republication %d, none %d; primary or outlet %.1f%%",
		len(facts), byKind["primary"], byKind["outlet"], byKind["republication"], byKind[""], 100*share)
	if share < minGradedShare {
		t.Errorf("got %.1f%% of facts backed by a primary or outlet source, want at least %.0f%%", 100*share, 100*minGradedShare)
	}
}

// TestRepublicationsListed checks that every fact backed only by
// republications names, in docs/DATASET.md, the republication it rests on.
func TestRepublicationsListed(t *testing.T) {
	g := load(t)
	doc := dataset(t)
	type triple struct{ s, p, o string }
	labels := map[triple][]string{}
	for _, q := range g.facts() {
		k := triple{q.Subject.String(), q.Predicate.String(), q.Object.String()}
		labels[k] = append(labels[k], string(q.Label.(quad.IRI)))
	}
	missing := map[string]int{}
	for _, srcs := range labels {
		weak := true
		for _, s := range srcs {
			if k := g.kindOf(s); k == "primary" || k == "outlet" {
				weak = false
			}
		}
		if !weak {
			continue
		}
		for _, s := range srcs {
			if !strings.Contains(doc, s) {
				missing[s]++
			}
		}
	}
	for s, n := range missing {
		t.Errorf("%s backs %d facts that no primary or outlet source backs; docs/DATASET.md must list it", s, n)
	}
}

// decimal parses an xsd:decimal or xsd:integer literal.
func decimal(v quad.Value) (float64, bool) {
	ts, ok := v.(quad.TypedString)
	if !ok || (ts.Type != xsd+"decimal" && ts.Type != xsd+"integer") {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(ts.Value), 64)
	return f, err == nil
}

// valuesBy returns s's objects for predicate p, keyed by the source that
// states each.
func (g *graph) valuesBy(s, p string) map[string][]quad.Value {
	m := map[string][]quad.Value{}
	for _, q := range g.out[s] {
		if q.Predicate == quad.IRI(p) {
			l := string(q.Label.(quad.IRI))
			m[l] = append(m[l], q.Object)
		}
	}
	return m
}

func dateOf(v quad.Value) (time.Time, bool) {
	ts, ok := v.(quad.TypedString)
	if !ok || ts.Type != xsd+"date" {
		return time.Time{}, false
	}
	d, err := time.Parse("2006-01-02", string(ts.Value))
	return d, err == nil
}

// TestDurations checks that a duration agrees with the start and end dates
// the same source gives, and that every duration has both dates.
func TestDurations(t *testing.T) {
	g := load(t)
	for _, e := range g.entities() {
		durs := g.valuesBy(e, vocabNS+"durationDays")
		if len(durs) == 0 {
			continue
		}
		if len(g.values(e, vocabNS+"startDate")) == 0 || len(g.values(e, vocabNS+"endDate")) == 0 {
			t.Errorf("%s: has durationDays but no startDate or endDate", e)
		}
		starts, ends := g.valuesBy(e, vocabNS+"startDate"), g.valuesBy(e, vocabNS+"endDate")
		for src, ds := range durs {
			for _, d := range ds {
				n, ok := decimal(d)
				if !ok {
					t.Errorf("%s: durationDays %v from %s is not a number", e, d, src)
					continue
				}
				for _, sv := range starts[src] {
					for _, ev := range ends[src] {
						s, ok1 := dateOf(sv)
						f, ok2 := dateOf(ev)
						if !ok1 || !ok2 {
							continue
						}
						if want := f.Sub(s).Hours() / 24; math.Abs(want-n) > 0.5 {
							t.Errorf("%s: %s gives %v to %v but %v days, want %v", e, src, sv, ev, n, want)
						}
					}
				}
			}
		}
	}
}

// TestStructuredNumbers checks that strikes and earnings reports keep their
// numbers as structured values, and that no sum or length of days is kept
// only in a line of prose.
func TestStructuredNumbers(t *testing.T) {
	g := load(t)
	strike := regexp.MustCompile(`(?i)\bstrike\b`)
	earnings := regexp.MustCompile(`(?i)\b(earnings report|results)\b`)
	money := regexp.MustCompile(`(?i)([$€£]\s?\d|\d\s?(million|billion|bn)\b)`)
	days := regexp.MustCompile(`(?i)\b\d+[- ]days?\b`)
	moneyPreds := []string{"amount", "revenue", "revenueForecast", "revenueEstimate", "eps", "epsEstimate", "epsForecast"}
	has := func(e string, preds ...string) bool {
		for _, p := range preds {
			if len(g.values(e, vocabNS+p)) > 0 {
				return true
			}
		}
		return false
	}
	var strikes, reports int
	for _, e := range g.entities() {
		label, _ := plainString(g.values(e, rdfsLabel)[0])
		if g.typeOf(e) == "Event" {
			var want []string
			switch {
			case strike.MatchString(label) && !strings.Contains(strings.ToLower(label), "charge"):
				strikes++
				want = []string{"startDate", "endDate", "durationDays"}
			case earnings.MatchString(label):
				reports++
				want = []string{"revenue|revenueForecast", "currency"}
			}
			for _, p := range want {
				if !has(e, strings.Split(p, "|")...) {
					t.Errorf("%s (%q): no %s", e, label, p)
				}
			}
		}
		for _, p := range []string{"summary", "outcome", "status", "aiUse", "policyChange", "forecastComparison"} {
			for _, v := range g.values(e, vocabNS+p) {
				text, _ := plainString(v)
				if money.MatchString(text) && !has(e, moneyPreds...) {
					t.Errorf("%s: %s %q names a sum that the node does not hold as a number", e, p, text)
				}
				if days.MatchString(text) && !has(e, "durationDays") {
					t.Errorf("%s: %s %q names a length in days that the node does not hold as durationDays", e, p, text)
				}
			}
		}
	}
	if strikes == 0 || reports == 0 {
		t.Errorf("got %d strikes and %d earnings reports, want some of each to check", strikes, reports)
	}
}

// TestAllegations checks every Allegation names who alleged it, against
// whom, and what it says.
func TestAllegations(t *testing.T) {
	g := load(t)
	n := 0
	for _, e := range g.entities() {
		if g.typeOf(e) != "Allegation" {
			continue
		}
		n++
		for _, p := range []string{"allegedBy", "allegedAgainst", "summary"} {
			if len(g.values(e, vocabNS+p)) == 0 {
				t.Errorf("allegation %s: no %s", e, p)
			}
		}
	}
	if n == 0 {
		t.Error("got no Allegation nodes; denied claims must be modelled as allegations")
	}
}

// TestDepth checks the graph's size and that no entity hangs by one edge,
// unless docs/DATASET.md says why.
func TestDepth(t *testing.T) {
	g := load(t)
	doc := dataset(t)
	type triple struct{ s, p, o string }
	triples := map[triple]bool{}
	degree := map[string]int{}
	for _, q := range g.facts() {
		s, o := q.Subject.String(), q.Object.String()
		oi, ok := q.Object.(quad.IRI)
		if !ok || !strings.HasPrefix(string(oi), entNS) || q.Predicate == quad.IRI(rdfType) {
			continue
		}
		k := triple{s, q.Predicate.String(), o}
		if triples[k] {
			continue
		}
		triples[k] = true
		degree[string(q.Subject.(quad.IRI))]++
		degree[string(oi)]++
	}
	ents := g.entities()
	t.Logf("%d entities, %d distinct entity-to-entity triples", len(ents), len(triples))
	if len(ents) < minEntities {
		t.Errorf("got %d entities, want at least %d", len(ents), minEntities)
	}
	if len(triples) < minEntityTriples {
		t.Errorf("got %d entity-to-entity triples, want at least %d", len(triples), minEntityTriples)
	}
	var thin []string
	for _, e := range ents {
		if degree[e] <= 1 && !strings.Contains(doc, "`"+strings.TrimPrefix(e, entNS)+"`") {
			thin = append(thin, e)
		}
	}
	sort.Strings(thin)
	for _, e := range thin {
		t.Errorf("%s: degree %d; link it or say in docs/DATASET.md (as `%s`) why it stands alone", e, degree[e], strings.TrimPrefix(e, entNS))
	}
}
