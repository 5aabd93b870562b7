package report

import (
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFile writes the report to path: HTML, or Markdown (a path ending in
// .md) with the picture beside it as a PNG of the same name. Each file is
// written through a temporary sibling renamed into place, so that a
// failure never leaves half a report.
func WriteFile(path string, r Report) error {
	if !strings.EqualFold(filepath.Ext(path), ".md") {
		return WriteAtomically(path, func(w io.Writer) error { return WriteHTML(w, r) })
	}
	name := ""
	if len(r.Picture) > 0 {
		pic := strings.TrimSuffix(path, filepath.Ext(path)) + ".png"
		err := WriteAtomically(pic, func(w io.Writer) error { _, err := w.Write(r.Picture); return err })
		if err != nil {
			return err
		}
		name = filepath.Base(pic)
	}
	return WriteAtomically(path, func(w io.Writer) error { return WriteMarkdown(w, r, name) })
}

// WriteAtomically writes a file through a temporary sibling renamed into
// place, so that a failure never leaves half a file.
func WriteAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
