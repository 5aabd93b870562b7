package graph_test

// Benchmarks on the film set (Cayley's data/30kmoviedata.nq.gz, 471,705
// quads, read from the module cache) and on a generated graph of the same
// size, for the figures of issue #6. Run them with `make bench`, which
// prints them as a table.
//
// Loading the film set takes seconds, so each dataset is read once per
// process and each store opened once; the bolt stores are built once per
// machine and kept under $REELGRAPH_BENCH_DIR (default: the temporary
// directory's reelgraph-bench), so that later runs only open them. Nothing
// here runs without -bench.

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph"
	"reelgraph/graph/gentest"
)

// filmModule is the Cayley module version go.mod requires; its data
// directory holds the film set.
const filmModule = "github.com/cayleygraph/cayley@v0.7.7-0.20240706181042-81dcd7d73e45"

// benchVersion names the on-disk stores the benchmarks build; bump it when
// the way they are built changes.
const benchVersion = "v1"

// The UI's sizes (app/window.go, app/search.go).
const (
	expandLimit = 50
	perGroup    = 25
	suggestions = 12
)

// dataset is a graph the read benchmarks run on.
type dataset struct {
	name  string
	quads func() (quad.Reader, error)
	// keystrokes are the texts searched, one keystroke at a time.
	keystrokes []string
	// hubs are supernodes: their first page and details are timed.
	hubs []graph.ID
	// sample picks the nodes expanded: every nth subject of a label.
	sample func(q quad.Quad) bool

	once   sync.Once
	all    []quad.Quad
	err    error
	stores sync.Map // backend name -> *openStore
}

type openStore struct {
	once sync.Once
	s    *graph.Store
	dir  string
	err  error
}

var film = &dataset{
	name:       "film",
	quads:      openFilm,
	keystrokes: []string{"steven spielberg", "the man who", "star wars", "a", "zzyzx road"},
	hubs:       []graph.ID{"/people/person", "/en/mel_blanc"},
	sample:     func(q quad.Quad) bool { return q.Predicate == quad.IRI("name") },
}

var gen = &dataset{
	name: "gen",
	quads: func() (quad.Reader, error) {
		return gentest.New(gentest.Options{Quads: 471705, Seed: 1}), nil
	},
	keystrokes: []string{"the silent river", "ana garcia", "e", "zzyzx road"},
	hubs:       []graph.ID{gentest.Hub},
	sample: func(q quad.Quad) bool {
		return q.Predicate == quad.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	},
}

var datasets = []*dataset{film, gen}

// filmPath returns the film set's path in the module cache, or "".
func filmPath() string {
	if p := os.Getenv("REELGRAPH_FILM"); p != "" {
		return p
	}
	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		return ""
	}
	p := filepath.Join(strings.TrimSpace(string(cache)), filmModule, "data", "30kmoviedata.nq.gz")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func openFilm() (quad.Reader, error) {
	p := filmPath()
	if p == "" {
		return nil, errNoFilm
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	z, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		f.Close()
		return nil, err
	}
	return nquads.NewReader(z, true), nil
}

var errNoFilm = fmt.Errorf("the film set is not in the module cache: run `go mod download %s`", filmModule)

// load returns every quad of the dataset, read once per process.
func (d *dataset) load(b testing.TB) []quad.Quad {
	d.once.Do(func() {
		r, err := d.quads()
		if err != nil {
			d.err = err
			return
		}
		for {
			q, err := r.ReadQuad()
			if err == io.EOF {
				break
			} else if err != nil {
				d.err = err
				return
			}
			d.all = append(d.all, q)
		}
	})
	if d.err == errNoFilm {
		b.Skip(d.err)
	} else if d.err != nil {
		b.Fatal(d.err)
	}
	return d.all
}

// store returns the dataset opened in backend ("memory" or "bolt"), opened
// once per process.
func (d *dataset) store(b testing.TB, backend string) *graph.Store {
	v, _ := d.stores.LoadOrStore(backend, &openStore{})
	o := v.(*openStore)
	o.once.Do(func() {
		ctx := context.Background()
		if backend == "memory" {
			o.s, o.err = graph.Open(ctx, graph.Location{Backend: graph.Memory}, graph.Options{})
			if o.err == nil {
				_, o.err = o.s.Load(ctx, &sliceReader{q: d.load(b)})
			}
			return
		}
		o.dir = d.boltDir(b, "read")
		o.s, o.err = graph.Open(ctx, graph.Location{Backend: graph.Bolt, Path: o.dir}, graph.Options{})
	})
	if o.err != nil {
		b.Fatal(o.err)
	}
	return o.s
}

