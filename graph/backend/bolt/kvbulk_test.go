package bolt

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"

	"reelgraph/data"
	"reelgraph/graph/gentest"

	"reelgraph/graph/internal/backend"
)

// TestKVBulkMatchesCayley loads the same batches into two copies of a bolt
// store, once through Cayley's ApplyDeltas and once through kvBulk, and
// compares the two files bucket by bucket, key by key, value by value
// (timestamps aside); then deletes the same quads from both through Cayley
// and compares them again, which checks the reference counts and index
// lists kvBulk wrote are ones Cayley can work with.
func TestKVBulkMatchesCayley(t *testing.T) {
	if raceEnabled {
		t.Skip("one goroutine, much data: make test runs it in its pass without -race")
	}
	bundled := readQuads(t, data.NewNQuadsReader(data.Bundled(), data.NQuadsOptions{Name: "bundled"}))
	generated := readQuads(t, gentest.New(gentest.Options{Quads: 6000, Seed: 7}))
	var input []quad.Quad
	input = append(input, generated[:3000]...)
	input = append(input, trickyQuads()...)
	input = append(input, bundled[:200]...)        // already in the seeded store
	input = append(input, generated[1000:2000]...) // repeats of earlier batches
	input = append(input, generated[3000:]...)
	for _, tc := range []struct {
		name  string
		seed  []quad.Quad
		chunk int
	}{
		{"empty store", nil, kvChunkQuads},
		{"seeded store", bundled, kvChunkQuads},
		{"seeded store, written in chunks", bundled, 1500},
	} {
		t.Run(tc.name, func(t *testing.T) {
			viaCayley := newKVStore(t, tc.seed)
			viaBulk := filepath.Join(t.TempDir(), "bulk")
			copyStore(t, viaCayley, viaBulk)

			qs, err := cgraph.NewQuadStore(cayleyBolt, viaCayley, cgraph.Options{"nosync": true})
			if err != nil {
				t.Fatal(err)
			}
			w, err := openKVBulk(filepath.Join(viaBulk, boltFile))
			if err != nil {
				t.Fatal(err)
			}
			w.chunk = tc.chunk
			for batch := range slices.Chunk(input, 700) {
				if err := qs.ApplyDeltas(adds(batch), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
					t.Fatal(err)
				}
				if err := w.add(batch); err != nil {
					t.Fatal(err)
				}
			}
			checkSubjects(t, w, qs, append(slices.Clone(tc.seed), input...))
			qs.Close()
			if err := w.close(); err != nil {
				t.Fatal(err)
			}
			compareKV(t, viaCayley, viaBulk)

			// Delete quads of every kind, and some the stores lack.
			var del []cgraph.Delta
			for i, q := range input {
				if i%7 == 0 {
					del = append(del, cgraph.Delta{Quad: q, Action: cgraph.Delete})
				}
			}
			for _, dir := range []string{viaCayley, viaBulk} {
				qs, err := cgraph.NewQuadStore(cayleyBolt, dir, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := qs.ApplyDeltas(del, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
					t.Fatal(err)
				}
				qs.Close()
			}
			compareKV(t, viaCayley, viaBulk)
		})
	}
}

// checkSubjects checks kvBulk.subject against Cayley's store for every
// value of quads.
func checkSubjects(t *testing.T, w *kvBulk, qs cgraph.QuadStore, quads []quad.Quad) {
	t.Helper()
	seen := make(map[quad.Value]bool)
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Object, q.Label} {
			if v == nil || seen[v] {
				continue
			}
			seen[v] = true
			want, err := backend.IsSubject(qs, v)
			got, sure, err2 := w.subject(v)
			if err != nil || err2 != nil || !sure || got != want {
				t.Errorf("subject(%v) = %v (sure: %v), %v; Cayley: %v, %v", v, got, sure, err2, want, err)
			}
		}
	}
}

