//go:build bench

package cli

import (
	"io"
	"strings"
	"testing"

	"github.com/cayleygraph/quad/nquads"
)

func TestGen(t *testing.T) {
	out, errs, code := run(t, "gen", "500", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	r := nquads.NewReader(strings.NewReader(out), false)
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("quad %d: %v", n+1, err)
		}
		n++
	}
	if n != 500 {
		t.Errorf("gen 500: got %d quads want 500", n)
	}
	again, _, _ := run(t, "gen", "500", "2")
	if again != out {
		t.Error("gen 500 2 twice: outputs differ")
	}
}

func TestGenUsage(t *testing.T) {
	for _, args := range [][]string{{"gen"}, {"gen", "x"}, {"gen", "-5"}, {"gen", "10", "y"}, {"gen", "1", "2", "3"}} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%v: got exit %d want 2", args, code)
		}
	}
}
