package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"reelgraph/graph"
	"reelgraph/graph/graphtest"
	"reelgraph/graph/pgtest"
)

// pg is the throw-away PostgreSQL server the tests of this package share;
// nil when PostgreSQL cannot run here (pgErr says why).
var (
	pg    *pgtest.Server
	pgErr error
)

func TestMain(m *testing.M) {
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

func TestPostgresReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	loc := newPGLocation(t)
	s := open(t, loc, graph.Options{Seed: graphtest.Fixture})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	seeded := false
	s = open(t, loc, graph.Options{Seed: func() graphtestReader { seeded = true; return graphtest.Fixture() }})
	defer s.Close()
	if seeded {
		t.Error("an existing database was seeded again")
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Quads != graphtest.FixtureQuads {
		t.Errorf("after reopening, Stats = %+v, %v; want %d quads", st, err, graphtest.FixtureQuads)
	}
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
		{"cockroach://root:pw@crdb:26257/films?sslmode=verify-full",
			"cockroach://root:xxxxx@crdb:26257/films?sslmode=verify-full", graph.Cockroach, false},
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
