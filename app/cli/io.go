package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
	"reelgraph/graph"
)

func init() {
	commands["import"] = runImport
	commands["export"] = runExport
}

// Porter is what importing and exporting need of the store, beside what
// the explorer reads. Safe for concurrent use; Import runs while reads
// keep being answered.
type Porter interface {
	// Import adds every quad of r atomically (see graph.Store.Import).
	Import(ctx context.Context, r quad.Reader, opt graph.ImportOptions) (graph.ImportSummary, error)
	// Subgraph writes the quads of a scope to w.
	Subgraph(ctx context.Context, sc graph.Scope, w quad.Writer) (int, error)
}

var _ Porter = (*graph.Store)(nil)

// ioFlags are the flags of import and export.
type ioFlags struct {
	format   string
	mapFile  string
	note     string
	base     string
	relative bool
	expand   string
	to       string
	from     string
	hops     int
	nodes    string
	all      bool
	output   string
}

func (f *ioFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "", "import/export: file format")
	fs.StringVar(&f.mapFile, "map", "", "import: TOML column mapping for CSV/TSV")
	fs.StringVar(&f.note, "note", "", "import: a note on the import's Source")
	fs.StringVar(&f.base, "base", "", "import: resolve relative IRIs against this IRI")
	fs.BoolVar(&f.relative, "relative-iris", false, "import: keep relative IRIs as written")
	fs.StringVar(&f.expand, "expand-context", "", "import: a JSON-LD context file applied before each JSON-LD document's own")
	fs.StringVar(&f.from, "from", "", "export: the node whose neighbourhood to export")
	fs.IntVar(&f.hops, "hops", 1, "export: how many edges away from --from")
	fs.StringVar(&f.nodes, "nodes", "", "export: comma-separated nodes")
	fs.BoolVar(&f.all, "all", false, "export: the whole store")
	fs.StringVar(&f.output, "o", "", "export: output file (a directory for csv; - for stdout)")
	fs.StringVar(&f.to, "to", "", "convert: the output format")
}

