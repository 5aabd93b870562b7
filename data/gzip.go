package data

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
)

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// Decompress returns a reader of r's content, gunzipped when r starts with
// gzip's magic bytes, whatever the file is called. A gzip stream that is
// broken or cut short fails when read, with an error naming the file.
func Decompress(r io.Reader, name string) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(len(gzipMagic))
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("data: read %s: %w", name, err)
	}
	if string(head) != string(gzipMagic) {
		return br, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, gzipError(name, err)
	}
	return &gzipReader{zr: zr, name: name}, nil
}

type gzipReader struct {
	zr   *gzip.Reader
	name string
}

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.zr.Read(p)
	if err != nil && err != io.EOF {
		err = gzipError(g.name, err)
	}
	return n, err
}

// ErrGzip is wrapped by the errors of a broken or truncated gzip stream.
var ErrGzip = errors.New("broken gzip stream")

func gzipError(name string, err error) error {
	what := err.Error()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		what = "the file is cut short"
	}
	return fmt.Errorf("%s: %w: %s", name, ErrGzip, what)
}

// Digest returns "sha256-" and the first 32 hex digits of the SHA-256 of
// the file at path, as stored (compressed or not): a name for its content.
// It reads only a regular file (OpenRegular), and stops when ctx is done.
func Digest(ctx context.Context, path string) (string, error) {
	f, err := OpenRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, WithContext(ctx, f)); err != nil {
		if ctx.Err() != nil {
			return "", err
		}
		return "", fmt.Errorf("data: read %s: %w", path, err)
	}
	return "sha256-" + hex.EncodeToString(h.Sum(nil))[:32], nil
}

// BlankScope returns the ReadOptions.BlankScope for a file whose Digest is
// digest: "f" and 12 of its hex digits, a prefix that keeps the file's
// blank node labels valid even in RDF 1.0's stricter N-Triples.
func BlankScope(digest string) string {
	hex := strings.TrimPrefix(digest, "sha256-")
	return "f" + hex[:min(12, len(hex))]
}