// trickyQuads are values and quads an import may meet: literals with a
// language or a datatype, blank nodes, an IRI and a string of the same text,
// quads with and without a graph label, repeats within one batch, the
// same triple under two labels.
func trickyQuads() []quad.Quad {
	s, p, l := quad.IRI("http://example.org/s"), quad.IRI("http://example.org/p"), quad.IRI("urn:src")
	objs := []quad.Value{
		quad.String("x"), quad.IRI("x"), quad.BNode("x"), quad.String(""),
		quad.LangString{Value: "chat", Lang: "fr"}, quad.LangString{Value: "chat", Lang: "en"},
		quad.TypedString{Value: "2024-01-02", Type: "http://www.w3.org/2001/XMLSchema#date"},
		quad.String("Pérez \"Medici\"\n"), s,
	}
	var out []quad.Quad
	for _, o := range objs {
		out = append(out,
			quad.Quad{Subject: s, Predicate: p, Object: o, Label: l},
			quad.Quad{Subject: s, Predicate: p, Object: o, Label: l}, // repeated
			quad.Quad{Subject: s, Predicate: p, Object: o},           // no label
			quad.Quad{Subject: quad.BNode("b1"), Predicate: p, Object: o, Label: quad.IRI("urn:other")},
		)
	}
	return out
}

func readQuads(t *testing.T, r quad.Reader) []quad.Quad {
	t.Helper()
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return out
		} else if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
}

func adds(qs []quad.Quad) []cgraph.Delta {
	out := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		out[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return out
}

// newKVStore makes a bolt store holding seed, as Open makes one.
func newKVStore(t *testing.T, seed []quad.Quad) string {
	dir := filepath.Join(t.TempDir(), "cayley")
	if err := cgraph.InitQuadStore(cayleyBolt, dir, nil); err != nil {
		t.Fatal(err)
	}
	if seed != nil {
		qs, err := cgraph.NewQuadStore(cayleyBolt, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := qs.ApplyDeltas(adds(seed), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			t.Fatal(err)
		}
		qs.Close()
	}
	return dir
}

func copyStore(t *testing.T, from, to string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := copyFile(filepath.Join(from, boltFile), filepath.Join(to, boltFile)); err != nil {
		t.Fatal(err)
	}
}

// compareKV fails unless the two stores hold the same buckets, keys and
// values, log timestamps aside.
func compareKV(t *testing.T, a, b string) {
	t.Helper()
	da, db := dumpKV(t, a), dumpKV(t, b)
	if len(da) < 10 {
		t.Fatalf("%s holds only %d entries", a, len(da))
	}
	var diffs []string
	for i, j := 0, 0; i < len(da) || j < len(db); {
		switch {
		case j == len(db) || i < len(da) && da[i] < db[j]:
			diffs = append(diffs, "only via Cayley: "+da[i])
			i++
		case i == len(da) || db[j] < da[i]:
			diffs = append(diffs, "only via kvBulk: "+db[j])
			j++
		default:
			i, j = i+1, j+1
		}
	}
	if len(diffs) > 0 {
		t.Errorf("%d entries differ (of %d), the first:\n%s", len(diffs), len(da), strings.Join(diffs[:min(len(diffs), 10)], "\n"))
	}
}

// dumpKV lists every entry of a store's bolt file as "bucket key value",
// sorted, with the log's timestamps set to zero; it fails if a log entry is
// not encoded as Go's protobuf encodes it.
func dumpKV(t *testing.T, dir string) []string {
	db, err := bolt.Open(filepath.Join(dir, boltFile), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("nested bucket %q in %q", k, name)
				}
				if string(name) == "log" {
					var p cproto.Primitive
					if err := proto.Unmarshal(v, &p); err != nil {
						return err
					}
					if canon, _ := proto.Marshal(&p); !bytes.Equal(canon, v) {
						return fmt.Errorf("log entry %x is %x, not as protobuf encodes it: %x", k, v, canon)
					}
					p.Timestamp = 0
					v, _ = proto.Marshal(&p)
				}
				out = append(out, fmt.Sprintf("%x %x %x", name, k, v))
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
