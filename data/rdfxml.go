package data

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
)

// RDFXML is the name of the RDF/XML format.
const RDFXML = "rdfxml"

func init() {
	quad.RegisterFormat(quad.Format{Name: RDFXML, Ext: []string{".rdf", ".owl"}, Mime: []string{"application/rdf+xml"},
		Reader: func(r io.Reader) quad.ReadCloser { return NewRDFXMLReader(r, "", "") }})
}

// MaxRDFXML caps the size of an RDF/XML document, which is read whole.
const MaxRDFXML = 256 << 20

const xmlNS = "http://www.w3.org/XML/1998/namespace"

// NewRDFXMLReader reads an RDF/XML document (RDF 1.1 XML Syntax),
// strictly: what the grammar does not allow is a *ParseError with the
// line. base is the document's base IRI (--base or the file's own IRI);
// xml:base changes it. The document is read whole, up to MaxRDFXML bytes.
// Blank nodes keep their rdf:nodeID; those the syntax makes are labelled
// g_1, g_2… (a nodeID that starts with g_ gets another g_ in front).
func NewRDFXMLReader(r io.Reader, name, base string) quad.ReadCloser {
	p := &rdfxmlParser{name: name, ids: map[string]bool{}}
	sr := &sliceReader{name: name}
	b, err := io.ReadAll(io.LimitReader(r, MaxRDFXML+1))
	switch {
	case err != nil:
		sr.err = &ParseError{File: name, Err: err}
	case len(b) > MaxRDFXML:
		sr.err = &ParseError{File: name, Err: fmt.Errorf("the document is larger than %d MiB; split it, or convert it to N-Triples", MaxRDFXML>>20)}
	case base != "" && !isAbsoluteIRI(base):
		sr.err = fmt.Errorf("data: base %q is not an absolute IRI", base)
	default:
		sr.quads, sr.err = p.parse(b, base)
	}
	return sr
}

// xmlElem is an element as the parser sees it: its name resolved, its
// attributes, and the xml:base and xml:lang in force.
type xmlElem struct {
	ns, local string
	attrs     []xml.Attr // namespaces resolved; xmlns declarations left out
	base      string
	lang      string
	line      int
}

type rdfxmlParser struct {
	name   string
	d      *xml.Decoder
	nsStk  []map[string]string // prefix -> namespace, innermost last
	out    []quad.Quad
	nextID int
	ids    map[string]bool // rdf:IDs used, resolved
	open   []xml.Name      // the elements open, as written
}

type rdfxmlError struct{ err error }

func (p *rdfxmlParser) fail(format string, args ...any) {
	line := 0
	if p.d != nil {
		line, _ = p.d.InputPos()
	}
	panic(rdfxmlError{&ParseError{File: p.name, Line: line, Err: fmt.Errorf(format, args...)}})
}

func (p *rdfxmlParser) parse(b []byte, base string) (out []quad.Quad, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(rdfxmlError)
			if !ok {
				panic(r)
			}
			out, err = nil, e.err
		}
	}()
	p.d = xml.NewDecoder(bytes.NewReader(b))
	p.d.Strict = true
	p.nsStk = []map[string]string{{"xml": xmlNS}}
	parent := xmlElem{base: base}
	for {
		t := p.token()
		switch t := t.(type) {
		case nil:
			return p.out, nil
		case xml.StartElement:
			e := p.start(t, parent)
			if e.ns == rdfNS && e.local == "RDF" {
				p.nodeElementList(e)
			} else {
				p.nodeElement(e)
			}
			p.popNS()
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				p.fail("text outside any element")
			}
		}
	}
}

// token returns the next token that matters (no comments, processing
// instructions or directives); nil at the end of the document.
func (p *rdfxmlParser) token() xml.Token {
	for {
		t := p.rawToken()
		switch t := t.(type) {
		case xml.Comment, xml.ProcInst, xml.Directive:
			continue
		case xml.CharData:
			return t.Copy()
		case xml.StartElement:
			return t.Copy()
		}
		return t
	}
}

