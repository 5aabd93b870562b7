package graph

import (
	_ "reelgraph/graph/backend/bolt"     // registers "bolt"
	_ "reelgraph/graph/backend/memory"   // registers "memory"
	_ "reelgraph/graph/backend/postgres" // registers "postgres"

	"reelgraph/graph/internal/backend"
)

// Errors of stores on a database server, tested with errors.Is. The error
// returned wraps one of them and the driver's own error.
var (
	ErrUnreachable = backend.ErrUnreachable
	ErrLogin       = backend.ErrLogin
	ErrNoDatabase  = backend.ErrNoDatabase
	ErrPrivilege   = backend.ErrPrivilege
)
