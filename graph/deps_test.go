package graph_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestNoFyne checks the boundaries docs/ARCHITECTURE.md draws: nothing
// computable without a window (the domain, the formats, the command line,
// the kinds' styles) imports Fyne, and the vocabulary imports neither Fyne
// nor Cayley.
func TestNoFyne(t *testing.T) {
	for _, tc := range []struct {
		tags      string
		pkgs      []string
		forbidden []string
	}{
		{"", []string{"reelgraph/graph/...", "reelgraph/data/...", "reelgraph/app/cli", "reelgraph/app/style"}, []string{"fyne.io/"}},
		{"bench", []string{"reelgraph/app/cli"}, []string{"fyne.io/"}},
		{"", []string{"reelgraph/graph/vocab"}, []string{"fyne.io/", "github.com/cayleygraph/"}},
	} {
		for _, dep := range deps(t, tc.tags, tc.pkgs...) {
			for _, f := range tc.forbidden {
				if strings.HasPrefix(dep, f) {
					t.Errorf("%v: got a dependency on %s, want none under %s", tc.pkgs, dep, f)
				}
			}
		}
	}
}

// deps returns every package the named ones import, directly or not,
// their tests aside, when built with the given build tags.
func deps(t *testing.T, tags string, pkgs ...string) []string {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	args := append([]string{"list", "-deps", "-tags=" + tags, "-f", "{{.ImportPath}}"}, pkgs...)
	out, err := exec.Command(gobin, args...).Output()
	if err != nil {
		t.Fatalf("go list -deps %v: %v", pkgs, err)
	}
	list := strings.Fields(string(out))
	if len(list) < len(pkgs) {
		t.Fatalf("go list -deps %v listed %v", pkgs, list)
	}
	return list
}
