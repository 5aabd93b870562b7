package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestExplorerUnderXvfb starts the real binary on a virtual display, waits
// for its window, takes a screenshot and checks that the window shows a
// coloured graph rather than a blank frame.
func TestExplorerUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the real binary under Xvfb; skipped with -short")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make test installs it): %v", tool, err)
		}
	}
	dir := t.TempDir()
	bin := build(t, dir)
	display := startXvfb(t)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app := exec.CommandContext(ctx, bin, "--db", "memory")
	app.Env = append(os.Environ(), "DISPLAY="+display, "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	var stderr bytes.Buffer
	app.Stderr = &stderr
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		app.Process.Kill()
		app.Wait()
	}()

	if err := waitFor(20*time.Second, func() bool {
		out, _ := x(display, "xdotool", "search", "--name", "^Reelgraph$")
		return strings.TrimSpace(out) != ""
	}); err != nil {
		t.Fatalf("no Reelgraph window appeared: %v\nstderr: %s", err, stderr.String())
	}
	time.Sleep(4 * time.Second) // the layout animates to rest

	shot := filepath.Join(dir, "shot.png")
	if out, err := x(display, "import", "-window", "root", shot); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	if keep := os.Getenv("REELGRAPH_SHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
	colours, saturated := inspect(t, shot)
	if colours < 50 {
		t.Errorf("the screenshot has %d colours; the window looks blank", colours)
	}
	if saturated < 200 {
		t.Errorf("the screenshot has %d strongly coloured pixels; want the type-coloured nodes of the Netflix neighbourhood", saturated)
	}
}

// build builds the binary into dir.
func build(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "reelgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestSnapshotNeedsNoApp runs the snapshot command of the real binary,
// where no Fyne app runs (a test binary always has one): it must not
// reach for one, which Fyne reports on stderr as "Attempt to access
// current Fyne app when none is started".
func TestSnapshotNeedsNoApp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the real binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := build(t, dir)
	cmd := exec.Command(bin, "--db", "memory", "snapshot", "--focus", "Netflix", "-o", filepath.Join(dir, "n.png"))
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+dir, "XDG_CONFIG_HOME="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("snapshot: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "current Fyne app") {
		t.Errorf("the snapshot command reached for a Fyne app:\n%s", out)
	}
}

func startXvfb(t *testing.T) string {
	t.Helper()
	for n := 120; n < 160; n++ {
		display := fmt.Sprintf(":%d", n)
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
			continue
		}
		cmd := exec.Command("Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Kill()
			cmd.Wait()
		})
		if err := waitFor(10*time.Second, func() bool {
			_, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n))
			return err == nil
		}); err != nil {
			t.Fatalf("Xvfb %s did not start", display)
		}
		return display
	}
	t.Fatal("no free X display between :120 and :159")
	return ""
}

func x(display string, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+display)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func waitFor(d time.Duration, ok func() bool) error {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if ok() {
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("timed out after %v", d)
}

// inspect counts the distinct colours of a PNG and its strongly saturated
// pixels.
func inspect(t *testing.T, path string) (colours, saturated int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[uint32]bool)
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl := rgb(img, x, y)
			seen[r<<16|g<<8|bl] = true
			if max3(r, g, bl)-min3(r, g, bl) > 90 {
				saturated++
			}
		}
	}
	return len(seen), saturated
}

func rgb(img image.Image, x, y int) (uint32, uint32, uint32) {
	r, g, b, _ := img.At(x, y).RGBA()
	return r >> 8, g >> 8, b >> 8
}

func max3(a, b, c uint32) uint32 { return max(a, max(b, c)) }
func min3(a, b, c uint32) uint32 { return min(a, min(b, c)) }

