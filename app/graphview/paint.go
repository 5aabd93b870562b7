package graphview

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math"

	"fyne.io/fyne/v2"
	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"
	"golang.org/x/image/vector"
)

// maxSprites bounds the cache of node discs; past it the cache starts afresh.
const maxSprites = 512

// painter draws a frame's edges, arrowheads, discs, icons, rings, pins and
// label plates into one image, which the renderer shows as a single
// canvas.Raster: a GL driver then uploads one texture a frame instead of
// drawing thousands of objects. Lines, arrowheads and rings are drawn
// pixel by pixel, anti-aliased; discs with their icons come from a cache
// of sprites; plates go through x/image/vector. The images and paths are
// reused from frame to frame. Copies of a painter with another clip paint
// strips of the same image on several cores.
type painter struct {
	// base holds the edges and nodes last painted, without the plates:
	// a pan shifts it and paints only the strips it exposes.
	base      *image.RGBA
	baseGen   uint64        // the renderer's gen it was painted for
	basePan   fyne.Position // the view's pan it was painted for
	baseScale float32
	exposed   []image.Rectangle // what reuseBase left to paint

	img     *image.RGBA
	clip    image.Rectangle // the part of img this painter may touch: a band, when painting on several cores
	z       vector.Rasterizer
	shape   polys // a plate
	sprites map[spriteKey]*image.RGBA
	style   Style   // the colours and icons of the kinds
	scale   float32 // image pixels per widget unit, for the frame being drawn
	shift   float32 // widget units from the image's corner to the widget's
}

// px returns the image pixel at widget position p.
func (z *painter) px(p fyne.Position) (x, y float32) {
	return (p.X + z.shift) * z.scale, (p.Y + z.shift) * z.scale
}

// spriteKey names a drawn disc: a kind's colour and icon at a radius, in
// quarter pixels, with a rim of the background colour.
type spriteKey struct {
	kind   string
	radius int32
	rim    color.NRGBA
}

// polys collects polygons to fill at once in one colour, with the
// rasterizer of golang.org/x/image/vector: a disc of a sprite, a plate.
type polys struct {
	pts            []float32 // x, y pairs, in image pixels
	ends           []int     // end of each polygon in pts
	x0, y0, x1, y1 float32   // bounds
}

func (p *polys) reset() {
	p.pts, p.ends = p.pts[:0], p.ends[:0]
	p.x0, p.y0, p.x1, p.y1 = math.MaxFloat32, math.MaxFloat32, -math.MaxFloat32, -math.MaxFloat32
}

// circle adds a circle of radius r around (x, y), as a polygon fine
// enough not to show its corners.
func (p *polys) circle(x, y, r float32) {
	n := max(12, min(72, int(r*1.6)))
	for i := range n {
		a := 2 * math.Pi * float64(i) / float64(n)
		p.pts = append(p.pts, x+r*float32(math.Cos(a)), y+r*float32(math.Sin(a)))
	}
	p.ends = append(p.ends, len(p.pts))
	p.x0, p.x1 = min(p.x0, x-r), max(p.x1, x+r)
	p.y0, p.y1 = min(p.y0, y-r), max(p.y1, y+r)
}

// roundRect adds a rectangle with corners rounded by radius c.
func (p *polys) roundRect(x0, y0, x1, y1, c float32) {
	c = min(c, (x1-x0)/2, (y1-y0)/2)
	corners := [4][3]float32{{x1 - c, y0 + c, -90}, {x1 - c, y1 - c, 0}, {x0 + c, y1 - c, 90}, {x0 + c, y0 + c, 180}}
	for _, k := range corners {
		for i := range 4 {
			a := float64(k[2]+float32(i)*30) * math.Pi / 180
			p.pts = append(p.pts, k[0]+c*float32(math.Cos(a)), k[1]+c*float32(math.Sin(a)))
		}
	}
	p.ends = append(p.ends, len(p.pts))
	p.x0, p.y0, p.x1, p.y1 = min(p.x0, x0), min(p.y0, y0), max(p.x1, x1), max(p.y1, y1)
}

