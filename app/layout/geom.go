package layout

import "math"

// Point is a position or vector in world units.
type Point struct{ X, Y float64 }

// Add returns p+q.
func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }

// Sub returns p-q.
func (p Point) Sub(q Point) Point { return Point{p.X - q.X, p.Y - q.Y} }

// Len returns the Euclidean length of p.
func (p Point) Len() float64 { return math.Hypot(p.X, p.Y) }

// Rect is an axis-aligned rectangle; Min is its top-left corner.
type Rect struct{ Min, Max Point }

// Empty reports whether r contains no area and no point, which is the case
// for the bounds of a layout without nodes.
func (r Rect) Empty() bool { return r.Min.X > r.Max.X || r.Min.Y > r.Max.Y }

// Width returns the horizontal extent of r.
func (r Rect) Width() float64 { return r.Max.X - r.Min.X }

// Height returns the vertical extent of r.
func (r Rect) Height() float64 { return r.Max.Y - r.Min.Y }

// Center returns the middle of r.
func (r Rect) Center() Point { return Point{(r.Min.X + r.Max.X) / 2, (r.Min.Y + r.Max.Y) / 2} }

// emptyRect is the identity for extending a rectangle by points.
func emptyRect() Rect {
	return Rect{Min: Point{math.Inf(1), math.Inf(1)}, Max: Point{math.Inf(-1), math.Inf(-1)}}
}

// extend grows r to contain p.
func (r Rect) extend(p Point) Rect {
	r.Min.X, r.Min.Y = math.Min(r.Min.X, p.X), math.Min(r.Min.Y, p.Y)
	r.Max.X, r.Max.Y = math.Max(r.Max.X, p.X), math.Max(r.Max.Y, p.Y)
	return r
}
