//go:build unix

package bolt

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"reelgraph/graph/internal/backend"
)

// lockDir takes an exclusive lock on dir for as long as the returned file
// stays open. It fails at once with ErrLocked when another process holds it.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("graph: lock %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, backend.ErrLocked
		}
		return nil, fmt.Errorf("graph: lock %s: %w", dir, err)
	}
	return f, nil
}

// fileBusy reports whether another process holds a lock on the file at path,
// as a bolt database does while open.
func fileBusy(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
