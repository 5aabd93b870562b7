package snapshot

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"strings"
	"testing"
)

var red = color.NRGBA{0xe5, 0x48, 0x4d, 0xff}
var blue = color.NRGBA{0x3e, 0x9b, 0xf0, 0xff}

func scene() Scene {
	return Scene{
		Nodes: []Node{
			{ID: "a", Label: "Netflix", X: 0, Y: 0, Color: red, Emphasis: true},
			{ID: "b", Label: "The Eternaut & <friends>", X: 200, Y: 0, Color: blue},
			{ID: "c", Label: "Alone", X: 100, Y: 150, Color: blue},
		},
		Edges:   []Edge{{From: "b", To: "a", Label: "streamed on"}, {From: "a", To: "missing"}},
		Caption: "Reelgraph · memory",
	}
}

func TestSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := SVG(&buf, scene(), 800, 600); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	dec := xml.NewDecoder(strings.NewReader(out))
	counts := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
		}
	}
	for el, want := range map[string]int{"svg": 1, "circle": 3, "line": 1, "polygon": 1, "text": 5} {
		if counts[el] != want {
			t.Errorf("%d <%s> elements, want %d", counts[el], el, want)
		}
	}
	for _, want := range []string{"Netflix", "The Eternaut &amp; &lt;friends&gt;", "streamed on", `font-weight="bold"`, "Reelgraph · memory"} {
		if !strings.Contains(out, want) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
}

func TestPNG(t *testing.T) {
	var buf bytes.Buffer
	if err := PNG(&buf, scene(), 400, 300, 2); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 600 {
		t.Fatalf("the PNG is %v, want 800×600 at scale 2", b)
	}
	p := place(scene(), 400, 300)
	for _, n := range scene().Nodes {
		c := p.pos[n.ID]
		got := color.NRGBAModel.Convert(img.At(int(c[0]*2), int(c[1]*2))).(color.NRGBA)
		if got != n.Color {
			t.Errorf("the centre of %s is %v, want its colour %v", n.ID, got, n.Color)
		}
	}
	bg := color.NRGBAModel.Convert(img.At(2, 2)).(color.NRGBA)
	if bg != p.bg {
		t.Errorf("background %v, want %v", bg, p.bg)
	}
}

func TestEmptyScene(t *testing.T) {
	var buf bytes.Buffer
	if err := SVG(&buf, Scene{}, 100, 100); err != nil {
		t.Fatal(err)
	}
	if err := PNG(&buf, Scene{}, 100, 100, 1); err != nil {
		t.Fatal(err)
	}
}
