package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
)

func init() { commands["convert"] = runConvert }

// runConvert reads one file as import does (strictly, with its base) and
// writes its statements in another format, without a store: no source is
// added and blank node labels stay the file's.
func runConvert(c *command) error {
	if len(c.args) != 1 {
		return UsageError("give one file to convert: reelgraph convert FILE --to F -o OUT [--format F] [--base IRI | --relative-iris] [--expand-context CTX]")
	}
	f := &c.io
	if f.output == "" {
		return UsageError("give the output with -o FILE (- for stdout)")
	}
	to := f.to
	if to == "" {
		if ff := data.FormatByName(filepath.Ext(f.output)); ff != nil && ff.Export {
			to = ff.Name
		}
	}
	if ff := data.FormatByName(to); ff == nil || !ff.Export || ff.Name == data.CSV {
		return UsageError(fmt.Sprintf("give the output format with --to (%s)", data.FormatNames(func(f data.Format) bool { return f.Export && f.Name != data.CSV })))
	}
	opt := data.ReadOptions{Format: f.format, Base: f.base, KeepRelative: f.relative}
	if f.expand != "" {
		ec, err := data.LoadContext(f.expand)
		if err != nil {
			return err
		}
		opt.ExpandContext = ec
	}
	r, err := data.OpenFile(c.args[0], opt)
	if err != nil {
		return err
	}
	defer r.Close()
	var n int
	write := func(w io.Writer) error {
		qw, err := data.NewWriter(w, to)
		if err != nil {
			return err
		}
		n, err = quad.Copy(qw, r)
		if cerr := qw.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if f.output == "-" {
		err = write(os.Stdout)
	} else {
		err = writeFiles([]string{f.output}, func(ws []io.Writer) error { return write(ws[0]) })
	}
	if err != nil {
		return fmt.Errorf("%w\nnothing was written to %s", err, f.output)
	}
	fmt.Fprintf(c.errOut(), "reelgraph: wrote %s statements of %s as %s to %s\n", Thousands(int64(n)), c.args[0], data.FormatByName(to).Title, f.output)
	return nil
}
