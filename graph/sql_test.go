package graph_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/jackc/pgx/v5"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
	"reelgraph/graph/internal/backend"
	"reelgraph/graph/pgtest"
)

// pg is the throw-away PostgreSQL server the tests of this package share;
// nil when PostgreSQL cannot run here (pgErr says why).
var (
	pg    *pgtest.Server
	pgErr error
)

func TestMain(m *testing.M) {
	if os.Getenv(importEnv) != "" || os.Getenv(hostileEnv) != "" {
		// BenchmarkImportFilm's child process, whose time and memory are
		// measured: without a PostgreSQL server of its own.
		os.Exit(m.Run())
	}
	pg, pgErr = pgtest.Start()
	if pgErr != nil && !errors.Is(pgErr, pgtest.ErrUnavailable) {
		fmt.Fprintln(os.Stderr, "graph tests: start PostgreSQL:", pgErr)
		os.Exit(1)
	}
	code := m.Run()
	if pg != nil {
		pg.Close()
	}
	os.Exit(code)
}

// needPG skips t when PostgreSQL could not be installed or started.
func needPG(t testing.TB) *pgtest.Server {
	t.Helper()
	if pg == nil {
		t.Skipf("PostgreSQL is not available, so the PostgreSQL tests do not run: %v", pgErr)
	}
	return pg
}