func runImport(c *command) error {
	if len(c.args) == 0 {
		return UsageError("give the files to import: reelgraph import FILE... [--format F] [--map MAP.toml] [--note TEXT]")
	}
	opt := data.ReadOptions{Format: c.io.format, Base: c.io.base, KeepRelative: c.io.relative}
	if c.io.expand != "" {
		ec, err := data.LoadContext(c.io.expand)
		if err != nil {
			return err
		}
		opt.ExpandContext = ec
	}
	if c.io.mapFile != "" {
		m, err := data.LoadMapping(c.io.mapFile)
		if err != nil {
			return err
		}
		opt.Mapping = m
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	s, err := c.openStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	var sums []importReport
	for _, path := range c.args {
		progress := c.progress(filepath.Base(path))
		sum, err := ImportFile(ctx, s, path, opt, c.io.note, progress)
		if progress != nil {
			fmt.Fprintln(c.errOut())
		}
		if err != nil {
			if len(sums) > 0 {
				fmt.Fprintf(c.errOut(), "reelgraph: imported %s before this failure; they stay imported\n", importedNames(sums))
			}
			return importError(path, err)
		}
		sums = append(sums, importReport{File: path, ImportSummary: sum})
		if !c.json {
			writeSummary(c.out, path, sum)
		}
	}
	if c.json {
		return c.writeJSON(sums)
	}
	return nil
}

// importReport is what `import --json` writes per file.
type importReport struct {
	File string `json:"file"`
	graph.ImportSummary
}

func importedNames(sums []importReport) string {
	var names []string
	for _, s := range sums {
		names = append(names, s.File)
	}
	return strings.Join(names, ", ")
}

// importError says an import failed and that nothing of it landed.
func importError(path string, err error) error {
	if errors.Is(err, context.Canceled) {
		return fmt.Errorf("import of %s cancelled; the store is as it was", path)
	}
	return fmt.Errorf("%w\nnothing of %s was imported; the store is as it was", err, path)
}

// ImportFile imports one file atomically (see FileSource). Every read of
// the file stops when ctx is done.
func ImportFile(ctx context.Context, s *graph.Store, path string, opt data.ReadOptions, note string, progress func(graph.ImportProgress)) (graph.ImportSummary, error) {
	src, err := FileSource(ctx, path, &opt)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	src.Note = note
	f, err := data.OpenRegular(path)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	defer f.Close()
	r, err := data.NewReader(data.WithContext(ctx, f), filepath.Base(path), opt)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	defer r.Close()
	return s.Import(ctx, r, graph.ImportOptions{Source: src, Progress: progress})
}

// FileSource returns the Source an import of the file at path cites for
// its unlabelled quads: named after the file and identified by a digest
// of its content, so that importing the same file again adds nothing. It
// also makes the file's blank nodes its own: the digest scopes their
// labels in opt; and gives the file its own IRI, the base of a Turtle,
// TriG, RDF/XML or JSON-LD document that --base does not override. Only a
// regular file is read (data.OpenRegular): a pipe could be read only
// once, and /dev/zero never ends.
func FileSource(ctx context.Context, path string, opt *data.ReadOptions) (graph.ImportSource, error) {
	digest, err := data.Digest(ctx, path)
	if err != nil {
		return graph.ImportSource{}, err
	}
	opt.BlankScope = data.BlankScope(digest)
	if abs, err := filepath.Abs(path); err == nil && opt.DocumentIRI == "" {
		opt.DocumentIRI = data.FileIRI(abs)
	}
	return graph.ImportSource{ID: graph.ID(graph.ImportNS + digest), Title: filepath.Base(path)}, nil
}

// progress returns a callback that keeps a progress line on stderr when
// stderr is a terminal, and nil otherwise.
func (c *command) progress(name string) func(graph.ImportProgress) {
	f, ok := c.errOut().(*os.File)
	if !ok || !isTerminal(f) {
		return nil
	}
	return func(p graph.ImportProgress) {
		fmt.Fprintf(f, "\r\033[K%s: %s quads, %s quads/s", name, Thousands(p.Quads), Thousands(int64(p.Rate())))
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func (c *command) errOut() io.Writer {
	if c.stderr != nil {
		return c.stderr
	}
	return os.Stderr
}

func writeSummary(w io.Writer, path string, s graph.ImportSummary) {
	fmt.Fprintf(w, "%s: %s quads read, %s added, %s duplicates skipped\n", path, Thousands(s.Read), Thousands(s.Added), Thousands(s.Duplicates))
	fmt.Fprintf(w, "  new entities: %s\n", Thousands(s.NewEntities))
	if s.Source != "" {
		fmt.Fprintf(w, "  quads without a source are cited to the import: %s (%d quads describe it)\n", s.Source, s.SourceQuads)
	}
	if n := len(s.LookAlikes) + s.MoreLookAlikes; n > 0 {
		fmt.Fprintf(w, "  %d new entities share a name with existing ones; review them:\n", n)
		for _, l := range s.LookAlikes {
			fmt.Fprintf(w, "    %q %s  ~  %q %s\n", l.Name, l.Entity, l.ExistingName, l.Existing)
		}
		if s.MoreLookAlikes > 0 {
			fmt.Fprintf(w, "    … and %d more (use --json to list the first %d)\n", s.MoreLookAlikes, graph.MaxLookAlikes)
		}
	}
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Read) / s.Elapsed.Seconds()
	}
	took := s.Elapsed.Round(100 * time.Millisecond)
	if s.Elapsed < time.Second {
		took = s.Elapsed.Round(time.Millisecond)
	}
	fmt.Fprintf(w, "  took %s (%s quads/s)\n", took, Thousands(int64(rate)))
}

// Thousands writes n with commas: 471,705.
func Thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + Thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func runExport(c *command) error {
	if len(c.args) != 0 {
		return UsageError(fmt.Sprintf("export takes no arguments (got %q); name nodes with --nodes or --from", c.args[0]))
	}
	f := &c.io
	if f.output == "" {
		return UsageError("give the output with -o FILE (a directory for --format csv, - for stdout)")
	}
	format := f.format
	if format == "" {
		if ff := data.FormatByName(filepath.Ext(f.output)); ff != nil && ff.Export {
			format = ff.Name
		} else {
			return UsageError("give the format with --format (" + data.FormatNames(func(f data.Format) bool { return f.Export }) + ")")
		}
	}
	if ff := data.FormatByName(format); ff == nil || !ff.Export {
		return UsageError(fmt.Sprintf("Reelgraph cannot export %q; it exports %s", format, data.FormatNames(func(f data.Format) bool { return f.Export })))
	}
	scopes := 0
	for _, set := range []bool{f.all, f.from != "", f.nodes != ""} {
		if set {
			scopes++
		}
	}
	if scopes != 1 {
		return UsageError("say what to export with one of --all, --from NODE [--hops N], --nodes A,B,C")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		scope, err := c.scope(ctx, s)
		if err != nil {
			return err
		}
		n, err := ExportTo(ctx, s, scope, format, f.output)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.errOut(), "reelgraph: wrote %s quads as %s to %s\n", Thousands(int64(n)), data.FormatByName(format).Title, f.output)
		return nil
	})
}

