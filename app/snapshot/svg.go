package snapshot

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
)

// SVG writes the scene as a w×h SVG picture.
func SVG(out io.Writer, s Scene, w, h int) error {
	p := place(s, float64(w), float64(h))
	b := bufio.NewWriter(out)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Noto Sans, DejaVu Sans, Helvetica, Arial, sans-serif">`+"\n", w, h, w, h)
	fmt.Fprintf(b, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", hex(p.bg))
	edgeCol := hex(p.edgeCol)
	for _, e := range s.Edges {
		x1, y1, x2, y2, head, ok := p.arrow(e)
		if !ok {
			continue
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-opacity="0.56" stroke-width="1.5"/>`+"\n", x1, y1, x2, y2, edgeCol)
		fmt.Fprintf(b, `<polygon points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s" fill-opacity="0.56"/>`+"\n",
			head[0][0], head[0][1], head[1][0], head[1][1], head[2][0], head[2][1], edgeCol)
		if p.edgeLabels() && e.Label != "" {
			fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%g" font-style="italic" fill="%s" fill-opacity="0.8" text-anchor="middle">%s</text>`+"\n",
				(x1+x2)/2, (y1+y2)/2-3, edgeSize, hex(p.fg), esc(e.Label))
		}
	}
	for _, n := range s.Nodes {
		c, r := p.pos[n.ID], p.radius[n.ID]
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="%s" stroke-width="1.5"><title>%s</title></circle>`+"\n",
			c[0], c[1], r, hex(n.Color), hex(p.bg), esc(n.ID))
		weight := "normal"
		if n.Emphasis {
			weight = "bold"
		}
		fmt.Fprintf(b, `<text x="%.1f" y="%.1f" font-size="%g" font-weight="%s" fill="%s" text-anchor="middle">%s</text>`+"\n",
			c[0], c[1]+r+labelSize+2, labelSize, weight, hex(p.fg), esc(n.Label))
	}
	if s.Caption != "" {
		fmt.Fprintf(b, `<text x="12" y="%d" font-size="%g" fill="%s" fill-opacity="0.7">%s</text>`+"\n", h-12, edgeSize, hex(p.fg), esc(s.Caption))
	}
	fmt.Fprintln(b, "</svg>")
	return b.Flush()
}

func esc(s string) string {
	var b []byte
	w := &byteWriter{&b}
	xml.EscapeText(w, []byte(s))
	return string(b)
}

type byteWriter struct{ b *[]byte }

func (w *byteWriter) Write(p []byte) (int, error) { *w.b = append(*w.b, p...); return len(p), nil }