// fill lays the polygons of p onto dst in colour c, anti-aliased,
// rasterizing only the part of dst they cover.
func (z *painter) fill(p *polys, c color.Color) {
	if len(p.ends) == 0 {
		return
	}
	r := image.Rect(int(math.Floor(float64(p.x0))), int(math.Floor(float64(p.y0))),
		int(math.Ceil(float64(p.x1)))+1, int(math.Ceil(float64(p.y1)))+1).Intersect(z.img.Rect)
	if r.Empty() {
		return
	}
	z.z.Reset(r.Dx(), r.Dy())
	z.z.DrawOp = draw.Over
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	start := 0
	for _, end := range p.ends {
		z.z.MoveTo(p.pts[start]-ox, p.pts[start+1]-oy)
		for i := start + 2; i < end; i += 2 {
			z.z.LineTo(p.pts[i]-ox, p.pts[i+1]-oy)
		}
		z.z.ClosePath()
		start = end
	}
	z.z.Draw(z.img, r, image.NewUniform(c), image.Point{})
}

// reuseBase returns the base image for a frame of w×h pixels painted for
// generation gen at the view's pan, and sets z.exposed to what is left to
// paint on it: everything, cleared (full is then true), unless the base
// was painted for the same generation and scale at a pan a whole number of
// pixels away, when its content is shifted by that much and only the
// strips the shift exposed are cleared and left to paint.
func (z *painter) reuseBase(w, h int, gen uint64, pan fyne.Position) (base *image.RGBA, full bool) {
	dx, dy := (pan.X-z.basePan.X)*z.scale, (pan.Y-z.basePan.Y)*z.scale
	ix, iy := int(math.Round(float64(dx))), int(math.Round(float64(dy)))
	reuse := z.base != nil && z.base.Rect.Dx() == w && z.base.Rect.Dy() == h && gen == z.baseGen && z.scale == z.baseScale &&
		abs32(dx-float32(ix)) < 1e-3 && abs32(dy-float32(iy)) < 1e-3 && abs(ix) < w && abs(iy) < h
	z.baseGen, z.basePan, z.baseScale = gen, pan, z.scale
	z.exposed = z.exposed[:0]
	switch {
	case z.base == nil || z.base.Rect.Dx() != w || z.base.Rect.Dy() != h:
		z.base = image.NewRGBA(image.Rect(0, 0, w, h))
	case !reuse:
		clear(z.base.Pix)
	default:
		z.exposed = shiftImage(z.base, ix, iy, z.exposed)
		return z.base, false
	}
	z.exposed = append(z.exposed, z.base.Rect)
	return z.base, true
}

// clearRect makes the rectangle a of img transparent.
func clearRect(img *image.RGBA, a image.Rectangle) {
	a = a.Intersect(img.Rect)
	for y := a.Min.Y; y < a.Max.Y; y++ {
		clear(img.Pix[img.PixOffset(a.Min.X, y):img.PixOffset(a.Max.X, y)])
	}
}

// shiftImage moves the content of img by (dx, dy) pixels, clears what it
// uncovers and appends the uncovered rectangles to exposed.
func shiftImage(img *image.RGBA, dx, dy int, exposed []image.Rectangle) []image.Rectangle {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	row := func(y int) []uint8 { return img.Pix[y*img.Stride : y*img.Stride+w*4] }
	move := func(dst, src int) {
		d, s := row(dst), row(src)
		switch {
		case dx >= 0:
			copy(d[dx*4:], s[:(w-dx)*4])
			clear(d[:dx*4])
		default:
			copy(d, s[-dx*4:])
			clear(d[(w+dx)*4:])
		}
	}
	if dy >= 0 {
		for y := h - 1; y >= dy; y-- {
			move(y, y-dy)
		}
		for y := range dy {
			clear(row(y))
		}
	} else {
		for y := 0; y < h+dy; y++ {
			move(y, y-dy)
		}
		for y := h + dy; y < h; y++ {
			clear(row(y))
		}
	}
	kept := image.Rect(0, max(0, dy), w, min(h, h+dy)) // rows that hold shifted content
	if dy > 0 {
		exposed = append(exposed, image.Rect(0, 0, w, dy))
	} else if dy < 0 {
		exposed = append(exposed, image.Rect(0, h+dy, w, h))
	}
	if dx > 0 {
		exposed = append(exposed, image.Rect(0, kept.Min.Y, dx, kept.Max.Y))
	} else if dx < 0 {
		exposed = append(exposed, image.Rect(w+dx, kept.Min.Y, w, kept.Max.Y))
	}
	return exposed
}

