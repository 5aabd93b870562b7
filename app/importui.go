package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/task"
	"reelgraph/data"
	"reelgraph/graph"
)

// porter returns the store as a Porter, or nil when it is not one.
func (u *ui) porter() Porter {
	p, _ := u.ex.(Porter)
	return p
}

// ioMenuItems are the File menu's Import… and Export… items, disabled
// when the store cannot import.
func (u *ui) ioMenuItems() (imp, exp *fyne.MenuItem) {
	imp = fyne.NewMenuItem("Import…", u.chooseImport)
	exp = fyne.NewMenuItem("Export…", u.chooseExport)
	if u.porter() == nil {
		imp.Disabled, exp.Disabled = true, true
	}
	return imp, exp
}

// chooseImport asks for a file and imports it.
func (u *ui) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.importPaths([]string{path})
	}, u.win)
	d.Show()
}

// dropped imports the files dropped onto the window.
func (u *ui) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	u.importPaths(paths)
}

// importPaths imports files one after the other; a CSV or TSV table first
// opens the mapping dialog.
func (u *ui) importPaths(paths []string) { u.importPathsThen(paths, nil) }

// importPathsThen is importPaths, then calls done (if set) once every
// file is imported or has failed.
func (u *ui) importPathsThen(paths []string, done func()) {
	if len(paths) == 0 || u.porter() == nil {
		if done != nil {
			done()
		}
		return
	}
	path, rest := paths[0], paths[1:]
	next := func() { u.importPathsThen(rest, done) }
	format, err := detectFile(path)
	if err != nil {
		u.importFailed(path, err)
		next()
		return
	}
	if format == data.CSV || format == data.TSV {
		u.showMapping(path, format, func(m *data.Mapping) {
			u.runImport(path, data.ReadOptions{Format: format, Mapping: m}, next)
		})
		return
	}
	u.runImport(path, data.ReadOptions{Format: format}, next)
}

// detectFile names the format of the file at path.
func detectFile(path string) (string, error) {
	f, err := data.OpenRegular(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	r, err := data.Decompress(f, filepath.Base(path))
	if err != nil {
		return "", err
	}
	head := make([]byte, 4096)
	n, _ := io.ReadFull(r, head)
	return data.DetectFormat(path, head[:n])
}

// importJob is one import under way, with the dialog that shows it.
type importJob struct {
	u        *ui
	path     string
	cancel   context.CancelFunc
	bar      *widget.ProgressBar
	detail   *widget.Label
	dlg      dialog.Dialog
	read     atomic.Int64 // bytes of the file read
	size     int64
	finished func()
}

// runImport imports path off the UI goroutine, with a progress dialog
// whose Cancel stops it; then shows the summary and calls done.
func (u *ui) runImport(path string, opt data.ReadOptions, done func()) {
	ctx, cancel := context.WithCancel(context.Background())
	j := &importJob{u: u, path: path, cancel: cancel, finished: done}
	j.bar = widget.NewProgressBar()
	j.detail = widget.NewLabel("Starting…")
	stop := widget.NewButton("Cancel", func() { j.detail.SetText("Cancelling…"); cancel() })
	content := container.NewVBox(widget.NewLabel("Importing "+filepath.Base(path)+". You can keep browsing."), j.bar, j.detail, stop)
	j.dlg = dialog.NewCustomWithoutButtons("Import", content, u.win)
	j.dlg.Show()
	u.setStatus("Importing " + filepath.Base(path) + "…")
	j.run(ctx, opt)
}

// run imports off the UI goroutine; ctx is the import's own, which its
// Cancel button cancels, so that a cancelled import still reports.
func (j *importJob) run(ctx context.Context, opt data.ReadOptions) {
	task.Go(j.u.tasks, "", "", func(context.Context) (imported, error) {
		sum, err := j.importFile(ctx, opt)
		j.cancel()
		return imported{sum, err}, nil
	}, func(res imported) {
		j.dlg.Hide()
		if res.err != nil {
			j.u.importFailed(j.path, res.err)
		} else {
			j.u.importDone(j.path, res.sum)
		}
		if j.finished != nil {
			j.finished()
		}
	})
}

// imported is how an import went.
type imported struct {
	sum graph.ImportSummary
	err error
}

func (j *importJob) importFile(ctx context.Context, opt data.ReadOptions) (graph.ImportSummary, error) {
	src, err := fileSource(ctx, j.path, &opt)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	f, err := data.OpenRegular(j.path)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		j.size = fi.Size()
	}
	r, err := data.NewReader(&countingReader{r: data.WithContext(ctx, f), n: &j.read}, filepath.Base(j.path), opt)
	if err != nil {
		return graph.ImportSummary{}, err
	}
	defer r.Close()
	return j.u.porter().Import(ctx, r, graph.ImportOptions{Source: src, Progress: j.progress})
}

