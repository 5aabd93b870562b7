//go:build !unix

package bolt

import "os"

// lockDir is a no-op where flock is not available; bolt's own lock still
// keeps a second writer out.
func lockDir(dir string) (*os.File, error) { return nil, nil }

func fileBusy(path string) bool { return false }