func abs(v int) int { return max(v, -v) }

// frame returns the image for a frame of w×h pixels, as the last frame
// of that size left it.
func (z *painter) frame(w, h int) *image.RGBA {
	if z.img == nil || z.img.Rect.Dx() != w || z.img.Rect.Dy() != h {
		z.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	z.clip = z.img.Rect
	return z.img
}

// premul is a colour with premultiplied 8-bit components.
type premul struct{ r, g, b, a uint32 }

func premulOf(c color.NRGBA) premul {
	r, g, b, a := c.RGBA()
	return premul{r >> 8, g >> 8, b >> 8, a >> 8}
}

// blend lays c over the pixel at offset i of pix with coverage cov in [0, 1].
func blend(pix []uint8, i int, c premul, cov float32) {
	k := uint32(cov*255 + 0.5)
	if k == 0 {
		return
	}
	sa := c.a * k / 255
	inv := 255 - sa
	pix[i+0] = uint8(c.r*k/255 + uint32(pix[i+0])*inv/255)
	pix[i+1] = uint8(c.g*k/255 + uint32(pix[i+1])*inv/255)
	pix[i+2] = uint8(c.b*k/255 + uint32(pix[i+2])*inv/255)
	pix[i+3] = uint8(sa + uint32(pix[i+3])*inv/255)
}

// line draws the segment from a to b (widget units), width pixels wide,
// anti-aliased: each column (or row, for steep lines) of pixels it crosses
// is covered by the share of the pixel the line's band takes up. The
// segment is first clipped to the painter's clip, so that a long edge
// through a zoomed-in view costs only the part on show.
func (z *painter) line(a, b fyne.Position, width float32, c premul) {
	img, cl := z.img, z.clip
	ax, ay := z.px(a)
	bx, by := z.px(b)
	ax, ay, bx, by, ok := clipSegment(ax, ay, bx, by,
		float32(cl.Min.X)-width, float32(cl.Min.Y)-width, float32(cl.Max.X)+width, float32(cl.Max.Y)+width)
	if !ok {
		return
	}
	// Walk the major axis ("x") and cover across the minor one ("y").
	majorStep, minorStep := 4, img.Stride
	major0, major1, minor0, minor1 := cl.Min.X, cl.Max.X, cl.Min.Y, cl.Max.Y
	if abs32(by-ay) > abs32(bx-ax) {
		ax, ay, bx, by = ay, ax, by, bx
		majorStep, minorStep = img.Stride, 4
		major0, major1, minor0, minor1 = minor0, minor1, major0, major1
	}
	if ax > bx {
		ax, ay, bx, by = bx, by, ax, ay
	}
	if bx-ax < 1e-3 {
		return
	}
	slope := (by - ay) / (bx - ax)
	half := width * float32(math.Sqrt(float64(1+slope*slope))) / 2 // half the band, across the minor axis
	pix := img.Pix
	for x, xe := max(major0, ifloor(ax)), min(major1-1, ifloor(bx)); x <= xe; x++ {
		l, r := float32(x), float32(x+1) // the part of the column the segment spans
		if ax > l {
			l = ax
		}
		if bx < r {
			r = bx
		}
		span := r - l
		if span <= 0 {
			continue
		}
		yc := ay + ((l+r)*0.5-ax)*slope
		lo, hi := yc-half, yc+half
		for y, ye := max(minor0, ifloor(lo)), min(minor1-1, ifloor(hi)); y <= ye; y++ {
			top, bottom := float32(y), float32(y+1)
			if lo > top {
				top = lo
			}
			if hi < bottom {
				bottom = hi
			}
			k := uint32((bottom-top)*span*255 + 0.5)
			if bottom <= top || k == 0 {
				continue
			}
			i := x*majorStep + y*minorStep
			p := pix[i : i+4 : i+4]
			sa := div255(c.a * k)
			inv := 255 - sa
			p[0] = uint8(div255(c.r*k + uint32(p[0])*inv))
			p[1] = uint8(div255(c.g*k + uint32(p[1])*inv))
			p[2] = uint8(div255(c.b*k + uint32(p[2])*inv))
			p[3] = uint8(sa + div255(uint32(p[3])*inv))
		}
	}
}

// div255 returns v/255 rounded, for v up to 255×255×2.
func div255(v uint32) uint32 { return (v + 128 + (v+128)>>8) >> 8 }

// ifloor returns the largest integer not above v.
func ifloor(v float32) int {
	i := int(v)
	if float32(i) > v {
		i--
	}
	return i
}

// head draws an arrowhead whose point is at tip (widget units), pointing
// along the unit vector (ux, uy), size pixels long.
func (z *painter) head(tip fyne.Position, ux, uy, size float32, c premul) {
	tx, ty := z.px(tip)
	// The triangle inscribed in a circle of diameter size, as canvas.Polygon
	// draws one: 3/4 of size long, 0.87 of it wide.
	bx, by := tx-ux*size*0.75, ty-uy*size*0.75
	hx, hy := -uy*size*0.433, ux*size*0.433
	z.triangle([3][2]float32{{tx, ty}, {bx - hx, by - hy}, {bx + hx, by + hy}}, c)
}

// triangle fills the triangle v (pixels), anti-aliased by each pixel
// centre's distance to the nearest side.
func (z *painter) triangle(v [3][2]float32, c premul) {
	img, cl := z.img, z.clip
	x0 := max(cl.Min.X, int(floor32(min(v[0][0], v[1][0], v[2][0]))))
	y0 := max(cl.Min.Y, int(floor32(min(v[0][1], v[1][1], v[2][1]))))
	x1 := min(cl.Max.X-1, int(floor32(max(v[0][0], v[1][0], v[2][0]))))
	y1 := min(cl.Max.Y-1, int(floor32(max(v[0][1], v[1][1], v[2][1]))))
	if x0 > x1 || y0 > y1 {
		return
	}
	// Each side as nx·x + ny·y + k, positive inside, in pixels.
	var sides [3][3]float32
	area := (v[1][0]-v[0][0])*(v[2][1]-v[0][1]) - (v[1][1]-v[0][1])*(v[2][0]-v[0][0])
	if area == 0 {
		return
	}
	for i := range 3 {
		p, q := v[i], v[(i+1)%3]
		nx, ny := p[1]-q[1], q[0]-p[0]
		if area < 0 {
			nx, ny = -nx, -ny
		}
		l := float32(math.Hypot(float64(nx), float64(ny)))
		if l == 0 {
			return
		}
		nx, ny = nx/l, ny/l
		sides[i] = [3]float32{nx, ny, -(nx*p[0] + ny*p[1])}
	}
	for y := y0; y <= y1; y++ {
		py := float32(y) + 0.5
		for x := x0; x <= x1; x++ {
			px := float32(x) + 0.5
			d := float32(math.MaxFloat32)
			for _, e := range sides {
				d = min(d, e[0]*px+e[1]*py+e[2])
			}
			if d > -0.5 {
				blend(img.Pix, y*img.Stride+x*4, c, min(1, d+0.5))
			}
		}
	}
}

func abs32(v float32) float32 { return float32(math.Abs(float64(v))) }

func floor32(v float32) float32 { return float32(math.Floor(float64(v))) }

// clipSegment clips the segment from (ax, ay) to (bx, by) to the rectangle
// (x0, y0)–(x1, y1) (Liang–Barsky), reporting whether any of it is left.
func clipSegment(ax, ay, bx, by, x0, y0, x1, y1 float32) (float32, float32, float32, float32, bool) {
	t0, t1 := float32(0), float32(1)
	dx, dy := bx-ax, by-ay
	for _, c := range [4][2]float32{{-dx, ax - x0}, {dx, x1 - ax}, {-dy, ay - y0}, {dy, y1 - ay}} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return 0, 0, 0, 0, false
		}
	}
	return ax + t0*dx, ay + t0*dy, ax + t1*dx, ay + t1*dy, true
}