// progress is called off the UI goroutine.
func (j *importJob) progress(p graph.ImportProgress) {
	frac := 0.0
	if j.size > 0 {
		frac = float64(j.read.Load()) / float64(j.size)
	}
	text := fmt.Sprintf("%s quads · %s quads/s", thousands(p.Quads), thousands(int64(p.Rate())))
	uiDo(func() {
		j.bar.SetValue(frac)
		j.detail.SetText(text)
	})
}

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// importFailed tells the analyst that nothing of the file was imported.
func (u *ui) importFailed(path string, err error) {
	u.setStatus("")
	msg := fmt.Sprintf("%s was not imported: %v.\n\nThe store is as it was. Fix the file, or choose another format, and import it again.", filepath.Base(path), err)
	if err == context.Canceled {
		msg = fmt.Sprintf("The import of %s was cancelled. The store is as it was.", filepath.Base(path))
	}
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Import failed", "Close", container.NewGridWrap(fyne.NewSize(520, 160), lbl), u.win)
	d.Show()
}

// importDone shows the summary and refreshes the status bar.
func (u *ui) importDone(path string, sum graph.ImportSummary) {
	u.refreshCounts(fmt.Sprintf("Imported %s: %s quads added", filepath.Base(path), thousands(sum.Added)))
	d := dialog.NewCustom("Import finished", "Close", summaryView(path, sum), u.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

// summaryView presents an import's summary, look-alikes listed for review.
func summaryView(path string, sum graph.ImportSummary) fyne.CanvasObject {
	var b strings.Builder
	fmt.Fprintf(&b, "%s quads read from %s.\n", thousands(sum.Read), filepath.Base(path))
	fmt.Fprintf(&b, "%s added, %s duplicates skipped.\n", thousands(sum.Added), thousands(sum.Duplicates))
	fmt.Fprintf(&b, "%s new entities.\n", thousands(sum.NewEntities))
	if sum.Source != "" {
		fmt.Fprintf(&b, "Statements without a source now cite this import (see Sources).\n")
	}
	head := widget.NewLabel(b.String())
	n := len(sum.LookAlikes) + sum.MoreLookAlikes
	if n == 0 {
		return head
	}
	note := widget.NewLabel(fmt.Sprintf("%d new entities share a name with entities already in the store. Review them; they may be the same:", n))
	note.Wrapping = fyne.TextWrapWord
	list := widget.NewList(func() int { return len(sum.LookAlikes) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := sum.LookAlikes[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%s)  ~  %s", l.Name, l.Entity, l.Existing))
		})
	return container.NewBorder(container.NewVBox(head, note), nil, nil, nil, list)
}

// showMapping opens the CSV mapping dialog for the table at path: a
// preview of its first rows, the kind of table, and a role per column.
// ok is called with the mapping the analyst confirms.
func (u *ui) showMapping(path, format string, ok func(*data.Mapping)) {
	md, err := newMappingDialog(path, format)
	if err != nil {
		u.importFailed(path, err)
		return
	}
	d := dialog.NewCustomConfirm("Map the columns of "+filepath.Base(path), "Import", "Cancel", md.content(u.win), func(yes bool) {
		if yes {
			ok(md.mapping())
		}
	}, u.win)
	d.Resize(fyne.NewSize(720, 520))
	d.Show()
}

// mappingDialog holds the mapping dialog's state.
type mappingDialog struct {
	header []string
	rows   [][]string
	delim  string
	kind   *widget.RadioGroup
	roles  []*widget.Select
	base   *widget.Entry
	pred   *widget.Entry
}

func newMappingDialog(path, format string) (*mappingDialog, error) {
	f, err := data.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := data.Decompress(f, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	delim := ','
	if format == data.TSV {
		delim = '\t'
	}
	header, rows, err := data.PreviewCSV(r, delim, 5)
	if err != nil {
		return nil, err
	}
	md := &mappingDialog{header: header, rows: rows, delim: string(delim)}
	md.build(data.GuessMapping(header))
	return md, nil
}

func rolesFor(kind string) []string {
	if kind == data.KindEdges {
		return []string{data.RoleSource, data.RolePredicate, data.RoleTarget, data.RoleDocument, data.RoleIgnore}
	}
	return []string{data.RoleID, data.RoleLabel, data.RoleType, data.RoleDocument, data.RoleProperty, data.RoleIgnore}
}

func (md *mappingDialog) build(m *data.Mapping) {
	md.base = widget.NewEntry()
	md.base.SetPlaceHolder(data.DefaultCSVBase)
	md.base.SetText(m.Base)
	md.pred = widget.NewEntry()
	md.pred.SetPlaceHolder("the predicate of every edge, if no column names it")
	md.pred.SetText(m.Predicate)
	md.roles = make([]*widget.Select, len(md.header))
	for i := range md.header {
		md.roles[i] = widget.NewSelect(nil, nil)
	}
	md.kind = widget.NewRadioGroup([]string{data.KindEdges, data.KindNodes}, md.setKind)
	md.kind.Horizontal = true
	md.kind.SetSelected(m.Kind)
	md.apply(m)
}

// setKind offers the roles of a kind of table, keeping choices that fit.
func (md *mappingDialog) setKind(kind string) {
	for _, s := range md.roles {
		s.Options = rolesFor(kind)
		if !hasString(s.Options, s.Selected) {
			s.Selected = ""
		}
		if s.Selected == "" {
			s.SetSelected(map[bool]string{true: data.RoleIgnore, false: data.RoleProperty}[kind == data.KindEdges])
		}
		s.Refresh()
	}
	if kind == data.KindEdges {
		md.pred.Enable()
	} else {
		md.pred.Disable()
	}
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// apply shows mapping m in the dialog.
func (md *mappingDialog) apply(m *data.Mapping) {
	md.kind.SetSelected(m.Kind)
	for i, h := range md.header {
		if r, ok := m.Columns[h]; ok {
			md.roles[i].SetSelected(r)
		}
	}
	md.base.SetText(m.Base)
	md.pred.SetText(m.Predicate)
}

// mapping returns the mapping the dialog shows.
func (md *mappingDialog) mapping() *data.Mapping {
	m := &data.Mapping{Kind: md.kind.Selected, Base: md.base.Text, Predicate: md.pred.Text, Columns: make(map[string]string)}
	if md.delim != "," {
		m.Delimiter = md.delim
	}
	for i, h := range md.header {
		m.Columns[h] = md.roles[i].Selected
	}
	if m.Kind != data.KindEdges {
		m.Predicate = ""
	}
	return m
}

func (md *mappingDialog) content(win fyne.Window) fyne.CanvasObject {
	cols := len(md.header)
	grid := container.NewGridWithColumns(cols)
	for i, h := range md.header {
		grid.Add(container.NewVBox(widget.NewLabelWithStyle(h, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), md.roles[i]))
	}
	for _, row := range md.rows {
		for i := 0; i < cols; i++ {
			cell := ""
			if i < len(row) {
				cell = row[i]
			}
			l := widget.NewLabel(cell)
			l.Truncation = fyne.TextTruncateEllipsis
			grid.Add(l)
		}
	}
	load := widget.NewButton("Load mapping…", func() {
		dialog.ShowFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			m, err := data.LoadMapping(r.URI().Path())
			if err != nil {
				dialog.ShowError(fmt.Errorf("the mapping could not be read: %w", err), win)
				return
			}
			md.apply(m)
		}, win)
	})
	save := widget.NewButton("Save mapping…", func() {
		dialog.ShowFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			w.Close()
			if err := md.mapping().Save(w.URI().Path()); err != nil {
				dialog.ShowError(err, win)
			}
		}, win)
	})
	form := widget.NewForm(
		widget.NewFormItem("Each row is", md.kind),
		widget.NewFormItem("Fixed predicate", md.pred),
		widget.NewFormItem("Base IRI", md.base),
	)
	intro := widget.NewLabel("Choose what each column holds. The first rows of the table are shown below the roles.")
	intro.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(intro, form), container.NewHBox(load, save), nil, nil, container.NewScroll(grid))
}
