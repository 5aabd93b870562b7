//go:build unix

package cli

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestImportRefusesWhatIsNotAFile: a pipe would be read once for the
// digest and then block, /dev/zero would never end; both are refused
// before a byte is read.
func TestImportRefusesWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "films.nq")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, path := range []string{fifo, "/dev/zero", dir} {
		_, errs, code := run(t, "--db", "memory", "import", path)
		if code != 1 || !strings.Contains(errs, "not a regular file") {
			t.Errorf("import %s: exit %d, %s", path, code, errs)
		}
	}
}
