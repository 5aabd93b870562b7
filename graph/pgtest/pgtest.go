// Package pgtest runs throw-away PostgreSQL servers for tests: initdb into
// a temporary directory, a server on 127.0.0.1 at a free port, a fresh
// database per test, and everything removed afterwards.
//
// It uses the Debian packages' binaries (/usr/lib/postgresql/*/bin) or
// those on PATH. PostgreSQL refuses to run as root, so under root the
// server runs as the postgres user, which owns the temporary directory.
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrUnavailable is returned by Start when PostgreSQL is not installed or
// cannot run here; tests skip on it and on nothing else. When the
// environment sets RequireEnv (make test does), Start's errors do not wrap
// it: the tests fail instead of skipping.
var ErrUnavailable = errors.New("pgtest: PostgreSQL is unavailable")

// RequireEnv names the environment variable that makes PostgreSQL
// required.
const RequireEnv = "REELGRAPH_REQUIRE_POSTGRES"

// Password is the superuser's password on every server Start creates.
const Password = "reelgraph-test"

// Server is a PostgreSQL server in a temporary directory. Its methods are
// safe for concurrent use.
type Server struct {
	// User is the superuser that owns the databases.
	User string
	// Port is the TCP port on 127.0.0.1.
	Port int

	bin  string // the directory of initdb and postgres
	dir  string // temporary directory: data/, the socket, the log
	cred *syscall.Credential

	mu   sync.Mutex // guards proc and done
	proc *exec.Cmd
	done chan struct{} // closed when proc has exited
	dbs  atomic.Int64
}

// Start creates a cluster in a new temporary directory and starts a server
// on it. Close stops the server and removes the directory.
func Start() (*Server, error) {
	s, err := start()
	if err != nil && os.Getenv(RequireEnv) != "" && errors.Is(err, ErrUnavailable) {
		return nil, fmt.Errorf("%s is set, and: %s", RequireEnv, err)
	}
	return s, err
}

func start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	removeStale()
	s := &Server{bin: bin, User: "reelgraph"}
	if s.dir, err = os.MkdirTemp("", dirPrefix); err != nil {
		return nil, err
	}
	if err := s.setOwner(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.initdb(); err != nil {
		s.Close()
		return nil, err
	}
	if s.Port, err = freePort(); err != nil {
		s.Close()
		return nil, err
	}
	if err := s.Resume(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// dirPrefix names the temporary directories of servers.
const dirPrefix = "reelgraph-pg-"

// removeStale removes the directories of servers whose tests were killed
// before they could clean up (a test binary that times out exits without
// running its deferred calls): those older than ten minutes with no live
// server.
func removeStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), dirPrefix+"*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < 10*time.Minute || serverAlive(d) {
			continue
		}
		os.RemoveAll(d)
	}
}

// serverAlive reports whether the postmaster of the cluster in dir runs.
func serverAlive(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, "data", "postmaster.pid"))
	if err != nil {
		return false
	}
	pid, err := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0]))
	return err == nil && pid > 0 && syscall.Kill(pid, 0) == nil
}

// binDir finds the directory holding initdb and postgres: the newest
// /usr/lib/postgresql/N/bin, or PATH.
func binDir() (string, error) {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if isExec(filepath.Join(d, "initdb")) && isExec(filepath.Join(d, "postgres")) {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", fmt.Errorf("%w: no initdb in /usr/lib/postgresql/*/bin or on PATH (apt-get install postgresql)", ErrUnavailable)
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode()&0o111 != 0
}

// setOwner arranges for the server to run as the postgres user when the
// tests run as root.
func (s *Server) setOwner() error {
	if os.Geteuid() != 0 {
		return nil
	}
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("%w: running as root and there is no postgres user to run the server as", ErrUnavailable)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	s.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	return os.Chown(s.dir, uid, gid)
}

func (s *Server) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(filepath.Join(s.bin, name), args...)
	cmd.Dir = s.dir
	cmd.Env = []string{"PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=" + s.dir}
	// Pdeathsig: a test binary that dies takes its server with it.
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: s.cred, Pdeathsig: syscall.SIGQUIT}
	return cmd
}

func (s *Server) initdb() error {
	pw := filepath.Join(s.dir, "pwfile")
	if err := os.WriteFile(pw, []byte(Password+"\n"), 0o600); err != nil {
		return err
	}
	if s.cred != nil {
		os.Chown(pw, int(s.cred.Uid), int(s.cred.Gid))
	}
	out, err := s.command("initdb", "-D", "data", "-U", s.User, "--pwfile", pw,
		"--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput()
	os.Remove(pw)
	if err != nil {
		return fmt.Errorf("%w: initdb: %v\n%s", ErrUnavailable, err, out)
	}
	return nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Resume starts the server (again) and waits until it accepts connections.
func (s *Server) Resume() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc != nil {
		return nil
	}
	logf, err := os.OpenFile(filepath.Join(s.dir, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer logf.Close()
	// fsync=off: Stop kills the server, not the machine, so the kernel
	// still writes what it holds; commits stay synchronous, so a stopped
	// server has lost nothing committed.
	cmd := s.command("postgres", "-D", "data", "-p", strconv.Itoa(s.Port), "-k", s.dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
		"-c", "full_page_writes=off", "-c", "max_connections=200")
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: start postgres: %v", ErrUnavailable, err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	for deadline := time.Now().Add(30 * time.Second); s.ping() != nil; time.Sleep(50 * time.Millisecond) {
		select {
		case <-done:
			return fmt.Errorf("%w: postgres exited: %v\n%s", ErrUnavailable, cmd.ProcessState, s.Log())
		default:
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			<-done
			return fmt.Errorf("%w: postgres did not accept connections in 30s\n%s", ErrUnavailable, s.Log())
		}
	}
	s.proc, s.done = cmd, done
	return nil
}

func (s *Server) ping() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return err
	}
	return c.Close(ctx)
}

// Stop stops the server at once, as a crash or a pulled cable would:
// clients lose their connections. Resume starts it again.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil {
		return
	}
	s.proc.Process.Signal(syscall.SIGQUIT) // immediate shutdown
	<-s.done
	s.proc, s.done = nil, nil
}

// Close stops the server and removes its directory.
func (s *Server) Close() {
	s.Stop()
	if s.dir != "" {
		os.RemoveAll(s.dir)
	}
}

// URL returns the connection URL of database db as the superuser, with
// its password.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", s.User, Password, s.Port, db)
}

// NewDatabase creates an empty database with a fresh name and returns its
// name.
func (s *Server) NewDatabase(ctx context.Context) (string, error) {
	name := fmt.Sprintf("test%d", s.dbs.Add(1))
	c, err := pgx.Connect(ctx, s.URL("postgres"))
	if err != nil {
		return "", err
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return "", err
	}
	return name, nil
}

// Exec runs SQL statements in database db.
func (s *Server) Exec(ctx context.Context, db string, stmts ...string) error {
	c, err := pgx.Connect(ctx, s.URL(db))
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	for _, st := range stmts {
		if _, err := c.Exec(ctx, st); err != nil {
			return fmt.Errorf("%s: %w", strings.SplitN(st, " ", 3)[:2], err)
		}
	}
	return nil
}

// Log returns the server's log so far.
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
	return string(b)
}
