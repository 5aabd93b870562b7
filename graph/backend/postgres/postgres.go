// Package postgres is the backend of stores in a PostgreSQL database,
// through Cayley's SQL backend over pgx, with bulk loads of its own
// (sqlbulk.go). It registers itself as "postgres", for --db URLs of the
// schemes postgres:// and postgresql://. Other Reelgraphs may write to the
// same database: Version tells the domain when they did.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" database/sql driver

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// Stores in PostgreSQL keep Cayley's SQL schema: a nodes table keyed by
// the SHA-1 of each value, and a quads table of four hashes. A database
// Reelgraph created opens in Cayley's own tools, and the other way round.
//
// The backend is Cayley's postgres backend (same schema, same statements)
// registered again over pgx instead of lib/pq, so that Cayley's
// connections and Reelgraph's own share one driver: the same error codes
// to explain, the same URL syntax and defaults (sslmode=prefer, ~/.pgpass,
// PG* variables), and the same reconnection after a server restart.
const (
	// Name is the backend's name.
	Name = "postgres"

	cayleyPostgres = "reelgraph-postgres"

	// connectTimeout bounds each attempt to reach the server; it is added
	// to URLs that set no connect_timeout of their own.
	connectTimeout = 10 * time.Second

	// schemaLock is the PostgreSQL advisory lock that Reelgraphs opening
	// one database hold while they check, create and seed its schema.
	schemaLock = 0x7265656c_00000001
)

func init() {
	backend.Register(backend.Registration{Name: Name, Schemes: []string{"postgres", "postgresql"}, Shared: true, Open: open})
	csql.Register(cayleyPostgres, csql.Registration{
		Driver:             "pgx",
		HashType:           `BYTEA`,
		BytesType:          `BYTEA`,
		HorizonType:        `BIGSERIAL`,
		TimeType:           `timestamp with time zone`,
		QueryDialect:       postgres.QueryDialect,
		ConditionalIndexes: true,
		FillFactor:         true,
		Error:              convCreateError,
		Estimated: func(table string) string {
			return "SELECT reltuples::BIGINT AS estimate FROM pg_class WHERE relname='" + table + "';"
		},
		RunTx: postgres.RunTxPostgres,
	})
}

// convCreateError tells Cayley's Init that a table exists already.
func convCreateError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P07" { // duplicate_table
		return cgraph.ErrDatabaseExists
	}
	return err
}

// The errors of a store on a database server wrap one of backend's
// sentinels (backend.ErrUnreachable, backend.ErrLogin, backend.ErrNoDatabase, backend.ErrPrivilege) and
// the driver's own error.

// dbError is a failure of the database server or of the way to it.
type dbError struct {
	kind  error // one of the sentinels above
	cause error
}

func (e *dbError) Error() string {
	kind, advice, _ := strings.Cut(e.kind.Error(), "; ")
	if advice != "" {
		advice = "; " + advice
	}
	return kind + " (" + oneLine(e.cause) + ")" + advice
}
func (e *dbError) Unwrap() []error { return []error{e.kind, e.cause} }

// classify wraps a driver error in the sentinel that says what went
// wrong. Other errors come back unchanged (but for nil, which stays nil).
func classify(err error) error {
	var de *dbError
	if err == nil || errors.As(err, &de) || errors.Is(err, context.Canceled) {
		return err
	}
	if kind := kindOf(err); kind != nil {
		return &dbError{kind: kind, cause: err}
	}
	return err
}

func kindOf(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28P01" || pe.Code == "28000": // invalid_password, invalid_authorization_specification
			return backend.ErrLogin
		case pe.Code == "3D000": // invalid_catalog_name
			return backend.ErrNoDatabase
		case pe.Code == "42501": // insufficient_privilege
			return backend.ErrPrivilege
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"):
			return backend.ErrUnreachable // connection exception, server shutting down or starting
		}
		return nil
	}
	var ne net.Error
	var ce *pgconn.ConnectError
	switch {
	case errors.As(err, &ce), errors.As(err, &ne), pgconn.Timeout(err),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, sql.ErrConnDone), errors.Is(err, context.DeadlineExceeded),
		strings.Contains(err.Error(), "conn closed"), strings.Contains(err.Error(), "bad connection"):
		return backend.ErrUnreachable
	}
	return nil
}

// oneLine returns err's text on one line: pgx lists each address it tried
// on a line of its own.
func oneLine(err error) string {
	s := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
	return strings.ReplaceAll(s, ":;", ";")
}

