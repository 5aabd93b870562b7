package bolt

import (
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
)

// liveBolt are the options of the bolt store a Store reads from. When it
// opens, Cayley's bolt store reads every quad into a bloom filter that
// only speeds up the duplicate checks of writes: seconds and tens of
// megabytes for half a million quads. The live store is written only by
// Load, whose duplicate checks then read the index instead; imports write
// into a copy through kvBulk, which reads the indexes too.
var liveBolt = cgraph.Options{kv.OptNoBloom: true}
