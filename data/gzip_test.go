package data_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"

	"reelgraph/data"
)

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestDecompress(t *testing.T) {
	text := strings.Repeat("<http://e.org/a> <http://e.org/p> \"x\" .\n", 1000)
	full := gz(text)
	corrupt := append([]byte(nil), full...)
	corrupt[len(corrupt)-6] ^= 0xff // the CRC
	for _, tc := range []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"plain", []byte(text), text, nil},
		{"gzip", full, text, nil},
		{"truncated", full[:len(full)/2], "", data.ErrGzip},
		{"corrupt checksum", corrupt, "", data.ErrGzip},
		{"header only", full[:5], "", data.ErrGzip},
		{"empty", nil, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := data.Decompress(bytes.NewReader(tc.in), "film.nq.gz")
			var got []byte
			if err == nil {
				got, err = io.ReadAll(r)
			}
			if !errors.Is(err, tc.err) {
				t.Fatalf("got error %v, want %v", err, tc.err)
			}
			if err != nil {
				if !strings.Contains(err.Error(), "film.nq.gz") {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if string(got) != tc.want {
				t.Errorf("got %d bytes, want %d", len(got), len(tc.want))
			}
		})
	}
}

func TestNQuadsTruncatedGzip(t *testing.T) {
	full := gz(strings.Repeat("<http://e.org/a> <http://e.org/p> \"x\" .\n", 5000))
	r, err := data.Decompress(bytes.NewReader(full[:len(full)-100]), "big.nq.gz")
	if err != nil {
		t.Fatal(err)
	}
	nr := data.NewNQuadsReader(r, data.NQuadsOptions{Name: "big.nq.gz"})
	for err == nil {
		_, err = nr.ReadQuad()
	}
	if !errors.Is(err, data.ErrGzip) || !strings.Contains(err.Error(), "big.nq.gz") {
		t.Errorf("got %v, want a gzip error naming big.nq.gz", err)
	}
}