// dsn returns the URL pgx connects with: the URL given, with a
// connect_timeout unless it sets one.
func dsn(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	q := u.Query()
	if !q.Has("connect_timeout") {
		q.Set("connect_timeout", fmt.Sprint(int(connectTimeout.Seconds())))
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// open connects to the database server, creates Cayley's schema when the
// database has none (seeding it with cfg.Seed), and opens the store.
func open(ctx context.Context, cfg backend.Config) (backend.Store, error) {
	db, err := sql.Open("pgx", dsn(cfg.URL))
	if err != nil {
		return nil, fmt.Errorf("graph: open %s: %w", cfg.Shown, err)
	}
	pctx, cancel := context.WithTimeout(ctx, connectTimeout+time.Second)
	err = db.PingContext(pctx)
	cancel()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("graph: open %s: %w", cfg.Shown, classify(err))
	}
	qs, err := cgraph.NewQuadStore(cayleyPostgres, dsn(cfg.URL), nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("graph: open %s: %w", cfg.Shown, classify(err))
	}
	w := newSQLStore(qs, db, dsn(cfg.URL), cfg.Shown)
	if err := w.ensureSchema(ctx, cfg.Seed); err != nil {
		w.Close()
		return nil, err
	}
	// The index the domain builds next reads the database as it is now or
	// newer: a change made in between is caught by the next Refresh.
	v, err := w.version(ctx)
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("graph: open %s: %w", cfg.Shown, err)
	}
	w.indexed.Store(v)
	return &store{w: w}, nil
}

// store is an open PostgreSQL store.
type store struct{ w *sqlStore }

func (s *store) QuadStore() cgraph.QuadStore { return s.w }

// Changed compares the database's version (see sqlStore.version) with the
// one the domain's index was built from: other Reelgraphs may write to it.
func (s *store) Changed(ctx context.Context) (int64, bool, error) {
	v, err := s.w.version(ctx)
	if err != nil {
		return 0, false, err
	}
	return v, v != s.w.indexed.Load(), nil
}

func (s *store) Indexed(v int64) { s.w.indexed.Store(v) }

// Snapshot reports false: the database is read afresh at each Open, as
// others may have written to it meanwhile.
func (s *store) Snapshot() (string, backend.Stamp, bool) { return "", backend.Stamp{}, false }

func (s *store) NewImport(context.Context) (backend.Target, error) { return s.w.newTarget() }

func (s *store) Close() error { return s.w.Close() }

// ensureSchema creates Cayley's tables in a database that has none and
// seeds them. Reelgraphs opening one new database at once take turns
// (under an advisory lock), so it is created and seeded
// once. A seed that fails drops the tables again: the database is left as
// it was found.
func (w *sqlStore) ensureSchema(ctx context.Context, seed func() quad.Reader) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("graph: open %s: %w", w.shown, classify(err))
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", int64(schemaLock)); err != nil {
		return fmt.Errorf("graph: open %s: %w", w.shown, classify(err))
	}
	defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", int64(schemaLock))
	have, err := schemaState(ctx, conn)
	if err != nil {
		return fmt.Errorf("graph: open %s: %w", w.shown, classify(err))
	}
	switch have {
	case schemaCayley:
		return nil
	case schemaForeign:
		return fmt.Errorf("graph: open %s: %w: the database has a table named nodes or quads that is not Cayley's", w.shown, backend.ErrNotStore)
	}
	if err := cgraph.InitQuadStore(cayleyPostgres, w.dsn, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return fmt.Errorf("graph: create the schema in %s: %w", w.shown, classify(err))
	}
	if seed == nil {
		return nil
	}
	if _, err := backend.Load(ctx, w, seed()); err != nil {
		conn.ExecContext(context.Background(), "DROP TABLE IF EXISTS quads, nodes")
		return fmt.Errorf("graph: seed %s: %w", w.shown, classify(err))
	}
	return nil
}

type schema int

const (
	schemaNone    schema = iota // neither table
	schemaCayley                // both, with Cayley's columns
	schemaForeign               // something else by those names
)

// schemaState says whether the database (its current schema) holds
// Cayley's tables.
func schemaState(ctx context.Context, conn *sql.Conn) (schema, error) {
	var tables, cols int
	err := conn.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM information_schema.tables
		  WHERE table_schema = current_schema() AND table_name IN ('nodes', 'quads')),
		(SELECT count(*) FROM information_schema.columns
		  WHERE table_schema = current_schema() AND (
		    (table_name = 'quads' AND column_name IN ('horizon', 'subject_hash', 'predicate_hash', 'object_hash', 'label_hash')) OR
		    (table_name = 'nodes' AND column_name IN ('hash', 'refs', 'value_string'))))`).Scan(&tables, &cols)
	switch {
	case err != nil:
		return 0, err
	case tables == 0:
		return schemaNone, nil
	case tables == 2 && cols == 8:
		return schemaCayley, nil
	}
	return schemaForeign, nil
}
