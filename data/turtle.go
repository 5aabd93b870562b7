package data

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

func init() {
	quad.RegisterFormat(quad.Format{Name: Turtle, Ext: []string{".ttl", ".turtle"}, Mime: []string{"text/turtle"},
		Reader: func(r io.Reader) quad.ReadCloser { return NewTurtleReader(r, TurtleOptions{}) },
		Writer: func(w io.Writer) quad.WriteCloser { return NewTurtleWriter(w, false) }})
	quad.RegisterFormat(quad.Format{Name: TriG, Ext: []string{".trig"}, Mime: []string{"application/trig"},
		Reader: func(r io.Reader) quad.ReadCloser { return NewTurtleReader(r, TurtleOptions{TriG: true}) },
		Writer: func(w io.Writer) quad.WriteCloser { return NewTurtleWriter(w, true) }})
}

// TurtleOptions tune the Turtle and TriG reader.
type TurtleOptions struct {
	// Name names the input in errors, usually the file name.
	Name string
	// Base is the absolute IRI relative IRIs are resolved against until the
	// document's own @base or BASE changes it: --base, or else the file's
	// own IRI. Empty: a relative IRI is an error.
	Base string
	// TriG reads TriG, Turtle with named graphs in '{' '}'.
	TriG bool
}

// Datatypes of Turtle's abbreviated literals.
const (
	xsdNS      = "http://www.w3.org/2001/XMLSchema#"
	xsdInteger = xsdNS + "integer"
	xsdDecimal = xsdNS + "decimal"
	xsdDouble  = xsdNS + "double"
	xsdBoolean = xsdNS + "boolean"
	rdfNS      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfTypeIRI = rdfNS + "type"
	rdfFirst   = rdfNS + "first"
	rdfRest    = rdfNS + "rest"
	rdfNil     = rdfNS + "nil"
)

// genPrefix starts the labels of the blank nodes the reader makes up for
// '[' ']' and collections; a label in the file that starts with it is
// prefixed once more, so that the two never meet.
const genPrefix = "g_"

// TurtleReader reads Turtle or TriG as RDF 1.1 defines them, strictly:
// anything the grammar does not allow is a *ParseError naming the line and
// column. It streams: it holds one statement at a time, plus the prefixes
// the document declares. Values are raw, as NQuadsReader's are; numbers
// and booleans written bare keep their lexical form and get their XSD
// datatype. Blank node labels are the document's; the blank nodes '[' ']'
// and '(' ')' make are labelled g_1, g_2… (a label of the file's own that
// starts with g_ gets another g_ in front).
type TurtleReader struct {
	src      io.Reader
	opt      TurtleOptions
	buf      []byte
	pos      int
	eof      bool
	readErr  error
	line     int
	lineOff  int // offset in buf of the current line's first byte (may be < 0)
	base     iriRef
	hasBase  bool
	prefixes map[string]string
	graph    quad.Value // the graph being read, in TriG
	inGraph  bool
	nextGen  int
	// lastWasList: the last '[' read held a predicateObjectList
	lastWasList bool
	out         []quad.Quad
	outPos      int
	err         error
	sb          []byte // scratch for tokens
}

// NewTurtleReader returns a strict Turtle (or TriG) reader of r.
func NewTurtleReader(r io.Reader, opt TurtleOptions) *TurtleReader {
	t := &TurtleReader{src: r, opt: opt, buf: make([]byte, 0, 64<<10), line: 1, prefixes: make(map[string]string)}
	if opt.Base != "" {
		if !isAbsoluteIRI(opt.Base) {
			t.err = fmt.Errorf("data: base %q is not an absolute IRI", opt.Base)
		}
		t.base, t.hasBase = splitIRI(opt.Base), true
	}
	return t
}