// newPGLocation creates a fresh database and returns its location.
func newPGLocation(t testing.TB) graph.Location {
	t.Helper()
	srv := needPG(t)
	db, err := srv.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	loc, err := graph.ParseLocation(srv.URL(db))
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestPostgresConformance(t *testing.T) {
	graphtest.Run(t, func(t *testing.T, opt graph.Options) *graph.Store {
		return open(t, newPGLocation(t), opt)
	})
}

func TestPostgresFailedSeedLeavesNothing(t *testing.T) {
	ctx := context.Background()
	loc := newPGLocation(t)
	_, err := graph.Open(ctx, loc, graph.Options{Seed: func() graphtestReader { return brokenReader{} }})
	if err == nil {
		t.Fatal("Open with a broken seed succeeded")
	}
	s := open(t, loc, graph.Options{Seed: graphtest.Fixture})
	defer s.Close()
	if st, _ := s.Stats(ctx); st.Quads != graphtest.FixtureQuads {
		t.Errorf("after a failed seed, a second Open found an old store: %d quads, want it seeded with %d",
			st.Quads, graphtest.FixtureQuads)
	}
}

func TestPostgresRefusesForeignTables(t *testing.T) {
	srv := needPG(t)
	ctx := context.Background()
	db, err := srv.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Exec(ctx, db, `CREATE TABLE nodes (id int)`, `INSERT INTO nodes VALUES (1)`); err != nil {
		t.Fatal(err)
	}
	loc, _ := graph.ParseLocation(srv.URL(db))
	_, err = graph.Open(ctx, loc, graph.Options{Seed: graphtest.Fixture})
	if !errors.Is(err, graph.ErrNotStore) {
		t.Errorf("Open error = %v, want ErrNotStore", err)
	}
}

func TestParseDatabaseLocation(t *testing.T) {
	for _, tc := range []struct {
		in, shown string
		backend   graph.Backend
		wantErr   bool
	}{
		{"postgres://ana:s3cret@db.example:5432/films?sslmode=require",
			"postgres://ana:xxxxx@db.example:5432/films?sslmode=require", graph.Postgres, false},
		{"postgresql://ana@db/films", "postgresql://ana@db/films", graph.Postgres, false},
		{"postgres://ana@db/films?password=s3cret&sslmode=disable",
			"postgres://ana@db/films?password=xxxxx&sslmode=disable", graph.Postgres, false},
		{"cockroach://root:s3cret@crdb:26257/films", "", "", true}, // CockroachDB is not a backend
		{"postgres://ana:s3cret@db", "", "", true},
		{"postgres://ana:s3cret@db:port/films", "", "", true},
		{"mysql://ana:s3cret@db/films", "", "", true},
	} {
		loc, err := graph.ParseLocation(tc.in)
		if (err != nil) != tc.wantErr {
			t.Errorf("ParseLocation(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if err != nil {
			if strings.Contains(err.Error(), "s3cret") {
				t.Errorf("ParseLocation(%q) error shows the password: %v", tc.in, err)
			}
			continue
		}
		if loc.Backend != tc.backend || loc.String() != tc.shown {
			t.Errorf("ParseLocation(%q) = %s %q, want %s %q", tc.in, loc.Backend, loc, tc.backend, tc.shown)
		}
	}
}

func TestPostgresFailures(t *testing.T) {
	srv := needPG(t)
	ctx := context.Background()
	db, err := srv.NewDatabase(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wrong := strings.Replace(srv.URL(db), pgtest.Password, "not-the-password", 1)
	for _, tc := range []struct {
		name, url string
		want      error
	}{
		{"wrong password", wrong, graph.ErrLogin},
		{"no such database", srv.URL("nosuchdb"), graph.ErrNoDatabase},
		{"unreachable", fmt.Sprintf("postgres://ana:s3cret@127.0.0.1:%d/films?sslmode=disable", closedPort(t)), graph.ErrUnreachable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := graph.ParseLocation(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			_, err = graph.Open(ctx, loc, graph.Options{Seed: graphtest.Fixture})
			if !errors.Is(err, tc.want) {
				t.Fatalf("Open error = %v, want %v", err, tc.want)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || strings.Contains(msg, "s3cret") || strings.Contains(msg, "not-the-password") {
				t.Errorf("Open error is not one line without the password: %q", msg)
			}
		})
	}
}

// ownServer starts a PostgreSQL server for t alone, for tests that stop it.
func ownServer(t *testing.T) *pgtest.Server {
	t.Helper()
	needPG(t)
	srv, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv
}

// seeded opens a store on a new database of srv, seeded with the suite's
// fixture, and closes it when t ends. It returns the database's name too.
func seeded(t *testing.T, srv *pgtest.Server) (*graph.Store, string) {
	t.Helper()
	db, err := srv.NewDatabase(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	loc, _ := graph.ParseLocation(srv.URL(db))
	s := open(t, loc, graph.Options{Seed: graphtest.Fixture})
	t.Cleanup(func() { s.Close() })
	return s, db
}

// closedPort returns a port on 127.0.0.1 that nothing listens on.
func closedPort(t *testing.T) int {
	srv, err := pgtest.Start() // its port, once it is closed, is free
	if err != nil {
		t.Skip(err)
	}
	srv.Close()
	return srv.Port
}

// TestPostgresReconnects stops the server under an open store: queries
// fail with ErrUnreachable, the store stays usable, and once the server is
// back the same store answers again.
func TestPostgresReconnects(t *testing.T) {
	srv := ownServer(t)
	ctx := context.Background()
	s, _ := seeded(t, srv)
	if _, err := s.Node(ctx, "urn:reelgraph:id:netflix"); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	_, err := s.Node(ctx, "urn:reelgraph:id:eternaut")
	if !errors.Is(err, graph.ErrUnreachable) || strings.Contains(err.Error(), "\n") {
		t.Errorf("Node with the server down: error = %q, want one line wrapping ErrUnreachable", err)
	}
	if _, err := s.Stats(ctx); !errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("Stats with the server down: error = %v, want ErrUnreachable", err)
	}
	if err := srv.Resume(); err != nil {
		t.Fatal(err)
	}
	n, err := s.Node(ctx, "urn:reelgraph:id:eternaut")
	if err != nil || n.Label != "The Eternaut" {
		t.Errorf("Node once the server is back = %q, %v; want The Eternaut", n.Label, err)
	}
	if st, err := s.Stats(ctx); err != nil || st.Quads != graphtest.FixtureQuads {
		t.Errorf("Stats once the server is back = %+v, %v", st, err)
	}
}

// TestPostgresConcurrentLoads runs overlapping loads into one database
// from two stores at once: every quad lands once, and Cayley's reference
// counts stay exact.
func TestPostgresConcurrentLoads(t *testing.T) {
	ctx := context.Background()
	loc := newPGLocation(t)
	const n = 3000
	quads := func(from, to int) graphtestReader {
		var sb strings.Builder
		for i := from; i < to; i++ {
			fmt.Fprintf(&sb, "<urn:t:%d> <urn:t:p%d> \"v%d\" <urn:t:src%d> .\n", i, i%7, i, i%3)
			fmt.Fprintf(&sb, "<urn:t:%d> <urn:t:next> <urn:t:%d> .\n", i, i+1)
		}
		return nquads.NewReader(strings.NewReader(sb.String()), true)
	}
	var stores [4]*graph.Store
	for i := range stores {
		stores[i] = open(t, loc, graph.Options{})
		defer stores[i].Close()
	}
	errs := make(chan error, len(stores))
	for i, s := range stores {
		go func() {
			_, err := s.Load(ctx, quads(i*n/4, i*n/4+n/2)) // each overlaps the next
			errs <- err
		}()
	}
	for range stores {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	total := 3*n/4 + n/2
	st, err := stores[0].Stats(ctx)
	if err != nil || st.Quads != int64(2*total) {
		t.Errorf("after concurrent loads, %d quads, %v; want %d", st.Quads, err, 2*total)
	}
	u, _ := url.Parse(loc.URL)
	if err := pg.Exec(ctx, strings.TrimPrefix(u.Path, "/"),
		`DO $$ BEGIN IF (SELECT sum(refs) FROM nodes) <> (SELECT 3*count(*) + count(label_hash) FROM quads)
			OR EXISTS (SELECT 1 FROM nodes WHERE refs <= 0) THEN RAISE EXCEPTION 'reference counts are off'; END IF; END $$`); err != nil {
		t.Error(err)
	}
}

// TestPostgresLargeLoad loads enough quads into an empty store for the
// bulk path to rebuild the indexes and foreign keys, then checks they are
// all back and the counts exact.
func TestPostgresLargeLoad(t *testing.T) {
	ctx := context.Background()
	loc := newPGLocation(t)
	s := open(t, loc, graph.Options{})
	defer s.Close()
	var sb strings.Builder
	const n = 30000
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<urn:t:%d> <http://schema.org/name> \"thing %d\" <urn:t:src> .\n", i, i)
		fmt.Fprintf(&sb, "<urn:t:%d> <urn:t:next> <urn:t:%d> .\n", i, (i+1)%n)
	}
	if _, err := s.Load(ctx, nquads.NewReader(strings.NewReader(sb.String()), true)); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "thing 12345", 1); len(hits) != 1 || hits[0].ID != "urn:t:12345" {
		t.Errorf("Search(thing 12345) = %v", hits)
	}
	u, _ := url.Parse(loc.URL)
	if err := pg.Exec(ctx, strings.TrimPrefix(u.Path, "/"),
		`DO $$ BEGIN
			IF (SELECT count(*) FROM quads) <> 60000 THEN RAISE EXCEPTION 'quads lost'; END IF;
			IF (SELECT sum(refs) FROM nodes) <> (SELECT 3*count(*) + count(label_hash) FROM quads)
				THEN RAISE EXCEPTION 'reference counts are off'; END IF;
			IF (SELECT count(*) FROM pg_indexes WHERE tablename = 'quads') <> 7 THEN RAISE EXCEPTION 'indexes missing'; END IF;
			IF (SELECT count(*) FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f') <> 4
				THEN RAISE EXCEPTION 'foreign keys missing'; END IF;
		END $$`); err != nil {
		t.Error(err)
	}
}

// hookReader yields quads from r and calls at once, after n of them or at
// the end, whichever comes first.
type hookReader struct {
	r    quad.Reader
	n    int
	at   func()
	done bool
}

func (h *hookReader) ReadQuad() (quad.Quad, error) {
	if !h.done && h.n == 0 {
		h.done = true
		h.at()
	}
	h.n--
	q, err := h.r.ReadQuad()
	if err == io.EOF && !h.done {
		h.done = true
		h.at()
	}
	return q, err
}

// killCopy terminates the backend that runs a COPY into database db, and
// returns once it is gone. The COPY is waiting in its first row (Faults),
// so it neither ends nor lets the kill miss: both waits end.
func killCopy(t *testing.T, srv *pgtest.Server, db string) {
	ctx := context.Background()
	c, err := pgx.Connect(ctx, srv.URL(db))
	if err != nil {
		t.Error(err)
		return
	}
	defer c.Close(ctx)
	for killed := false; !killed; {
		err := c.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) > 0 FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'copy%'`).Scan(&killed)
		if err != nil {
			t.Error(err)
			return
		}
	}
	for gone := false; !gone; {
		err := c.QueryRow(ctx, `SELECT count(*) = 0 FROM pg_stat_activity
			WHERE datname = current_database() AND query ILIKE 'copy%'`).Scan(&gone)
		if err != nil {
			t.Error(err)
			return
		}
	}
}

// TestPostgresImportInterrupted loses the connection in the middle of an
// import, while it stages batches and as it is about to apply them: the
// import fails with one clear line, the store holds exactly what it held
// before, and once the server is back the same file imports whole.
func TestPostgresImportInterrupted(t *testing.T) {
	srv := ownServer(t)
	ctx := context.Background()
	const n = 20000
	var sb strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "<urn:t:%d> <http://schema.org/name> \"Interrupted %d\" .\n", i, i)
	}
	file := sb.String()
	for _, tc := range []struct {
		name  string
		after int // quads read before the connection goes
		cut   func(db string)
	}{
		{"server stops while staging", 5000, func(string) { srv.Stop() }},
		{"connection killed before the commit", n, func(db string) {
			if err := srv.Exec(ctx, db, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE datname = current_database() AND pid <> pg_backend_pid()`); err != nil {
				t.Error(err)
			}
		}},
		// The kill lands while pgx streams a batch: pgx before v5.7.6
		// panicked there ("close of closed channel" in CopyFrom). The
		// COPY waits in its first row until the kill has landed.
		{"connection killed during a COPY", 0, func(db string) {
			var once sync.Once
			backend.Faults.InCopy = func() { once.Do(func() { killCopy(t, srv, db) }) }
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, db := seeded(t, srv)
			r := &hookReader{r: nquads.NewReader(strings.NewReader(file), true), n: tc.after, at: func() { tc.cut(db) }}
			_, err := s.Import(ctx, r, graph.ImportOptions{BatchSize: 2000})
			backend.Faults.InCopy = nil
			if err == nil {
				t.Fatal("Import went on after the connection was lost")
			}
			if strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), pgtest.Password) {
				t.Errorf("Import error is not one line without the password: %q", err)
			}
			if err := srv.Resume(); err != nil {
				t.Fatal(err)
			}
			// pgx pings a pooled connection before reuse once it has
			// been idle a second; a connection killed under it is then
			// replaced rather than failing the next query.
			time.Sleep(1100 * time.Millisecond)
			st, err := s.Stats(ctx)
			if err != nil || st.Quads != graphtest.FixtureQuads {
				t.Fatalf("after the failed import: %d quads, %v; want the %d of before", st.Quads, err, graphtest.FixtureQuads)
			}
			if hits, _ := s.Search(ctx, "Interrupted 1", 1); len(hits) != 0 {
				t.Errorf("after the failed import, Search finds %v", hits)
			}
			sum, err := s.Import(ctx, nquads.NewReader(strings.NewReader(file), true), graph.ImportOptions{BatchSize: 2000})
			if err != nil {
				t.Fatalf("import once the server is back: %v", err)
			}
			st, _ = s.Stats(ctx)
			if want := graphtest.FixtureQuads + n + sum.SourceQuads; sum.Added != n || st.Quads != want {
				t.Errorf("after the second import: %d quads (summary: %d added); want %d", st.Quads, sum.Added, want)
			}
			if hits, _ := s.Search(ctx, "Interrupted 12345", 1); len(hits) != 1 {
				t.Errorf("after the second import, Search(Interrupted 12345) = %v", hits)
			}
		})
	}
}
