package data

import (
	"errors"
	"fmt"
	"io"
)

// Limits on what one record of an input may hold, so that memory never
// grows with a file: a reader holds one record at a time, and a record
// longer than its limit is an error rather than a reason to hold it whole.
const (
	// MaxRow is the longest row of a CSV or TSV table, and the longest
	// element of a Cayley JSON array, in bytes: MaxLine, as for N-Quads.
	MaxRow = MaxLine
	// MaxColumns is the most columns a CSV or TSV table may have: a row
	// of a node table becomes one quad per cell.
	MaxColumns = 10_000
)

// Errors a ParseError may wrap when an input breaks a limit.
var (
	ErrRowTooLong     = errors.New("row too long")
	ErrTooManyColumns = errors.New("too many columns")
)

// recordLimit hands its reader's bytes to a parser that reads one record
// at a time (encoding/csv, encoding/json), and fails once the record under
// way, counted from the offset the parser last reported (next), is longer
// than max.
type recordLimit struct {
	r        io.Reader
	max      int64
	read     int64 // bytes handed out
	start    int64 // where the record under way began
	exceeded bool
}

// errRecordTooLong is what the parser sees; its caller reports a ParseError.
var errRecordTooLong = errors.New("record too long")

func (l *recordLimit) Read(p []byte) (int, error) {
	left := l.max - (l.read - l.start)
	if left <= 0 {
		l.exceeded = true
		return 0, errRecordTooLong
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := l.r.Read(p)
	l.read += int64(n)
	return n, err
}

// next says a record ends at off, counted in the bytes handed out, and
// the next one begins there.
func (l *recordLimit) next(off int64) { l.start = off }

// tooLong returns the error of a record that broke the limit.
func (l *recordLimit) tooLong(what string) error {
	return fmt.Errorf("%w: %s is longer than %d MiB", ErrRowTooLong, what, l.max>>20)
}