// ReadQuad returns the next statement, io.EOF at the end of the input, or
// a *ParseError. After an error every call returns the same error.
func (t *TurtleReader) ReadQuad() (quad.Quad, error) {
	for t.outPos >= len(t.out) {
		if t.err != nil {
			return quad.Quad{}, t.err
		}
		t.out, t.outPos = t.out[:0], 0
		if err := t.statement(); err != nil {
			t.err, t.out = err, t.out[:0]
		}
	}
	q := t.out[t.outPos]
	t.outPos++
	return q, nil
}

// Close releases nothing; it is there to make a quad.ReadCloser.
func (t *TurtleReader) Close() error { return nil }

// syntaxError is what fail panics with; statement turns it into an error.
type syntaxError struct{ err *ParseError }

func (t *TurtleReader) fail(format string, args ...any) {
	t.failErr(fmt.Errorf(format, args...))
}

func (t *TurtleReader) failErr(err error) { t.failAt(t.col(), err) }

// col is the 0-based column of t.pos; it stays right when fill moves the
// buffer, which t.pos does not.
func (t *TurtleReader) col() int { return t.pos - t.lineOff }

func (t *TurtleReader) failAt(col int, err error) {
	panic(syntaxError{&ParseError{File: t.opt.Name, Line: t.line, Column: col + 1, Err: err}})
}

// statement reads one directive or statement (or a TriG graph's opening
// or closing brace), appending its quads to t.out.
func (t *TurtleReader) statement() (err error) {
	defer func() {
		if p := recover(); p != nil {
			se, ok := p.(syntaxError)
			if !ok {
				panic(p)
			}
			err = se.err
		}
	}()
	t.ws()
	c := t.peek()
	if c < 0 {
		if t.readErr != nil {
			return fmt.Errorf("%s: %w (line %d)", t.opt.Name, t.readErr, t.line)
		}
		if t.inGraph {
			t.fail("expected '}' to close the graph, found the end of the file")
		}
		return io.EOF
	}
	if t.inGraph {
		t.graphStatement()
		return nil
	}
	if c == '@' {
		t.atDirective()
		return nil
	}
	if c == '{' && t.opt.TriG {
		t.pos++
		t.inGraph, t.graph = true, nil
		return nil
	}
	if t.sparqlDirective() {
		return nil
	}
	t.triples()
	return nil
}

// graphStatement reads a statement inside a TriG graph, or its '}'.
func (t *TurtleReader) graphStatement() {
	switch t.peek() {
	case '}':
		t.pos++
		t.inGraph, t.graph = false, nil
		return
	case '@':
		t.fail("directives are not allowed inside a graph")
	}
	t.triplesOnly()
	t.ws()
	switch t.peek() {
	case '.':
		t.pos++
	case '}':
	default:
		t.fail("expected '.' or '}' after a statement, found %s", t.found())
	}
}

// triplesOnly reads triples ::= subject predicateObjectList |
// blankNodePropertyList predicateObjectList?, without the final '.'.
func (t *TurtleReader) triplesOnly() {
	var s quad.Value
	if t.peek() == '[' {
		var anon bool
		s, anon = t.blankNodeOrList()
		t.ws()
		if c := t.peek(); !anon && (c == '.' || c == '}') {
			return
		}
	} else {
		s = t.subject()
		t.ws()
	}
	t.predicateObjectList(s)
}

// triples reads a top-level statement: Turtle's triples '.', or TriG's
// block (a graph with or without GRAPH, or triples).
func (t *TurtleReader) triples() {
	var s quad.Value
	isList := false
	switch c := t.peek(); {
	case c == '[':
		var anon bool
		s, anon = t.blankNodeOrList()
		t.ws()
		if !anon {
			if t.peek() != '.' {
				t.predicateObjectList(s)
			}
			t.endStatement()
			return
		}
	case c == '(':
		s, isList = t.collection(), true
	default:
		if t.opt.TriG && t.keywordAhead("GRAPH") {
			t.ws()
			if t.peek() == '[' {
				s, _ = t.blankNodeOrList()
				if _, ok := s.(quad.BNode); !ok || t.lastWasList {
					t.fail("a graph's name is an IRI or a blank node")
				}
			} else {
				if t.peek() == '(' {
					t.fail("a graph's name is an IRI or a blank node, not a collection")
				}
				s = t.subject()
			}
			t.ws()
			if t.peek() != '{' {
				t.fail("expected '{' after GRAPH and the graph's name, found %s", t.found())
			}
			t.pos++
			t.inGraph, t.graph = true, s
			return
		}
		s = t.subject()
	}
	t.ws()
	if t.opt.TriG && t.peek() == '{' {
		if isList {
			t.fail("a collection cannot name a graph")
		}
		t.pos++
		t.inGraph, t.graph = true, s
		return
	}
	t.predicateObjectList(s)
	t.endStatement()
}

