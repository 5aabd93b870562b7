package app

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"reelgraph/data"
	"reelgraph/graph"
)

func TestPathPanelFindsAndHighlights(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.paths.from.SetText("Bryan Cranston")
		u.paths.to.SetText("OpenAI")
		u.paths.find()
	})
	eventually(t, "paths are listed and the first is highlighted", func() bool {
		return len(u.paths.found) > 0 && len(u.paths.results.Objects) == len(u.paths.found)+1 && // and Export

			u.view.Highlighted("urn:reelgraph:id:bryan-cranston") && u.view.Highlighted("urn:reelgraph:id:openai")
	})
	var n, all int
	onUI(func() { n, all = len(u.paths.found[0].Nodes), len(u.paths.nodes()) })
	if n < 2 || all < n {
		t.Errorf("the first path has %d nodes, the paths %d in all", n, all)
	}
}

func TestPathPanelExplainsProblems(t *testing.T) {
	u := newTestUI(t)
	for _, tc := range []struct{ from, to, want string }{
		{"", "OpenAI", "Give both ends"},
		{"Nobody At All", "OpenAI", "No node is named"},
	} {
		onUI(func() {
			u.paths.from.SetText(tc.from)
			u.paths.to.SetText(tc.to)
			u.paths.find()
		})
		eventually(t, "the panel says "+tc.want, func() bool { return strings.Contains(u.paths.status.Text, tc.want) })
	}
}

func TestQueryPanelRunsAndHighlights(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.query.text.SetText(`g.V("<urn:reelgraph:id:netflix>").In("<urn:reelgraph:vocab:streamedOn>").Unique().All()`)
		u.query.Run()
	})
	want := streamedOnNetflix(t)
	eventually(t, "results are listed and highlighted on the canvas", func() bool {
		return len(u.query.results) == want && u.view.Highlighted("urn:reelgraph:id:the-eternaut") &&
			u.query.status.Text == fmt.Sprintf("%d results.", want)
	})
}

// streamedOnNetflix counts the titles the bundled graph says Netflix streams.
func streamedOnNetflix(t *testing.T) int {
	t.Helper()
	titles := map[string]bool{}
	for _, line := range strings.Split(readAll(t, data.Bundled()), "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[1] == "<urn:reelgraph:vocab:streamedOn>" && f[2] == "<urn:reelgraph:id:netflix>" {
			titles[f[0]] = true
		}
	}
	if len(titles) < 2 {
		t.Fatalf("the bundled graph has %d titles streamed on Netflix; the test needs several", len(titles))
	}
	return len(titles)
}

func readAll(t *testing.T, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestQueryPanelStopsARunawayQuery(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.query.text.SetText(`while (true) {}`)
		u.query.timeout.SetSelected("2m")
		u.query.Run()
	})
	eventually(t, "the query is running", func() bool { return strings.HasPrefix(u.query.status.Text, "Running") })
	onUI(u.query.Stop)
	eventually(t, "Stop ends it", func() bool { return strings.HasPrefix(u.query.status.Text, "Stopped") && !u.query.run.Disabled() })

	onUI(func() {
		u.query.timeout.SetSelected("2s")
		u.query.Run()
	})
	eventually(t, "the time limit ends it", func() bool { return strings.Contains(u.query.status.Text, "ran out of time") })
}

func TestNodeMenuOffersPaths(t *testing.T) {
	u := newTestUI(t)
	var labels []string
	onUI(func() {
		u.view.Select("urn:reelgraph:id:ted-sarandos")
		for _, it := range u.nodeMenu("urn:reelgraph:id:the-eternaut") {
			labels = append(labels, it.Label)
		}
	})
	want := "Find paths to Ted Sarandos"
	if !strings.Contains(strings.Join(labels, "|"), want) {
		t.Errorf("menu = %v, want an item %q", labels, want)
	}
}

func TestPathPanelOptions(t *testing.T) {
	u := newTestUI(t)
	onUI(func() {
		u.paths.from.SetText("Ted Sarandos")
		u.paths.to.SetText("The Eternaut")
		u.paths.avoid.SetSelected([]string{"Company"})
		u.paths.find()
	})
	eventually(t, "paths that avoid companies", func() bool { return len(u.paths.found) > 0 })
	onUI(func() {
		for _, p := range u.paths.found {
			for _, id := range p.Nodes {
				for _, typ := range u.ex.Brief(id).Types {
					if typ == graph.TypeCompany {
						t.Errorf("a path passes through the company %s", id)
					}
				}
			}
		}
	})
	onUI(func() {
		u.paths.avoid.SetSelected(nil)
		u.paths.via.SetText("leads, streamedOn")
		u.paths.find()
	})
	eventually(t, "a path via leads and streamed on", func() bool {
		return len(u.paths.found) > 0 && len(u.paths.found[0].Nodes) == 3
	})
}