// spriteFor returns the key of the disc of a node of the given kind,
// radius units wide, drawing the disc into the cache if it is not there:
// call it before painting on several cores, which only read the cache.
func (z *painter) spriteFor(kind string, radius float32, rim color.NRGBA) spriteKey {
	k := spriteKey{kind: kind, radius: int32(math.Round(float64(radius * z.scale * 4))), rim: rim}
	if z.sprites[k] == nil {
		if len(z.sprites) >= maxSprites || z.sprites == nil {
			z.sprites = make(map[spriteKey]*image.RGBA)
		}
		z.sprites[k] = z.drawSprite(k)
	}
	return k
}

// disc draws the cached disc k centred at c (widget units).
func (z *painter) disc(k spriteKey, c fyne.Position) {
	sp := z.sprites[k]
	if sp == nil {
		return
	}
	half := float32(sp.Rect.Dx()) / 2
	x, y := z.px(c)
	at := image.Pt(int(math.Round(float64(x-half))), int(math.Round(float64(y-half))))
	blitOver(z.img, z.clip, at, sp)
}

// blitOver lays src over the clip of dst with its top left corner at at:
// transparent pixels are skipped and opaque ones copied, which is most of
// a disc.
func blitOver(dst *image.RGBA, clip image.Rectangle, at image.Point, src *image.RGBA) {
	r := src.Rect.Add(at).Intersect(clip)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		d := dst.Pix[dst.PixOffset(r.Min.X, y):]
		sp := src.Pix[src.PixOffset(r.Min.X-at.X, y-at.Y):]
		for i := 0; i < 4*r.Dx(); i += 4 {
			switch a := uint32(sp[i+3]); a {
			case 0:
			case 255:
				copy(d[i:i+4], sp[i:i+4])
			default:
				inv := 255 - a
				d[i+0] = uint8(uint32(sp[i+0]) + uint32(d[i+0])*inv/255)
				d[i+1] = uint8(uint32(sp[i+1]) + uint32(d[i+1])*inv/255)
				d[i+2] = uint8(uint32(sp[i+2]) + uint32(d[i+2])*inv/255)
				d[i+3] = uint8(a + uint32(d[i+3])*inv/255)
			}
		}
	}
}