func (t *TurtleReader) endStatement() {
	t.ws()
	if t.peek() != '.' {
		t.fail("expected '.' to end the statement, found %s", t.found())
	}
	t.pos++
}

// atDirective reads @prefix or @base.
func (t *TurtleReader) atDirective() {
	t.pos++
	switch {
	case t.hasWord("prefix"):
		t.pos += len("prefix")
		t.prefixDecl()
	case t.hasWord("base"):
		t.pos += len("base")
		t.baseDecl()
	default:
		t.fail("expected @prefix or @base, found %s", t.found())
	}
	t.ws()
	if t.peek() != '.' {
		t.fail("expected '.' to end the directive, found %s", t.found())
	}
	t.pos++
}

// sparqlDirective reads PREFIX or BASE (any case), if that is what comes.
func (t *TurtleReader) sparqlDirective() bool {
	switch {
	case t.keywordAhead("PREFIX"):
		t.prefixDecl()
	case t.keywordAhead("BASE"):
		t.baseDecl()
	default:
		return false
	}
	return true
}

// hasWord reports whether the input continues with w (exactly) and then
// something that cannot continue a name.
func (t *TurtleReader) hasWord(w string) bool {
	t.fill(len(w) + 1)
	if len(t.buf)-t.pos < len(w) || string(t.buf[t.pos:t.pos+len(w)]) != w {
		return false
	}
	return t.pos+len(w) >= len(t.buf) || !isNameByte(t.buf[t.pos+len(w)])
}

// keywordAhead consumes the keyword w, in any case, if the input
// continues with it followed by something that is not part of a name.
func (t *TurtleReader) keywordAhead(w string) bool { return t.wordAhead(w, true) }

// wordAhead consumes w (in any case if fold) if the input continues with
// it followed by something that cannot continue a prefixed name.
func (t *TurtleReader) wordAhead(w string, fold bool) bool {
	t.fill(len(w) + 2)
	if len(t.buf)-t.pos < len(w) {
		return false
	}
	got := string(t.buf[t.pos : t.pos+len(w)])
	if got != w && !(fold && strings.EqualFold(got, w)) {
		return false
	}
	if i := t.pos + len(w); i < len(t.buf) && (isNameByte(t.buf[i]) || t.buf[i] == ':' || t.buf[i] == '.' && i+1 < len(t.buf) && isNameByte(t.buf[i+1])) {
		return false
	}
	t.pos += len(w)
	return true
}

func isNameByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

func (t *TurtleReader) prefixDecl() {
	t.ws()
	var prefix string
	if t.peek() != ':' {
		prefix = t.prefixName()
	}
	if t.peek() != ':' {
		t.fail("expected a prefix name ending in ':', found %s", t.found())
	}
	t.pos++
	t.ws()
	t.prefixes[prefix] = t.iriRef()
}

func (t *TurtleReader) baseDecl() {
	t.ws()
	b := t.iriRef()
	t.base, t.hasBase = splitIRI(b), true
}

// MaxStatementQuads caps the quads one Turtle statement may make (a
// subject with its lists and nested blank nodes): the reader holds a
// statement whole, so a larger one is an error rather than a reason to
// hold the file in memory.
const MaxStatementQuads = 1 << 20

