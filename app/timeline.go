package app

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reelgraph/app/task"
	"reelgraph/graph"
)

// timeline hides what had not happened yet as of a chosen date: a node
// whose earliest date (an event's date, a release, a start) is later than
// the slider is hidden. Undated nodes always show.
type timeline struct {
	f       *filterPanel
	on      *widget.Check
	slider  *widget.Slider
	label   *widget.Label
	box     fyne.CanvasObject
	dates   map[string]time.Time // node -> earliest date; the zero Time when it has none
	pending map[string]bool      // nodes whose dates are being read
	asOf    time.Time
	moving  bool // the slider is being dragged
	quiet   bool // changes come from restore, not the analyst
}

// restore sets the timeline without recording undo steps.
func (t *timeline) restore(on bool, asOf string) {
	t.quiet = true
	defer func() { t.quiet = false }()
	if d, err := time.Parse("2006-01-02", asOf); err == nil {
		t.asOf = d
		t.label.SetText("As of " + t.asOf.Format("2 January 2006"))
	}
	t.on.SetChecked(on)
}

const day = 24 * time.Hour

func newTimeline(f *filterPanel) *timeline {
	t := &timeline{f: f, dates: map[string]time.Time{}, pending: map[string]bool{}}
	t.label = widget.NewLabel("No dated nodes on the canvas.")
	t.slider = widget.NewSlider(0, 1)
	t.slider.Step = 1
	t.slider.OnChanged = func(v float64) {
		continuing := t.moving // one undo step per drag
		t.moving = !t.quiet
		t.set(v)
		if !t.quiet {
			t.f.OnFilter(t.f.state(), continuing)
		}
	}
	t.slider.OnChangeEnded = func(float64) { t.moving = false }
	t.on = widget.NewCheck("Show the graph as of a date", func(bool) {
		t.f.apply()
		if !t.quiet {
			t.f.OnFilter(t.f.state(), false)
		}
	})
	t.box = container.NewVBox(heading("Timeline"), t.on, t.slider, t.label)
	return t
}

// hides reports whether node id is later than the timeline's date.
func (t *timeline) hides(id string) bool {
	d := t.dates[id]
	return t.on.Checked && !d.IsZero() && d.After(t.asOf)
}

// update reads the dates of nodes not seen yet, off the UI goroutine, and
// spans the slider over the dates on the canvas.
func (t *timeline) update(ids []string) {
	var todo []string
	for _, id := range ids {
		if _, ok := t.dates[id]; !ok && !t.pending[id] {
			t.pending[id] = true
			todo = append(todo, id)
		}
	}
	if len(todo) > 0 {
		t.read(todo)
	}
	t.span(ids)
}

// read reads the dates of ids off the UI goroutine; a node that cannot be
// read has no date.
func (t *timeline) read(ids []string) {
	task.Go(t.f.tasks, "", "", func(ctx context.Context) (map[string]time.Time, error) {
		found := make(map[string]time.Time, len(ids))
		for _, id := range ids {
			n, err := t.f.ex.Node(ctx, graph.ID(id))
			if err == nil {
				found[id] = earliest(n)
			} else {
				found[id] = time.Time{}
			}
		}
		return found, nil
	}, func(found map[string]time.Time) {
		for id, d := range found {
			t.dates[id] = d
			delete(t.pending, id)
		}
		t.span(t.f.canvas.NodeIDs())
		t.f.apply()
	})
}

// span sets the slider's range to the dates of ids, keeping its date.
func (t *timeline) span(ids []string) {
	var lo, hi time.Time
	for _, id := range ids {
		d := t.dates[id]
		if d.IsZero() {
			continue
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	if lo.IsZero() {
		t.label.SetText("No dated nodes on the canvas.")
		return
	}
	if t.asOf.IsZero() || t.asOf.After(hi) {
		t.asOf = hi
	}
	if t.asOf.Before(lo) {
		t.asOf = lo
	}
	t.slider.Min, t.slider.Max = float64(lo.Unix()/86400), float64(hi.Unix()/86400)
	t.slider.Value = float64(t.asOf.Unix() / 86400)
	t.slider.Refresh()
	t.label.SetText("As of " + t.asOf.Format("2 January 2006"))
}

func (t *timeline) set(v float64) {
	t.asOf = time.Unix(int64(v)*86400, 0).UTC()
	t.label.SetText("As of " + t.asOf.Format("2 January 2006"))
	if t.on.Checked {
		t.f.apply()
	}
}

// earliest returns the earliest date among n's date-typed properties
// (xsd:date, xsd:dateTime, xsd:gYear), the zero Time when there is none.
func earliest(n graph.Node) time.Time {
	var best time.Time
	for _, p := range n.Properties {
		var d time.Time
		var err error
		switch strings.TrimPrefix(string(p.Datatype), graph.XSD) {
		case "date":
			d, err = time.Parse("2006-01-02", p.Value)
		case "dateTime":
			d, err = time.Parse(time.RFC3339, p.Value)
		case "gYear":
			d, err = time.Parse("2006", p.Value)
		default:
			continue
		}
		if err == nil && (best.IsZero() || d.Before(best)) {
			best = d
		}
	}
	return best
}