// rawToken returns the next XML token, checking that end tags match
// (encoding/xml's RawToken does not); nil at the end of the document.
func (p *rdfxmlParser) rawToken() xml.Token {
	t, err := p.d.RawToken()
	if err == io.EOF {
		if len(p.open) > 0 {
			p.fail("XML: the document ends before </%s>", rawName(p.open[len(p.open)-1]))
		}
		return nil
	}
	if err != nil {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			panic(rdfxmlError{&ParseError{File: p.name, Line: se.Line, Err: fmt.Errorf("XML: %s", se.Msg)}})
		}
		p.fail("XML: %v", err)
	}
	switch t := t.(type) {
	case xml.StartElement:
		p.open = append(p.open, t.Name)
	case xml.EndElement:
		if len(p.open) == 0 || p.open[len(p.open)-1] != t.Name {
			if len(p.open) == 0 {
				p.fail("XML: </%s> closes no element", rawName(t.Name))
			}
			p.fail("XML: </%s> where </%s> was expected", rawName(t.Name), rawName(p.open[len(p.open)-1]))
		}
		p.open = p.open[:len(p.open)-1]
	}
	return t
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// start pushes the element's namespace declarations and resolves it.
func (p *rdfxmlParser) start(t xml.StartElement, parent xmlElem) xmlElem {
	scope := map[string]string{}
	for _, a := range t.Attr {
		switch {
		case a.Name.Space == "xmlns":
			scope[a.Name.Local] = a.Value
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			scope[""] = a.Value
		}
	}
	p.nsStk = append(p.nsStk, scope)
	line, _ := p.d.InputPos()
	e := xmlElem{local: t.Name.Local, base: parent.base, lang: parent.lang, line: line}
	e.ns = p.lookup(t.Name.Space, true)
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		ns := p.lookup(a.Name.Space, false)
		if ns == xmlNS {
			switch a.Name.Local {
			case "base":
				e.base = p.resolve(parent.base, a.Value, true)
			case "lang":
				e.lang = strings.ToLower(a.Value)
			}
			continue
		}
		if ns == "" && strings.HasPrefix(strings.ToLower(a.Name.Local), "xml") {
			continue // reserved for XML
		}
		e.attrs = append(e.attrs, xml.Attr{Name: xml.Name{Space: ns, Local: a.Name.Local}, Value: a.Value})
	}
	return e
}

func (p *rdfxmlParser) popNS() { p.nsStk = p.nsStk[:len(p.nsStk)-1] }

// lookup resolves a prefix; elem says whether the default namespace
// applies (it does to elements, not to attributes).
func (p *rdfxmlParser) lookup(prefix string, elem bool) string {
	if prefix == "" && !elem {
		return ""
	}
	for i := len(p.nsStk) - 1; i >= 0; i-- {
		if ns, ok := p.nsStk[i][prefix]; ok {
			return ns
		}
	}
	if prefix == "" {
		return ""
	}
	p.fail("the namespace prefix %q is not declared", prefix)
	return ""
}

// resolve resolves ref against base; without a base a relative reference
// is an error.
func (p *rdfxmlParser) resolve(base, ref string, xmlBase bool) string {
	if isAbsoluteIRI(ref) {
		if xmlBase { // a base has no fragment
			if i := strings.IndexByte(ref, '#'); i >= 0 {
				return ref[:i]
			}
		}
		return ref
	}
	if base == "" {
		p.fail("%v <%s> and no base to resolve it against: give the document an xml:base, or a base IRI", ErrRelativeIRI, ref)
	}
	s := resolveIRI(splitIRI(base), ref)
	if xmlBase {
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i]
		}
	}
	return s
}

// skipSpaceTo returns the next token that is not white space; other
// text is an error.
func (p *rdfxmlParser) skipSpaceTo() xml.Token {
	for {
		t := p.token()
		if cd, ok := t.(xml.CharData); ok {
			if len(bytes.TrimSpace(cd)) > 0 {
				p.fail("unexpected text %q", strings.TrimSpace(string(cd)))
			}
			continue
		}
		return t
	}
}

func (p *rdfxmlParser) nodeElementList(parent xmlElem) {
	for _, a := range parent.attrs {
		p.fail("rdf:RDF takes no attribute %s", attrName(a.Name))
	}
	for {
		switch t := p.skipSpaceTo().(type) {
		case xml.EndElement:
			return
		case xml.StartElement:
			e := p.start(t, parent)
			p.nodeElement(e)
			p.popNS()
		case nil:
			p.fail("the document ends inside rdf:RDF")
		}
	}
}

func attrName(n xml.Name) string {
	if n.Space == rdfNS {
		return "rdf:" + n.Local
	}
	return n.Space + n.Local
}

