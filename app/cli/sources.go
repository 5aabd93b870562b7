package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"reelgraph/graph"
)

func init() {
	commands["sources"] = runSources
	commands["regrade"] = runRegrade
}

// sourceJSON is one line of `reelgraph sources --json`.
type sourceJSON struct {
	IRI       graph.ID `json:"iri"`
	Title     string   `json:"title"`
	Publisher string   `json:"publisher"`
	Date      string   `json:"date"`
	URL       string   `json:"url"`
	Kind      string   `json:"kind"`
	Facts     int      `json:"facts"`
}

// runSources lists every cited document, best kind first.
func runSources(c *command) error {
	if len(c.args) != 0 {
		return UsageError("sources takes no arguments; to grade one, run reelgraph regrade SOURCE KIND")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		srcs, err := s.Sources(ctx)
		if err != nil {
			return err
		}
		if c.json {
			out := make([]sourceJSON, len(srcs))
			for i, src := range srcs {
				out[i] = sourceJSON{src.ID, src.Title, src.Publisher, src.Date, src.URL, src.Kind.String(), src.Facts}
			}
			return c.writeJSON(out)
		}
		w := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		fmt.Fprintln(w, "KIND\tFACTS\tTITLE\tPUBLISHER\tDATE\tIRI")
		for _, src := range srcs {
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\t%s\t%s\n", src.Kind, src.Facts, src.Title, src.Publisher, src.Date, src.ID)
		}
		return w.Flush()
	})
}

// runRegrade sets the kind of one source: reelgraph regrade SOURCE KIND.
func runRegrade(c *command) error {
	if len(c.args) != 2 {
		return UsageError("give the source and its kind: reelgraph regrade SOURCE primary|outlet|republication|import|none")
	}
	kind, err := graph.ParseSourceKind(c.args[1])
	if err != nil {
		return UsageError(fmt.Sprintf("%q is not a kind of source: give primary, outlet, republication, import or none", c.args[1]))
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		id, err := resolveSource(ctx, s, c.args[0])
		if err != nil {
			return err
		}
		old, err := s.Source(ctx, id)
		if err != nil {
			return err
		}
		if err := s.SetSourceKind(ctx, id, kind); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "%s: %s → %s\n", old.Title, old.Kind, kind)
		return nil
	})
}

// resolveSource finds a Source by IRI, src:slug or exact title.
func resolveSource(ctx context.Context, s *graph.Store, name string) (graph.ID, error) {
	if strings.HasPrefix(name, "src:") {
		name = graph.NS + name
	}
	id, err := s.Resolve(ctx, name)
	if errors.Is(err, graph.ErrNotFound) {
		return "", fmt.Errorf("no source is named %q; reelgraph sources lists them", name)
	} else if err != nil {
		return "", err
	}
	for _, t := range s.Brief(id).Types {
		if t == graph.TypeSource {
			return id, nil
		}
	}
	return "", fmt.Errorf("%s is not a source; reelgraph sources lists them", s.Brief(id).Label)
}
