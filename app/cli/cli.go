// Package cli is Reelgraph's command line: stats, show, search, import,
// export, path, query and snapshot, each on a store opened for the
// command. It imports no Fyne; the window (package app) shares its store
// flags and its import and export helpers. main.go sends the commands
// here and opens the window for the rest (IsGUI).
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"reelgraph/graph"
)

const usage = `Reelgraph explores knowledge graphs: a cited map of generative AI in film
and TV, or any RDF / N-Quads graph.

Usage:
  reelgraph [--db STORE] [--empty]             open the explorer window
  reelgraph [--db STORE] FILE...               open it on the files, imported
  reelgraph stats [--json]                     count quads, nodes, types, sources
  reelgraph show NAME-or-IRI [--json] [--limit N]
                                               a node, its neighbours and sources
  reelgraph search TEXT [--json] [--limit N]   find nodes by label or alias
  reelgraph gen QUADS [SEED] > FILE.nq         write a synthetic graph for benchmarks
                                               (in a binary built with -tags bench)
  reelgraph import FILE... [--format F] [--map MAP.toml] [--note TEXT]
               [--base IRI | --relative-iris] [--expand-context CTX] [--json]
                                               add files to the store, atomically
  reelgraph export --format F (--all | --from NODE [--hops N] | --nodes A,B,C) -o FILE
                                               write part of the store to a file
  reelgraph convert FILE --to F -o OUT [--format F] [--base IRI | --relative-iris]
                                               read a file as import does, write it in another format
  reelgraph path A B [--k N] [--via P1,P2] [--json]
                                               how A is connected to B: the k shortest paths
  reelgraph sources [--json]                   list the cited documents, best kind first
  reelgraph regrade SOURCE KIND                grade a source: primary, outlet, republication,
                                               import or none
  reelgraph disputes [NODE] [--json]           where sources give different values of a
                                               predicate that takes one
  reelgraph query 'GIZMO' [--timeout D] [--json] [--limit N]
                                               run a Gizmo (Cayley JavaScript) query
  reelgraph snapshot --focus NODE [--hops N] [--dark] -o FILE.png|svg
                                               draw a node's neighbourhood, without a display
  reelgraph report (--from NODE [--hops N] | --path A B [--k N]) -o FILE.html|md
                                               a briefing: the picture, entities and facts
                                               as sentences footnoted to their sources

Flags for every command:
  --db STORE   memory | bolt:PATH (default: bolt store in the user's data directory)
  --empty      do not seed a new store with the bundled graph
`

