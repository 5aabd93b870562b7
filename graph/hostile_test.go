package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"reelgraph/data"
	"reelgraph/graph"
)

// repeatReader streams head once, then line n times, then tail: a hostile
// file of any size without a byte of it on disk.
type repeatReader struct {
	head, line, tail []byte
	n                int64
	buf              []byte
}

func (r *repeatReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		switch {
		case r.head != nil:
			r.buf, r.head = r.head, nil
		case r.n > 0:
			k := min(r.n, int64(1+(64<<10)/max(1, len(r.line))))
			r.buf = bytes.Repeat(r.line, int(k))
			r.n -= k
		case r.tail != nil:
			r.buf, r.tail = r.tail, nil
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// hostileCase is an input the import must survive in bounded memory.
type hostileCase struct {
	name   string
	format string
	input  func() io.Reader
	// fails is the error the import ends with, "" for none.
	fails string
	// maxMB bounds the child's peak RSS, generous for a busy machine and
	// far below what the input costs when memory grows with it. A record
	// near its 16 MiB limit costs about 100 MB: the parser's buffers grow
	// by doubling, and the collector lets garbage reach the live heap's size.
	maxMB float64
}

const hostileEnv = "REELGRAPH_HOSTILE"

var hostileCases = []hostileCase{
	{
		// 2M copies of one edge: 140 MB of RSS when every copy was kept
		// for the index (about 52 bytes a quad), 35 MB when none is.
		name: "repeated-edge", format: data.NQuads, maxMB: 90,
		input: func() io.Reader {
			return &repeatReader{line: []byte("<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> <http://ex.org/src> .\n"), n: 2_000_000}
		},
	},
	{
		// 1M copies of one label: 640 MB when every copy was kept.
		name: "repeated-label", format: data.NQuads, maxMB: 90,
		input: func() io.Reader {
			return &repeatReader{line: []byte("<http://ex.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\" .\n"), n: 1_000_000}
		},
	},
	{
		// One row of 512 MiB: encoding/csv holds a row whole, twice over.
		name: "csv-huge-row", format: data.CSV, maxMB: 250, fails: "row 2 is longer than 16 MiB",
		input: func() io.Reader {
			return &repeatReader{head: []byte("from,to\na,"), line: bytes.Repeat([]byte("x"), 1024), n: 512 << 10, tail: []byte("\n")}
		},
	},
	{
		// A valid table of a million columns: a million quads a row.
		name: "csv-million-columns", format: data.CSV, maxMB: 250, fails: "too many columns",
		input: func() io.Reader {
			return &repeatReader{head: []byte("id"), line: []byte(",c"), n: 1_000_000, tail: []byte("\nx" + strings.Repeat(",1", 1_000_000) + "\n")}
		},
	},
	{
		name: "nquads-huge-line", format: data.NQuads, maxMB: 250, fails: "line too long",
		input: func() io.Reader {
			return &repeatReader{head: []byte(`<http://ex.org/a> <http://ex.org/p> "`), line: bytes.Repeat([]byte("x"), 1024), n: 512 << 10}
		},
	},
	{
		name: "json-huge-element", format: data.JSON, maxMB: 250, fails: "JSON element 1 is longer than 16 MiB",
		input: func() io.Reader {
			return &repeatReader{head: []byte(`[{"subject":"<a>","predicate":"<p>","object":"`), line: bytes.Repeat([]byte("x"), 1024), n: 512 << 10}
		},
	},
}

// TestImportMemoryIsBounded imports each hostile case in a child process
// and bounds its peak RSS: memory must not grow with the file.
func TestImportMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("imports millions of quads")
	}
	if raceEnabled {
		t.Skip("memory, not concurrency: the race detector multiplies it; make test runs this in its pass without -race")
	}
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestHostileHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), hostileEnv+"="+c.name+"\n"+t.TempDir())
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("child: %v\n%s", err, out)
			}
			got := strings.TrimSpace(string(out))
			if c.fails == "" && !strings.Contains(got, "result: ok") || !strings.Contains(got, c.fails) {
				t.Errorf("child said %q, want a result of %q", got, resultOf(c.fails))
			}
			mb := childPeak(got)
			if mb == 0 {
				t.Skip("peak RSS is not measured here")
			}
			t.Logf("peak RSS %.0f MB (bound %.0f)", mb, c.maxMB)
			if mb > c.maxMB {
				t.Errorf("peak RSS %.0f MB, want at most %.0f MB", mb, c.maxMB)
			}
		})
	}
}

func resultOf(fails string) string {
	if fails == "" {
		return "ok"
	}
	return fails
}

// TestHostileHelper is TestImportMemoryIsBounded's child process; it does
// nothing in a plain test run.
func TestHostileHelper(t *testing.T) {
	env := os.Getenv(hostileEnv)
	if env == "" {
		t.Skip("run by TestImportMemoryIsBounded")
	}
	name, dir, _ := strings.Cut(env, "\n")
	var c *hostileCase
	for i := range hostileCases {
		if hostileCases[i].name == name {
			c = &hostileCases[i]
		}
	}
	if c == nil {
		t.Fatalf("no case %q", name)
	}
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Location{Backend: graph.Bolt, Path: filepath.Join(dir, "store")}, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r, err := data.NewReader(c.input(), "hostile", data.ReadOptions{Format: c.format})
	var sum graph.ImportSummary
	if err == nil {
		sum, err = s.Import(ctx, r, graph.ImportOptions{})
	}
	result := "ok"
	if err != nil {
		result = err.Error()
	}
	fmt.Printf("result: %s\nread %s added %s\npeak-MB %.0f\n", result, strconv.FormatInt(sum.Read, 10), strconv.FormatInt(sum.Added, 10), selfPeakMB())
}

// selfPeakMB returns the peak RSS of this process in MB, from the kernel's
// VmHWM, or 0 where there is none. wait4's rusage cannot say it for a child
// the test binary starts: the child's peak starts at its parent's RSS, as
// the kernel counts the memory the child shared with the parent until exec.
func selfPeakMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}

// childPeak reads the peak-MB line of a child's output.
func childPeak(out string) float64 {
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "peak-MB "); ok {
			mb, _ := strconv.ParseFloat(v, 64)
			return mb
		}
	}
	return 0
}
