package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the report as Markdown with footnotes. The picture
// is not embedded: picture names the PNG file the caller writes beside the
// Markdown (relative to it); empty leaves the picture out.
func WriteMarkdown(w io.Writer, r Report, picture string) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n\n", mdEscape(r.Title))
	fmt.Fprintf(b, "Briefing report, %s. Every fact is footnoted to the sources that state it.\n\n", r.Date.Format("2 January 2006"))
	if picture != "" {
		fmt.Fprintf(b, "![Picture of the graph: %s](<%s>)\n\n", mdEscape(r.Caption), picture)
		if r.Caption != "" {
			fmt.Fprintf(b, "*%s*\n\n", mdEscape(r.Caption))
		}
	}
	if len(r.Paths) > 0 {
		b.WriteString("## Paths\n\n")
		for i, c := range r.Paths {
			fmt.Fprintf(b, "### Path %d: %s\n\n", i+1, mdEscape(c.Title))
			for j, h := range c.Hops {
				fmt.Fprintf(b, "%d. %s\n", j+1, mdFact(h))
			}
			b.WriteString("\n")
		}
	}
	if len(r.Entities) > 0 {
		b.WriteString("## Entities\n\n")
		for _, e := range r.Entities {
			writeMarkdownEntity(b, e)
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("## Sources\n\n")
		for i, s := range r.Sources {
			fmt.Fprintf(b, "[^%d]: %s\n", i+1, mdSource(s))
		}
	}
	return b.Flush()
}

func writeMarkdownEntity(b *bufio.Writer, e Entity) {
	fmt.Fprintf(b, "### %s\n\n", mdEscape(e.Label))
	if e.Type != "" {
		fmt.Fprintf(b, "*%s.* ", mdEscape(e.Type))
	}
	if e.Description != "" {
		b.WriteString(mdEscape(e.Description))
	}
	if e.Type != "" || e.Description != "" {
		b.WriteString("\n\n")
	}
	for _, d := range e.Disputes {
		var vals []string
		for _, v := range d.Values {
			vals = append(vals, mdFact(v))
		}
		fmt.Fprintf(b, "- **%s:** %s.\n", mdEscape(d.Text), strings.Join(vals, "; "))
	}
	for _, f := range e.Facts {
		fmt.Fprintf(b, "- %s\n", mdFact(f))
	}
	if len(e.Facts)+len(e.Disputes) > 0 {
		b.WriteString("\n")
	}
}

func mdFact(f Fact) string {
	var b strings.Builder
	b.WriteString(mdEscape(f.Text))
	for _, n := range f.Notes {
		fmt.Fprintf(&b, "[^%d]", n)
	}
	return b.String()
}

func mdSource(s Source) string {
	var parts []string
	switch {
	case s.Publisher != "" && s.Date != "":
		parts = append(parts, mdEscape(s.Publisher)+", "+mdEscape(s.Date)+".")
	case s.Publisher != "" || s.Date != "":
		parts = append(parts, mdEscape(s.Publisher+s.Date)+".")
	}
	parts = append(parts, "*"+mdEscape(s.Title)+"*.")
	if s.URL != "" {
		if SafeURL(s.URL) && !strings.ContainsAny(s.URL, "<> ") {
			parts = append(parts, "<"+s.URL+">.")
		} else {
			parts = append(parts, "`"+strings.ReplaceAll(s.URL, "`", "'")+"`.")
		}
	}
	if k := kindPhrase(s.Kind); k != "" {
		parts = append(parts, k+".")
	}
	return strings.Join(parts, " ")
}

// mdEscape keeps text from being read as Markdown or HTML.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "!", `\!`, "\n", " ",
).Replace
