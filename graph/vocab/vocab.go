// Package vocab names the terms of Reelgraph's vocabulary, as
// docs/VOCABULARY.md describes them, and the terms of the common
// vocabularies (RDF, RDFS, schema.org, FOAF, SKOS, Dublin Core) that
// Reelgraph reads to describe a node of any graph.
//
// It is the one place these IRIs are spelt: the graph domain, the file
// formats of data and the GUI's style table all read them from here. It
// imports neither Fyne nor Cayley.
package vocab

import "strings"

// Namespaces.
const (
	// NS is the namespace of the bundled graph's entities (Ent + "slug"),
	// sources (Src + "slug") and vocabulary (Vocab + "Term").
	NS    = "urn:reelgraph:"
	Ent   = NS + "id:"
	Src   = NS + "src:"
	Vocab = NS + "vocab:"
	// Import prefixes the IRIs minted for the Sources that imports create.
	Import = NS + "import:"

	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS   = "http://www.w3.org/2000/01/rdf-schema#"
	Schema = "http://schema.org/"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
	FOAF   = "http://xmlns.com/foaf/0.1/"
	SKOS   = "http://www.w3.org/2004/02/skos/core#"
	DCT    = "http://purl.org/dc/terms/"
	OWL    = "http://www.w3.org/2002/07/owl#"
)

// FunctionalProperty types a predicate that takes one value per node: two
// different values of it on one node, from different sources, are a
// dispute. data/vocab/reelgraph.nq declares Reelgraph's.
const FunctionalProperty = OWL + "FunctionalProperty"

// Predicates that describe a node.
const (
	Type          = RDF + "type"
	Label         = RDFS + "label"
	Description   = Schema + "description"
	AlternateName = Schema + "alternateName"
	Publisher     = Schema + "publisher"
	DatePublished = Schema + "datePublished"
	DateCreated   = Schema + "dateCreated"
	URL           = Schema + "url"
)

// Literal datatypes.
const (
	XSDString   = XSD + "string"
	XSDDate     = XSD + "date"
	XSDDateTime = XSD + "dateTime"
	XSDGYear    = XSD + "gYear"
	XSDDecimal  = XSD + "decimal"
	XSDInteger  = XSD + "integer"
	XSDAnyURI   = XSD + "anyURI"
)

// Types: every entity of the bundled graph has exactly one entity type;
// Source is the type of cited documents, which are not entities.
const (
	Company      = Vocab + "Company"
	Production   = Vocab + "Production"
	AITool       = Vocab + "AITool"
	Person       = Vocab + "Person"
	Organization = Vocab + "Organization"
	Controversy  = Vocab + "Controversy"
	Event        = Vocab + "Event"
	LegalCase    = Vocab + "LegalCase"
	Technique    = Vocab + "Technique"
	Allegation   = Vocab + "Allegation"
	Legislation  = Vocab + "Legislation"
	Source       = Vocab + "Source"
)

// Relationship predicates: their objects are entities.
const (
	About          = Vocab + "about"
	Acquired       = Vocab + "acquired"
	AffectedBy     = Vocab + "affectedBy"
	AllegedAgainst = Vocab + "allegedAgainst"
	AllegedBy      = Vocab + "allegedBy"
	Announced      = Vocab + "announced"
	BasedOn        = Vocab + "basedOn"
	Broader        = Vocab + "broader"
	CreatedBy      = Vocab + "createdBy"
	Criticized     = Vocab + "criticized"
	Defendant      = Vocab + "defendant"
	DeniedBy       = Vocab + "deniedBy"
	DirectedBy     = Vocab + "directedBy"
	DistributedBy  = Vocab + "distributedBy"
	Founded        = Vocab + "founded"
	InvestedIn     = Vocab + "investedIn"
	Involves       = Vocab + "involves"
	Leads          = Vocab + "leads"
	MadeBy         = Vocab + "madeBy"
	MemberOf       = Vocab + "memberOf"
	OptedOutOf     = Vocab + "optedOutOf"
	PartOf         = Vocab + "partOf"
	Plaintiff      = Vocab + "plaintiff"
	Praised        = Vocab + "praised"
	ProducedBy     = Vocab + "producedBy"
	RespondedTo    = Vocab + "respondedTo"
	SignedBy       = Vocab + "signedBy"
	SponsoredBy    = Vocab + "sponsoredBy"
	Starring       = Vocab + "starring"
	StatementBy    = Vocab + "statementBy"
	StreamedOn     = Vocab + "streamedOn"
	SubsidiaryOf   = Vocab + "subsidiaryOf"
	SuccessorOf    = Vocab + "successorOf"
	Supported      = Vocab + "supported"
	UsedTechnique  = Vocab + "usedTechnique"
	UsedTool       = Vocab + "usedTool"
	VFXBy          = Vocab + "vfxBy"
	VoicedBy       = Vocab + "voicedBy"
)