var (
	coreSyntaxTerms = map[string]bool{"RDF": true, "ID": true, "about": true, "parseType": true, "resource": true, "nodeID": true, "datatype": true}
	oldTerms        = map[string]bool{"aboutEach": true, "aboutEachPrefix": true, "bagID": true}
)

func (p *rdfxmlParser) gen() quad.BNode {
	p.nextID++
	return quad.BNode(genPrefix + strconv.Itoa(p.nextID))
}

func (p *rdfxmlParser) nodeID(s string) quad.BNode {
	if !isNCName(s) {
		p.fail("rdf:nodeID %q is not an XML name", s)
	}
	if strings.HasPrefix(s, genPrefix) {
		s = genPrefix + s
	}
	return quad.BNode(s)
}

func (p *rdfxmlParser) idIRI(e xmlElem, id string) quad.IRI {
	if !isNCName(id) {
		p.fail("rdf:ID %q is not an XML name", id)
	}
	iri := p.resolve(e.base, "#"+id, false)
	if p.ids[iri] {
		p.fail("rdf:ID %q is used twice with the same base", id)
	}
	p.ids[iri] = true
	return quad.IRI(iri)
}

func (p *rdfxmlParser) emit(s, pr, o quad.Value) {
	p.out = append(p.out, quad.Quad{Subject: s, Predicate: pr, Object: o})
}

// plainLiteral makes a plain literal with the element's language.
func plainLiteral(text, lang string) quad.Value {
	if lang != "" {
		return quad.LangString{Value: quad.String(text), Lang: lang}
	}
	return quad.String(text)
}

// nodeElement reads a node element whose start tag has been read, up to
// its end tag, and returns its subject.
func (p *rdfxmlParser) nodeElement(e xmlElem) quad.Value {
	if e.ns == "" {
		p.fail("the element <%s> has no namespace", e.local)
	}
	if e.ns == rdfNS && (coreSyntaxTerms[e.local] || oldTerms[e.local] || e.local == "li") {
		p.fail("rdf:%s cannot be a node element", e.local)
	}
	var subj quad.Value
	set := func(v quad.Value, what string) {
		if subj != nil {
			p.fail("a node element takes only one of rdf:about, rdf:ID and rdf:nodeID (found %s too)", what)
		}
		subj = v
	}
	var props []xml.Attr
	for _, a := range e.attrs {
		if a.Name.Space == rdfNS {
			switch a.Name.Local {
			case "about":
				set(quad.IRI(p.resolve(e.base, a.Value, false)), "rdf:about")
				continue
			case "ID":
				set(p.idIRI(e, a.Value), "rdf:ID")
				continue
			case "nodeID":
				set(p.nodeID(a.Value), "rdf:nodeID")
				continue
			}
		}
		props = append(props, a)
	}
	if subj == nil {
		subj = p.gen()
	}
	if !(e.ns == rdfNS && e.local == "Description") {
		p.emit(subj, quad.IRI(rdfTypeIRI), quad.IRI(e.ns+e.local))
	}
	p.propertyAttrs(subj, props, e)
	li := 0
	for {
		switch t := p.skipSpaceTo().(type) {
		case xml.EndElement:
			return subj
		case xml.StartElement:
			c := p.start(t, e)
			p.propertyElt(subj, c, &li)
			p.popNS()
		case nil:
			p.fail("the document ends inside <%s>", e.local)
		}
	}
}

// propertyAttrs emits the property attributes of a node (or of an empty
// property element's object).
func (p *rdfxmlParser) propertyAttrs(subj quad.Value, attrs []xml.Attr, e xmlElem) {
	for _, a := range attrs {
		if a.Name.Space == "" {
			p.fail("the attribute %s has no namespace", a.Name.Local)
		}
		if a.Name.Space == rdfNS {
			switch {
			case a.Name.Local == "type":
				p.emit(subj, quad.IRI(rdfTypeIRI), quad.IRI(p.resolve(e.base, a.Value, false)))
				continue
			case coreSyntaxTerms[a.Name.Local] || oldTerms[a.Name.Local] || a.Name.Local == "li" || a.Name.Local == "Description":
				p.fail("rdf:%s cannot be a property attribute here", a.Name.Local)
			}
		}
		p.emit(subj, quad.IRI(a.Name.Space+a.Name.Local), plainLiteral(a.Value, e.lang))
	}
}

