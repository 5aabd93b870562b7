package app

import (
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func TestMetricsListsTopEntities(t *testing.T) {
	u := newTestUI(t)
	for _, by := range []string{sizeDegree, sizePageRank} {
		t.Run(by, func(t *testing.T) {
			onUI(func() { u.metrics.sizeSel.SetSelected(by) })
			var top []ranked
			onUI(func() { top = append(top, u.metrics.top...) })
			if len(top) < 5 {
				t.Fatalf("rows: got %d want the canvas's entities", len(top))
			}
			if top[0].id != startNode {
				t.Errorf("top entity: got %s want %s, the hub of the opening view", top[0].id, startNode)
			}
			for i := 1; i < len(top); i++ {
				if top[i].value > top[i-1].value {
					t.Errorf("row %d: got %v above %v want descending", i, top[i].value, top[i-1].value)
				}
			}
		})
	}
}

func TestChoosingAnEntitySelectsIt(t *testing.T) {
	u := newTestUI(t)
	var id string
	onUI(func() {
		u.metrics.chooseSize(sizeDegree)
		id = u.metrics.top[1].id
		u.metrics.list.Select(1)
	})
	eventually(t, "the chosen entity is selected and described", func() bool {
		return u.view.Selected() == id && string(u.details.Shown().ID) == id
	})
}

func TestMetricsFollowExpansions(t *testing.T) {
	u := newTestUI(t)
	// The list shows the top entities of the whole canvas: after an
	// expansion it ranks more of them (its rows are capped at topLimit).
	ranked := func() int {
		var n int
		if m := regexp.MustCompile(`of (\d+) entities`).FindStringSubmatch(u.metrics.heading.Text); m != nil {
			n, _ = strconv.Atoi(m[1])
		}
		return n
	}
	var before int
	onUI(func() {
		before = ranked()
		u.expand("urn:reelgraph:id:the-eternaut")
	})
	if before == 0 {
		t.Fatalf("the heading %q names no count of entities", u.metrics.heading.Text)
	}
	eventually(t, "the list grows with the canvas", func() bool {
		return u.view.Expanded("urn:reelgraph:id:the-eternaut") && ranked() > before &&
			len(u.metrics.top) == min(ranked(), topLimit)
	})
}

func TestMetricRowShowsNameAndMeasure(t *testing.T) {
	u := newTestUI(t)
	var name, value string
	onUI(func() {
		u.metrics.chooseSize(sizeDegree)
		row := newMetricRow()
		u.metrics.updateRow(0, row)
		objs := row.(*fyne.Container).Objects
		name, value = objs[0].(*widget.Label).Text, objs[1].(*widget.Label).Text
	})
	if name != "1. Netflix" || value == "" || value == "0" {
		t.Errorf("first row: got %q, %q want \"1. Netflix\" and its degree", name, value)
	}
}
