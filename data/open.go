package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
)

// ErrNotRegular is returned for a path that names a pipe, a device, a
// socket or a directory: reading those may block until a writer comes, or
// never end (/dev/zero), and an import reads its file twice, once for its
// digest and once for its quads.
var ErrNotRegular = errors.New("not a regular file")

// OpenRegular opens the regular file at path for reading, and refuses
// anything else without opening it: opening a FIFO blocks until a writer
// opens it too.
func OpenRegular(path string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(path, fi.Mode())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() { // replaced in between
		f.Close()
		if err == nil {
			err = notRegular(path, fi.Mode())
		}
		return nil, err
	}
	return f, nil
}

func notRegular(path string, m os.FileMode) error {
	what := "a " + m.Type().String()
	switch {
	case m&os.ModeNamedPipe != 0:
		what = "a pipe"
	case m&os.ModeCharDevice != 0, m&os.ModeDevice != 0:
		what = "a device"
	case m&os.ModeSocket != 0:
		what = "a socket"
	case m.IsDir():
		what = "a directory"
	}
	return fmt.Errorf("data: %s: %w but %s; save it to a file first", path, ErrNotRegular, what)
}

// WithContext returns a reader of r whose every Read fails with ctx's
// error once ctx is done, so that a long read stops when it is cancelled.
func WithContext(ctx context.Context, r io.Reader) io.Reader {
	return &ctxReader{ctx: ctx, r: r}
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
