//go:build bench

package app

import (
	"fmt"
	"image"
	"io"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"slices"
	"strconv"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"reelgraph/app/cli"
	"reelgraph/app/graphview"
	"reelgraph/app/layout"
)

// glbench is a hidden command: it measures issue #6's render figure with
// the real window and GL driver, so run it on a display (under Xvfb with
// LIBGL_ALWAYS_SOFTWARE=1 for software GL):
//
//	reelgraph glbench [NODES [EDGES [ZOOM [FRAMES]]]]
//
// It shows a generated graph of NODES nodes and EDGES edges (5,000 and
// 10,000 by default) alone in a 1280×800 window, framed to fit or at the
// zoom given (ZOOM "fit" or a number, 1 being the explorer's natural
// size), then pans it FRAMES times (120 by default) and prints, as a Go
// benchmark line, the painted frames per second and the per-frame wall
// and process CPU time (p50 and p99; the CPU time includes Mesa's
// threads).
func init() { cli.Register("glbench", runGLBench) }

// glbenchArgs are the command's positional arguments.
type glbenchArgs struct {
	nodes, edges, frames int
	zoom                 float64 // 0 for fit
}

func parseGLBenchArgs(args []string) (glbenchArgs, error) {
	a := glbenchArgs{nodes: 5000, edges: 10000, frames: 120}
	if len(args) > 4 {
		return a, cli.UsageError("reelgraph glbench [NODES [EDGES [ZOOM [FRAMES]]]]")
	}
	for i, p := range []*int{&a.nodes, &a.edges, nil, &a.frames} {
		if i >= len(args) {
			break
		}
		if p == nil {
			if args[i] == "fit" {
				continue
			}
			z, err := strconv.ParseFloat(args[i], 64)
			if err != nil || z <= 0 {
				return a, cli.UsageError(fmt.Sprintf("%q is not a zoom; give \"fit\" or a positive number", args[i]))
			}
			a.zoom = z
			continue
		}
		v, err := strconv.Atoi(args[i])
		if err != nil || v < 2 {
			return a, cli.UsageError(fmt.Sprintf("%q is not a count; give a whole number of at least 2", args[i]))
		}
		*p = v
	}
	return a, nil
}

func runGLBench(argv []string, out io.Writer) error {
	args, err := parseGLBenchArgs(argv)
	if err != nil {
		return err
	}
	a := fyneapp.NewWithID("app.reelgraph.glbench")
	w := a.NewWindow("Reelgraph GL benchmark")
	w.SetPadded(false)
	view := graphview.New()
	// painted hears from a 1×1 raster refreshed with each pan: Fyne calls
	// its generator while it paints the frame.
	painted := make(chan struct{}, 1)
	blank := image.NewRGBA(image.Rect(0, 0, 1, 1))
	probe := canvas.NewRaster(func(int, int) image.Image {
		select {
		case painted <- struct{}{}:
		default:
		}
		return blank
	})
	probe.Resize(fyne.NewSquareSize(1))
	w.SetContent(container.NewStack(view, container.NewWithoutLayout(probe)))
	w.Resize(fyne.NewSize(1280, 800))
	st := benchState(args.nodes, args.edges)
	var result error
	go func() {
		defer fyne.Do(a.Quit)
		time.Sleep(2 * time.Second) // the window is mapped and painted once
		fyne.DoAndWait(func() {
			view.Restore(st)
			view.Fit()
			for args.zoom > 0 && float64(view.Zoom()) < args.zoom {
				view.ZoomIn()
			}
		})
		time.Sleep(time.Second)
		if path := os.Getenv("REELGRAPH_CPUPROFILE"); path != "" { // for finding where a frame's time goes
			if f, err := os.Create(path); err == nil {
				pprof.StartCPUProfile(f)
				defer f.Close()
				defer pprof.StopCPUProfile()
			}
		}
		var r glbenchResult
		r, result = timePans(view, probe, painted, args.frames)
		if result == nil {
			fmt.Fprintf(out, "BenchmarkGLPan/nodes=%d/edges=%d/zoom=%s \t%d\t%.0f ns/op\t%.1f frames/s\t%.2f p50-ms\t%.2f p99-ms\t%.2f p50-cpu-ms\t%.2f p99-cpu-ms\n",
				args.nodes, args.edges, r.zoom, args.frames, r.mean*1e6, 1000/r.mean, r.p50, r.p99, r.cpuP50, r.cpuP99)
		}
	}()
	w.ShowAndRun()
	return result
}

