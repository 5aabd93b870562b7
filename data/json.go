package data

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/cayleygraph/quad"
)

// JSONReader reads Cayley's JSON format, an array of objects with
// "subject", "predicate", "object" and optional "label" strings, one
// element at a time (quad's own reader decodes the whole array first).
// Values are read as quad's JSON format writes them, and each quad is
// checked with CheckQuad.
type JSONReader struct {
	dec     *json.Decoder
	lim     *recordLimit
	name    string
	n       int
	started bool
	err     error
}

// NewJSONReader returns a reader of Cayley JSON from r; name names it in
// errors.
func NewJSONReader(r io.Reader, name string) *JSONReader {
	lim := &recordLimit{r: r, max: MaxRow}
	return &JSONReader{dec: json.NewDecoder(lim), lim: lim, name: name}
}

// ReadQuad returns the next quad, io.EOF after the last, or a *ParseError.
func (r *JSONReader) ReadQuad() (quad.Quad, error) {
	if r.err != nil {
		return quad.Quad{}, r.err
	}
	q, err := r.next()
	switch {
	case r.lim.exceeded:
		err = &ParseError{File: r.name, Err: r.lim.tooLong(fmt.Sprintf("JSON element %d", r.n))}
	case err != nil && err != io.EOF:
		err = &ParseError{File: r.name, Err: fmt.Errorf("JSON, element %d: %w", r.n, err)}
	}
	if err != nil {
		r.err = err
	}
	return q, err
}

func (r *JSONReader) next() (quad.Quad, error) {
	if !r.started {
		r.started = true
		tok, err := r.dec.Token()
		if err == io.EOF {
			return quad.Quad{}, fmt.Errorf("the file is empty; expected a JSON array of quads")
		} else if err != nil {
			return quad.Quad{}, err
		}
		if tok == nil {
			return quad.Quad{}, r.end()
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return quad.Quad{}, fmt.Errorf("expected a JSON array of quads, found %v", tok)
		}
	}
	if !r.dec.More() {
		tok, err := r.dec.Token()
		if err == io.EOF {
			return quad.Quad{}, io.ErrUnexpectedEOF
		} else if err != nil {
			return quad.Quad{}, err
		}
		if d, ok := tok.(json.Delim); !ok || d != ']' {
			return quad.Quad{}, fmt.Errorf("expected ']' to close the array, found %v", tok)
		}
		return quad.Quad{}, r.end()
	}
	r.n++
	r.lim.next(r.dec.InputOffset())
	var raw struct {
		Subject, Predicate, Object string
		Label                      *string
	}
	if err := r.dec.Decode(&raw); err != nil {
		return quad.Quad{}, err
	}
	q := quad.Quad{
		Subject:   quad.StringToValue(raw.Subject),
		Predicate: quad.StringToValue(raw.Predicate),
		Object:    quad.StringToValue(raw.Object),
	}
	if raw.Label != nil {
		q.Label = quad.StringToValue(*raw.Label)
	}
	if l, ok := q.Object.(quad.LangString); ok {
		l.Lang = strings.ToLower(l.Lang)
		q.Object = l
	}
	if err := CheckQuad(q); err != nil {
		return quad.Quad{}, fmt.Errorf("%w (IRIs are written in angle brackets, blank nodes as _:name)", err)
	}
	return q, nil
}

// end checks that nothing follows the array.
func (r *JSONReader) end() error {
	if _, err := r.dec.Token(); err != io.EOF {
		return fmt.Errorf("unexpected data after the array")
	}
	return io.EOF
}

// Close releases nothing; it is there to make a quad.ReadCloser.
func (r *JSONReader) Close() error { return nil }
