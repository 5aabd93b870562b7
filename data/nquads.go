package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	neturl "net/url"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// ParseError is a syntax error in an input file, with the place it was
// found, as encoding/csv reports them.
type ParseError struct {
	File   string // the file's name as the user gave it; may be empty
	Line   int    // 1-based line
	Column int    // 1-based byte offset in the line; 0 when the error is not in a line
	Err    error  // what was wrong
}

func (e *ParseError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, "%d:", e.Column)
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// Errors a ParseError may wrap, tested with errors.Is.
var (
	ErrRelativeIRI = errors.New("relative IRI")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrLineTooLong = errors.New("line too long")
)

// MaxLine is the longest line, in bytes, the N-Quads reader accepts; a
// longer one is an error rather than a reason to hold a whole file in memory.
const MaxLine = 16 << 20

// NQuadsOptions tune the strict N-Quads reader.
type NQuadsOptions struct {
	// Name names the input in errors, usually the file name.
	Name string
	// Triples reads N-Triples: a statement with a graph label is an error.
	Triples bool
	// Base, when set, is an absolute IRI that relative IRI references are
	// resolved against (RFC 3986, section 5.2), as a Turtle @base would be.
	Base string
	// KeepRelative accepts relative IRI references and keeps them as written.
	// RDF 1.1 forbids them in N-Quads, but Cayley's sample data (its film
	// set) is written in this dialect; the CLI spells it --relative-iris.
	KeepRelative bool
}

// NQuadsReader reads N-Quads or N-Triples as RDF 1.1 defines them, strictly:
// anything the grammar does not allow is a *ParseError naming the line and
// column. It holds one line in memory at a time. Quads carry raw values
// (quad.IRI, quad.BNode, quad.String, quad.LangString, quad.TypedString),
// like nquads.NewReader(r, true), except that "x"^^xsd:string, which RDF 1.1
// makes the same term as "x", is read as quad.String, and language tags
// are read in lower case, as RDF 1.1 defines their value. Control characters
// are refused everywhere the grammar refuses them (IRIs, blank node labels,
// between terms); inside a literal the grammar allows them, and so does
// the reader.
type NQuadsReader struct {
	r    *bufio.Reader
	opt  NQuadsOptions
	base *neturl.URL
	line int
	buf  []byte
	rest []byte // what follows a lone CR on the current physical line
	err  error
}

// NewNQuadsReader returns a strict reader of r. A Base that is not an
// absolute IRI makes every ReadQuad fail.
func NewNQuadsReader(r io.Reader, opt NQuadsOptions) *NQuadsReader {
	nr := &NQuadsReader{r: bufio.NewReaderSize(r, 64<<10), opt: opt}
	if opt.Base != "" {
		u, err := neturl.Parse(opt.Base)
		if err != nil || !u.IsAbs() || !isAbsoluteIRI(opt.Base) {
			nr.err = fmt.Errorf("data: base %q is not an absolute IRI", opt.Base)
		}
		nr.base = u
	}
	return nr
}

// ReadQuad returns the next statement, io.EOF at the end of the input, or
// a *ParseError. After an error every call returns the same error.
func (r *NQuadsReader) ReadQuad() (quad.Quad, error) {
	for r.err == nil {
		line, err := r.next()
		if err != nil {
			r.err = err
			break
		}
		p := lineParser{s: line, opt: &r.opt, base: r.base}
		q, ok, err := p.statement()
		if err != nil {
			r.err = &ParseError{File: r.opt.Name, Line: r.line, Column: p.col + 1, Err: err}
			break
		}
		if ok {
			return q, nil
		}
	}
	return quad.Quad{}, r.err
}

// Close releases nothing; it is there to make a quad.ReadCloser.
func (r *NQuadsReader) Close() error { return nil }

