package data

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// CheckQuad reports whether q could be written as a valid RDF 1.1 N-Quad:
// absolute IRIs free of forbidden characters, well-formed blank node labels
// and language tags, valid UTF-8, an IRI predicate and no literal outside
// the object. The readers of formats other than N-Quads pass what they
// produce through it, so that every import is as strict as an N-Quads one.
func CheckQuad(q quad.Quad) error {
	if err := checkNode("subject", q.Subject, false); err != nil {
		return err
	}
	if _, ok := q.Predicate.(quad.IRI); !ok {
		return fmt.Errorf("the predicate %v is not an IRI", q.Predicate)
	}
	if err := checkNode("predicate", q.Predicate, false); err != nil {
		return err
	}
	if err := checkNode("object", q.Object, true); err != nil {
		return err
	}
	if q.Label != nil {
		return checkNode("graph label", q.Label, false)
	}
	return nil
}

func checkNode(what string, v quad.Value, literal bool) error {
	switch v := v.(type) {
	case nil:
		return fmt.Errorf("the %s is missing", what)
	case quad.IRI:
		return checkIRI(what, string(v))
	case quad.BNode:
		return checkBNode(what, string(v))
	}
	if !literal {
		return fmt.Errorf("the %s %v is a literal; only IRIs and blank nodes may stand there", what, v)
	}
	switch v := v.(type) {
	case quad.String:
		return checkText(what, string(v))
	case quad.LangString:
		if !validLangTag(v.Lang) {
			return fmt.Errorf("the %s has a malformed language tag %q", what, v.Lang)
		}
		return checkText(what, string(v.Value))
	case quad.TypedString:
		if err := checkIRI("datatype", string(v.Type)); err != nil {
			return err
		}
		return checkText(what, string(v.Value))
	case quad.TypedStringer:
		return checkNode(what, v.TypedString(), literal)
	}
	return fmt.Errorf("the %s %v is of an unknown kind (%T)", what, v, v)
}

func checkText(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the %s is not valid UTF-8", what)
	}
	return nil
}

func checkIRI(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("the %s IRI is not valid UTF-8", what)
	}
	for _, r := range s {
		if !iriChar(r) {
			return fmt.Errorf("the %s IRI <%s> holds %q, which IRIs may not hold", what, s, r)
		}
	}
	if !isAbsoluteIRI(s) {
		return fmt.Errorf("the %s is a %w <%s>: IRIs must be absolute, with a scheme such as http:", what, ErrRelativeIRI, s)
	}
	return nil
}

func checkBNode(what, s string) error {
	p := lineParser{s: []byte("_:" + s)}
	if v, err := p.bnode(); err != nil || string(v.(quad.BNode)) != s {
		return fmt.Errorf("the %s _:%s is not a valid blank node label", what, s)
	}
	return nil
}

func validLangTag(tag string) bool {
	p := lineParser{s: []byte("@" + tag)}
	got, err := p.langTag()
	return err == nil && got == tag && !strings.HasSuffix(tag, "-")
}
