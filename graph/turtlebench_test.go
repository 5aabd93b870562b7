//go:build unix

package graph_test

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/data"
)

// filmBase makes the film set's relative IRIs (</en/heat>) absolute, so
// that N-Quads and Turtle carry the same graph.
const filmBase = "http://film.example/"

// BenchmarkTurtleVsNQuads imports the film set into a new bolt store
// from N-Quads and from Turtle, one after the other in the same process
// and iteration, so that the machine's load weighs on both alike. The two
// files are made once (in the bench directory) from 30kmoviedata.nq.gz,
// its relative IRIs resolved against filmBase: film.nq, and film.ttl as
// Reelgraph's Turtle writer writes it (prefixes, subjects grouped). It
// reports each import's quads per second of wall and of CPU time, their
// ratios (the target is turtle-vs-nquads ≥ 0.7), the time the readers
// alone take to parse each file and the largest heap seen while they do
// (sampled every 50,000 quads: it does not grow with the file).
func BenchmarkTurtleVsNQuads(b *testing.B) {
	nq, ttl := filmFiles(b)
	ways := []struct {
		name, path string
		read       func(f *os.File) quad.Reader
	}{
		{"nquads", nq, func(f *os.File) quad.Reader {
			return data.NewNQuadsReader(f, data.NQuadsOptions{Name: "film.nq"})
		}},
		{"turtle", ttl, func(f *os.File) quad.Reader {
			return data.NewTurtleReader(f, data.TurtleOptions{Name: "film.ttl"})
		}},
	}
	rate := map[string]float64{}
	cpuRate := map[string]float64{}
	heap := map[string]float64{}
	parse := map[string]time.Duration{}
	b.StopTimer()
	for range b.N {
		for _, w := range ways {
			f, err := os.Open(w.path)
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			start := time.Now()
			var n int64
			var ms runtime.MemStats
			for r := w.read(f); ; n++ {
				if _, err := r.ReadQuad(); err != nil {
					break
				}
				if n%50000 == 0 { // the heap while reading, sampled
					runtime.ReadMemStats(&ms)
					heap[w.name] = max(heap[w.name], float64(ms.HeapInuse)/1e6)
				}
			}
			parse[w.name] += time.Since(start)
			f.Close()
			if n != 471705 {
				b.Fatalf("%s: read %d quads, want 471705", w.name, n)
			}

			dir := filepath.Join(b.TempDir(), w.name)
			f, _ = os.Open(w.path)
			b.StartTimer()
			start, cpu := time.Now(), processCPU()
			added, err := reelgraphImport(dir, w.read(f))
			took, cpuTook := time.Since(start), processCPU()-cpu
			b.StopTimer()
			f.Close()
			if err != nil || added != 471705 {
				b.Fatalf("%s: imported %d quads: %v", w.name, added, err)
			}
			rate[w.name] += float64(added) / took.Seconds()
			cpuRate[w.name] += float64(added) / cpuTook.Seconds()
			runtime.GC()
		}
	}
	for _, w := range ways {
		b.ReportMetric(rate[w.name]/float64(b.N), w.name+"-quads/s")
		b.ReportMetric(cpuRate[w.name]/float64(b.N), w.name+"-quads/cpu-s")
		b.ReportMetric(parse[w.name].Seconds()/float64(b.N), w.name+"-parse-s")
		b.ReportMetric(heap[w.name], w.name+"-parse-heap-MB")
	}
	b.ReportMetric(rate["turtle"]/rate["nquads"], "turtle-vs-nquads")
	b.ReportMetric(cpuRate["turtle"]/cpuRate["nquads"], "cpu-turtle-vs-nquads")
}

// processCPU returns the CPU time the process has used, which other
// processes on a busy machine disturb less than wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// filmFiles returns film.nq and film.ttl, made on first use.
func filmFiles(b *testing.B) (nq, ttl string) {
	film := filmPath()
	if film == "" {
		b.Skip(errNoFilm)
	}
	root := filepath.Join(benchRoot(), "turtle")
	nq, ttl = filepath.Join(root, "film.nq"), filepath.Join(root, "film.ttl")
	if _, err := os.Stat(ttl); err == nil {
		return nq, ttl
	}
	os.MkdirAll(root, 0o700)
	f, err := os.Open(film)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		b.Fatal(err)
	}
	qs, err := readAllQuads(data.NewNQuadsReader(z, data.NQuadsOptions{Base: filmBase}))
	if err != nil {
		b.Fatal(err)
	}
	write := func(path string, w func(io.Writer) quad.WriteCloser) {
		out, err := os.Create(path + ".tmp")
		if err != nil {
			b.Fatal(err)
		}
		bw := bufio.NewWriterSize(out, 1<<16)
		qw := w(bw)
		if _, err := qw.WriteQuads(qs); err != nil {
			b.Fatal(err)
		}
		if err := qw.Close(); err != nil {
			b.Fatal(err)
		}
		if err := bw.Flush(); err != nil {
			b.Fatal(err)
		}
		if err := out.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			b.Fatal(err)
		}
	}
	write(nq, func(w io.Writer) quad.WriteCloser { return nquads.NewWriter(w) })
	write(ttl, func(w io.Writer) quad.WriteCloser { return data.NewTurtleWriter(w, false) })
	return nq, ttl
}

func readAllQuads(r quad.Reader) ([]quad.Quad, error) {
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err != nil {
			if err == io.EOF {
				return qs, nil
			}
			return nil, err
		}
		qs = append(qs, q)
	}
}
