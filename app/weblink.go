package app

import (
	"net/url"

	"reelgraph/graph"
)

// webURL returns raw as a URL the desktop may open, or nil: graph.WebURL,
// through which every link the window offers goes.
func webURL(raw string) *url.URL { return graph.WebURL(raw) }
