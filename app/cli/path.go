package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"reelgraph/graph"
)

func init() {
	commands["path"] = runPath
}

// runPath answers "how is A connected to B?" with the k shortest paths,
// each hop with the predicates and sources that join its two nodes.
func runPath(c *command) error {
	if len(c.args) != 2 {
		return UsageError("give the two nodes to connect: reelgraph path A B (quote names with spaces)")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		var ends [2]graph.ID
		for i, name := range c.args {
			id, err := s.Resolve(ctx, name)
			if errors.Is(err, graph.ErrNotFound) {
				return notFound(ctx, s, name)
			} else if err != nil {
				return err
			}
			ends[i] = id
		}
		opt := graph.PathOptions{K: c.k}
		for _, v := range strings.Split(c.via, ",") {
			if v = strings.TrimSpace(v); v != "" {
				opt.Via = append(opt.Via, ResolvePredicate(v))
			}
		}
		paths, err := s.Paths(ctx, ends[0], ends[1], opt)
		if errors.Is(err, graph.ErrNoPath) {
			return fmt.Errorf("%s and %s are not connected within %d hops", s.Brief(ends[0]).Label, s.Brief(ends[1]).Label, 8)
		} else if err != nil {
			return err
		}
		if c.json {
			return c.writeJSON(pathsJSON(s, paths))
		}
		return writePaths(c, s, paths)
	})
}

// ResolvePredicate accepts a predicate's IRI or the bare name of one in
// Reelgraph's vocabulary ("streamedOn").
func ResolvePredicate(v string) graph.ID {
	v = strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">")
	if !strings.Contains(v, ":") {
		return graph.ID(graph.VocabNS + v)
	}
	return graph.ID(v)
}

// SourceLabel names the source an edge cites, or says it cites none (a
// quad without a graph label, in a graph from outside).
func SourceLabel(b interface{ Brief(graph.ID) graph.Node }, src graph.ID) string {
	if src == "" {
		return "no source"
	}
	return b.Brief(src).Label
}

func writePaths(c *command, s *graph.Store, paths []graph.Path) error {
	for i, p := range paths {
		fmt.Fprintf(c.out, "Path %d (%d hops)\n", i+1, len(p.Hops))
		fmt.Fprintf(c.out, "  %s\n", s.Brief(p.Nodes[0]).Label)
		for _, h := range p.Hops {
			for j, e := range h.Edges {
				arrow := "→"
				if e.Subject != h.From {
					arrow = "←"
				}
				lead := "   "
				if j > 0 {
					lead = "   also"
				}
				fmt.Fprintf(c.out, "%s %s %s  [%s]\n", lead, arrow, s.PredicateLabel(e.Predicate), SourceLabel(s, e.Source))
			}
			fmt.Fprintf(c.out, "  %s\n", s.Brief(h.To).Label)
		}
		fmt.Fprintln(c.out)
	}
	return nil
}

// jsonPath is a path as `reelgraph path --json` writes it: labelled nodes
// and, per hop, its edges with their sources' titles and URLs.
type jsonPath struct {
	Nodes []graph.Neighbor `json:"nodes"`
	Hops  []jsonHop        `json:"hops"`
}

type jsonHop struct {
	From  graph.ID   `json:"from"`
	To    graph.ID   `json:"to"`
	Edges []jsonEdge `json:"edges"`
}

type jsonEdge struct {
	graph.Edge
	PredicateLabel string `json:"predicateLabel"`
	SourceTitle    string `json:"sourceTitle,omitempty"`
	SourceURL      string `json:"sourceURL,omitempty"`
}

func pathsJSON(s *graph.Store, paths []graph.Path) []jsonPath {
	out := make([]jsonPath, 0, len(paths))
	srcs := make(map[graph.ID]graph.Source)
	for _, p := range paths {
		jp := jsonPath{}
		for _, id := range p.Nodes {
			b := s.Brief(id)
			jp.Nodes = append(jp.Nodes, graph.Neighbor{ID: id, Label: b.Label, Types: b.Types})
		}
		for _, h := range p.Hops {
			jh := jsonHop{From: h.From, To: h.To}
			for _, e := range h.Edges {
				src, ok := srcs[e.Source]
				if !ok && e.Source != "" {
					src, _ = s.Source(context.Background(), e.Source)
					srcs[e.Source] = src
				}
				jh.Edges = append(jh.Edges, jsonEdge{Edge: e, PredicateLabel: s.PredicateLabel(e.Predicate),
					SourceTitle: src.Title, SourceURL: src.URL})
			}
			jp.Hops = append(jp.Hops, jh)
		}
		out = append(out, jp)
	}
	return out
}
