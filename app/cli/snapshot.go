package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"reelgraph/app/explore"
	"reelgraph/app/layout"
	"reelgraph/app/report"
	"reelgraph/app/snapshot"
	"reelgraph/app/style"
	"reelgraph/graph"
)

const (
	// snapshotMaxNodes caps the nodes a snapshot draws.
	snapshotMaxNodes = 300
	// snapshotSteps bounds the layout steps before drawing.
	snapshotSteps = 1000
	snapshotW     = 1600
	snapshotH     = 1000
)

func init() {
	commands["snapshot"] = runSnapshot
}

// runSnapshot draws a node's neighbourhood to a PNG (at 2×) or SVG file,
// laid out as the explorer would, with no display needed.
func runSnapshot(c *command) error {
	if c.focus == "" || c.io.output == "" || len(c.args) != 0 {
		return UsageError("give the node and the file: reelgraph snapshot --focus NODE [--hops N] -o FILE.png|svg")
	}
	ext := strings.ToLower(filepath.Ext(c.io.output))
	if ext != ".png" && ext != ".svg" {
		return UsageError("the snapshot file must end in .png or .svg")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		id, err := s.Resolve(ctx, c.focus)
		if errors.Is(err, graph.ErrNotFound) {
			return notFound(ctx, s, c.focus)
		} else if err != nil {
			return err
		}
		sc, err := neighbourhoodScene(ctx, s, id, c.io.hops)
		if err != nil {
			return err
		}
		sc.Dark = c.dark
		sc.Caption = fmt.Sprintf("Reelgraph · %s · %d nodes around %s", s.Location(), len(sc.Nodes), s.Brief(id).Label)
		return report.WriteAtomically(c.io.output, func(w io.Writer) error {
			if ext == ".svg" {
				return snapshot.SVG(w, sc, snapshotW, snapshotH)
			}
			return snapshot.PNG(w, sc, snapshotW, snapshotH, 2)
		})
	})
}

// neighbourhoodScene gathers the nodes within hops of id (at most
// snapshotMaxNodes, nearest first), lays them out and colours them.
func neighbourhoodScene(ctx context.Context, s *graph.Store, id graph.ID, hops int) (snapshot.Scene, error) {
	order, edges, err := explore.Gather(ctx, s, id, explore.GatherOptions{Hops: hops, Max: snapshotMaxNodes, Limit: 2000})
	if err != nil {
		return snapshot.Scene{}, err
	}
	l := layout.New(layout.DefaultConfig())
	l.SetAspect(float64(snapshotW) / snapshotH)
	l.AddAt(string(id), layout.Point{})
	for _, n := range order[1:] {
		l.Add(string(n))
	}
	return layScene(s, l, order, edges, func(n graph.ID) bool { return n == id }), nil
}

// layScene links the edges in l (one line for a statement, however many
// sources state it), lets the layout settle, and colours and places the
// nodes; emphasis says which stand out.
func layScene(s *graph.Store, l *layout.Layout, nodes []graph.ID, edges []graph.Edge, emphasis func(graph.ID) bool) snapshot.Scene {
	var sc snapshot.Scene
	seen := make(map[[3]graph.ID]bool)
	for _, e := range edges {
		k := [3]graph.ID{e.Subject, e.Predicate, e.Object}
		if seen[k] {
			continue
		}
		seen[k] = true
		l.Link(string(e.Subject), string(e.Object))
		sc.Edges = append(sc.Edges, snapshot.Edge{From: string(e.Subject), To: string(e.Object), Label: s.PredicateLabel(e.Predicate)})
	}
	for i := 0; i < snapshotSteps && !l.Stable(); i++ {
		l.Step()
	}
	for _, n := range nodes {
		b := s.Brief(n)
		kind := ""
		if len(b.Types) > 0 {
			kind = string(b.Types[0])
		}
		p, _ := l.Position(string(n))
		sc.Nodes = append(sc.Nodes, snapshot.Node{ID: string(n), Label: b.Label, X: p.X, Y: p.Y, Color: style.Of(kind).Color, Emphasis: emphasis(n)})
	}
	return sc
}
