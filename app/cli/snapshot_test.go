package cli

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSnapshotCommand(t *testing.T) {
	dir := t.TempDir()
	pngPath, svgPath := filepath.Join(dir, "n.png"), filepath.Join(dir, "n.svg")
	if _, errs, code := run(t, "--db", "memory", "snapshot", "--focus", "Netflix", "-o", pngPath); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 2*snapshotW || b.Dy() != 2*snapshotH {
		t.Errorf("the PNG is %v, want %d×%d (2×)", b, 2*snapshotW, 2*snapshotH)
	}
	if _, errs, code := run(t, "--db", "memory", "snapshot", "--focus", "The Eternaut", "--hops", "1", "-o", svgPath); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(svgPath)
	for _, want := range []string{"<svg", "The Eternaut", "Netflix", "streamed on"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"snapshot", "-o", pngPath}, 2, "give the node"},
		{[]string{"snapshot", "--focus", "Netflix", "-o", filepath.Join(dir, "n.gif")}, 2, ".png or .svg"},
		{[]string{"snapshot", "--focus", "Nobody Here", "-o", pngPath}, 1, "no node is named"},
	} {
		_, errs, code := run(t, append([]string{"--db", "memory"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}
