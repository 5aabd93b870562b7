// Package report writes briefing reports: a title and a date, the picture
// of a view, each entity with its type and description, each fact as a
// sentence footnoted to its sources, and paths as chains of cited hops. It
// writes one self-contained HTML file (no script, the picture embedded) or
// Markdown with the picture beside it. It needs no window and no Fyne: the
// caller hands it the graph's own types and a PNG.
package report

import (
	"fmt"
	"strings"
	"time"

	"reelgraph/graph"
)

// Graph is what a report reads of the store to name things. Safe for
// concurrent use (graph.Store satisfies it).
type Graph interface {
	// Brief returns a node's label and types; never fails.
	Brief(id graph.ID) graph.Node
	// PredicateLabel returns a predicate's words, e.g. "streamed on".
	PredicateLabel(p graph.ID) string
}

// Source is a cited document as a report lists it.
type Source struct {
	ID                    graph.ID
	Title, Publisher, URL string
	// Date is as the store holds it, usually YYYY-MM-DD.
	Date string
	// Kind says how authoritative the source is ("primary", "outlet",
	// "republication", "import"); empty when the store does not say.
	Kind string
}

// Report is a briefing, ready to write.
type Report struct {
	Title string
	Date  time.Time
	// Picture is a PNG of the view; nil writes no picture.
	Picture []byte
	// Caption describes the picture.
	Caption  string
	Paths    []Chain
	Entities []Entity
	// Sources are numbered from 1 in order of first citation; a fact's
	// Notes index this list by number.
	Sources []Source
}

// Entity is one node of the report.
type Entity struct {
	ID          graph.ID
	Label       string
	Type        string
	Description string
	Facts       []Fact
	// Disputes are the statements whose sources disagree: a one-valued
	// predicate with several values, each value with its own sources. The
	// disputed values are not among Facts.
	Disputes []Dispute
}

// Dispute is one disagreement: what is disputed, as a sentence's start
// ("Sources disagree on the release date of Sora 2"), and each value with
// the sources that state it.
type Dispute struct {
	Text   string
	Values []Fact
}

// Fact is one statement as a sentence, with the numbers of the sources
// that state it. A fact without sources has no Notes.
type Fact struct {
	Text  string
	Notes []int
}

// Chain is one path from one node to another: a hop per sentence.
type Chain struct {
	Title string
	Hops  []Fact
}

// builder gathers a report, numbering sources as facts cite them.
type builder struct {
	g       Graph
	cite    func(graph.ID) Source
	numbers map[graph.ID]int
	r       Report
}

// newBuilder starts a report titled title, dated date. cite describes a
// source by its ID; it is called once per source cited.
func newBuilder(title string, date time.Time, g Graph, cite func(graph.ID) Source) *builder {
	return &builder{g: g, cite: cite, numbers: make(map[graph.ID]int), r: Report{Title: title, Date: date}}
}

// addEntity adds a node as an entity: its disputes, its literal
// statements (the disputed ones aside), and its outgoing edges to nodes
// in `in` (none when in is nil), each as a sentence. An edge is stated
// once, under its subject.
func (b *builder) addEntity(d graph.Details, disputes []graph.Dispute, in map[graph.ID]bool) {
	e := Entity{ID: d.ID, Label: d.Label, Type: strings.Join(d.TypeLabels, ", "), Description: d.Description}
	currency := ""
	for _, p := range d.Properties {
		if p.Predicate == graph.VocabNS+"currency" {
			currency = p.Value
		}
	}
	disputed := make(map[graph.ID]bool)
	for _, ds := range disputes {
		disputed[ds.Predicate] = true
		e.Disputes = append(e.Disputes, b.dispute(d, ds, currency))
	}
	for _, p := range d.Properties {
		if disputed[p.Predicate] {
			continue
		}
		text, ok := literalSentence(d.Label, p, b.g.PredicateLabel(p.Predicate), currency)
		if ok {
			e.Facts = b.appendFact(e.Facts, text, p.Source)
		}
	}
	for _, gr := range d.Groups {
		if gr.Dir != graph.Out || in == nil {
			continue
		}
		for _, n := range gr.Neighbors {
			if in[n.ID] {
				e.Facts = b.appendFact(e.Facts, edgeSentence(d.Label, gr.Predicate, gr.PredicateLabel, n.Label), n.Sources...)
			}
		}
	}
	b.r.Entities = append(b.r.Entities, e)
}

