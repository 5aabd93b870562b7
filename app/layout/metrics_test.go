package layout

import (
	"math"
	"testing"
)

func TestDegree(t *testing.T) {
	adj := adjOf([][2]string{{"a", "b"}, {"b", "a"}, {"a", "c"}, {"a", "a"}, {"a", "gone"}})
	got := Degree([]string{"a", "b", "c", "d"}, adj)
	want := map[string]float64{"a": 2, "b": 1, "c": 1, "d": 0}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("Degree %s: got %v want %v", id, got[id], w)
		}
	}
}

func TestPageRank(t *testing.T) {
	star := [][2]string{{"h", "1"}, {"h", "2"}, {"h", "3"}, {"h", "4"}}
	ring := [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}}
	tests := []struct {
		name  string
		ids   []string
		edges [][2]string
		check func(t *testing.T, r map[string]float64)
	}{
		{"star: hub highest", []string{"h", "1", "2", "3", "4"}, star, func(t *testing.T, r map[string]float64) {
			for _, leaf := range []string{"1", "2", "3", "4"} {
				if r["h"] <= r[leaf] {
					t.Errorf("got hub %.4f ≤ leaf %s %.4f want hub higher", r["h"], leaf, r[leaf])
				}
				if !near(r[leaf], r["1"]) {
					t.Errorf("leaf %s: got %.6f want %.6f like leaf 1", leaf, r[leaf], r["1"])
				}
			}
		}},
		{"ring: all equal", []string{"a", "b", "c", "d"}, ring, func(t *testing.T, r map[string]float64) {
			for id, v := range r {
				if !near(v, 0.25) {
					t.Errorf("%s: got %.6f want 0.25", id, v)
				}
			}
		}},
		{"dangling nodes", []string{"a", "b", "x", "y"}, [][2]string{{"a", "b"}}, func(t *testing.T, r map[string]float64) {
			if !near(r["x"], r["y"]) || !near(r["a"], r["b"]) {
				t.Errorf("got %v want x = y and a = b", r)
			}
		}},
		{"no nodes", nil, nil, func(t *testing.T, r map[string]float64) {
			if len(r) != 0 {
				t.Errorf("got %v want empty", r)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := PageRank(tt.ids, adjOf(tt.edges))
			sum := 0.0
			for _, v := range r {
				sum += v
			}
			if len(tt.ids) > 0 && !near(sum, 1) {
				t.Errorf("sum of ranks: got %.9f want 1", sum)
			}
			tt.check(t, r)
		})
	}
}

func TestPageRankStarValue(t *testing.T) {
	// Star with k leaves: hub h = (1-d)/n + d·k·l, leaf l = (1-d)/n + d·h/k.
	const k, d = 4.0, Damping
	n := k + 1
	h := ((1-d)/n + d*(1-d)/n*k) / (1 - d*d)
	r := PageRank([]string{"h", "1", "2", "3", "4"}, adjOf([][2]string{{"h", "1"}, {"h", "2"}, {"h", "3"}, {"h", "4"}}))
	if math.Abs(r["h"]-h) > 1e-8 {
		t.Errorf("hub: got %.9f want %.9f", r["h"], h)
	}
}

func BenchmarkPageRank2000(b *testing.B) {
	ids, adj := sparseGraph(2000)
	for b.Loop() {
		PageRank(ids, adj)
	}
}

func BenchmarkDegree2000(b *testing.B) {
	ids, adj := sparseGraph(2000)
	for b.Loop() {
		Degree(ids, adj)
	}
}
