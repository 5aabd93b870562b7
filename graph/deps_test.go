package graph_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoFyne checks the boundaries docs/ARCHITECTURE.md draws: nothing
// computable without a window imports Fyne, and the vocabulary imports
// neither Fyne nor Cayley.
func TestNoFyne(t *testing.T) {
	for _, tc := range []struct {
		pkgs      []string
		forbidden []string
	}{
		{[]string{"reelgraph/graph/...", "reelgraph/data/..."}, []string{"fyne.io/"}},
		{[]string{"reelgraph/graph/vocab"}, []string{"fyne.io/", "github.com/cayleygraph/"}},
	} {
		for _, dep := range deps(t, tc.pkgs...) {
			for _, f := range tc.forbidden {
				if strings.HasPrefix(dep, f) {
					t.Errorf("%v: got a dependency on %s, want none under %s", tc.pkgs, dep, f)
				}
			}
		}
	}
}

// deps returns every package the named ones import, directly or not,
// their tests aside.
func deps(t *testing.T, pkgs ...string) []string {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	out, err := exec.Command(gobin, append([]string{"list", "-deps", "-f", "{{.ImportPath}}"}, pkgs...)...).Output()
	if err != nil {
		t.Fatalf("go list -deps %v: %v", pkgs, err)
	}
	list := strings.Fields(string(out))
	if len(list) < len(pkgs) {
		t.Fatalf("go list -deps %v listed %v", pkgs, list)
	}
	return list
}