// ring paints the annulus between radii inner and outer (pixels) around
// the widget position c, anti-aliased by distance.
func (z *painter) ring(c fyne.Position, inner, outer float32, col premul) {
	x, y := z.px(c)
	cl := z.clip
	for py := max(cl.Min.Y, int(floor32(y-outer))); py <= min(cl.Max.Y-1, int(floor32(y+outer))); py++ {
		for px := max(cl.Min.X, int(floor32(x-outer))); px <= min(cl.Max.X-1, int(floor32(x+outer))); px++ {
			dx, dy := float32(px)+0.5-x, float32(py)+0.5-y
			d := float32(math.Sqrt(float64(dx*dx + dy*dy)))
			cov := min(1, max(0, outer-d+0.5)) * min(1, max(0, d-inner+0.5))
			if cov > 0 {
				blend(z.img.Pix, py*z.img.Stride+px*4, col, cov)
			}
		}
	}
}

// drawSprite draws the disc k names: a rim of 1.5 units, the kind's colour
// inside it and its icon, 1.1 radii wide, in the middle.
func (z *painter) drawSprite(k spriteKey) *image.RGBA {
	r := float32(k.radius) / 4
	side := int(math.Ceil(float64(2*r))) + 2
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	sp := &painter{img: img, clip: img.Rect, scale: 1}
	c := float32(side) / 2
	col, icon, _ := z.style(k.kind)
	sp.shape.reset()
	sp.shape.circle(c, c, r)
	sp.fill(&sp.shape, k.rim)
	sp.shape.reset()
	sp.shape.circle(c, c, max(0, r-1.5*z.scale))
	sp.fill(&sp.shape, col)
	if ic := int(math.Round(float64(r * 1.1))); ic >= 4 {
		if img := rasterIcon(icon, ic); img != nil {
			o := (side - ic) / 2
			draw.Draw(sp.img, image.Rect(o, o, o+ic, o+ic), img, image.Point{}, draw.Over)
		}
	}
	return sp.img
}

// rasterIcon draws an SVG icon side pixels square, as Fyne draws icons; nil
// if it cannot be read.
func rasterIcon(res fyne.Resource, side int) (img *image.NRGBA) {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(res.Content()))
	if err != nil {
		return nil
	}
	icon.SetTarget(0, 0, float64(side), float64(side))
	img = image.NewNRGBA(image.Rect(0, 0, side, side))
	defer func() {
		if recover() != nil { // oksvg panics on some malformed paths
			img = nil
		}
	}()
	icon.Draw(rasterx.NewDasher(side, side, rasterx.NewScannerGV(side, side, img, img.Bounds())), 1)
	return img
}