// dispute words a dispute: each value as a person reads it (a date as
// "30 September 2025"), with its sources.
func (b *builder) dispute(d graph.Details, ds graph.Dispute, currency string) Dispute {
	out := Dispute{Text: fmt.Sprintf("Sources disagree on the %s of %s", b.g.PredicateLabel(ds.Predicate), d.Label)}
	datatype := graph.ID("")
	for _, p := range d.Properties {
		if p.Predicate == ds.Predicate {
			datatype = p.Datatype
		}
	}
	for _, v := range ds.Values {
		value := readable(graph.Property{Predicate: ds.Predicate, Value: v.Value, Datatype: datatype})
		if moneyPredicates[vocabTerm(ds.Predicate)] && currency != "" {
			value = currency + " " + value
		}
		out.Values = append(out.Values, b.fact(value, v.Sources...))
	}
	return out
}

// addPath adds a path as a chain: each hop's edges as sentences, in the
// order the path takes them.
func (b *builder) addPath(p graph.Path) {
	if len(p.Nodes) == 0 {
		return
	}
	names := make([]string, len(p.Nodes))
	for i, id := range p.Nodes {
		names[i] = b.g.Brief(id).Label
	}
	c := Chain{Title: strings.Join(names, " → ")}
	for _, h := range p.Hops {
		// the same statement from several sources is one sentence
		var order [][3]graph.ID
		sources := make(map[[3]graph.ID][]graph.ID)
		for _, e := range h.Edges {
			k := [3]graph.ID{e.Subject, e.Predicate, e.Object}
			if _, ok := sources[k]; !ok {
				order = append(order, k)
			}
			sources[k] = append(sources[k], e.Source)
		}
		for _, k := range order {
			text := edgeSentence(b.g.Brief(k[0]).Label, k[1], b.g.PredicateLabel(k[1]), b.g.Brief(k[2]).Label)
			c.Hops = append(c.Hops, b.fact(text, sources[k]...))
		}
	}
	b.r.Paths = append(b.r.Paths, c)
}

// appendFact adds a sentence to facts, or its sources to the same
// sentence already there (one statement from several sources).
func (b *builder) appendFact(facts []Fact, text string, sources ...graph.ID) []Fact {
	f := b.fact(text, sources...)
	for i := range facts {
		if facts[i].Text == text {
			for _, n := range f.Notes {
				if !containsInt(facts[i].Notes, n) {
					facts[i].Notes = append(facts[i].Notes, n)
				}
			}
			return facts
		}
	}
	return append(facts, f)
}

// fact numbers the sources (each once, skipping empty IDs) of a sentence.
func (b *builder) fact(text string, sources ...graph.ID) Fact {
	f := Fact{Text: text}
	for _, id := range sources {
		if id == "" {
			continue
		}
		n, ok := b.numbers[id]
		if !ok {
			src := b.cite(id)
			src.ID = id
			b.r.Sources = append(b.r.Sources, src)
			n = len(b.r.Sources)
			b.numbers[id] = n
		}
		if !containsInt(f.Notes, n) {
			f.Notes = append(f.Notes, n)
		}
	}
	return f
}

func containsInt(list []int, n int) bool {
	for _, x := range list {
		if x == n {
			return true
		}
	}
	return false
}

// SafeURL reports whether a URL may be written as a link: graph.WebURL
// accepts it (http or https only). Anything else is written as text, if
// at all.
func SafeURL(u string) bool { return graph.WebURL(u) != nil }