func (t *TurtleReader) emit(s, p, o quad.Value) {
	if len(t.out) >= MaxStatementQuads {
		t.failErr(fmt.Errorf("%w: one statement makes more than %d quads; split it into several", ErrLineTooLong, MaxStatementQuads))
	}
	t.out = append(t.out, quad.Quad{Subject: s, Predicate: p, Object: o, Label: t.graph})
}

func (t *TurtleReader) predicateObjectList(s quad.Value) {
	for {
		p := t.verb()
		t.ws()
		t.objectList(s, p)
		t.ws()
		if t.peek() != ';' {
			return
		}
		for t.peek() == ';' {
			t.pos++
			t.ws()
		}
		switch t.peek() {
		case '.', ']', '}', -1:
			return
		}
	}
}

func (t *TurtleReader) objectList(s, p quad.Value) {
	for {
		t.emit(s, p, t.object())
		t.ws()
		if t.peek() != ',' {
			return
		}
		t.pos++
		t.ws()
	}
}

func (t *TurtleReader) verb() quad.Value {
	if t.peek() == 'a' {
		t.fill(2)
		if t.pos+1 >= len(t.buf) || !isNameByte(t.buf[t.pos+1]) && t.buf[t.pos+1] != ':' && t.buf[t.pos+1] != '.' {
			t.pos++
			return quad.IRI(rdfTypeIRI)
		}
	}
	switch t.peek() {
	case '<':
		return quad.IRI(t.iriRef())
	case '_', '[', '(', '"', '\'':
		t.fail("a predicate must be an IRI, found %s", t.found())
	}
	return t.prefixedName("predicate")
}

func (t *TurtleReader) subject() quad.Value {
	switch t.peek() {
	case '<':
		return quad.IRI(t.iriRef())
	case '_':
		return t.blankLabel()
	case '(':
		return t.collection()
	case '"', '\'':
		t.fail("a subject cannot be a literal")
	}
	return t.prefixedName("subject")
}

func (t *TurtleReader) object() quad.Value {
	switch c := t.peek(); {
	case c == '<':
		return quad.IRI(t.iriRef())
	case c == '_':
		return t.blankLabel()
	case c == '(':
		return t.collection()
	case c == '[':
		v, _ := t.blankNodeOrList()
		return v
	case c == '"' || c == '\'':
		return t.literal()
	case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		return t.number()
	}
	for _, v := range []string{"true", "false"} { // booleans are lower case
		if t.wordAhead(v, false) {
			return quad.TypedString{Value: quad.String(v), Type: xsdBoolean}
		}
	}
	return t.prefixedName("object")
}

func (t *TurtleReader) genBlank() quad.BNode {
	t.nextGen++
	return quad.BNode(genPrefix + strconv.Itoa(t.nextGen))
}

// blankNodeOrList reads '[' ']' (anon true) or '[' predicateObjectList ']'.
func (t *TurtleReader) blankNodeOrList() (quad.Value, bool) {
	t.pos++
	t.ws()
	b := t.genBlank()
	t.lastWasList = false
	if t.peek() == ']' {
		t.pos++
		return b, true
	}
	t.predicateObjectList(b)
	t.ws()
	if t.peek() != ']' {
		t.fail("expected ']' to close the blank node, found %s", t.found())
	}
	t.pos++
	t.lastWasList = true
	return b, false
}

// collection reads '(' object* ')' into rdf:first and rdf:rest.
func (t *TurtleReader) collection() quad.Value {
	t.pos++
	var head, prev quad.Value = quad.IRI(rdfNil), nil
	for {
		t.ws()
		switch t.peek() {
		case ')':
			t.pos++
			if prev != nil {
				t.emit(prev, quad.IRI(rdfRest), quad.IRI(rdfNil))
			}
			return head
		case -1:
			t.fail("expected ')' to close the collection, found the end of the file")
		}
		cell := t.genBlank()
		if prev == nil {
			head = cell
		} else {
			t.emit(prev, quad.IRI(rdfRest), cell)
		}
		t.emit(cell, quad.IRI(rdfFirst), t.object())
		prev = cell
	}
}

