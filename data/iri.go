package data

import "strings"

// iriRef is an IRI reference split into the five parts of RFC 3986,
// section 3; the has* fields tell an empty part from an absent one.
type iriRef struct {
	scheme, auth, path, query, frag string
	hasAuth, hasQuery, hasFrag      bool
}

// splitIRI splits s as RFC 3986, appendix B, does.
func splitIRI(s string) iriRef {
	var p iriRef
	if i := strings.IndexAny(s, ":/?#"); i > 0 && s[i] == ':' && isAbsoluteIRI(s[:i+1]) {
		p.scheme, s = s[:i], s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexAny(s, "/?#")
		if i < 0 {
			i = len(s)
		}
		p.auth, p.hasAuth, s = s[:i], true, s[i:]
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		p.frag, p.hasFrag, s = s[i+1:], true, s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		p.query, p.hasQuery, s = s[i+1:], true, s[:i]
	}
	p.path = s
	return p
}

func (p iriRef) String() string {
	var b strings.Builder
	if p.scheme != "" {
		b.WriteString(p.scheme)
		b.WriteByte(':')
	}
	if p.hasAuth {
		b.WriteString("//")
		b.WriteString(p.auth)
	}
	b.WriteString(p.path)
	if p.hasQuery {
		b.WriteByte('?')
		b.WriteString(p.query)
	}
	if p.hasFrag {
		b.WriteByte('#')
		b.WriteString(p.frag)
	}
	return b.String()
}

// resolveIRI resolves the reference ref against the absolute IRI base as
// RFC 3986, section 5.2.2, says (strictly: a reference with a scheme is
// taken as it is). Unlike net/url it keeps every character as written.
func resolveIRI(base iriRef, ref string) string {
	if isAbsoluteIRI(ref) {
		return ref
	}
	r := splitIRI(ref)
	t := iriRef{scheme: base.scheme, frag: r.frag, hasFrag: r.hasFrag}
	switch {
	case r.hasAuth:
		t.auth, t.hasAuth = r.auth, true
		t.path = removeDotSegments(r.path)
		t.query, t.hasQuery = r.query, r.hasQuery
	case r.path == "":
		t.auth, t.hasAuth = base.auth, base.hasAuth
		t.path = base.path
		t.query, t.hasQuery = base.query, base.hasQuery
		if r.hasQuery {
			t.query, t.hasQuery = r.query, true
		}
	default:
		t.auth, t.hasAuth = base.auth, base.hasAuth
		t.query, t.hasQuery = r.query, r.hasQuery
		if strings.HasPrefix(r.path, "/") {
			t.path = removeDotSegments(r.path)
		} else {
			t.path = removeDotSegments(mergePaths(base, r.path))
		}
	}
	return t.String()
}

// mergePaths is RFC 3986, section 5.2.3.
func mergePaths(base iriRef, path string) string {
	if base.hasAuth && base.path == "" {
		return "/" + path
	}
	i := strings.LastIndexByte(base.path, '/')
	return base.path[:i+1] + path
}

// removeDotSegments is RFC 3986, section 5.2.4.
func removeDotSegments(in string) string {
	if !strings.Contains(in, ".") {
		return in
	}
	var out []string // output segments, each with its leading '/' if any
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			i := strings.IndexByte(in[1:], '/')
			if i < 0 {
				i = len(in)
			} else {
				i++
			}
			out = append(out, in[:i])
			in = in[i:]
		}
	}
	return strings.Join(out, "")
}

// FileIRI returns the file: IRI of an absolute path, the base a document
// read from that path has when it names none.
func FileIRI(abs string) string {
	var b strings.Builder
	b.WriteString("file://")
	if !strings.HasPrefix(abs, "/") {
		b.WriteByte('/') // a Windows drive letter
	}
	for _, c := range []byte(strings.ReplaceAll(abs, "\\", "/")) {
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("<>\"{}|^`%#?[]", c) >= 0 {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