// propertyElt reads a property element of subj whose start tag has been
// read, up to its end tag.
func (p *rdfxmlParser) propertyElt(subj quad.Value, e xmlElem, li *int) {
	if e.ns == "" {
		p.fail("the element <%s> has no namespace", e.local)
	}
	pred := quad.IRI(e.ns + e.local)
	if e.ns == rdfNS {
		switch {
		case e.local == "li":
			*li++
			pred = quad.IRI(rdfNS + "_" + strconv.Itoa(*li))
		case coreSyntaxTerms[e.local] || oldTerms[e.local] || e.local == "Description":
			p.fail("rdf:%s cannot be a property element", e.local)
		}
	}
	var id, parseType, resource, nodeID, datatype *string
	var props []xml.Attr
	for i, a := range e.attrs {
		v := &e.attrs[i].Value
		if a.Name.Space == rdfNS {
			switch a.Name.Local {
			case "ID":
				id = v
				continue
			case "parseType":
				parseType = v
				continue
			case "resource":
				resource = v
				continue
			case "nodeID":
				nodeID = v
				continue
			case "datatype":
				datatype = v
				continue
			}
		}
		props = append(props, a)
	}
	var reifyID quad.Value
	if id != nil {
		reifyID = p.idIRI(e, *id)
	}
	emit := func(o quad.Value) {
		p.emit(subj, pred, o)
		if reifyID != nil {
			p.emit(reifyID, quad.IRI(rdfTypeIRI), quad.IRI(rdfNS+"Statement"))
			p.emit(reifyID, quad.IRI(rdfNS+"subject"), subj)
			p.emit(reifyID, quad.IRI(rdfNS+"predicate"), pred)
			p.emit(reifyID, quad.IRI(rdfNS+"object"), o)
		}
	}
	if parseType != nil {
		if resource != nil || nodeID != nil || datatype != nil || len(props) > 0 {
			p.fail("rdf:parseType takes no rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
		}
		switch *parseType {
		case "Resource":
			b := p.gen()
			emit(b)
			n := 0
			for {
				switch t := p.skipSpaceTo().(type) {
				case xml.EndElement:
					return
				case xml.StartElement:
					c := p.start(t, e)
					p.propertyElt(b, c, &n)
					p.popNS()
				case nil:
					p.fail("the document ends inside <%s>", e.local)
				}
			}
		case "Collection":
			var items []quad.Value
			for {
				t := p.skipSpaceTo()
				if st, ok := t.(xml.StartElement); ok {
					c := p.start(st, e)
					items = append(items, p.nodeElement(c))
					p.popNS()
					continue
				}
				if t == nil {
					p.fail("the document ends inside <%s>", e.local)
				}
				break
			}
			var head quad.Value = quad.IRI(rdfNil)
			cells := make([]quad.Value, len(items))
			for i := range items {
				cells[i] = p.gen()
			}
			if len(cells) > 0 {
				head = cells[0]
			}
			emit(head)
			for i, it := range items {
				p.emit(cells[i], quad.IRI(rdfFirst), it)
				var rest quad.Value = quad.IRI(rdfNil)
				if i+1 < len(cells) {
					rest = cells[i+1]
				}
				p.emit(cells[i], quad.IRI(rdfRest), rest)
			}
			return
		default: // "Literal", and any other value
			emit(quad.TypedString{Value: quad.String(p.xmlLiteral(e)), Type: quad.IRI(rdfNS + "XMLLiteral")})
			return
		}
	}
	// Text, one node element, or nothing.
	var text strings.Builder
	for {
		t := p.token()
		switch t := t.(type) {
		case xml.CharData:
			text.Write(t)
			continue
		case xml.StartElement:
			if strings.TrimSpace(text.String()) != "" {
				p.fail("a property element holds either text or a node element, not both")
			}
			if resource != nil || nodeID != nil || datatype != nil || len(props) > 0 {
				p.fail("a property element with a node element inside takes no rdf:resource, rdf:nodeID, rdf:datatype or property attributes")
			}
			c := p.start(t, e)
			o := p.nodeElement(c)
			p.popNS()
			emit(o)
			if _, ok := p.skipSpaceTo().(xml.EndElement); !ok {
				p.fail("a property element holds one node element")
			}
			return
		case xml.EndElement:
		case nil:
			p.fail("the document ends inside <%s>", e.local)
		}
		break
	}
	if text.Len() > 0 || datatype != nil {
		if resource != nil || nodeID != nil || len(props) > 0 {
			p.fail("a property element with text takes no rdf:resource, rdf:nodeID or property attributes")
		}
		if datatype != nil {
			dt := p.resolve(e.base, *datatype, false)
			if dt == XSDString {
				emit(quad.String(text.String()))
			} else {
				emit(quad.TypedString{Value: quad.String(text.String()), Type: quad.IRI(dt)})
			}
			return
		}
		emit(plainLiteral(text.String(), e.lang))
		return
	}
	// An empty property element.
	if resource == nil && nodeID == nil && len(props) == 0 {
		emit(plainLiteral("", e.lang))
		return
	}
	var o quad.Value
	switch {
	case resource != nil && nodeID != nil:
		p.fail("a property element takes rdf:resource or rdf:nodeID, not both")
	case resource != nil:
		o = quad.IRI(p.resolve(e.base, *resource, false))
	case nodeID != nil:
		o = p.nodeID(*nodeID)
	default:
		o = p.gen()
	}
	p.propertyAttrs(o, props, e)
	emit(o)
}

// xmlLiteral reads the content of a parseType="Literal" element as
// exclusive canonical XML (without comments).
func (p *rdfxmlParser) xmlLiteral(e xmlElem) string {
	var b strings.Builder
	type rendered struct{ ns map[string]string }
	var out []rendered // namespace declarations rendered by output ancestors
	isRendered := func(prefix, uri string) bool {
		for i := len(out) - 1; i >= 0; i-- {
			if v, ok := out[i].ns[prefix]; ok {
				return v == uri
			}
		}
		return prefix == "" && uri == ""
	}
	depth := 0
	for {
		switch t := p.rawToken().(type) {
		case nil:
			p.fail("the document ends inside <%s>", e.local)
		case xml.StartElement:
			scope := map[string]string{}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					scope[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					scope[""] = a.Value
				}
			}
			p.nsStk = append(p.nsStk, scope)
			depth++
			used := map[string]string{t.Name.Space: p.lookup(t.Name.Space, true)}
			type attr struct{ ns, name, value string }
			var attrs []attr
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
					continue
				}
				name := a.Name.Local
				ns := ""
				if a.Name.Space != "" {
					ns = p.lookup(a.Name.Space, false)
					name = a.Name.Space + ":" + a.Name.Local
					if a.Name.Space != "xml" {
						used[a.Name.Space] = ns
					}
				}
				attrs = append(attrs, attr{ns, name, a.Value})
			}
			b.WriteByte('<')
			if t.Name.Space != "" {
				b.WriteString(t.Name.Space + ":")
			}
			b.WriteString(t.Name.Local)
			var prefixes []string
			for pf := range used {
				prefixes = append(prefixes, pf)
			}
			sort.Strings(prefixes)
			decl := map[string]string{}
			for _, pf := range prefixes {
				if isRendered(pf, used[pf]) {
					continue
				}
				decl[pf] = used[pf]
				if pf == "" {
					b.WriteString(` xmlns="` + escapeAttr(used[pf]) + `"`)
				} else {
					b.WriteString(" xmlns:" + pf + `="` + escapeAttr(used[pf]) + `"`)
				}
			}
			out = append(out, rendered{decl})
			sort.Slice(attrs, func(i, j int) bool {
				if attrs[i].ns != attrs[j].ns {
					return attrs[i].ns < attrs[j].ns
				}
				return attrs[i].name < attrs[j].name
			})
			for _, a := range attrs {
				b.WriteString(" " + a.name + `="` + escapeAttr(a.value) + `"`)
			}
			b.WriteByte('>')
		case xml.EndElement:
			if depth == 0 {
				return b.String()
			}
			depth--
			p.popNS()
			out = out[:len(out)-1]
			b.WriteString("</")
			if t.Name.Space != "" {
				b.WriteString(t.Name.Space + ":")
			}
			b.WriteString(t.Name.Local + ">")
		case xml.CharData:
			b.WriteString(escapeText(string(t)))
		case xml.ProcInst:
			b.WriteString("<?" + t.Target)
			if len(t.Inst) > 0 {
				b.WriteString(" " + string(t.Inst))
			}
			b.WriteString("?>")
		}
	}
}

func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;").Replace(s)
}

func escapeAttr(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;").Replace(s)
}

// isNCName reports whether s is an XML name without colons.
func isNCName(s string) bool {
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || r == '_':
		case i > 0 && (unicode.IsDigit(r) || r == '.' || r == '-' || r == 0xB7 || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)):
		default:
			return false
		}
	}
	return s != ""
}
