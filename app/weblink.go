package app

import (
	"net/url"
	"strings"
)

// webURL returns raw as a URL the desktop may open, or nil. Only http and
// https URLs with a host qualify: an imported file supplies the URLs the
// Sources window and the details panel offer to open, and the desktop's URL
// handler would run javascript:, file:, data: or any custom scheme it
// knows. Every link Reelgraph opens goes through here.
func webURL(raw string) *url.URL {
	if raw == "" || raw != strings.TrimSpace(raw) || strings.ContainsFunc(raw, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
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