// TestInstalledAppOpensFile installs the desktop package (make package
// stages it; make test sets REELGRAPH_PACKAGE) into a temporary home with
// make install, validates the installed desktop entry and metainfo, then
// opens an N-Quads file as a file manager does, through its MIME type and
// the desktop entry (gio open), on a virtual display: the window must name
// the file, the store must hold its statements afterwards, and make
// uninstall must remove what was installed.
func TestInstalledAppOpensFile(t *testing.T) {
	pkg := os.Getenv("REELGRAPH_PACKAGE")
	if testing.Short() || pkg == "" {
		t.Skip("needs the staged package: make test runs make package and sets REELGRAPH_PACKAGE")
	}
	for _, tool := range []string{"Xvfb", "xdotool", "import", "gio", "desktop-file-validate", "appstreamcli", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed (make test installs it): %v", tool, err)
		}
	}
	home := t.TempDir()
	prefix := filepath.Join(home, ".local")
	if out, err := exec.Command("make", "-s", "install", "PKG="+pkg, "PREFIX="+prefix).CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
	desktop := filepath.Join(prefix, "share/applications/app.reelgraph.explorer.desktop")
	for _, v := range [][]string{
		{"desktop-file-validate", desktop},
		{"appstreamcli", "validate", "--no-net", filepath.Join(prefix, "share/metainfo/app.reelgraph.explorer.metainfo.xml")},
	} {
		if out, err := exec.Command(v[0], v[1:]...).CombinedOutput(); err != nil {
			t.Errorf("%s: %v\n%s", v[0], err, out)
		}
	}
	sample := filepath.Join(home, "sample.nq")
	nq := `<urn:example:id:acme> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Company> <urn:example:src:note> .
<urn:example:id:acme> <http://www.w3.org/2000/01/rdf-schema#label> "Acme Pictures" <urn:example:src:note> .
<urn:example:id:rocket> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:reelgraph:vocab:Production> <urn:example:src:note> .
<urn:example:id:rocket> <http://www.w3.org/2000/01/rdf-schema#label> "Rocket Film" <urn:example:src:note> .
<urn:example:id:rocket> <urn:reelgraph:vocab:producedBy> <urn:example:id:acme> <urn:example:src:note> .
`
	if err := os.WriteFile(sample, []byte(nq), 0o644); err != nil {
		t.Fatal(err)
	}
	display := startXvfb(t)
	installed := filepath.Join(prefix, "bin/reelgraph")
	t.Cleanup(func() { killRunning(installed) }) // whatever gio started, should the test stop early
	env := []string{"HOME=" + home, "DISPLAY=" + display, "LANG=C.UTF-8", "PATH=" + os.Getenv("PATH")}
	// The app gio starts inherits gio's output: a file, not a pipe that
	// would hold Run until the app quits.
	log, err := os.Create(filepath.Join(home, "gio.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	gio := exec.Command("gio", "open", sample)
	gio.Env, gio.Stdout, gio.Stderr = env, log, log
	if err := gio.Run(); err != nil {
		b, _ := os.ReadFile(log.Name())
		t.Fatalf("gio open: %v\n%s", err, b)
	}
	var win string
	if err := waitFor(90*time.Second, func() bool {
		out, _ := x(display, "xdotool", "search", "--name", "^Reelgraph — sample.nq$")
		win = strings.TrimSpace(out)
		return win != ""
	}); err != nil {
		t.Fatalf("no window named for sample.nq appeared: %v", err)
	}
	out, err := x(display, "xdotool", "getwindowpid", strings.Fields(win)[0])
	pid := strings.TrimSpace(out)
	if err != nil || pid == "" {
		t.Fatalf("the window's process: %v %s", err, out)
	}
	time.Sleep(3 * time.Second) // the import's summary and the layout settle
	shot := filepath.Join(home, "opened.png")
	if out, err := x(display, "import", "-window", "root", shot); err != nil {
		t.Errorf("screenshot: %v\n%s", err, out)
	} else if colours, _ := inspect(t, shot); colours < 50 {
		t.Errorf("the screenshot has %d colours; the window looks blank", colours)
	}
	if keep := os.Getenv("REELGRAPH_SHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
	exec.Command("kill", pid).Run()
	if err := waitFor(20*time.Second, func() bool {
		_, err := os.Stat("/proc/" + pid)
		return err != nil
	}); err != nil {
		t.Fatalf("the app did not quit: %v", err)
	}
	show := exec.Command(installed, "show", "Acme Pictures")
	show.Env = env
	if out, err := show.CombinedOutput(); err != nil || !strings.Contains(string(out), "Rocket Film") {
		t.Errorf("the store does not hold the opened file: %v\n%s", err, out)
	}
	if out, err := exec.Command("make", "-s", "uninstall", "PREFIX="+prefix).CombinedOutput(); err != nil {
		t.Fatalf("make uninstall: %v\n%s", err, out)
	}
	for _, f := range []string{"bin/reelgraph", "share/applications/app.reelgraph.explorer.desktop", "share/icons/hicolor/48x48/apps/app.reelgraph.explorer.png"} {
		if _, err := os.Stat(filepath.Join(prefix, f)); err == nil {
			t.Errorf("make uninstall left %s", f)
		}
	}
}

// killRunning ends the processes running the binary at path (a binary this
// test installed in its own temporary directory), by their IDs.
func killRunning(path string) {
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		if exe, err := os.Readlink("/proc/" + d.Name() + "/exe"); err == nil && exe == path {
			exec.Command("kill", d.Name()).Run()
		}
	}
}

// TestReportInChromium writes `reelgraph report --from Netflix` and
// renders it with headless Chromium: the screenshot must show the
// embedded picture's type-coloured nodes, not a blank page or a broken
// image. REELGRAPH_REPORT_SHOT keeps the screenshot (docs/report.png).
func TestReportInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Chromium; skipped with -short")
	}
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skipf("chromium is not installed (make test installs it): %v", err)
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "reelgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	page := filepath.Join(dir, "brief.html")
	if out, err := exec.Command(bin, "--db", "memory", "report", "--from", "Netflix", "-o", page).CombinedOutput(); err != nil {
		t.Fatalf("report: %v\n%s", err, out)
	}
	shot := filepath.Join(dir, "report.png")
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--hide-scrollbars", "--window-size=1000,1300", "--screenshot="+shot, "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if n := countNear(t, shot, [3]uint32{0xf0, 0x70, 0x20}); n < 200 {
		t.Errorf("the rendered report has %d pixels of the productions' orange; want the picture's nodes", n)
	}
	if keep := os.Getenv("REELGRAPH_REPORT_SHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(keep, b, 0o644)
	}
}

