package data_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"reelgraph/data"
)

// endless streams head, then body repeated until n bytes are out: a
// hostile input of any size without holding it.
type endless struct {
	head string
	body string
	n    int64
	i    int // position in body
}

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	i := 0
	for i < len(p) && e.n > 0 {
		var c byte
		if e.head != "" {
			c, e.head = e.head[0], e.head[1:]
		} else {
			c, e.i = e.body[e.i], (e.i+1)%len(e.body)
		}
		p[i] = c
		i++
		e.n--
	}
	return i, nil
}

// TestLimits: a row, a JSON element, a line, or a Turtle statement or term
// past its limit, or a table with too many columns, is an error after
// reading little more than the limit, however long the input goes on.
func TestLimits(t *testing.T) {
	const huge = 1 << 40 // a terabyte, never read
	columns := strings.Repeat("c,", data.MaxColumns) + "c\n"
	for _, c := range []struct {
		name, format string
		in           io.Reader
		want         error
	}{
		{"csv row", data.CSV, &endless{head: "from,to\na,", body: "x", n: huge}, data.ErrRowTooLong},
		{"csv quoted cell", data.CSV, &endless{head: "from,to\na,\"", body: "x\n", n: huge}, data.ErrRowTooLong},
		{"csv header", data.CSV, &endless{body: "x", n: huge}, data.ErrRowTooLong},
		{"tsv row", data.TSV, &endless{head: "from\tto\na\t", body: "x", n: huge}, data.ErrRowTooLong},
		{"csv columns", data.CSV, strings.NewReader(columns), data.ErrTooManyColumns},
		{"json element", data.JSON, &endless{head: `[{"subject":"<a>","predicate":"<p>","object":"`, body: "x", n: huge}, data.ErrRowTooLong},
		{"turtle statement", data.Turtle, &endless{head: "<http://ex.org/a> <http://ex.org/p> ", body: "<http://ex.org/b>, ", n: huge}, data.ErrLineTooLong},
		{"turtle literal", data.Turtle, &endless{head: `<http://ex.org/a> <http://ex.org/p> """`, body: "x\n", n: huge}, data.ErrLineTooLong},
		{"nquads line", data.NQuads, &endless{head: `<http://ex.org/a> <http://ex.org/p> "`, body: "x", n: huge}, data.ErrLineTooLong},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := data.NewReader(c.in, "hostile", data.ReadOptions{Format: c.format})
			if err == nil {
				_, err = readQuads(t, r)
			}
			var pe *data.ParseError
			if !errors.Is(err, c.want) || !errors.As(err, &pe) {
				t.Errorf("got %v, want a ParseError wrapping %v", err, c.want)
			}
			if e, ok := c.in.(*endless); ok && huge-e.n > 2*data.MaxRow {
				t.Errorf("read %d MiB, want little more than %d", (huge-e.n)>>20, data.MaxRow>>20)
			}
		})
	}
}

// TestPreviewLimits: the mapping dialog's preview is held to the same
// limits as the import.
func TestPreviewLimits(t *testing.T) {
	_, _, err := data.PreviewCSV(&endless{body: "x", n: 1 << 40}, 0, 5)
	if !errors.Is(err, data.ErrRowTooLong) {
		t.Errorf("huge header: got %v, want ErrRowTooLong", err)
	}
	_, _, err = data.PreviewCSV(strings.NewReader(strings.Repeat("c,", data.MaxColumns)+"c\n"), 0, 5)
	if !errors.Is(err, data.ErrTooManyColumns) {
		t.Errorf("wide header: got %v, want ErrTooManyColumns", err)
	}
}
