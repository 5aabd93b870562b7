// Command benchtable reads `go test -bench` output on stdin and prints the
// benchmarks of issue #6 as a Markdown table: each figure beside its
// target. `make bench` pipes the benchmarks through it.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// target is what issue #6 asks of a benchmark, and the figure compared.
type target struct {
	figure  string
	metric  string // the metric shown: a reported unit, or "ns/op"
	want    string
	convert func(float64) string
}

func ms(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64) + " ms"
	case v >= 1:
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	}
	return strconv.FormatFloat(v, 'f', 3, 64) + " ms"
}
func secs(v float64) string   { return strconv.FormatFloat(v, 'f', 1, 64) + " s" }
func times(v float64) string  { return strconv.FormatFloat(v, 'f', 2, 64) + "×" }
func ratio(v float64) string  { return strconv.FormatFloat(v, 'f', 2, 64) }
func perSec(v float64) string { return strconv.FormatFloat(1e9/v, 'f', 1, 64) + "/s" }
func mb(v float64) string     { return strconv.FormatFloat(v, 'f', 0, 64) + " MB" }
func nsMs(v float64) string   { return ms(v / 1e6) }
func fps(v float64) string    { return strconv.FormatFloat(v, 'f', 1, 64) + "/s" }

// targets is keyed by the benchmark's name up to its first slash.
var targets = map[string][]target{
	"BenchmarkOpen":         {{"open until search works", "p50-ms", "≤ 1 s", ms}},
	"BenchmarkSearch":       {{"one search keystroke, p50", "p50-ms", "", ms}, {"one search keystroke, p99", "p99-ms", "≤ 10 ms", ms}},
	"BenchmarkExpand":       {{"expand a node, p50", "p50-ms", "", ms}, {"expand a node, p99", "p99-ms", "≤ 5 ms", ms}},
	"BenchmarkHubPage":      {{"a supernode's first page, p99", "p99-ms", "≤ 16 ms", ms}},
	"BenchmarkDetails":      {{"details panel, p99", "p99-ms", "", ms}},
	"BenchmarkHubDetails":   {{"details panel of a supernode, p99", "p99-ms", "", ms}},
	"BenchmarkPaths":        {{"3 shortest paths between two actors, p99", "p99-ms", "≤ 50 ms", ms}},
	"BenchmarkBrowseMemory": {{"memory while browsing (peak RSS)", "peak-RSS-MB", "≤ 400 MB", mb}, {"memory after open (RSS)", "open-RSS-MB", "", mb}},
	"BenchmarkStep2000":     {{"layout, 2,000 nodes", "ns/op", "≥ 60/s", perSec}},
	"BenchmarkStep20000":    {{"layout, 20,000 nodes", "ns/op", "≥ 10/s", perSec}},
	"BenchmarkPan5000":      {{"render while panning, 5,000 nodes / 10,000 edges: our part of a frame", "ns/op", "", perSec}},
	"BenchmarkPaint5000":    {{"repaint of 5,000 nodes / 10,000 edges (after a zoom or a layout step)", "ns/op", "", nsMs}},
	"BenchmarkGLPan": {
		{"render while panning, 5,000 nodes / 10,000 edges, software GL", "frames/s", "≥ 30/s", fps},
		{"render while panning, software GL: frame p50", "p50-ms", "", ms},
		{"render while panning, software GL: frame p99", "p99-ms", "", ms},
	},
	"BenchmarkImportFilm": {
		{"import the film set: cayley load", "cayley-load-s", "", secs},
		{"import the film set: Cayley's library writer", "library-s", "", secs},
		{"import the film set: Store.Import", "import-s", "", secs},
		{"import: speed-up over cayley load", "x-vs-cayley-load", "≥ 3×", times},
		{"import: speed-up over cayley load, in CPU time", "cpu-x-vs-cayley-load", "", times},
		{"import: speed-up over the library writer", "x-vs-library", "> 1× (stretch)", times},
		{"import: peak RSS of cayley load", "cayley-load-MB", "", mb},
		{"import: peak RSS of Store.Import", "import-MB", "", mb},
		{"import: peak RSS against cayley load's", "rss-vs-cayley-load", "≤ 0.5", ratio},
	},
}

var line = regexp.MustCompile(`^(Benchmark\S+?)(-\d+)?\s+\d+\s+(.*)$`)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer) error {
	fmt.Fprintln(out, "| figure | benchmark | measured | target |")
	fmt.Fprintln(out, "|---|---|---|---|")
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		m := line.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		name, metrics := m[1], parseMetrics(m[3])
		top, _, _ := strings.Cut(name, "/")
		for _, t := range targets[top] {
			v, ok := metrics[t.metric]
			if !ok {
				continue
			}
			got := t.convert(v)
			// Wall time, which a busy machine inflates, and the CPU time
			// the benchmark's thread (or child process) used.
			if cpu, ok := metrics[cpuMetric(t.metric)]; ok {
				got += " (CPU " + t.convert(cpu) + ")"
			}
			fmt.Fprintf(out, "| %s | %s | %s | %s |\n", t.figure, strings.TrimPrefix(name, "Benchmark"), got, t.want)
		}
	}
	return sc.Err()
}

// cpuMetric names the CPU time reported beside a wall time metric, or "".
func cpuMetric(m string) string {
	for _, unit := range []string{"-ms", "-s"} {
		if base, ok := strings.CutSuffix(m, unit); ok {
			return base + "-cpu" + unit
		}
	}
	return ""
}

// parseMetrics reads "123 ns/op 4.5 p50-ms" into a map from unit to value.
func parseMetrics(s string) map[string]float64 {
	f := strings.Fields(s)
	out := make(map[string]float64)
	for i := 0; i+1 < len(f); i += 2 {
		if v, err := strconv.ParseFloat(f[i], 64); err == nil {
			out[f[i+1]] = v
		}
	}
	return out
}
