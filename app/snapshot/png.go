package snapshot

import (
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// PNG writes the scene as a PNG of w×h logical pixels drawn at scale (2
// gives a sharp picture for high-density screens and print: 2w×2h pixels).
func PNG(out io.Writer, s Scene, w, h int, scale float64) error {
	if scale <= 0 {
		scale = 1
	}
	p := place(s, float64(w), float64(h))
	img := image.NewRGBA(image.Rect(0, 0, int(float64(w)*scale), int(float64(h)*scale)))
	draw.Draw(img, img.Bounds(), image.NewUniform(p.bg), image.Point{}, draw.Src)
	faces, err := newFaces(scale)
	if err != nil {
		return err
	}
	c := &painter{img: img, scale: scale}
	for _, e := range s.Edges {
		x1, y1, x2, y2, head, ok := p.arrow(e)
		if !ok {
			continue
		}
		c.line(x1, y1, x2, y2, 1.5, p.edgeCol)
		c.polygon(head[:], p.edgeCol)
		if p.edgeLabels() && e.Label != "" {
			c.text(faces.italic, e.Label, (x1+x2)/2, (y1+y2)/2-3, p.edgeCol)
		}
	}
	for _, n := range s.Nodes {
		pos, r := p.pos[n.ID], p.radius[n.ID]
		c.circle(pos[0], pos[1], r+1.5, p.bg)
		c.circle(pos[0], pos[1], r, color.NRGBAModel.Convert(n.Color).(color.NRGBA))
		face := faces.regular
		if n.Emphasis {
			face = faces.bold
		}
		c.text(face, n.Label, pos[0], pos[1]+r+labelSize+2, p.fg)
	}
	if s.Caption != "" {
		c.textLeft(faces.italic, s.Caption, 12, float64(h)-12, p.fg)
	}
	return png.Encode(out, img)
}

type faces struct{ regular, bold, italic font.Face }

func newFaces(scale float64) (faces, error) {
	mk := func(ttf []byte, size float64) (font.Face, error) {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return nil, err
		}
		return opentype.NewFace(f, &opentype.FaceOptions{Size: size * scale, DPI: 72, Hinting: font.HintingFull})
	}
	var fs faces
	var err error
	if fs.regular, err = mk(goregular.TTF, labelSize); err != nil {
		return fs, err
	}
	if fs.bold, err = mk(gobold.TTF, labelSize); err != nil {
		return fs, err
	}
	fs.italic, err = mk(goitalic.TTF, edgeSize)
	return fs, err
}

// painter fills anti-aliased shapes onto an image, in logical pixels.
type painter struct {
	img   *image.RGBA
	scale float64
}

func (c *painter) fill(path func(r *vector.Rasterizer), col color.Color) {
	b := c.img.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	path(r)
	r.Draw(c.img, b, image.NewUniform(col), image.Point{})
}

func (c *painter) polygon(pts [][2]float64, col color.Color) {
	c.fill(func(r *vector.Rasterizer) {
		r.MoveTo(float32(pts[0][0]*c.scale), float32(pts[0][1]*c.scale))
		for _, p := range pts[1:] {
			r.LineTo(float32(p[0]*c.scale), float32(p[1]*c.scale))
		}
		r.ClosePath()
	}, col)
}

func (c *painter) line(x1, y1, x2, y2, width float64, col color.Color) {
	dx, dy := x2-x1, y2-y1
	d := math.Hypot(dx, dy)
	if d == 0 {
		return
	}
	nx, ny := -dy/d*width/2, dx/d*width/2
	c.polygon([][2]float64{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}}, col)
}

func (c *painter) circle(x, y, r float64, col color.Color) {
	const steps = 48
	pts := make([][2]float64, steps)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / steps
		pts[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	c.polygon(pts, col)
}

// text draws s centred on x with its baseline at y.
func (c *painter) text(face font.Face, s string, x, y float64, col color.Color) {
	w := font.MeasureString(face, s)
	c.draw(face, s, fixed.Int26_6(x*c.scale*64)-w/2, y, col)
}

// textLeft draws s starting at x with its baseline at y.
func (c *painter) textLeft(face font.Face, s string, x, y float64, col color.Color) {
	c.draw(face, s, fixed.Int26_6(x*c.scale*64), y, col)
}

func (c *painter) draw(face font.Face, s string, x fixed.Int26_6, y float64, col color.Color) {
	d := &font.Drawer{Dst: c.img, Src: image.NewUniform(col), Face: face,
		Dot: fixed.Point26_6{X: x, Y: fixed.Int26_6(y * c.scale * 64)}}
	d.DrawString(s)
}