// boltDir returns a bolt store holding the dataset, in a directory of its
// own for each use (stores are locked while open). The store is built once
// per machine and copied for each use.
func (d *dataset) boltDir(b testing.TB, use string) string {
	root := benchRoot()
	master := filepath.Join(root, d.name+"-"+benchVersion, "store")
	if _, err := os.Stat(master); err != nil {
		if err := d.buildBolt(b, master); err != nil {
			b.Fatal(err)
		}
	}
	dir := filepath.Join(root, d.name+"-"+benchVersion+"-"+use, "store")
	if _, err := os.Stat(dir); err != nil {
		if err := copyDir(master, dir); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// buildBolt loads the dataset into a new bolt store at dir, atomically.
func (d *dataset) buildBolt(b testing.TB, dir string) error {
	quads := d.load(b)
	parent := filepath.Dir(dir)
	tmp := parent + ".tmp"
	os.RemoveAll(tmp)
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Location{Backend: graph.Bolt, Path: filepath.Join(tmp, "store")}, graph.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	_, err = s.Load(ctx, &sliceReader{q: quads})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	b.Logf("built the %s bolt store in %v", d.name, time.Since(start).Round(time.Millisecond))
	return os.Rename(tmp, parent)
}

func copyDir(from, to string) error {
	tmp := to + ".tmp"
	os.RemoveAll(tmp)
	if err := os.MkdirAll(tmp, 0o700); err != nil {
		return err
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		in, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(tmp, e.Name()), in, 0o600); err != nil {
			return err
		}
	}
	return os.Rename(tmp, to)
}

// sliceReader reads quads from a slice.
type sliceReader struct {
	q []quad.Quad
	i int
}

func (r *sliceReader) ReadQuad() (quad.Quad, error) {
	if r.i >= len(r.q) {
		return quad.Quad{}, io.EOF
	}
	r.i++
	return r.q[r.i-1], nil
}

// expandSample returns about n nodes to expand, spread over the dataset.
func (d *dataset) expandSample(b testing.TB, n int) []graph.ID {
	var all []graph.ID
	for _, q := range d.load(b) {
		if d.sample(q) {
			all = append(all, graph.ID(q.Subject.(quad.IRI)))
		}
	}
	step := max(1, len(all)/n)
	var out []graph.ID
	for i := 0; i < len(all); i += step {
		out = append(out, all[i])
	}
	return out
}

// keys returns every prefix of every keystroke text: what a person typing
// them searches for.
func (d *dataset) keys() []string {
	var out []string
	for _, k := range d.keystrokes {
		for i := 1; i <= len(k); i++ {
			out = append(out, k[:i])
		}
	}
	return out
}

// percentiles times fn over b.N calls and reports the 50th and 99th
// percentiles in milliseconds, of wall time and of the thread's CPU time.
func percentiles(b *testing.B, fn func(i int)) {
	defer lockThread()()
	wall := make([]time.Duration, 0, b.N)
	cpu := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start, startCPU := time.Now(), threadCPU()
		fn(i)
		wall = append(wall, time.Since(start))
		cpu = append(cpu, threadCPU()-startCPU)
	}
	b.StopTimer()
	report := func(durs []time.Duration, unit string) {
		slices.Sort(durs)
		at := func(p float64) float64 {
			return float64(durs[min(len(durs)-1, int(p*float64(len(durs))))]) / 1e6
		}
		b.ReportMetric(at(0.5), "p50-"+unit)
		b.ReportMetric(at(0.99), "p99-"+unit)
	}
	report(wall, "ms")
	report(cpu, "cpu-ms")
}

// eachStore runs fn as a sub-benchmark per dataset and backend.
func eachStore(b *testing.B, fn func(b *testing.B, d *dataset, s *graph.Store)) {
	for _, d := range datasets {
		for _, backend := range []string{"memory", "bolt"} {
			b.Run(d.name+"/"+backend, func(b *testing.B) { fn(b, d, d.store(b, backend)) })
		}
	}
}

