package graph

import "strings"

// Namespaces of the vocabulary Reelgraph's bundled graph is written in.
// docs/VOCABULARY.md describes every term.
const (
	// NS is the namespace of the bundled graph's entities (NS + "id:slug"),
	// sources (NS + "src:slug") and vocabulary (NS + "vocab:Term").
	NS      = "urn:reelgraph:"
	EntNS   = NS + "id:"
	SrcNS   = NS + "src:"
	VocabNS = NS + "vocab:"

	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	Schema = "http://schema.org/"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
	FOAF   = "http://xmlns.com/foaf/0.1/"
	SKOS   = "http://www.w3.org/2004/02/skos/core#"
	DCT    = "http://purl.org/dc/terms/"
	OWL    = "http://www.w3.org/2002/07/owl#"
)

// Predicates the domain reads to describe a node.
const (
	Type          ID = RDF + "type"
	Label         ID = RDFS + "label"
	Description   ID = Schema + "description"
	AlternateName ID = Schema + "alternateName"
	Publisher     ID = Schema + "publisher"
	DatePublished ID = Schema + "datePublished"
	URL           ID = Schema + "url"
	// SourceKindOf grades a Source: how authoritative the document is
	// (see SourceKind).
	SourceKindOf ID = VocabNS + "sourceKind"
	// Checked says, in one line, how a Source was checked.
	Checked ID = VocabNS + "checked"
	// FunctionalProperty types a predicate that takes one value per node:
	// two values of it on one node, from different sources, are a dispute.
	FunctionalProperty ID = OWL + "FunctionalProperty"
)

// Entity types of the bundled graph.
const (
	TypeCompany      ID = VocabNS + "Company"
	TypeProduction   ID = VocabNS + "Production"
	TypeAITool       ID = VocabNS + "AITool"
	TypePerson       ID = VocabNS + "Person"
	TypeOrganization ID = VocabNS + "Organization"
	TypeControversy  ID = VocabNS + "Controversy"
	TypeEvent        ID = VocabNS + "Event"
	TypeLegalCase    ID = VocabNS + "LegalCase"
	TypeTechnique    ID = VocabNS + "Technique"
	TypeSource       ID = VocabNS + "Source"
)

// labelPredicates are read, in order of preference, for a node's label;
// graphs in other vocabularies fall back down this list and finally to the
// last segment of the node's IRI.
var labelPredicates = []ID{
	Label,
	Schema + "name",
	"https://schema.org/name",
	FOAF + "name",
	SKOS + "prefLabel",
	DCT + "title",
	"name",
}

// typePredicates are read for a node's types.
var typePredicates = []ID{Type, "type"}

// descriptionPredicates are read for a node's one-line description.
var descriptionPredicates = []ID{
	Description,
	"https://schema.org/description",
	RDFS + "comment",
	DCT + "description",
}

// aliasPredicates are read for a node's other names.
var aliasPredicates = []ID{
	AlternateName,
	"https://schema.org/alternateName",
	SKOS + "altLabel",
	FOAF + "nick",
}

func contains(list []ID, id ID) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

// LocalName returns the last segment of an IRI: what follows its last '/',
// '#' or ':'. It is the label of last resort.
func LocalName(id ID) string {
	s := strings.TrimRight(string(id), "/#:")
	if i := strings.LastIndexAny(s, "/#:"); i >= 0 && i < len(s)-1 {
		return s[i+1:]
	}
	return s
}

// Humanize turns a vocabulary term such as "usedToolIn" or "directed_by"
// into words a person reads: "used tool in", "directed by".
func Humanize(term string) string {
	var b strings.Builder
	prevLower := false
	for _, r := range term {
		switch {
		case r == '_' || r == '-':
			b.WriteByte(' ')
			prevLower = false
			continue
		case r >= 'A' && r <= 'Z' && prevLower:
			b.WriteByte(' ')
			r += 'a' - 'A'
		case r >= 'A' && r <= 'Z':
			// keep acronyms and leading capitals as written
		}
		prevLower = r >= 'a' && r <= 'z'
		b.WriteRune(r)
	}
	return b.String()
}