// ws skips white space and comments.
func (t *TurtleReader) ws() {
	for {
		if t.pos >= len(t.buf) && !t.fill(1) {
			return
		}
		switch c := t.buf[t.pos]; c {
		case ' ', '\t', '\r':
			t.pos++
		case '\n':
			t.pos++
			t.line++
			t.lineOff = t.pos
		case '#':
			for {
				if t.pos >= len(t.buf) && !t.fill(1) {
					return
				}
				if t.buf[t.pos] == '\n' || t.buf[t.pos] == '\r' {
					break
				}
				t.pos++
			}
		default:
			return
		}
	}
}

// fill makes at least n bytes available from t.pos, unless the input
// ends first; it reports whether they are.
func (t *TurtleReader) fill(n int) bool {
	for len(t.buf)-t.pos < n {
		if t.eof {
			return false
		}
		if t.pos > 0 && len(t.buf) == cap(t.buf) || t.pos > cap(t.buf)/2 {
			copy(t.buf, t.buf[t.pos:])
			t.buf = t.buf[:len(t.buf)-t.pos]
			t.lineOff -= t.pos
			t.pos = 0
		}
		if len(t.buf) == cap(t.buf) {
			nb := make([]byte, len(t.buf), 2*cap(t.buf))
			copy(nb, t.buf)
			t.buf = nb
		}
		m, err := t.src.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+m]
		if err != nil {
			t.eof = true
			if err != io.EOF {
				t.readErr = err
			}
		}
	}
	return true
}

// peek returns the next byte, or -1 at the end of the input.
func (t *TurtleReader) peek() int {
	if t.pos >= len(t.buf) && !t.fill(1) {
		return -1
	}
	return int(t.buf[t.pos])
}

// peekRune returns the next character and its size, failing on invalid
// UTF-8; size 0 at the end of the input.
func (t *TurtleReader) peekRune() (rune, int) {
	if t.pos >= len(t.buf) && !t.fill(1) {
		return -1, 0
	}
	if c := t.buf[t.pos]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	t.fill(utf8.UTFMax)
	r, n := utf8.DecodeRune(t.buf[t.pos:])
	if r == utf8.RuneError && n <= 1 {
		t.failErr(fmt.Errorf("%w: the file must be UTF-8", ErrInvalidUTF8))
	}
	return r, n
}

// found describes what comes next, for an error message.
func (t *TurtleReader) found() string {
	r, n := t.peekRune()
	switch {
	case n == 0:
		return "the end of the file"
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("control character %U", r)
	}
	return fmt.Sprintf("%q", r)
}