// next returns the next line without its end-of-line. N-Quads ends a line
// with any run of CR and LF, so a lone CR ends a line too.
func (r *NQuadsReader) next() ([]byte, error) {
	if r.rest != nil {
		line := r.rest
		r.rest = nil
		r.line++
		return r.splitCR(line), nil
	}
	r.buf = r.buf[:0]
	for {
		chunk, err := r.r.ReadSlice('\n')
		r.buf = append(r.buf, chunk...)
		if len(r.buf) > MaxLine {
			return nil, &ParseError{File: r.opt.Name, Line: r.line + 1, Err: fmt.Errorf("%w: more than %d bytes without a line break; is this a binary file?", ErrLineTooLong, MaxLine)}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(r.buf) > 0 {
			break
		}
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("%w (after line %d)", err, r.line)
			}
			return nil, err
		}
		break
	}
	r.line++
	line := bytes.TrimSuffix(r.buf, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	return r.splitCR(line), nil
}

// splitCR keeps what follows a lone CR for the next call.
func (r *NQuadsReader) splitCR(line []byte) []byte {
	if i := bytes.IndexByte(line, '\r'); i >= 0 {
		r.rest = line[i+1:]
		return line[:i]
	}
	return line
}

// lineParser parses one line of N-Quads.
type lineParser struct {
	s    []byte
	col  int // position in s
	opt  *NQuadsOptions
	base *neturl.URL
}

func (p *lineParser) fail(format string, args ...any) error {
	return fmt.Errorf(format, args...)
}

// statement parses the line: blank, a comment, or one statement. ok is
// false when the line holds no statement.
func (p *lineParser) statement() (q quad.Quad, ok bool, err error) {
	if !utf8.Valid(p.s) {
		p.col = firstInvalidUTF8(p.s)
		return q, false, fmt.Errorf("%w: the file must be UTF-8", ErrInvalidUTF8)
	}
	p.space()
	if p.eol() {
		return q, false, nil
	}
	if q.Subject, err = p.node("subject"); err != nil {
		return q, false, err
	}
	p.space()
	if q.Predicate, err = p.iri("predicate"); err != nil {
		return q, false, err
	}
	p.space()
	if q.Object, err = p.object(); err != nil {
		return q, false, err
	}
	p.space()
	if p.eol() {
		return q, false, p.fail("expected '.' to end the statement, found %s", p.found())
	}
	if p.peek() != '.' {
		if p.opt.Triples && (p.peek() == '<' || p.peek() == '_') {
			return q, false, p.fail("N-Triples has no graph label; expected '.' to end the triple (read the file as N-Quads)")
		}
		if q.Label, err = p.node("graph label or '.'"); err != nil {
			return q, false, err
		}
		p.space()
	}
	if p.peek() != '.' {
		return q, false, p.fail("expected '.' to end the statement, found %s", p.found())
	}
	p.col++
	p.space()
	if !p.eol() {
		return q, false, p.fail("expected the end of the line or a '#' comment after '.', found %s", p.found())
	}
	return q, true, nil
}

// eol reports whether the rest of the line is empty or a comment.
func (p *lineParser) eol() bool { return p.col >= len(p.s) || p.s[p.col] == '#' }

func (p *lineParser) space() {
	for p.col < len(p.s) && (p.s[p.col] == ' ' || p.s[p.col] == '\t') {
		p.col++
	}
}

func (p *lineParser) peek() byte {
	if p.col < len(p.s) {
		return p.s[p.col]
	}
	return 0
}

// found describes what is at the current position, for an error message.
func (p *lineParser) found() string {
	if p.col >= len(p.s) {
		return "the end of the line"
	}
	r, _ := utf8.DecodeRune(p.s[p.col:])
	if r < 0x20 || r == 0x7f {
		return fmt.Sprintf("control character %U", r)
	}
	return fmt.Sprintf("%q", r)
}

// node parses an IRI or a blank node.
func (p *lineParser) node(what string) (quad.Value, error) {
	switch p.peek() {
	case '<':
		return p.iri(what)
	case '_':
		return p.bnode()
	}
	return nil, p.fail("expected %s: an IRI in '<' '>' or a blank node '_:', found %s", what, p.found())
}

