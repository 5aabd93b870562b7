package report

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"reelgraph/graph"
)

// edgePhrases word Reelgraph's relationship predicates (docs/VOCABULARY.md)
// as sentences: %s is the subject's label, %o the object's.
var edgePhrases = map[string]string{
	"about":          "%s concerns %o",
	"acquired":       "%s acquired %o",
	"affectedBy":     "%s was affected by %o",
	"allegedAgainst": "%s is an allegation against %o",
	"allegedBy":      "%s was alleged by %o",
	"announced":      "%s announced %o",
	"basedOn":        "%s is based on %o",
	"broader":        "%s is a kind of %o",
	"createdBy":      "%s was created by %o",
	"criticized":     "%s criticized %o",
	"defendant":      "%o is a defendant in %s",
	"deniedBy":       "%s was denied by %o",
	"directedBy":     "%s was directed by %o",
	"distributedBy":  "%s is distributed by %o",
	"founded":        "%s founded %o",
	"investedIn":     "%s invested in %o",
	"involves":       "%s involves %o",
	"leads":          "%s leads %o",
	"madeBy":         "%s is made by %o",
	"memberOf":       "%s is a member of %o",
	"optedOutOf":     "%s opted out of %o",
	"partOf":         "%s is part of %o",
	"plaintiff":      "%o is a plaintiff in %s",
	"praised":        "%s praised %o",
	"producedBy":     "%s was produced by %o",
	"respondedTo":    "%s responded to %o",
	"signedBy":       "%s was signed by %o",
	"sponsoredBy":    "%s is sponsored by %o",
	"starring":       "%s stars %o",
	"statementBy":    "%s is a statement by %o",
	"streamedOn":     "%s streams on %o",
	"subsidiaryOf":   "%s is a subsidiary of %o",
	"successorOf":    "%s succeeds %o",
	"supported":      "%s supported %o",
	"usedTechnique":  "%s used %o",
	"usedTool":       "%s used %o",
	"vfxBy":          "%s had visual effects by %o",
	"voicedBy":       "%s used the voice of %o",
}

// literalPhrases word Reelgraph's literal predicates: %s is the subject's
// label, %v the value as a person reads it.
var literalPhrases = map[string]string{
	"aiUse":                           "%s used AI as follows: %v",
	"amount":                          "%s involved an amount of %v",
	"country":                         "%s is from %v",
	"date":                            "%s took place on %v",
	"durationDays":                    "%s lasted %v days",
	"endDate":                         "%s ended on %v",
	"eps":                             "%s reported earnings per share of %v",
	"epsEstimate":                     "Analysts expected earnings per share of %v for %s",
	"epsForecast":                     "The company's own forecast for %s was earnings per share of %v",
	"forecastComparison":              "For %s, %v",
	"growthPercent":                   "%s reported growth of %v%",
	"operatingMarginForecastPercent":  "The company's own forecast for %s was an operating margin of %v%",
	"operatingMarginPercent":          "%s reported an operating margin of %v%",
	"outcome":                         "The outcome of %s: %v",
	"policyChange":                    "%s changed its policy: %v",
	"quote":                           "%s is quoted: “%v”",
	"releaseDate":                     "%s was released on %v",
	"revenue":                         "%s reported revenue of %v",
	"revenueEstimate":                 "Analysts expected revenue of %v for %s",
	"revenueForecast":                 "The company's own forecast for %s was revenue of %v",
	"revenueVsEstimate":               "For %s, revenue compared with analysts' estimates: %v",
	"startDate":                       "%s began on %v",
	"status":                          "The status of %s: %v",
	"summary":                         "%s: %v",
	"year":                            "%s took place in %v",
	"currency":                        "", // folded into the amounts it qualifies
	"checked":                         "", // describes a source, not the world
	"dateBasis":                       "",
	"titleBasis":                      "",
	"sourceKind":                      "",
	"http://schema.org/publisher":     "",
	"http://schema.org/datePublished": "",
	"http://schema.org/url":           "",
}

// moneyPredicates take the node's currency before their amount.
var moneyPredicates = map[string]bool{"amount": true, "eps": true, "epsEstimate": true, "epsForecast": true,
	"revenue": true, "revenueEstimate": true, "revenueForecast": true}

// vocabTerm returns the term of a predicate in Reelgraph's vocabulary
// ("acquired"), or the full IRI of any other predicate.
func vocabTerm(p graph.ID) string {
	return strings.TrimPrefix(string(p), graph.VocabNS)
}

// edgeSentence words the statement "subject predicate object". A predicate
// outside Reelgraph's vocabulary reads as its label between the two names.
func edgeSentence(subject string, p graph.ID, plabel, object string) string {
	phrase, ok := edgePhrases[vocabTerm(p)]
	if !ok {
		phrase = "%s " + plabel + " %o"
	}
	r := strings.NewReplacer("%s", subject, "%o", object)
	return sentence(r.Replace(phrase))
}

// literalSentence words a literal statement about the node labelled
// subject; ok is false for statements a report leaves out (a currency,
// which qualifies the amounts beside it).
func literalSentence(subject string, p graph.Property, plabel, currency string) (text string, ok bool) {
	term := vocabTerm(p.Predicate)
	phrase, known := literalPhrases[term]
	if known && phrase == "" {
		return "", false
	}
	value := readable(p)
	if moneyPredicates[term] && currency != "" {
		value = currency + " " + value
	}
	if !known {
		phrase = "The " + plabel + " of %s is %v"
	}
	r := strings.NewReplacer("%s", subject, "%v", value)
	return sentence(r.Replace(phrase)), true
}

// readable writes a literal as a person reads it: dates as "21 October
// 2025", decimals and integers with thousands separators.
func readable(p graph.Property) string {
	switch p.Datatype {
	case graph.XSD + "date":
		if t, err := time.Parse("2006-01-02", p.Value); err == nil {
			return t.Format("2 January 2006")
		}
	case graph.XSD + "decimal", graph.XSD + "integer":
		return groupThousands(p.Value)
	}
	return p.Value
}

// groupThousands puts commas between groups of three digits of a number's
// whole part: "11510000000.5" gives "11,510,000,000.5". Anything that is
// not a plain number is returned as it is.
func groupThousands(v string) string {
	sign, whole, frac := "", v, ""
	if strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		sign, whole = whole[:1], whole[1:]
	}
	if i := strings.IndexByte(whole, '.'); i >= 0 {
		whole, frac = whole[:i], whole[i:]
	}
	if whole == "" || strings.TrimFunc(whole, func(r rune) bool { return r >= '0' && r <= '9' }) != "" {
		return v
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac
}

// sentence capitalises the first letter and ends the text with a full
// stop unless it already ends with one, a question or exclamation mark, or
// a closing quote after one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	trimmed := strings.TrimRight(s, "”\"'’)")
	if strings.HasSuffix(trimmed, ".") || strings.HasSuffix(trimmed, "?") || strings.HasSuffix(trimmed, "!") {
		return s
	}
	return s + "."
}
