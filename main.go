// Command reelgraph is a desktop explorer for knowledge graphs: it opens a
// cited graph of generative AI in film and TV, or any RDF graph, in a Fyne
// window, and answers the same questions on the command line.
package main

import (
	"os"

	"reelgraph/app"
	"reelgraph/app/cli"
)

func main() {
	args := os.Args[1:]
	if cli.IsGUI(args) {
		os.Exit(app.Main(args, os.Stderr))
	}
	os.Exit(cli.Main(args, os.Stdout, os.Stderr))
}
