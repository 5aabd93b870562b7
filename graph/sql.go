package graph

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
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers the cockroach backend
	"github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
)

// Stores on a database server (Postgres, Cockroach) keep Cayley's SQL
// schema: a nodes table keyed by the SHA-1 of each value, and a quads
// table of four hashes. A database Reelgraph created opens in Cayley's
// own tools, and the other way round.
//
// Both backends talk through pgx. CockroachDB's is Cayley's cockroach
// backend as it stands; PostgreSQL's is Cayley's postgres backend (same
// schema, same statements) registered again over pgx instead of lib/pq,
// so that both share one driver: the same error codes to explain, the
// same URL syntax and defaults (sslmode=prefer, ~/.pgpass, PG* variables),
// and the same reconnection after a server restart.
const (
	cayleyPostgres  = "reelgraph-postgres"
	cayleyCockroach = "cockroach"

	// connectTimeout bounds each attempt to reach the server; it is added
	// to URLs that set no connect_timeout of their own.
	connectTimeout = 10 * time.Second

	// schemaLock is the PostgreSQL advisory lock that Reelgraphs opening
	// one database hold while they check, create and seed its schema.
	schemaLock = 0x7265656c_00000001
)

func init() {
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

// Errors of stores on a database server, tested with errors.Is. The error
// returned wraps one of them and the driver's own error.
var (
	ErrUnreachable = errors.New("the database server does not answer; check that it runs and that the network reaches it: Reelgraph reconnects by itself once it is back")
	ErrLogin       = errors.New("the database server refused the login")
	ErrNoDatabase  = errors.New("the database does not exist")
	ErrPrivilege   = errors.New("the database user lacks a privilege Reelgraph needs")
)

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
			return ErrLogin
		case pe.Code == "3D000": // invalid_catalog_name
			return ErrNoDatabase
		case pe.Code == "42501": // insufficient_privilege
			return ErrPrivilege
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"):
			return ErrUnreachable // connection exception, server shutting down or starting
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
		return ErrUnreachable
	}
	return nil
}

// oneLine returns err's text on one line: pgx lists each address it tried
// on a line of its own.
func oneLine(err error) string {
	s := strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", "; ")), " ")
	return strings.ReplaceAll(s, ":;", ";")
}

// parseURLLocation reads a database URL given to --db.
func parseURLLocation(s string) (Location, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Location{}, fmt.Errorf("graph: %s is not a database URL; write postgres://USER[:PASSWORD]@HOST[:PORT]/DB", redactURL(s))
	}
	var b Backend
	switch u.Scheme {
	case "postgres", "postgresql":
		b = Postgres
	case "cockroach", "cockroachdb":
		b = Cockroach
	default:
		return Location{}, fmt.Errorf("graph: unknown store %q; use memory, bolt:PATH, postgres://… or cockroach://…", redactURL(s))
	}
	if strings.Trim(u.Path, "/") == "" {
		return Location{}, fmt.Errorf("graph: %s names no database; write %s://USER@HOST/DB", redactURL(s), u.Scheme)
	}
	return Location{Backend: b, URL: s}, nil
}

// redactURL replaces the password in a database URL, given in the user
// part or as a password parameter, by xxxxx. It copes with URLs that do
// not parse.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil {
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	i := strings.Index(s, "://")
	if i < 0 {
		return s
	}
	rest := s[i+3:]
	at := strings.LastIndex(rest, "@")
	if at < 0 {
		return s
	}
	if c := strings.Index(rest[:at], ":"); c >= 0 {
		return s[:i+3] + rest[:c+1] + "xxxxx" + rest[at:]
	}
	return s
}

// dsn returns the URL pgx connects with: cockroach:// spelt as
// postgresql:// (with CockroachDB's port, 26257, unless another is
// given), and a connect_timeout unless the URL sets one.
func (l Location) dsn() string {
	u, err := url.Parse(l.URL)
	if err != nil {
		return l.URL
	}
	if l.Backend == Cockroach {
		u.Scheme = "postgresql"
		if u.Port() == "" && u.Hostname() != "" {
			u.Host = net.JoinHostPort(u.Hostname(), "26257")
		}
	}
	q := u.Query()
	if !q.Has("connect_timeout") {
		q.Set("connect_timeout", fmt.Sprint(int(connectTimeout.Seconds())))
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// hostPort returns the server's host and port as a person would write them.
func (l Location) hostPort() string {
	u, err := url.Parse(l.dsn())
	if err != nil || u.Host == "" {
		return "localhost"
	}
	return u.Host
}

func (l Location) cayleyBackend() string {
	if l.Backend == Cockroach {
		return cayleyCockroach
	}
	return cayleyPostgres
}

// openSQL connects to the database server, creates Cayley's schema when
// the database has none (seeding it with opt.Seed), and opens the store.
func (s *Store) openSQL(ctx context.Context, opt Options) error {
	db, err := sql.Open("pgx", s.loc.dsn())
	if err != nil {
		return fmt.Errorf("graph: open %s: %w", s.loc, err)
	}
	pctx, cancel := context.WithTimeout(ctx, connectTimeout+time.Second)
	err = db.PingContext(pctx)
	cancel()
	if err != nil {
		db.Close()
		return fmt.Errorf("graph: open %s: %w", s.loc, classify(err))
	}
	qs, err := cgraph.NewQuadStore(s.loc.cayleyBackend(), s.loc.dsn(), nil)
	if err != nil {
		db.Close()
		return fmt.Errorf("graph: open %s: %w", s.loc, classify(err))
	}
	w := newSQLStore(qs, db, s.loc)
	if err := w.ensureSchema(ctx, opt.Seed); err != nil {
		w.Close()
		return err
	}
	// The index Open builds next reads the database as it is now or newer:
	// a change made in between is caught by the next Refresh.
	v, err := w.version(ctx)
	if err != nil {
		w.Close()
		return fmt.Errorf("graph: open %s: %w", s.loc, err)
	}
	w.indexed.Store(v)
	s.qs = w
	return nil
}

// ensureSchema creates Cayley's tables in a database that has none and
// seeds them. Reelgraphs opening one new database at once take turns
// (on PostgreSQL, under an advisory lock), so it is created and seeded
// once. A seed that fails drops the tables again: the database is left as
// it was found.
func (w *sqlStore) ensureSchema(ctx context.Context, seed func() quad.Reader) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("graph: open %s: %w", w.loc, classify(err))
	}
	defer conn.Close()
	if w.loc.Backend == Postgres {
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", int64(schemaLock)); err != nil {
			return fmt.Errorf("graph: open %s: %w", w.loc, classify(err))
		}
		defer conn.ExecContext(context.Background(), "SELECT pg_advisory_unlock($1)", int64(schemaLock))
	}
	have, err := schemaState(ctx, conn)
	if err != nil {
		return fmt.Errorf("graph: open %s: %w", w.loc, classify(err))
	}
	switch have {
	case schemaCayley:
		return nil
	case schemaForeign:
		return fmt.Errorf("graph: open %s: %w: the database has a table named nodes or quads that is not Cayley's", w.loc, ErrNotStore)
	}
	if err := cgraph.InitQuadStore(w.loc.cayleyBackend(), w.loc.dsn(), nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return fmt.Errorf("graph: create the schema in %s: %w", w.loc, classify(err))
	}
	if seed == nil {
		return nil
	}
	if _, err := load(ctx, w, seed()); err != nil {
		conn.ExecContext(context.Background(), "DROP TABLE IF EXISTS quads, nodes")
		return fmt.Errorf("graph: seed %s: %w", w.loc, classify(err))
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