// Literal predicates: their objects are literals (see Literals for the
// datatype of each).
const (
	AIUse                          = Vocab + "aiUse"
	Amount                         = Vocab + "amount"
	Checked                        = Vocab + "checked"
	Country                        = Vocab + "country"
	Currency                       = Vocab + "currency"
	Date                           = Vocab + "date"
	DateBasis                      = Vocab + "dateBasis"
	DurationDays                   = Vocab + "durationDays"
	EndDate                        = Vocab + "endDate"
	EPS                            = Vocab + "eps"
	EPSEstimate                    = Vocab + "epsEstimate"
	EPSForecast                    = Vocab + "epsForecast"
	ForecastComparison             = Vocab + "forecastComparison"
	GrowthPercent                  = Vocab + "growthPercent"
	OperatingMarginForecastPercent = Vocab + "operatingMarginForecastPercent"
	OperatingMarginPercent         = Vocab + "operatingMarginPercent"
	Outcome                        = Vocab + "outcome"
	PolicyChange                   = Vocab + "policyChange"
	Quote                          = Vocab + "quote"
	ReleaseDate                    = Vocab + "releaseDate"
	Revenue                        = Vocab + "revenue"
	RevenueEstimate                = Vocab + "revenueEstimate"
	RevenueForecast                = Vocab + "revenueForecast"
	RevenueVsEstimate              = Vocab + "revenueVsEstimate"
	SourceKind                     = Vocab + "sourceKind"
	StartDate                      = Vocab + "startDate"
	Status                         = Vocab + "status"
	Summary                        = Vocab + "summary"
	TitleBasis                     = Vocab + "titleBasis"
	Year                           = Vocab + "year"
)

// Values of SourceKind: how authoritative a Source is.
const (
	KindPrimary       = "primary"       // the actor's own document
	KindOutlet        = "outlet"        // an established news organisation
	KindRepublication = "republication" // an aggregator, copy or translation
	KindImport        = "import"        // a Source an import created
)

// EntityTypes are the types an entity may have, Source aside.
var EntityTypes = []string{
	Company, Production, AITool, Person, Organization, Controversy,
	Event, LegalCase, Technique, Allegation, Legislation,
}

// Relations are the relationship predicates, sorted.
var Relations = []string{
	About, Acquired, AffectedBy, AllegedAgainst, AllegedBy, Announced,
	BasedOn, Broader, CreatedBy, Criticized, Defendant, DeniedBy,
	DirectedBy, DistributedBy, Founded, InvestedIn, Involves, Leads,
	MadeBy, MemberOf, OptedOutOf, PartOf, Plaintiff, Praised, ProducedBy,
	RespondedTo, SignedBy, SponsoredBy, Starring, StatementBy, StreamedOn,
	SubsidiaryOf, SuccessorOf, Supported, UsedTechnique, UsedTool, VFXBy,
	VoicedBy,
}

// Literals maps each literal predicate to the datatype its objects carry,
// "" for a plain string.
var Literals = map[string]string{
	AIUse: "", Amount: XSDDecimal, Checked: "", Country: "", Currency: "",
	Date: XSDDate, DateBasis: "", DurationDays: XSDInteger, EndDate: XSDDate,
	EPS: XSDDecimal, EPSEstimate: XSDDecimal, EPSForecast: XSDDecimal,
	ForecastComparison: "", GrowthPercent: XSDDecimal,
	OperatingMarginForecastPercent: XSDDecimal, OperatingMarginPercent: XSDDecimal,
	Outcome: "", PolicyChange: "", Quote: "", ReleaseDate: XSDDate,
	Revenue: XSDDecimal, RevenueEstimate: XSDDecimal, RevenueForecast: XSDDecimal, RevenueVsEstimate: "",
	SourceKind: "", StartDate: XSDDate, Status: "", Summary: "",
	TitleBasis: "", Year: XSDGYear,
}

// SourceNotes maps the literal predicates that qualify a Source's own
// description to the values each may take in the bundled graph.
var SourceNotes = map[string][]string{
	DateBasis:  {"event"},
	TitleBasis: {"url", "description"},
	SourceKind: {KindPrimary, KindOutlet, KindRepublication},
}

// Predicates read to describe a node of any graph, in order of preference:
// graphs in other vocabularies fall down each list, and a node with no
// label at all is named by LocalName.
var (
	LabelPredicates = []string{
		Label,
		Schema + "name",
		"https://schema.org/name",
		FOAF + "name",
		SKOS + "prefLabel",
		DCT + "title",
		"name",
	}
	TypePredicates        = []string{Type, "type"}
	DescriptionPredicates = []string{
		Description,
		"https://schema.org/description",
		RDFS + "comment",
		DCT + "description",
	}
	AliasPredicates = []string{
		AlternateName,
		"https://schema.org/alternateName",
		SKOS + "altLabel",
		FOAF + "nick",
	}
)

// Term returns the local name of a term of Reelgraph's vocabulary
// ("Company" for Vocab + "Company"), or "" for any other IRI.
func Term(iri string) string {
	if t, ok := strings.CutPrefix(iri, Vocab); ok {
		return t
	}
	return ""
}

// LocalName returns the last segment of an IRI: what follows its last '/',
// '#' or ':'. It is the label of last resort.
func LocalName(iri string) string {
	s := strings.TrimRight(iri, "/#:")
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
