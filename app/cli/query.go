package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"reelgraph/graph"
)

func init() {
	commands["query"] = runQuery
}

// runQuery runs a Gizmo query with a time limit and prints its results:
// one line per result, nodes shown with their labels.
func runQuery(c *command) error {
	if len(c.args) != 1 {
		return UsageError(`give the query as one argument: reelgraph query 'g.V("<iri>").Out().All()'`)
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		res, err := s.Query(ctx, c.args[0], c.limit, c.timeout)
		if err != nil && len(res) == 0 {
			return err
		}
		if c.json {
			if res == nil {
				res = []graph.QueryResult{}
			}
			if werr := c.writeJSON(res); werr != nil {
				return werr
			}
			return err
		}
		for _, r := range res {
			fmt.Fprintln(c.out, queryLine(s, r))
		}
		if err != nil {
			return fmt.Errorf("%w (showing the %d results found before it stopped)", err, len(res))
		}
		return nil
	})
}

// queryLine writes a result as "tag: value" pairs, the id tag first.
func queryLine(s *graph.Store, r graph.QueryResult) string {
	if r.Tags == nil {
		b, _ := json.Marshal(r.Value)
		return string(b)
	}
	keys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] == "id" || (keys[j] != "id" && keys[i] < keys[j]) })
	var parts []string
	nodes := make(map[graph.ID]bool)
	for _, n := range r.Nodes {
		nodes[n] = true
	}
	for _, k := range keys {
		v := r.Tags[k]
		if nodes[graph.ID(v)] {
			v = fmt.Sprintf("%s <%s>", s.Brief(graph.ID(v)).Label, v)
		}
		parts = append(parts, k+": "+v)
	}
	return strings.Join(parts, "  ")
}