// Main runs Reelgraph with the given arguments (without the program name)
// and returns the process exit code: 0 on success, 1 when the command
// failed, 2 when it was called wrongly.
func Main(args []string, stdout, stderr io.Writer) int {
	var c command
	pos, err := parseInterspersed(c.flags(stderr), args)
	if err == flag.ErrHelp {
		return 0
	} else if err != nil {
		return 2
	}
	cmd := ""
	if len(pos) > 0 {
		cmd, pos = pos[0], pos[1:]
	}
	c.args = pos
	c.out, c.stderr = stdout, stderr
	run, ok := commands[cmd]
	if cmd == "" || cmd == "gui" {
		fmt.Fprintln(stderr, "reelgraph: give a command; reelgraph without one opens the explorer window")
		return 2
	} else if !ok {
		fmt.Fprintf(stderr, "reelgraph: unknown command %q; run reelgraph --help\n", cmd)
		return 2
	}
	if err := run(&c); err != nil {
		var ue UsageError
		fmt.Fprintf(stderr, "reelgraph: %v\n", err)
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// IsGUI reports whether args ask for the explorer window rather than a
// command: no command, or "gui", whatever the flags. Arguments that do not
// parse are the command line's to explain.
func IsGUI(args []string) bool {
	var c command
	pos, err := parseInterspersed(c.flags(io.Discard), args)
	if err != nil {
		return false
	}
	if len(pos) == 0 || pos[0] == "gui" {
		return true
	}
	_, known := commands[pos[0]]
	return !known && isFile(pos[0]) // reelgraph FILE…: the window opens the files
}

// GUIFiles returns the files the window was started with, to import and
// show: the arguments left once the flags are read, "gui" aside.
func GUIFiles(args []string) []string {
	var c command
	pos, err := parseInterspersed(c.flags(io.Discard), args)
	if err != nil {
		return nil
	}
	if len(pos) > 0 && pos[0] == "gui" {
		pos = pos[1:]
	}
	return pos
}

// isFile reports whether name is a regular file: `reelgraph FILE…` opens
// the window on it rather than running a command of that name.
func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// ParseStoreFlags reads the flags that say which store to open (--db and
// --empty) from the arguments the window was started with.
func ParseStoreFlags(args []string, stderr io.Writer) (StoreFlags, error) {
	var c command
	if _, err := parseInterspersed(c.flags(stderr), args); err != nil {
		return StoreFlags{}, err
	}
	return c.StoreFlags, nil
}

// Register adds a command that needs only its arguments and standard
// output, such as one that package app adds when built for benchmarks. It
// panics if the name is taken.
func Register(name string, run func(args []string, stdout io.Writer) error) {
	if _, dup := commands[name]; dup || name == "" || name == "gui" {
		panic("cli: command " + name + " registered twice")
	}
	commands[name] = func(c *command) error { return run(c.args, c.out) }
}

// command is one invocation's flags and arguments.
type command struct {
	StoreFlags
	json    bool
	limit   int
	k       int           // path: how many paths
	via     string        // path: comma-separated predicates
	timeout time.Duration // query: how long a query may run
	focus   string        // snapshot: the node to centre on
	dark    bool          // snapshot: light text on a dark background
	paths   bool          // report: on the paths between two nodes
	io      ioFlags       // import and export (cli_io.go)
	args    []string
	out     io.Writer
	stderr  io.Writer
}

// UsageError is the error of a command called wrongly: Main exits with 2.
type UsageError string

func (e UsageError) Error() string { return string(e) }

var commands = map[string]func(*command) error{
	"stats":  runStats,
	"show":   runShow,
	"search": runSearch,
	"help":   func(c *command) error { fmt.Fprint(c.out, usage); return nil },
}

func (c *command) flags(stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("reelgraph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.StringVar(&c.DB, "db", "", "store: memory or bolt:PATH")
	fs.BoolVar(&c.Empty, "empty", false, "do not seed a new store")
	fs.BoolVar(&c.json, "json", false, "write JSON")
	fs.IntVar(&c.limit, "limit", 20, "neighbours per group (show) or results (search, query)")
	c.io.register(fs)
	fs.IntVar(&c.k, "k", 3, "how many paths (path)")
	fs.StringVar(&c.via, "via", "", "comma-separated predicates a path may use (path)")
	fs.DurationVar(&c.timeout, "timeout", 10*time.Second, "how long a query may run (query)")
	fs.StringVar(&c.focus, "focus", "", "snapshot: the node to centre on")
	fs.BoolVar(&c.dark, "dark", false, "snapshot: a dark background")
	fs.BoolVar(&c.paths, "path", false, "report: on the paths between the two nodes given")
	return fs
}

// parseInterspersed parses flags that may come before, between or after
// the positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// withStore opens the store for a command and closes it afterwards.
func (c *command) withStore(fn func(context.Context, *graph.Store) error) error {
	ctx := context.Background()
	s, err := c.openStore(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(ctx, s)
}

// openStore opens the store the flags name, and says on stderr what
// opening it did that the user should know (graph.Store.Notes): the
// leftovers of interrupted imports it removed, or that it is read-only.
func (c *command) openStore(ctx context.Context) (*graph.Store, error) {
	s, err := OpenStore(ctx, c.StoreFlags)
	if err != nil {
		return nil, err
	}
	for _, n := range s.Notes() {
		fmt.Fprintf(c.errOut(), "reelgraph: note: %s\n", n)
	}
	return s, nil
}

func (c *command) oneArg(what string) (string, error) {
	if len(c.args) != 1 {
		return "", UsageError(fmt.Sprintf("give exactly one %s (quote it if it has spaces)", what))
	}
	return c.args[0], nil
}

func (c *command) writeJSON(v any) error {
	enc := json.NewEncoder(c.out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runStats(c *command) error {
	if len(c.args) != 0 {
		return UsageError("stats takes no arguments")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		st, err := s.Stats(ctx)
		if err != nil {
			return err
		}
		if c.json {
			return c.writeJSON(struct {
				Store string `json:"store"`
				graph.Stats
			}{s.Location().String(), st})
		}
		w := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		fmt.Fprintf(w, "Store\t%s\nQuads\t%d\nNodes\t%d\nSources\t%d\n", s.Location(), st.Quads, st.Nodes, st.Sources)
		types := make([]string, 0, len(st.Types))
		for t := range st.Types {
			types = append(types, t)
		}
		sort.Slice(types, func(i, j int) bool {
			if st.Types[types[i]] != st.Types[types[j]] {
				return st.Types[types[i]] > st.Types[types[j]]
			}
			return types[i] < types[j]
		})
		for _, t := range types {
			fmt.Fprintf(w, "  %s\t%d\n", t, st.Types[t])
		}
		return w.Flush()
	})
}

func runShow(c *command) error {
	name, err := c.oneArg("node name or IRI")
	if err != nil {
		return err
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		id, err := s.Resolve(ctx, name)
		if errors.Is(err, graph.ErrNotFound) {
			return notFound(ctx, s, name)
		} else if err != nil {
			return err
		}
		d, err := s.Details(ctx, id, c.limit)
		if err != nil {
			return err
		}
		if c.json {
			return c.writeJSON(d)
		}
		return writeDetails(c.out, d)
	})
}

// notFound says a name matched nothing exactly, suggesting close matches.
func notFound(ctx context.Context, s *graph.Store, name string) error {
	var hits []graph.Node
	// a misspelt name may still share its start with the right one
	for r := []rune(name); len(hits) == 0 && len(r) >= 3; r = r[:len(r)-1] {
		hits, _ = s.Search(ctx, string(r), 3)
	}
	if len(hits) == 0 {
		return fmt.Errorf("no node is named %q; try reelgraph search", name)
	}
	var labels []string
	for _, h := range hits {
		labels = append(labels, fmt.Sprintf("%q", h.Label))
	}
	return fmt.Errorf("no node is named %q; did you mean %s?", name, strings.Join(labels, ", "))
}

func writeDetails(w io.Writer, d graph.Details) error {
	fmt.Fprintf(w, "%s  (%s)\n%s\n", d.Label, strings.Join(d.TypeLabels, ", "), d.ID)
	if d.Description != "" {
		fmt.Fprintf(w, "\n%s\n", d.Description)
	}
	if len(d.Aliases) > 0 {
		fmt.Fprintf(w, "\nAlso known as: %s\n", strings.Join(d.Aliases, "; "))
	}
	cite := Citations(d.Cited)
	if len(d.Properties) > 0 {
		fmt.Fprintln(w, "\nProperties")
		for _, p := range d.Properties {
			fmt.Fprintf(w, "  %s: %s %s\n", graph.Humanize(graph.LocalName(p.Predicate)), p.Value, cite[p.Source])
		}
	}
	for _, g := range d.Groups {
		arrow := "→"
		if g.Dir == graph.In {
			arrow = "←"
		}
		fmt.Fprintf(w, "\n%s %s (%d)\n", arrow, g.PredicateLabel, g.Total)
		for _, n := range g.Neighbors {
			fmt.Fprintf(w, "  %s %s\n", n.Label, citeAll(cite, n.Sources))
		}
		if more := g.Total - len(g.Neighbors); more > 0 {
			fmt.Fprintf(w, "  … and %d more (raise --limit)\n", more)
		}
	}
	if len(d.Cited) > 0 {
		fmt.Fprintln(w, "\nSources")
		for i, src := range d.Cited {
			fmt.Fprintf(w, "  [%d] %s. %s, %s. %s\n", i+1, src.Title, src.Publisher, src.Date, src.URL)
		}
	}
	return nil
}

// Citations numbers sources as the Sources list does: "[1]", "[2]"…
func Citations(srcs []graph.Source) map[graph.ID]string {
	m := make(map[graph.ID]string, len(srcs))
	for i, s := range srcs {
		m[s.ID] = fmt.Sprintf("[%d]", i+1)
	}
	return m
}

func citeAll(cite map[graph.ID]string, ids []graph.ID) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(cite[id])
	}
	return b.String()
}

func runSearch(c *command) error {
	text := strings.Join(c.args, " ")
	if strings.TrimSpace(text) == "" {
		return UsageError("give the text to search for")
	}
	return c.withStore(func(ctx context.Context, s *graph.Store) error {
		nodes, err := s.Search(ctx, text, c.limit)
		if err != nil {
			return err
		}
		if c.json {
			if nodes == nil {
				nodes = []graph.Node{}
			}
			return c.writeJSON(nodes)
		}
		if len(nodes) == 0 {
			fmt.Fprintf(os.Stderr, "reelgraph: nothing matches %q\n", text)
			return nil
		}
		w := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
		for _, n := range nodes {
			fmt.Fprintf(w, "%s\t%s\t%s\n", n.Label, typeNames(s, n.Types), n.ID)
		}
		return w.Flush()
	})
}

func typeNames(s *graph.Store, types []graph.ID) string {
	var names []string
	for _, t := range types {
		names = append(names, s.Brief(t).Label)
	}
	return strings.Join(names, ", ")
}
