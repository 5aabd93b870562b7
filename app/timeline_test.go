package app

import (
	"testing"
	"time"

	"reelgraph/graph"
)

func TestTimelineHidesWhatHadNotHappened(t *testing.T) {
	u := newTestUI(t)
	const q2, q3 = "urn:reelgraph:id:netflix-q2-2025-earnings", "urn:reelgraph:id:netflix-q3-2025-earnings"
	settled(t, u, "the dates on the canvas are read", func() bool {
		tl := u.filters.timeline
		return !tl.dates[q2].IsZero() && !tl.dates[q3].IsZero()
	})
	onUI(func() {
		tl := u.filters.timeline
		tl.on.SetChecked(true)
		between := tl.dates[q2].Add(24 * time.Hour)
		tl.slider.SetValue(float64(between.Unix() / 86400))
	})
	var q2Shown, q3Shown, netflixShown bool
	onUI(func() {
		q2Shown, q3Shown, netflixShown = u.view.Shown(q2), u.view.Shown(q3), u.view.Shown(startNode)
	})
	if !q2Shown || q3Shown || !netflixShown {
		t.Errorf("as of the day after the Q2 call: Q2 shown %v, Q3 shown %v, undated Netflix shown %v; want true, false, true",
			q2Shown, q3Shown, netflixShown)
	}
	onUI(func() { u.filters.timeline.on.SetChecked(false) })
	onUI(func() { q3Shown = u.view.Shown(q3) })
	if !q3Shown {
		t.Error("turning the timeline off did not bring the Q3 report back")
	}
}

func TestEarliest(t *testing.T) {
	n := graph.Node{Properties: []graph.Property{
		{Value: "2025", Datatype: graph.XSD + "gYear"},
		{Value: "2024-03-05", Datatype: graph.XSD + "date"},
		{Value: "not a date", Datatype: graph.XSD + "date"},
		{Value: "11.5", Datatype: graph.XSD + "decimal"},
	}}
	if got := earliest(n); got.Format("2006-01-02") != "2024-03-05" {
		t.Errorf("earliest = %v, want 2024-03-05", got)
	}
	if got := earliest(graph.Node{}); !got.IsZero() {
		t.Errorf("earliest of an undated node = %v, want zero", got)
	}
}
