// Package data reads and writes graph files and holds Reelgraph's bundled datasets.
package data

import (
	"bytes"
	"embed"
	"io"
	"io/fs"
	"path"
	"sort"
)

// bundledFS holds Reelgraph's bundled knowledge graph of generative AI in
// film and TV, one N-Quads file per topic. docs/DATASET.md describes it.
//
//go:embed bundled/*.nq
var bundledFS embed.FS

// bundledDir is the directory of bundledFS that holds the N-Quads files.
const bundledDir = "bundled"

// BundledFiles returns the names of the bundled N-Quads files (such as
// "netflix.nq"), sorted, in the order Bundled concatenates them.
func BundledFiles() []string {
	entries, err := fs.ReadDir(bundledFS, bundledDir)
	if err != nil {
		// The directory is embedded at build time; this cannot fail.
		panic("data: reading embedded bundled files: " + err.Error())
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".nq" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Bundled returns the whole bundled graph as N-Quads: every file listed by
// BundledFiles, concatenated in that order, each ending in a newline.
// Each quad's graph label is the IRI of the Source node that states it.
func Bundled() io.Reader {
	var buf bytes.Buffer
	for _, name := range BundledFiles() {
		b, err := bundledFS.ReadFile(path.Join(bundledDir, name))
		if err != nil {
			panic("data: reading embedded bundled file " + name + ": " + err.Error())
		}
		buf.Write(b)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	return &buf
}