// glbenchResult is what timePans measured, in milliseconds per frame.
type glbenchResult struct {
	mean, p50, p99, cpuP50, cpuP99 float64
	zoom                           string
}

// timePans pans the view frames times, each time waiting until the frame
// is painted and the paint has returned to the event loop.
func timePans(view *graphview.GraphView, probe *canvas.Raster, painted chan struct{}, frames int) (glbenchResult, error) {
	var r glbenchResult
	wall := make([]float64, 0, frames)
	cpu := make([]float64, 0, frames)
	begin := time.Now()
	for i := range frames {
		t0, c0 := time.Now(), cpuTime()
		fyne.DoAndWait(func() {
			center := fyne.NewPos(view.Size().Width/2, view.Size().Height/2)
			// As a hand drags: 640 pixels one way at 16 a frame, then back.
			dx := float32(16)
			if i/40%2 == 1 {
				dx = -16
			}
			view.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: center}, Scrolled: fyne.NewDelta(dx, 0)})
			probe.Refresh()
		})
		select {
		case <-painted:
		case <-time.After(10 * time.Second):
			return r, fmt.Errorf("glbench: frame %d was not painted within 10 s", i)
		}
		fyne.DoAndWait(func() {}) // the loop has finished painting and swapping
		wall = append(wall, float64(time.Since(t0))/1e6)
		cpu = append(cpu, float64(cpuTime()-c0)/1e6)
	}
	r.mean = float64(time.Since(begin)) / 1e6 / float64(frames)
	r.p50, r.p99 = percentile(wall, 0.5), percentile(wall, 0.99)
	r.cpuP50, r.cpuP99 = percentile(cpu, 0.5), percentile(cpu, 0.99)
	fyne.DoAndWait(func() { r.zoom = strconv.FormatFloat(float64(view.Zoom()), 'f', 2, 32) })
	return r, nil
}

// percentile returns the q-th quantile of v (sorting v).
func percentile(v []float64, q float64) float64 {
	slices.Sort(v)
	return v[min(len(v)-1, int(q*float64(len(v))))]
}

// cpuTime returns the CPU time this process has used, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchState returns a laid-out graph of n nodes and m edges: a tree with
// hubs (node i hangs off i/3) and random links, as BenchmarkPan5000 draws,
// settled by the force layout.
func benchState(n, m int) graphview.State {
	kinds := []string{"Company", "Production", "AITool", "Person", "Organization", "Controversy", "Event", "LegalCase", "Technique", "Source"}
	rnd := rand.New(rand.NewPCG(1, 2))
	cfg := layout.DefaultConfig()
	cfg.SpringLength, cfg.Charge, cfg.Gravity, cfg.Aspect = 100, 800, 0.08, 1.6
	lay := layout.New(cfg)
	st := graphview.State{Focus: "0"}
	for i := range n {
		id := strconv.Itoa(i)
		st.Nodes = append(st.Nodes, graphview.NodeState{Node: graphview.Node{ID: id, Label: "Node " + id, Kind: graphview.Vocab + kinds[i%len(kinds)]}})
		lay.AddNear(id, strconv.Itoa(i/3))
		if i > 0 {
			st.Edges = append(st.Edges, benchEdge(i/3, i))
		}
	}
	for len(st.Edges) < m {
		if a, b := rnd.IntN(n), rnd.IntN(n); a != b {
			st.Edges = append(st.Edges, benchEdge(a, b))
		}
	}
	for _, e := range st.Edges {
		lay.Link(e.From, e.To)
	}
	for i := 0; i < 300 && !lay.Stable(); i++ {
		lay.Step()
	}
	for i := range st.Nodes {
		p, _ := lay.Position(st.Nodes[i].ID)
		st.Nodes[i].X, st.Nodes[i].Y = p.X, p.Y
	}
	return st
}

func benchEdge(from, to int) graphview.Edge {
	return graphview.Edge{From: strconv.Itoa(from), To: strconv.Itoa(to), Predicate: "urn:p", Label: "p"}
}
