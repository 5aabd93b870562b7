package graph_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
)

func TestQuery(t *testing.T) {
	ctx := context.Background()
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
	for _, tc := range []struct {
		name  string
		query string
		want  []graph.ID // the "id" tags, in order
		err   bool
	}{
		{"in-neighbours", `g.V("<urn:reelgraph:id:netflix>").In("<urn:reelgraph:vocab:streamedOn>").All()`,
			[]graph.ID{"urn:reelgraph:id:eternaut", "urn:reelgraph:id:gilmore"}, false},
		{"limit", `g.V("<urn:reelgraph:id:netflix>").In().Limit(1).All()`, []graph.ID{"urn:reelgraph:id:eternaut"}, false},
		{"nothing", `g.V("<urn:reelgraph:id:nobody>").Out().All()`, nil, false},
		{"syntax error", `g.V(`, nil, true},
		{"runtime error", `g.V().Nope()`, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := s.Query(ctx, tc.query, 100, 5*time.Second)
			if (err != nil) != tc.err {
				t.Fatalf("error = %v, want error %v", err, tc.err)
			}
			var got []graph.ID
			for _, r := range res {
				got = append(got, graph.ID(r.Tags["id"]))
			}
			sortIDs(got)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestQueryEmit(t *testing.T) {
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
	res, err := s.Query(context.Background(), `g.Emit(6*7)`, 10, time.Second)
	if err != nil || len(res) != 1 || res[0].Value != int64(42) {
		t.Errorf("g.Emit(6*7) = %+v, %v; want one value 42", res, err)
	}
}

// TestRunawayQuery runs an endless loop: the query must stop at its time
// limit and say so.
func TestRunawayQuery(t *testing.T) {
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
	done := make(chan error, 1)
	go func() {
		_, err := s.Query(context.Background(), `while (true) {}`, 10, 300*time.Millisecond)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, graph.ErrQueryTimeout) {
			t.Errorf("error = %v, want ErrQueryTimeout", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("an endless query did not stop at its time limit")
	}
	// and a cancelled context stops one too
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		_, err := s.Query(ctx, `var i = 0; while (true) { i++ }`, 10, time.Hour)
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error = %v, want context.Canceled", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("a cancelled query did not stop")
	}
}

func sortIDs(ids []graph.ID) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// TestQueryMemoryLimit runs scripts that grow without end and a time limit
// far away: only the memory limit can stop them, and it must.
func TestQueryMemoryLimit(t *testing.T) {
	s := open(t, graph.Location{Backend: graph.Memory}, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
	defer func(old int64) { graph.QueryMemory = old }(graph.QueryMemory)
	graph.QueryMemory = 32 << 20
	const kib = `var b = "x"; for (var k = 0; k < 10; k++) b = b + b;` // b is 1 KiB
	for _, script := range []string{
		`var s = "x"; for (;;) { s = s + s }`,
		kib + `var a = []; for (;;) { a.push(b + a.length) }`,
		kib + `var o = {}; for (var i = 0; ; i++) { o["k" + i] = b + i }`,
	} {
		_, err := s.Query(context.Background(), script, 10, time.Hour)
		if !errors.Is(err, graph.ErrQueryMemory) {
			t.Errorf("%s: got %v, want ErrQueryMemory", script, err)
		}
	}
	// A query that makes garbage, 100 MiB of it, but keeps little is not
	// stopped.
	res, err := s.Query(context.Background(), `var b = "x"; for (var k = 0; k < 20; k++) b = b + b;
		var n = 0; for (var i = 0; i < 100; i++) { var t = b + i; n += t.length }; g.Emit(n > 0)`, 10, time.Hour)
	if err != nil || len(res) != 1 || res[0].Value != true {
		t.Errorf("garbage: %+v, %v; want true", res, err)
	}
}
