package cli

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"reelgraph/graph"
)

func init() {
	commands["disputes"] = runDisputes
}

// runDisputes lists where sources disagree on a predicate that takes one
// value: of one node, or of the whole store.
func runDisputes(c *command) error {
	if len(c.args) > 1 {
		return UsageError("give at most one node: reelgraph disputes [NODE] (quote names with spaces)")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		var node graph.ID
		if len(c.args) == 1 {
			id, err := s.Resolve(ctx, c.args[0])
			if errors.Is(err, graph.ErrNotFound) {
				return notFound(ctx, s, c.args[0])
			} else if err != nil {
				return err
			}
			node = id
		}
		disputes, err := s.Disputes(ctx, node)
		if err != nil {
			return err
		}
		if c.json {
			if disputes == nil {
				disputes = []graph.Dispute{}
			}
			return c.writeJSON(disputes)
		}
		return writeDisputes(ctx, c, s, disputes)
	})
}

func writeDisputes(ctx context.Context, c *command, s *graph.Store, disputes []graph.Dispute) error {
	if len(disputes) == 0 {
		fmt.Fprintln(c.out, "No disputes: no two sources give different values of a predicate that takes one.")
		return nil
	}
	for i, d := range disputes {
		if i > 0 {
			fmt.Fprintln(c.out)
		}
		fmt.Fprintf(c.out, "%s: %s is disputed\n", d.Label, s.PredicateLabel(d.Predicate))
		for _, v := range d.Values {
			var cites []string
			for _, id := range v.Sources {
				src, err := s.Source(ctx, id)
				if err != nil {
					return err
				}
				cites = append(cites, fmt.Sprintf("%s (%s)", src.Title, src.Kind))
			}
			fmt.Fprintf(c.out, "  %s — %s\n", v.Value, strings.Join(cites, "; "))
		}
	}
	return nil
}