// scope turns the export flags into a graph.Scope, resolving names.
func (c *command) scope(ctx context.Context, s *graph.Store) (graph.Scope, error) {
	f := &c.io
	switch {
	case f.all:
		return graph.Scope{All: true}, nil
	case f.from != "":
		id, err := resolve(ctx, s, f.from)
		return graph.Scope{From: id, Hops: f.hops}, err
	}
	var sc graph.Scope
	for _, name := range strings.Split(f.nodes, ",") {
		if name = strings.TrimSpace(name); name == "" {
			continue
		}
		id, err := resolve(ctx, s, name)
		if err != nil {
			return sc, err
		}
		sc.Nodes = append(sc.Nodes, id)
	}
	return sc, nil
}

func resolve(ctx context.Context, s *graph.Store, name string) (graph.ID, error) {
	id, err := s.Resolve(ctx, name)
	if err != nil {
		return "", notFound(ctx, s, name)
	}
	return id, nil
}

// ExportTo writes the scope to out in format. Files are written under a
// temporary name and renamed into place, so out never holds half an
// export; csv writes out/nodes.csv and out/edges.csv.
func ExportTo(ctx context.Context, s Porter, sc graph.Scope, format, out string) (int, error) {
	if format == data.CSV {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return 0, err
		}
		var n int
		err := writeFiles([]string{filepath.Join(out, "nodes.csv"), filepath.Join(out, "edges.csv")}, func(ws []io.Writer) error {
			var err error
			n, err = writeScope(ctx, s, sc, data.NewCSVWriter(ws[0], ws[1]))
			return err
		})
		return n, err
	}
	w := func(dst io.Writer) (int, error) {
		qw, err := data.NewWriter(dst, format)
		if err != nil {
			return 0, err
		}
		return writeScope(ctx, s, sc, qw)
	}
	if out == "-" {
		return w(os.Stdout)
	}
	var n int
	err := writeFiles([]string{out}, func(ws []io.Writer) error {
		var err error
		n, err = w(ws[0])
		return err
	})
	return n, err
}

func writeScope(ctx context.Context, s Porter, sc graph.Scope, w quad.WriteCloser) (int, error) {
	n, err := s.Subgraph(ctx, sc, w)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// writeFiles creates temporary siblings of paths, lets fill write them,
// and renames them into place only if it succeeds.
func writeFiles(paths []string, fill func([]io.Writer) error) error {
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*")
		if err != nil {
			return err
		}
		files = append(files, f)
		ws[i] = f
	}
	if err := fill(ws); err != nil {
		return err
	}
	for i, f := range files {
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), paths[i]); err != nil {
			return err
		}
	}
	return nil
}
