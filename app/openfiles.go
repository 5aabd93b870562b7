package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"

	"reelgraph/data"
	"reelgraph/graph"
)

// openFiles imports the files named on the command line (as a file
// manager passes them through the desktop entry) one after the other, then
// focuses the first node the first of them describes and names the files
// in the window's title.
func (u *ui) openFiles(paths []string) {
	u.importPathsThen(paths, func() {
		go func() {
			id, ok := u.firstNode(paths)
			uiDo(func() {
				if ok {
					u.focus(id)
				}
				u.win.SetTitle(filesTitle(paths))
			})
		}()
	})
}

// filesTitle is the window's title once files are open.
func filesTitle(paths []string) string {
	t := "Reelgraph — " + filepath.Base(paths[0])
	if len(paths) > 1 {
		t += fmt.Sprintf(" and %d more", len(paths)-1)
	}
	return t
}

// firstNode returns the first subject, among the first quads of the
// files, that the store knows; tables (CSV, TSV) are skipped, for their
// subjects come from a mapping.
func (u *ui) firstNode(paths []string) (graph.ID, bool) {
	for _, p := range paths {
		if id, ok := u.firstNodeOf(p); ok {
			return id, true
		}
	}
	return "", false
}

// firstNodeOf reads at most the first 1000 quads of one file.
func (u *ui) firstNodeOf(path string) (graph.ID, bool) {
	format, err := detectFile(path)
	if err != nil || format == data.CSV || format == data.TSV {
		return "", false
	}
	f, err := os.Open(path)
	if err != nil {
		return "", false
	}
	defer f.Close()
	r, err := data.NewReader(f, filepath.Base(path), data.ReadOptions{Format: format})
	if err != nil {
		return "", false
	}
	defer r.Close()
	for i := 0; i < 1000; i++ {
		q, err := r.ReadQuad()
		if err != nil {
			return "", false
		}
		if iri, ok := q.Subject.(quad.IRI); ok {
			if id, err := u.ex.Resolve(context.Background(), string(iri)); err == nil {
				return id, true
			}
		}
	}
	return "", false
}
