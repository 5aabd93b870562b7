package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestReportCommand(t *testing.T) {
	old := reportNow
	reportNow = func() time.Time { return time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { reportNow = old })
	dir := t.TempDir()
	htmlPath := filepath.Join(dir, "brief.html")
	if _, errs, code := run(t, "--db", "memory", "report", "--from", "Netflix", "-o", htmlPath); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(htmlPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := html.Parse(bytes.NewReader(b)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<h1>Briefing: Netflix</h1>", "6 December 2026", "data:image/png;base64,",
		"Netflix is a member of Motion Picture Association.<sup><a href=\"#source-", "<li id=\"source-1\">", "<a class=\"url\" href=\"https://"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the report lacks %q", want)
		}
	}

	mdPath := filepath.Join(dir, "paths.md")
	if _, errs, code := run(t, "--db", "memory", "report", "--path", "Netflix", "Sora 2", "--k", "2", "-o", mdPath); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	md, _ := os.ReadFile(mdPath)
	for _, want := range []string{"# Briefing: how Netflix connects to Sora 2", "](<paths.png>)", "### Path 2: Netflix → ", "[^1]: "} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Markdown lacks %q:\n%s", want, md)
		}
	}
	f, err := os.Open(filepath.Join(dir, "paths.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("the picture beside the Markdown: %v", err)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "-o", htmlPath}, 2, "give what to report on"},
		{[]string{"report", "--from", "Netflix", "-o", filepath.Join(dir, "x.pdf")}, 2, "FILE.html|md"},
		{[]string{"report", "--from", "Netflix", "--path", "A", "B", "-o", htmlPath}, 2, "give what to report on"},
		{[]string{"report", "--path", "Netflix", "-o", htmlPath}, 2, "give what to report on"},
		{[]string{"report", "--from", "Nobody Here", "-o", htmlPath}, 1, "no node is named"},
	} {
		_, errs, code := run(t, append([]string{"--db", "memory"}, tc.args...)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

func TestFilesOpenTheWindow(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sample.nq")
	if err := os.WriteFile(file, []byte("<a> <b> <c> .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args  []string
		gui   bool
		files []string
	}{
		{nil, true, nil},
		{[]string{"--db", "memory"}, true, nil},
		{[]string{file}, true, []string{file}},
		{[]string{"--db", "memory", file, file}, true, []string{file, file}},
		{[]string{"gui", file}, true, []string{file}},
		{[]string{"stats"}, false, []string{"stats"}},
		{[]string{filepath.Join(dir, "missing.nq")}, false, []string{filepath.Join(dir, "missing.nq")}},
		{[]string{dir}, false, []string{dir}},
	} {
		if got := IsGUI(tc.args); got != tc.gui {
			t.Errorf("IsGUI(%q): got %v want %v", tc.args, got, tc.gui)
		}
		if got := GUIFiles(tc.args); strings.Join(got, " ") != strings.Join(tc.files, " ") {
			t.Errorf("GUIFiles(%q): got %q want %q", tc.args, got, tc.files)
		}
	}
}
