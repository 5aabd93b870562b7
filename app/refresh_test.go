package app

import (
	"net"
	"strings"
	"testing"
)

// TestDatabaseUnreachableCLI: a database server that does not answer is
// one line on stderr that says what to do, without the password.
func TestDatabaseUnreachableCLI(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	_, errs, code := run(t, "--db", "postgres://ana:s3cret@"+addr+"/films?sslmode=disable", "stats")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "reelgraph: ") ||
		!strings.Contains(errs, "does not answer") || !strings.Contains(errs, "check that it runs") {
		t.Errorf("stderr = %q, want one line saying the server does not answer and what to do", errs)
	}
	if strings.Contains(errs, "s3cret") {
		t.Errorf("stderr shows the password: %q", errs)
	}
}