// BenchmarkOpen times opening the bolt store until search works.
func BenchmarkOpen(b *testing.B) {
	for _, d := range datasets {
		b.Run(d.name+"/bolt", func(b *testing.B) {
			loc := graph.Location{Backend: graph.Bolt, Path: d.boltDir(b, "open")}
			ctx := context.Background()
			warm(b, loc.Path)
			percentiles(b, func(int) {
				s, err := graph.Open(ctx, loc, graph.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if hits, _ := s.Search(ctx, d.keystrokes[0], suggestions); len(hits) == 0 {
					b.Fatalf("no hits for %q after opening", d.keystrokes[0])
				}
				s.Close()
			})
		})
	}
}

// warm opens the bolt store at dir once, untimed, so that a snapshot an
// older build left (of another format) is rebuilt before anything is
// measured.
func warm(b *testing.B, dir string) {
	s, err := graph.Open(context.Background(), graph.Location{Backend: graph.Bolt, Path: dir}, graph.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
}

// BenchmarkSearch times one keystroke of the search box.
func BenchmarkSearch(b *testing.B) {
	eachStore(b, func(b *testing.B, d *dataset, s *graph.Store) {
		keys := d.keys()
		ctx := context.Background()
		percentiles(b, func(i int) { s.Search(ctx, keys[i%len(keys)], suggestions) })
	})
}

// BenchmarkExpand times expanding a node: its neighbours and the label and
// types of each.
func BenchmarkExpand(b *testing.B) {
	eachStore(b, func(b *testing.B, d *dataset, s *graph.Store) {
		ids := d.expandSample(b, 500)
		ctx := context.Background()
		percentiles(b, func(i int) { expand(b, ctx, s, ids[i%len(ids)], 0) })
	})
}

// BenchmarkHubPage times a supernode's first page: expandLimit neighbours
// with their labels and types.
func BenchmarkHubPage(b *testing.B) {
	eachStore(b, func(b *testing.B, d *dataset, s *graph.Store) {
		ctx := context.Background()
		percentiles(b, func(i int) { expand(b, ctx, s, d.hubs[i%len(d.hubs)], expandLimit) })
	})
}

func expand(b *testing.B, ctx context.Context, s *graph.Store, id graph.ID, limit int) {
	edges, err := s.Neighbors(ctx, id, graph.NeighborOptions{Limit: limit})
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range edges {
		s.Brief(e.Other(id))
	}
}

// BenchmarkDetails times the details panel of sampled nodes.
func BenchmarkDetails(b *testing.B) {
	eachStore(b, func(b *testing.B, d *dataset, s *graph.Store) {
		ids := d.expandSample(b, 500)
		ctx := context.Background()
		percentiles(b, func(i int) { details(b, ctx, s, ids[i%len(ids)]) })
	})
}

// BenchmarkHubDetails times the details panel of supernodes.
func BenchmarkHubDetails(b *testing.B) {
	eachStore(b, func(b *testing.B, d *dataset, s *graph.Store) {
		ctx := context.Background()
		percentiles(b, func(i int) { details(b, ctx, s, d.hubs[i%len(d.hubs)]) })
	})
}

func details(b *testing.B, ctx context.Context, s *graph.Store, id graph.ID) {
	if _, err := s.Details(ctx, id, perGroup); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBrowseMemory opens the bolt store in a fresh process, browses it
// (searches, expansions, details, supernodes included) and reports the
// process's peak resident memory and the Go heap after opening.
func BenchmarkBrowseMemory(b *testing.B) {
	for _, d := range datasets {
		b.Run(d.name+"/bolt", func(b *testing.B) {
			dir := d.boltDir(b, "open")
			warm(b, dir)
			for range b.N {
				cmd := exec.Command(os.Args[0], "-test.run=^TestBrowseHelper$", "-test.count=1")
				cmd.Env = append(os.Environ(), "REELGRAPH_BROWSE="+d.name+"="+dir)
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("%v:\n%s", err, out)
				}
				for _, m := range []string{"peak-RSS-MB", "open-heap-MB", "open-RSS-MB"} {
					b.ReportMetric(metric(b, string(out), m), m)
				}
			}
		})
	}
}

func metric(b *testing.B, out, name string) float64 {
	for _, l := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(l, name+" "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				b.Fatal(err)
			}
			return f
		}
	}
	b.Fatalf("no %s in:\n%s", name, out)
	return 0
}

// TestBrowseHelper is BenchmarkBrowseMemory's child process; it does
// nothing in a plain test run.
func TestBrowseHelper(t *testing.T) {
	env := os.Getenv("REELGRAPH_BROWSE")
	if env == "" {
		t.Skip("run by BenchmarkBrowseMemory")
	}
	name, dir, _ := strings.Cut(env, "=")
	var d *dataset
	for _, x := range datasets {
		if x.name == name {
			d = x
		}
	}
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Location{Backend: graph.Bolt, Path: dir}, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("open-heap-MB %.1f\n", float64(ms.HeapAlloc)/1e6)
	fmt.Printf("open-RSS-MB %.1f\n", procStatus(t, "VmRSS"))
	for _, k := range d.keys() {
		s.Search(ctx, k, suggestions)
	}
	// The sample is read from the store, not the file, so that the
	// child's memory is the browsing's alone.
	for _, k := range []string{"the", "an", "road", "love", "john", "mar"} {
		nodes, _ := s.Search(ctx, k, 100)
		for _, n := range nodes {
			s.Neighbors(ctx, n.ID, graph.NeighborOptions{})
			s.Details(ctx, n.ID, perGroup)
		}
	}
	for _, h := range d.hubs {
		s.Neighbors(ctx, h, graph.NeighborOptions{Limit: expandLimit})
		s.Details(ctx, h, perGroup)
	}
	fmt.Printf("peak-RSS-MB %.1f\n", procStatus(t, "VmHWM"))
}

// procStatus returns a field of /proc/self/status in megabytes.
func procStatus(t *testing.T, field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status:", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, field+":"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	t.Fatalf("no %s in /proc/self/status", field)
	return 0
}
