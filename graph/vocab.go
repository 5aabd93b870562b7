package graph

import "reelgraph/graph/vocab"

// Namespaces of the vocabulary Reelgraph's bundled graph is written in,
// as package vocab names them. docs/VOCABULARY.md describes every term.
const (
	NS      = vocab.NS
	EntNS   = vocab.Ent
	SrcNS   = vocab.Src
	VocabNS = vocab.Vocab

	RDF    = vocab.RDF
	RDFS   = vocab.RDFS
	Schema = vocab.Schema
	XSD    = vocab.XSD
	FOAF   = vocab.FOAF
	SKOS   = vocab.SKOS
	DCT    = vocab.DCT
	OWL    = vocab.OWL
)

// Predicates the domain reads to describe a node.
const (
	Type          ID = vocab.Type
	Label         ID = vocab.Label
	Description   ID = vocab.Description
	AlternateName ID = vocab.AlternateName
	Publisher     ID = vocab.Publisher
	DatePublished ID = vocab.DatePublished
	URL           ID = vocab.URL
	// SourceKindOf grades a Source: how authoritative the document is
	// (see SourceKind).
	SourceKindOf ID = vocab.SourceKind
	// Checked says, in one line, how a Source was checked.
	Checked ID = vocab.Checked
	// FunctionalProperty types a predicate that takes one value per node:
	// two values of it on one node, from different sources, are a dispute.
	FunctionalProperty ID = vocab.FunctionalProperty
)

// Entity types of the bundled graph.
const (
	TypeCompany      ID = vocab.Company
	TypeProduction   ID = vocab.Production
	TypeAITool       ID = vocab.AITool
	TypePerson       ID = vocab.Person
	TypeOrganization ID = vocab.Organization
	TypeControversy  ID = vocab.Controversy
	TypeEvent        ID = vocab.Event
	TypeLegalCase    ID = vocab.LegalCase
	TypeTechnique    ID = vocab.Technique
	TypeAllegation   ID = vocab.Allegation
	TypeLegislation  ID = vocab.Legislation
	TypeSource       ID = vocab.Source
)

// The predicates read, in order of preference, for a node's label, types,
// one-line description and other names (see package vocab).
var (
	labelPredicates       = ids(vocab.LabelPredicates)
	typePredicates        = ids(vocab.TypePredicates)
	descriptionPredicates = ids(vocab.DescriptionPredicates)
	aliasPredicates       = ids(vocab.AliasPredicates)
)

func ids(list []string) []ID {
	out := make([]ID, len(list))
	for i, s := range list {
		out[i] = ID(s)
	}
	return out
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
func LocalName(id ID) string { return vocab.LocalName(string(id)) }

// Humanize turns a vocabulary term such as "usedToolIn" or "directed_by"
// into words a person reads: "used tool in", "directed by".
func Humanize(term string) string { return vocab.Humanize(term) }