func (p *lineParser) object() (quad.Value, error) {
	if p.peek() == '"' {
		return p.literal()
	}
	if c := p.peek(); c != '<' && c != '_' {
		return nil, p.fail("expected object: an IRI, a blank node or a literal in '\"', found %s", p.found())
	}
	return p.node("object")
}

// iri parses an IRIREF: '<' ([^#x00-#x20<>"{}|^`\] | UCHAR)* '>'.
func (p *lineParser) iri(what string) (quad.Value, error) {
	if p.peek() != '<' {
		return nil, p.fail("expected %s: an IRI in '<' '>', found %s", what, p.found())
	}
	start := p.col
	p.col++
	var b strings.Builder
	for {
		if p.col >= len(p.s) {
			p.col = len(p.s)
			return nil, p.fail("expected '>' to close IRI")
		}
		c := p.s[p.col]
		switch {
		case c == '>':
			p.col++
			return p.resolve(b.String(), start)
		case c == '\\':
			r, err := p.uchar()
			if err != nil {
				return nil, err
			}
			if !iriChar(r) {
				p.col -= 6
				return nil, p.fail("escape %U names a character IRIs may not hold", r)
			}
			b.WriteRune(r)
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			if c == ' ' || c == '\t' {
				return nil, p.fail("expected '>' to close IRI, found a space (IRIs hold no spaces)")
			}
			return nil, p.fail("IRIs may not hold %s", p.found())
		default:
			r, n := utf8.DecodeRune(p.s[p.col:])
			b.WriteRune(r)
			p.col += n
		}
	}
}

// resolve checks that an IRI is absolute, or deals with a relative one as
// the options say.
func (p *lineParser) resolve(s string, start int) (quad.Value, error) {
	if isAbsoluteIRI(s) {
		return quad.IRI(s), nil
	}
	switch {
	case p.base != nil:
		ref, err := neturl.Parse(s)
		if err != nil {
			p.col = start
			return nil, p.fail("cannot resolve <%s> against the base: %v", s, err)
		}
		return quad.IRI(p.base.ResolveReference(ref).String()), nil
	case p.opt.KeepRelative:
		return quad.IRI(s), nil
	}
	p.col = start
	return nil, fmt.Errorf("%w <%s>: N-Quads IRIs must be absolute, with a scheme such as http:; give a base IRI, or accept the relative-IRI dialect", ErrRelativeIRI, s)
}

