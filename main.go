// Command reelgraph is a desktop explorer for knowledge graphs: it opens a
// cited graph of generative AI in film and TV, or any RDF graph, in a Fyne
// window, and answers the same questions on the command line.
package main

import (
	"os"

	"reelgraph/app"
)

func main() {
	os.Exit(app.Main(os.Args[1:], os.Stdout, os.Stderr))
}
