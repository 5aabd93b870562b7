package graph_test

import (
	"testing"

	"reelgraph/graph"
)

func TestWebURL(t *testing.T) {
	for _, raw := range []string{
		"javascript:alert(1)", "JavaScript:alert(1)", "file:///etc/passwd",
		"data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
		"ms-settings:privacy", "slack://open", "mailto:ana@example.org",
		"ftp://example.org/x", "http://", "https:///path", "//example.org/path",
		"/relative/path", "https://user:pw@example.org/", " https://example.org/",
		"https://example.org/\nfile:///etc/passwd", "https://exa mple.org/", "",
	} {
		if u := graph.WebURL(raw); u != nil {
			t.Errorf("WebURL(%q) = %v, want nil", raw, u)
		}
	}
	for _, raw := range []string{"https://example.org/", "http://example.org/a?b=c#d", "HTTPS://Example.org/x"} {
		if u := graph.WebURL(raw); u == nil {
			t.Errorf("WebURL(%q) = nil, want the URL", raw)
		}
	}
}