// isAbsoluteIRI reports whether s starts with a scheme and ':' (RFC 3987).
func isAbsoluteIRI(s string) bool {
	i := strings.IndexByte(s, ':')
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		c := s[j]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// iriChar reports whether r may stand unescaped in an IRIREF.
func iriChar(r rune) bool {
	return r > 0x20 && !strings.ContainsRune("<>\"{}|^`\\", r)
}

// uchar parses '\u' HEX{4} or '\U' HEX{8} at p.col.
func (p *lineParser) uchar() (rune, error) {
	start := p.col
	if p.col+1 >= len(p.s) || (p.s[p.col+1] != 'u' && p.s[p.col+1] != 'U') {
		p.col++
		return 0, p.fail("expected 'u' or 'U' after '\\' in an IRI (only \\uXXXX and \\UXXXXXXXX escapes are allowed there)")
	}
	n := 4
	if p.s[p.col+1] == 'U' {
		n = 8
	}
	p.col += 2
	var r rune
	for i := 0; i < n; i++ {
		if p.col >= len(p.s) || hexVal(p.s[p.col]) < 0 {
			return 0, p.fail("expected %d hex digits after \\%c, found %s", n, p.s[start+1], p.found())
		}
		r = r<<4 | rune(hexVal(p.s[p.col]))
		p.col++
	}
	if !utf8.ValidRune(r) {
		p.col = start
		return 0, p.fail("escape \\%s names no Unicode character", p.s[start+1:start+2+n])
	}
	return r, nil
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// bnode parses BLANK_NODE_LABEL:
// '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
func (p *lineParser) bnode() (quad.Value, error) {
	if p.col+1 >= len(p.s) || p.s[p.col+1] != ':' {
		p.col++
		return nil, p.fail("expected ':' after '_' in a blank node label")
	}
	p.col += 2
	start := p.col
	r, n := utf8.DecodeRune(p.s[p.col:])
	if p.col >= len(p.s) || !(pnCharsU(r) || r >= '0' && r <= '9') {
		return nil, p.fail("expected a blank node label after '_:', found %s", p.found())
	}
	p.col += n
	for p.col < len(p.s) {
		r, n := utf8.DecodeRune(p.s[p.col:])
		if !pnChars(r) && r != '.' {
			break
		}
		p.col += n
	}
	for p.s[p.col-1] == '.' { // a label does not end with '.'
		p.col--
	}
	return quad.BNode(p.s[start:p.col]), nil
}

func pnCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

func pnCharsU(r rune) bool { return pnCharsBase(r) || r == '_' || r == ':' }

func pnChars(r rune) bool {
	return pnCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// literal parses STRING_LITERAL_QUOTE ('^^' IRIREF | LANGTAG)?.
func (p *lineParser) literal() (quad.Value, error) {
	p.col++
	var b strings.Builder
	for {
		if p.col >= len(p.s) {
			return nil, p.fail("expected '\"' to close the literal (line breaks inside a literal are written \\n)")
		}
		c := p.s[p.col]
		if c == '"' {
			p.col++
			break
		}
		if c != '\\' {
			r, n := utf8.DecodeRune(p.s[p.col:])
			b.WriteRune(r)
			p.col += n
			continue
		}
		if p.col+1 < len(p.s) {
			if e := echar(p.s[p.col+1]); e != 0 {
				b.WriteByte(e)
				p.col += 2
				continue
			}
		}
		if p.col+1 >= len(p.s) || (p.s[p.col+1] != 'u' && p.s[p.col+1] != 'U') {
			p.col++
			return nil, p.fail("unknown escape in a literal: expected one of t b n r f \" ' \\ u U after '\\', found %s", p.found())
		}
		r, err := p.uchar()
		if err != nil {
			return nil, err
		}
		b.WriteRune(r)
	}
	val := quad.String(b.String())
	switch p.peek() {
	case '@':
		tag, err := p.langTag()
		if err != nil {
			return nil, err
		}
		// RDF 1.1 makes language tags case-insensitive, their value lower case.
		return quad.LangString{Value: val, Lang: strings.ToLower(tag)}, nil
	case '^':
		if p.col+1 >= len(p.s) || p.s[p.col+1] != '^' {
			p.col++
			return nil, p.fail("expected '^^' before a datatype IRI")
		}
		p.col += 2
		dt, err := p.iri("datatype")
		if err != nil {
			return nil, err
		}
		if dt == quad.IRI(XSDString) {
			return val, nil // RDF 1.1: a simple literal is an xsd:string
		}
		return quad.TypedString{Value: val, Type: dt.(quad.IRI)}, nil
	}
	return val, nil
}

func echar(c byte) byte {
	switch c {
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	case '"', '\'', '\\':
		return c
	}
	return 0
}

// langTag parses LANGTAG: '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func (p *lineParser) langTag() (string, error) {
	p.col++
	start := p.col
	for p.col < len(p.s) && isAlpha(p.s[p.col]) {
		p.col++
	}
	if p.col == start {
		return "", p.fail("expected a language tag such as en or pt-BR after '@', found %s", p.found())
	}
	for p.peek() == '-' {
		p.col++
		sub := p.col
		for p.col < len(p.s) && (isAlpha(p.s[p.col]) || p.s[p.col] >= '0' && p.s[p.col] <= '9') {
			p.col++
		}
		if p.col == sub {
			return "", p.fail("expected letters or digits after '-' in a language tag, found %s", p.found())
		}
	}
	return string(p.s[start:p.col]), nil
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func firstInvalidUTF8(s []byte) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(s)
}
