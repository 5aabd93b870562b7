//go:build bench

package cli

import (
	"fmt"
	"io"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"reelgraph/graph/gentest"
)

func init() { commands["gen"] = runGen }

// runGen writes a synthetic graph as N-Quads: reelgraph gen QUADS [SEED].
func runGen(c *command) error {
	if len(c.args) < 1 || len(c.args) > 2 {
		return UsageError("give the number of quads, and optionally a seed: reelgraph gen 1000000 [SEED]")
	}
	n, err := strconv.Atoi(c.args[0])
	if err != nil || n <= 0 {
		return UsageError(fmt.Sprintf("%q is not a number of quads; give a positive whole number", c.args[0]))
	}
	var seed uint64
	if len(c.args) == 2 {
		if seed, err = strconv.ParseUint(c.args[1], 10, 64); err != nil {
			return UsageError(fmt.Sprintf("%q is not a seed; give a whole number", c.args[1]))
		}
	}
	return writeQuads(c.out, gentest.New(gentest.Options{Quads: n, Seed: seed}))
}

// writeQuads copies every quad of r to out as N-Quads.
func writeQuads(out io.Writer, r quad.Reader) error {
	w := nquads.NewWriter(out)
	_, err := quad.Copy(w, r)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	return nil
}
