package report

import (
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlText string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"safeURL": SafeURL,
	"kind":    kindPhrase,
	"inc":     func(i int) int { return i + 1 },
}).Parse(htmlText))

// htmlReport is what the template reads: the report, with its picture as
// a data URL (typed as safe, for it is built here from base64 alone).
type htmlReport struct {
	Report
	PictureURL template.URL
	Day        string
	ISODay     string
}

// WriteHTML writes the report as one self-contained HTML file: the
// picture embedded as a data URL, a print style sheet, no script, and
// links only to http(s) URLs (any other address is written as text).
func WriteHTML(w io.Writer, r Report) error {
	hr := htmlReport{Report: r, Day: r.Date.Format("2 January 2006"), ISODay: r.Date.Format("2006-01-02")}
	if len(r.Picture) > 0 {
		hr.PictureURL = template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(r.Picture))
	}
	return htmlTemplate.Execute(w, hr)
}

// kindPhrase says what kind of source a Source is, as a reader reads it.
func kindPhrase(kind string) string {
	switch strings.ToLower(kind) {
	case "":
		return ""
	case "primary":
		return "Primary source"
	case "outlet":
		return "News outlet"
	case "republication":
		return "Republication"
	case "import":
		return "Imported file"
	}
	return kind
}
