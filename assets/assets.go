// Package assets holds Reelgraph's icons and other resources, embedded in
// the binary.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var iconPNG []byte

// Icon is Reelgraph's application icon: a graph of four cited nodes.
var Icon = fyne.NewStaticResource("reelgraph.png", iconPNG)