// iriRef reads an IRIREF and resolves it against the base.
func (t *TurtleReader) iriRef() string {
	if t.peek() != '<' {
		t.fail("expected an IRI in '<' '>', found %s", t.found())
	}
	start := t.col()
	t.pos++
	sb := t.sb[:0]
	for {
		if len(sb) > MaxLine {
			t.failErr(fmt.Errorf("%w: an IRI of more than %d bytes; is this a binary file?", ErrLineTooLong, MaxLine))
		}
		if t.pos >= len(t.buf) && !t.fill(1) {
			t.fail("expected '>' to close the IRI, found the end of the file")
		}
		c := t.buf[t.pos]
		switch {
		case c == '>':
			t.pos++
			t.sb = sb
			return t.resolve(string(sb), start)
		case c == '\\':
			r := t.uchar()
			if !iriChar(r) {
				t.fail("escape %U names a character IRIs may not hold", r)
			}
			sb = utf8.AppendRune(sb, r)
		case c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`':
			if c == ' ' || c == '\n' {
				t.fail("expected '>' to close the IRI, found a space or line break (IRIs hold none)")
			}
			t.fail("IRIs may not hold %s", t.found())
		case c < utf8.RuneSelf:
			sb = append(sb, c)
			t.pos++
		default:
			_, n := t.peekRune()
			sb = append(sb, t.buf[t.pos:t.pos+n]...)
			t.pos += n
		}
	}
}

func (t *TurtleReader) resolve(s string, col int) string {
	if isAbsoluteIRI(s) {
		return s
	}
	if !t.hasBase {
		t.failAt(col, fmt.Errorf("%w <%s> and no base to resolve it against: give the document an @base, or a base IRI", ErrRelativeIRI, s))
	}
	return resolveIRI(t.base, s)
}

// uchar reads '\u' HEX{4} or '\U' HEX{8}.
func (t *TurtleReader) uchar() rune {
	t.fill(10)
	if t.pos+1 >= len(t.buf) || t.buf[t.pos+1] != 'u' && t.buf[t.pos+1] != 'U' {
		t.pos++
		t.fail("expected 'u' or 'U' after '\\' (only \\uXXXX and \\UXXXXXXXX escapes are allowed here)")
	}
	n := 4
	if t.buf[t.pos+1] == 'U' {
		n = 8
	}
	start := t.pos
	t.pos += 2
	var r rune
	for i := 0; i < n; i++ {
		if t.pos >= len(t.buf) || hexVal(t.buf[t.pos]) < 0 {
			t.fail("expected %d hex digits after \\%c, found %s", n, t.buf[start+1], t.found())
		}
		r = r<<4 | rune(hexVal(t.buf[t.pos]))
		t.pos++
	}
	if !utf8.ValidRune(r) {
		t.pos = start
		t.fail("escape names no Unicode character")
	}
	return r
}

// blankLabel reads BLANK_NODE_LABEL.
func (t *TurtleReader) blankLabel() quad.Value {
	t.fill(2)
	if t.pos+1 >= len(t.buf) || t.buf[t.pos+1] != ':' {
		t.pos++
		t.fail("expected ':' after '_' in a blank node label")
	}
	t.pos += 2
	r, n := t.peekRune()
	if n == 0 || !(ttlCharsU(r) || r >= '0' && r <= '9') {
		t.fail("expected a blank node label after '_:', found %s", t.found())
	}
	sb := append(t.sb[:0], t.buf[t.pos:t.pos+n]...)
	t.pos += n
	sb = t.nameRest(sb, ttlChars)
	t.sb = sb
	label := string(sb)
	if strings.HasPrefix(label, genPrefix) {
		label = genPrefix + label
	}
	return quad.BNode(label)
}

// nameRest appends the characters of a name for which ok holds, and dots
// between them (a name never ends with '.').
func (t *TurtleReader) nameRest(sb []byte, ok func(rune) bool) []byte {
	for {
		r, n := t.peekRune()
		if n == 0 {
			return sb
		}
		if r == '.' {
			if !t.dotContinues(ok) {
				return sb
			}
			sb = append(sb, '.')
			t.pos++
			continue
		}
		if !ok(r) {
			return sb
		}
		sb = append(sb, t.buf[t.pos:t.pos+n]...)
		t.pos += n
	}
}

// dotContinues reports whether the dots at t.pos are followed by a
// character for which ok holds.
func (t *TurtleReader) dotContinues(ok func(rune) bool) bool {
	for i := 1; ; i++ {
		if !t.fill(i+utf8.UTFMax) && t.pos+i >= len(t.buf) {
			return false
		}
		if t.buf[t.pos+i] == '.' {
			continue
		}
		r, _ := utf8.DecodeRune(t.buf[t.pos+i:])
		return ok(r)
	}
}

// prefixName reads PN_PREFIX.
func (t *TurtleReader) prefixName() string {
	r, n := t.peekRune()
	if n == 0 || !pnCharsBase(r) {
		t.fail("expected a prefixed name, an IRI or a blank node, found %s", t.found())
	}
	sb := append(t.sb[:0], t.buf[t.pos:t.pos+n]...)
	t.pos += n
	sb = t.nameRest(sb, ttlChars)
	t.sb = sb
	return string(sb)
}

// prefixedName reads PNAME_LN or PNAME_NS and expands it.
func (t *TurtleReader) prefixedName(what string) quad.Value {
	var prefix string
	start := t.col()
	if t.peek() != ':' {
		r, n := t.peekRune()
		if n == 0 || !pnCharsBase(r) {
			t.fail("expected %s: an IRI, a prefixed name or a blank node, found %s", what, t.found())
		}
		prefix = t.prefixName()
		if t.peek() != ':' {
			t.fail("expected %s; %q is not a prefixed name (no ':') nor a keyword", what, prefix)
		}
	}
	ns, ok := t.prefixes[prefix]
	if !ok {
		t.failAt(start, fmt.Errorf("the prefix %q is not declared; declare it with @prefix %s: <…> .", prefix, prefix))
	}
	t.pos++ // ':'
	sb := append(t.sb[:0], ns...)
	sb = t.local(sb)
	t.sb = sb
	return quad.IRI(string(sb))
}

// local reads PN_LOCAL (possibly empty), unescaping its escapes.
func (t *TurtleReader) local(sb []byte) []byte {
	first := true
	for {
		r, n := t.peekRune()
		if n == 0 {
			return sb
		}
		switch {
		case r == '%':
			t.fill(3)
			if t.pos+2 >= len(t.buf) || hexVal(t.buf[t.pos+1]) < 0 || hexVal(t.buf[t.pos+2]) < 0 {
				t.fail("expected two hex digits after '%%' in a local name")
			}
			sb = append(sb, t.buf[t.pos:t.pos+3]...)
			t.pos += 3
		case r == '\\':
			t.fill(2)
			if t.pos+1 >= len(t.buf) || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", rune(t.buf[t.pos+1])) {
				t.pos++
				t.fail("expected one of _~.-!$&'()*+,;=/?#@%% after '\\' in a local name, found %s", t.found())
			}
			sb = append(sb, t.buf[t.pos+1])
			t.pos += 2
		case r == '.' && !first:
			if !t.dotContinues(localChar) {
				return sb
			}
			sb = append(sb, '.')
			t.pos++
		case ttlCharsU(r) || r == ':' || r >= '0' && r <= '9' || !first && ttlChars(r):
			sb = append(sb, t.buf[t.pos:t.pos+n]...)
			t.pos += n
		default:
			return sb
		}
		first = false
	}
}

func localChar(r rune) bool { return ttlChars(r) || r == ':' || r == '%' || r == '\\' }

// ttlCharsU is Turtle's PN_CHARS_U (N-Triples' also allows ':').
func ttlCharsU(r rune) bool { return pnCharsBase(r) || r == '_' }

func ttlChars(r rune) bool {
	return ttlCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// literal reads a string literal with its language tag or datatype.
func (t *TurtleReader) literal() quad.Value {
	q := byte(t.peek())
	t.fill(3)
	long := t.pos+2 < len(t.buf) && t.buf[t.pos+1] == q && t.buf[t.pos+2] == q
	if long {
		t.pos += 3
	} else {
		t.pos++
	}
	sb := t.sb[:0]
	for {
		if len(sb) > MaxLine {
			t.failErr(fmt.Errorf("%w: a string of more than %d bytes; is this a binary file?", ErrLineTooLong, MaxLine))
		}
		if t.pos >= len(t.buf) && !t.fill(1) {
			t.fail("expected %c to close the string, found the end of the file", q)
		}
		c := t.buf[t.pos]
		switch {
		case c == q:
			if !long {
				t.pos++
				goto done
			}
			t.fill(3)
			if t.pos+2 < len(t.buf) && t.buf[t.pos+1] == q && t.buf[t.pos+2] == q {
				t.pos += 3
				goto done
			}
			sb = append(sb, c)
			t.pos++
		case c == '\\':
			t.fill(2)
			if t.pos+1 < len(t.buf) {
				if e := echar(t.buf[t.pos+1]); e != 0 {
					sb = append(sb, e)
					t.pos += 2
					continue
				}
			}
			sb = utf8.AppendRune(sb, t.uchar())
		case c == '\n' || c == '\r':
			if !long {
				t.fail("a line break in a string is written \\n, or the string in triple quotes")
			}
			sb = append(sb, c)
			t.pos++
			if c == '\n' {
				t.line++
				t.lineOff = t.pos
			}
		case c < utf8.RuneSelf:
			sb = append(sb, c)
			t.pos++
		default:
			_, n := t.peekRune()
			sb = append(sb, t.buf[t.pos:t.pos+n]...)
			t.pos += n
		}
	}
done:
	t.sb = sb
	val := quad.String(sb)
	switch t.peek() {
	case '@':
		return quad.LangString{Value: val, Lang: strings.ToLower(t.langTag())}
	case '^':
		t.fill(2)
		if t.pos+1 >= len(t.buf) || t.buf[t.pos+1] != '^' {
			t.pos++
			t.fail("expected '^^' before a datatype")
		}
		t.pos += 2
		var dt quad.Value
		if t.peek() == '<' {
			dt = quad.IRI(t.iriRef())
		} else {
			dt = t.prefixedName("datatype")
		}
		if dt == quad.IRI(XSDString) {
			return val
		}
		return quad.TypedString{Value: val, Type: dt.(quad.IRI)}
	}
	return val
}

// langTag reads LANGTAG: '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func (t *TurtleReader) langTag() string {
	t.pos++
	sb := t.sb[:0]
	for c := t.peek(); c >= 0 && isAlpha(byte(c)); c = t.peek() {
		sb = append(sb, byte(c))
		t.pos++
	}
	if len(sb) == 0 {
		t.fail("expected a language tag such as en or pt-BR after '@', found %s", t.found())
	}
	for t.peek() == '-' {
		sb = append(sb, '-')
		t.pos++
		n := len(sb)
		for c := t.peek(); c >= 0 && (isAlpha(byte(c)) || c >= '0' && c <= '9'); c = t.peek() {
			sb = append(sb, byte(c))
			t.pos++
		}
		if len(sb) == n {
			t.fail("expected letters or digits after '-' in a language tag, found %s", t.found())
		}
	}
	t.sb = sb
	return string(sb)
}

// number reads INTEGER, DECIMAL or DOUBLE.
func (t *TurtleReader) number() quad.Value {
	sb := t.sb[:0]
	digits := func() int {
		n := 0
		for c := t.peek(); c >= '0' && c <= '9'; c = t.peek() {
			sb = append(sb, byte(c))
			t.pos++
			n++
		}
		return n
	}
	if c := t.peek(); c == '+' || c == '-' {
		sb = append(sb, byte(c))
		t.pos++
	}
	dt := xsdInteger
	intDigits := digits()
	if t.peek() == '.' {
		t.fill(2)
		next := -1
		if t.pos+1 < len(t.buf) {
			next = int(t.buf[t.pos+1])
		}
		switch {
		case next >= '0' && next <= '9':
			sb = append(sb, '.')
			t.pos++
			digits()
			dt = xsdDecimal
		case (next == 'e' || next == 'E') && intDigits > 0 && t.exponentAt(2):
			sb = append(sb, '.')
			t.pos++
		}
	}
	if intDigits == 0 && dt == xsdInteger {
		t.fail("expected a number, found %s", t.found())
	}
	if c := t.peek(); (c == 'e' || c == 'E') && t.exponentAt(1) {
		sb = append(sb, byte(c))
		t.pos++
		if c := t.peek(); c == '+' || c == '-' {
			sb = append(sb, byte(c))
			t.pos++
		}
		digits()
		dt = xsdDouble
	}
	t.sb = sb
	return quad.TypedString{Value: quad.String(sb), Type: quad.IRI(dt)}
}

// exponentAt reports whether an exponent's digits follow the 'e' at
// t.pos+i-1.
func (t *TurtleReader) exponentAt(i int) bool {
	t.fill(i + 2)
	j := t.pos + i
	if j < len(t.buf) && (t.buf[j] == '+' || t.buf[j] == '-') {
		j++
	}
	return j < len(t.buf) && t.buf[j] >= '0' && t.buf[j] <= '9'
}
