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
