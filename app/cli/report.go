package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"reelgraph/app/layout"
	"reelgraph/app/report"
	"reelgraph/app/snapshot"
	"reelgraph/graph"
)

func init() {
	commands["report"] = runReport
}

// reportNow dates reports; tests replace it.
var reportNow = time.Now

const reportUsage = "give what to report on and the file: reelgraph report (--from NODE [--hops N] | --path A B) -o FILE.html|md"

// runReport writes a briefing report on a node's neighbourhood or on the
// paths between two nodes, as HTML or as Markdown with a PNG beside it.
func runReport(c *command) error {
	ext := strings.ToLower(filepath.Ext(c.io.output))
	if c.io.output == "" || (ext != ".html" && ext != ".htm" && ext != ".md") {
		return UsageError(reportUsage)
	}
	if c.paths == (c.io.from != "") || (c.paths && len(c.args) != 2) || (!c.paths && len(c.args) != 0) {
		return UsageError(reportUsage)
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		var in report.Input
		var err error
		if c.paths {
			in, err = pathsInput(ctx, s, c.args[0], c.args[1], c.k)
		} else {
			in, err = neighbourhoodInput(ctx, s, c.io.from, c.io.hops)
		}
		if err != nil {
			return err
		}
		in.Date = reportNow()
		r, err := report.Build(ctx, s, in)
		if err != nil {
			return err
		}
		return report.WriteFile(c.io.output, r)
	})
}

// resolveNamed finds a node by name, suggesting close matches if none.
func resolveNamed(ctx context.Context, s *graph.Store, name string) (graph.ID, error) {
	id, err := s.Resolve(ctx, name)
	if errors.Is(err, graph.ErrNotFound) {
		return "", notFound(ctx, s, name)
	}
	return id, err
}

// neighbourhoodInput is a report on the nodes within hops of a node, as
// `reelgraph snapshot` draws them.
func neighbourhoodInput(ctx context.Context, s *graph.Store, name string, hops int) (report.Input, error) {
	id, err := resolveNamed(ctx, s, name)
	if err != nil {
		return report.Input{}, err
	}
	sc, err := neighbourhoodScene(ctx, s, id, hops)
	if err != nil {
		return report.Input{}, err
	}
	label := s.Brief(id).Label
	sc.Caption = fmt.Sprintf("Reelgraph · %s · %d nodes within %d hops of %s", s.Location(), len(sc.Nodes), hops, label)
	in := report.Input{Title: "Briefing: " + label, Caption: sc.Caption}
	for _, n := range sc.Nodes {
		in.Nodes = append(in.Nodes, graph.ID(n.ID))
	}
	in.Picture, err = scenePNG(sc)
	return in, err
}

// pathsInput is a report on the k shortest paths between two nodes.
func pathsInput(ctx context.Context, s *graph.Store, from, to string, k int) (report.Input, error) {
	var ends [2]graph.ID
	for i, name := range []string{from, to} {
		id, err := resolveNamed(ctx, s, name)
		if err != nil {
			return report.Input{}, err
		}
		ends[i] = id
	}
	paths, err := s.Paths(ctx, ends[0], ends[1], graph.PathOptions{K: k})
	if errors.Is(err, graph.ErrNoPath) {
		return report.Input{}, fmt.Errorf("%s and %s are not connected within 8 hops", s.Brief(ends[0]).Label, s.Brief(ends[1]).Label)
	} else if err != nil {
		return report.Input{}, err
	}
	a, b := s.Brief(ends[0]).Label, s.Brief(ends[1]).Label
	in := report.Input{Title: fmt.Sprintf("Briefing: how %s connects to %s", a, b), Paths: paths}
	seen := make(map[graph.ID]bool)
	var edges []graph.Edge
	for _, p := range paths {
		for _, n := range p.Nodes {
			if !seen[n] {
				seen[n] = true
				in.Nodes = append(in.Nodes, n)
			}
		}
		for _, h := range p.Hops {
			edges = append(edges, h.Edges...)
		}
	}
	sc := pathScene(s, in.Nodes, edges, ends)
	sc.Caption = fmt.Sprintf("Reelgraph · %s · %d paths from %s to %s", s.Location(), len(paths), a, b)
	in.Caption = sc.Caption
	in.Picture, err = scenePNG(sc)
	return in, err
}

// pathScene lays out the nodes and edges of some paths, their two ends
// emphasised.
func pathScene(s *graph.Store, nodes []graph.ID, edges []graph.Edge, ends [2]graph.ID) snapshot.Scene {
	l := layout.New(layout.DefaultConfig())
	l.SetAspect(float64(snapshotW) / snapshotH)
	for _, n := range nodes {
		l.Add(string(n))
	}
	return layScene(s, l, nodes, edges, func(n graph.ID) bool { return n == ends[0] || n == ends[1] })
}

// A report's picture is smaller than a snapshot, so that its labels stay
// legible at the width of a page.
const reportW, reportH = 1100, 700

// scenePNG draws a scene as a report's picture, at 2× for print.
func scenePNG(sc snapshot.Scene) ([]byte, error) {
	var buf bytes.Buffer
	err := snapshot.PNG(&buf, sc, reportW, reportH, 2)
	return buf.Bytes(), err
}