// countNear counts the pixels of a PNG within a small distance of a colour.
func countNear(t *testing.T, path string, c [3]uint32) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl := rgb(img, x, y)
			if absDiff(r, c[0])+absDiff(g, c[1])+absDiff(bl, c[2]) < 40 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestDesktopMIMETypes checks that the desktop entry (FyneApp.toml's
// CanOpen, which Fyne's tool writes into it) and the AppStream metainfo
// name the same MIME types, those of the RDF formats Reelgraph imports.
func TestDesktopMIMETypes(t *testing.T) {
	toml, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var desktop []string
	for _, line := range strings.Split(string(toml), "\n") {
		if v, ok := strings.CutPrefix(line, "MimeTypes = "); ok {
			desktop = strings.FieldsFunc(strings.Trim(v, `"`), func(r rune) bool { return r == ';' })
		}
	}
	want := []string{"application/n-quads", "application/n-triples", "application/ld+json", "text/turtle", "application/trig", "application/rdf+xml"}
	if strings.Join(desktop, " ") != strings.Join(want, " ") {
		t.Errorf("FyneApp.toml's MimeTypes: got %v want %v", desktop, want)
	}
	meta, err := os.ReadFile("assets/linux/app.reelgraph.explorer.metainfo.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range want {
		if !strings.Contains(string(meta), "<mediatype>"+m+"</mediatype>") {
			t.Errorf("the metainfo does not provide %s", m)
		}
	}
}
