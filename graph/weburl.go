package graph

import (
	"net/url"
	"strings"
)

// WebURL returns raw, a URL an imported file supplied (a Source's, say), as
// a URL a desktop or a browser may open, or nil. Only http and https URLs
// with a host qualify, without user info, spaces or control characters:
// the desktop's URL handler would run javascript:, file:, data: or any
// custom scheme it knows, and a report's reader would click them. Every
// link Reelgraph opens or writes goes through here.
func WebURL(raw string) *url.URL {
	if raw == "" || raw != strings.TrimSpace(raw) || strings.ContainsFunc(raw, func(r rune) bool { return r <= 0x20 || r == 0x7f }) {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || u.Opaque != "" || u.Host == "" || u.User != nil {
		return nil
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil
	}
	return u
}
