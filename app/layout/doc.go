// Package layout computes force-directed positions for the nodes of a graph
// shown in Reelgraph's explorer canvas.
//
// It is pure Go and knows nothing of the GUI: nodes are addressed by string
// ID, positions are float64 world units, and a [Layout] advances one
// iteration per [Layout.Step]. Repulsion between all nodes is approximated
// with a Barnes–Hut quadtree so that a step costs O(n log n); springs pull
// linked nodes towards a rest length; weak gravity keeps components near the
// origin; pinned nodes never move. A cooling schedule (alpha, as in d3-force)
// brings the layout to rest and any change to the graph reheats it.
//
// A Layout is deterministic: the same sequence of operations on layouts made
// with the same [Config] yields the same positions.
//
// Beside the force layout, [Circular], [Radial] and [Hierarchical] compute
// fixed arrangements of a graph given as IDs and an [Adjacency], and
// [Degree] and [PageRank] measure its nodes; all are deterministic.
package layout
