package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"reelgraph/graph"
)

// pathPairs are the pairs of actors BenchmarkPaths connects, built once.
var pathPairs struct {
	near, far [][2]graph.ID
}

// actorPairs returns n pairs of actors of the film set in each of two
// kinds, spread over the file. near pairs are two co-star steps apart
// (actor, performance, film, performance, co-star, performance, film,
// performance, actor: 8 hops), so they are connected within the Paths
// tab's limits; far pairs join actors half the set apart, most of them
// further than that, so the search runs to its limits.
func actorPairs(b *testing.B, n int) (near, far [][2]graph.ID) {
	if pathPairs.near != nil {
		return pathPairs.near, pathPairs.far
	}
	actorOf := map[quad.Value]graph.ID{}   // performance → actor
	filmOf := map[quad.Value]quad.Value{}  // performance → film
	perfs := map[quad.Value][]quad.Value{} // film → performances
	films := map[graph.ID][]quad.Value{}   // actor → films
	var actors []graph.ID
	for _, q := range film.load(b) {
		switch q.Predicate {
		case quad.IRI("/film/performance/actor"):
			actorOf[q.Subject] = graph.ID(q.Object.(quad.IRI))
		case quad.IRI("/film/film/starring"):
			filmOf[q.Object] = q.Subject
			perfs[q.Subject] = append(perfs[q.Subject], q.Object)
		}
	}
	for perf, a := range actorOf {
		if f, ok := filmOf[perf]; ok {
			if films[a] == nil {
				actors = append(actors, a)
			}
			films[a] = append(films[a], f)
		}
	}
	slices.Sort(actors)
	costar := func(a graph.ID, f quad.Value) graph.ID {
		for _, p := range perfs[f] {
			if o := actorOf[p]; o != "" && o != a {
				return o
			}
		}
		return ""
	}
	step := max(1, len(actors)/n)
	for i := 0; i < len(actors) && len(near) < n; i += step {
		a := actors[i]
		far = append(far, [2]graph.ID{a, actors[(i+len(actors)/2)%len(actors)]})
	next:
		for _, f1 := range films[a] {
			b := costar(a, f1)
			for _, f2 := range films[b] {
				if c := costar(b, f2); f2 != f1 && c != "" && c != a {
					near = append(near, [2]graph.ID{a, c})
					break next
				}
			}
		}
	}
	pathPairs.near, pathPairs.far = near, far
	return near, far
}

// BenchmarkPaths times "how are these two actors connected?": the three
// shortest paths between two actors of the film set, with their edges and
// sources, as the Paths tab asks (graph.PathOptions' defaults: up to 8
// hops, 200,000 visits). It reports the share of pairs found connected.
func BenchmarkPaths(b *testing.B) {
	for _, backend := range []string{"memory", "bolt"} {
		for _, kind := range []string{"near", "far"} {
			b.Run("film/"+backend+"/"+kind, func(b *testing.B) {
				near, far := actorPairs(b, 200)
				pairs := near
				if kind == "far" {
					pairs = far
				}
				s := film.store(b, backend)
				ctx := context.Background()
				found := 0
				percentiles(b, func(i int) {
					p := pairs[i%len(pairs)]
					paths, err := s.Paths(ctx, p[0], p[1], graph.PathOptions{K: 3})
					switch {
					case err == nil && len(paths) > 0:
						found++
					case err != nil && !errors.Is(err, graph.ErrNoPath):
						b.Fatal(err)
					}
				})
				b.ReportMetric(float64(found)/float64(b.N), "connected")
			})
		}
	}
}
