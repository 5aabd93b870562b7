package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
)

// sqlStore is Cayley's SQL quad store with the calls Reelgraph makes most
// done in fewer round trips, and with every error classified (see
// classify):
//
//   - QuadIterator and QuadsAllIterator read each quad together with its
//     four values in one joined query, where Cayley's iterators return
//     hashes and Quad then looks up each value on its own;
//   - ValueOf returns nil for a value the database does not hold (Cayley's
//     returns the value's hash whether it is there or not), which is how
//     the rest of the package tells an unknown node;
//   - Stats counts exactly, and afresh each time, as other Reelgraphs may
//     write to the same database;
//   - ApplyDeltas adds quads through the bulk path of sqlbulk.go.
//
// The rest goes to Cayley. db is a connection pool of its own, beside
// Cayley's.
type sqlStore struct {
	cgraph.QuadStore
	db    *sql.DB
	dsn   string // the URL to connect with
	shown string // the location as people see it, for errors

	// indexed is the version (see version) of the database the domain's
	// index was last built from.
	indexed atomic.Int64

	known   sync.Map // refs.ValueHash → struct{}: values seen in the database
	nKnown  int64    // entries in known, roughly; guarded by knownMu
	knownMu sync.Mutex
}

var _ cgraph.QuadStore = (*sqlStore)(nil)

// maxKnown caps the cache of values known to exist.
const maxKnown = 1 << 20

func newSQLStore(qs cgraph.QuadStore, db *sql.DB, dsn, shown string) *sqlStore {
	return &sqlStore{QuadStore: qs, db: db, dsn: dsn, shown: shown}
}

// version returns a number that changes when quads are added to or
// removed from the database: their count, and the newest quad's number
// (its horizon), folded together.
func (w *sqlStore) version(ctx context.Context) (int64, error) {
	var n, top int64
	err := w.db.QueryRowContext(ctx, versionQuery).Scan(&n, &top)
	return versionOf(n, top), classify(err)
}

const versionQuery = `SELECT count(*), coalesce(max(horizon), 0) FROM quads`

func versionOf(quads, top int64) int64 { return quads<<40 ^ top }

// ValueOf returns v's reference, or nil when the database holds no v.
func (w *sqlStore) ValueOf(v quad.Value) (refs.Ref, error) {
	if v == nil {
		return nil, nil
	}
	h := csql.HashOf(v)
	if _, ok := w.known.Load(h.ValueHash); ok {
		return h, nil
	}
	var found bool
	err := w.db.QueryRow(`SELECT EXISTS (SELECT 1 FROM nodes WHERE hash = $1)`, h.SQLValue()).Scan(&found)
	if err != nil {
		return nil, classify(err)
	}
	if !found {
		return nil, nil
	}
	w.remember(h.ValueHash)
	return h, nil
}

func (w *sqlStore) remember(h refs.ValueHash) {
	w.knownMu.Lock()
	defer w.knownMu.Unlock()
	if w.nKnown >= maxKnown {
		w.known.Clear()
		w.nKnown = 0
	}
	if _, loaded := w.known.LoadOrStore(h, struct{}{}); !loaded {
		w.nKnown++
	}
}

func (w *sqlStore) NameOf(r refs.Ref) (quad.Value, error) {
	v, err := w.QuadStore.NameOf(r)
	return v, classify(err)
}

// Quad returns the quad r names; quads read by this store's iterators
// carry their values already.
func (w *sqlStore) Quad(r refs.Ref) (quad.Quad, error) {
	if qr, ok := r.(sqlQuad); ok {
		return qr.q, nil
	}
	q, err := w.QuadStore.Quad(r)
	return q, classify(err)
}

func (w *sqlStore) QuadDirection(r refs.Ref, d quad.Direction) (refs.Ref, error) {
	if qr, ok := r.(sqlQuad); ok {
		return csql.NodeHash{ValueHash: qr.h.Get(d)}, nil
	}
	return w.QuadStore.QuadDirection(r, d)
}

func (w *sqlStore) QuadIterator(d quad.Direction, r refs.Ref) iterator.Shape {
	h, ok := r.(csql.NodeHash)
	if !ok || d == quad.Any {
		return iterator.NewNull()
	}
	return &sqlQuads{w: w, dir: d, h: h}
}

func (w *sqlStore) QuadsAllIterator() iterator.Shape { return &sqlQuads{w: w, dir: quad.Any} }

func (w *sqlStore) QuadIteratorSize(ctx context.Context, d quad.Direction, r refs.Ref) (refs.Size, error) {
	sz, err := w.QuadStore.QuadIteratorSize(ctx, d, r)
	return sz, classify(err)
}

// Stats counts the quads and nodes exactly.
func (w *sqlStore) Stats(ctx context.Context, _ bool) (cgraph.Stats, error) {
	var st cgraph.Stats
	err := w.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM quads), (SELECT count(*) FROM nodes)`).
		Scan(&st.Quads.Value, &st.Nodes.Value)
	if err != nil {
		return cgraph.Stats{}, classify(err)
	}
	st.Quads.Exact, st.Nodes.Exact = true, true
	return st, nil
}

func (w *sqlStore) Close() error {
	err := w.QuadStore.Close()
	if cerr := w.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// sqlQuad is a quad read with its values: Quad needs no lookup.
type sqlQuad struct {
	h refs.QuadHash
	q quad.Quad
}

// Key is the quad's hashes, as for Cayley's own quad references.
func (r sqlQuad) Key() interface{} { return r.h }

// sqlQuads is an iterator over the quads with hash h in direction dir, or
// over all quads when dir is quad.Any, in the order they were added.
type sqlQuads struct {
	w   *sqlStore
	dir quad.Direction
	h   csql.NodeHash
}

var _ iterator.Shape = (*sqlQuads)(nil)

// nodeCols are the columns read of each of a quad's values, the alias
// standing for the table of one direction.
func nodeCols(alias string) string {
	return strings.NewReplacer("N.", alias+".").Replace(
		`N.value_string, N.iri, N.bnode, N.language, N.datatype, N.value_string IS NULL`)
}

const quadJoins = ` FROM quads q
	JOIN nodes s ON s.hash = q.subject_hash
	JOIN nodes p ON p.hash = q.predicate_hash
	JOIN nodes o ON o.hash = q.object_hash
	LEFT JOIN nodes l ON l.hash = q.label_hash`

func (it *sqlQuads) where() (string, []any) {
	if it.dir == quad.Any {
		return "", nil
	}
	return " WHERE q." + it.dir.String() + "_hash = $1", []any{it.h.SQLValue()}
}

func (it *sqlQuads) query() (string, []any) {
	where, args := it.where()
	return `SELECT q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash, ` +
		nodeCols("s") + ", " + nodeCols("p") + ", " + nodeCols("o") + ", " + nodeCols("l") +
		quadJoins + where + ` ORDER BY q.horizon`, args
}

func (it *sqlQuads) String() string {
	if it.dir == quad.Any {
		return "SQLQuads(all)"
	}
	return fmt.Sprintf("SQLQuads(%s=%x)", it.dir, it.h.ValueHash[:4])
}

func (it *sqlQuads) Iterate() iterator.Scanner { return &sqlScanner{it: it} }
func (it *sqlQuads) Lookup() iterator.Index    { return &sqlLookup{it: it} }
func (it *sqlQuads) SubIterators() []iterator.Shape {
	return nil
}
func (it *sqlQuads) Optimize(context.Context) (iterator.Shape, bool) { return it, false }

// Stats counts the quads exactly.
func (it *sqlQuads) Stats(ctx context.Context) (iterator.Costs, error) {
	where, args := it.where()
	var n int64
	err := it.w.db.QueryRowContext(ctx, `SELECT count(*) FROM quads q`+where, args...).Scan(&n)
	return iterator.Costs{NextCost: 1, ContainsCost: 5, Size: refs.Size{Value: n, Exact: err == nil}}, classify(err)
}

// sqlScanner reads the rows of an sqlQuads query one by one.
type sqlScanner struct {
	it   *sqlQuads
	rows *sql.Rows
	res  sqlQuad
	err  error
	done bool
}

func (sc *sqlScanner) Next(ctx context.Context) bool {
	if sc.done || sc.err != nil {
		return false
	}
	if sc.rows == nil {
		q, args := sc.it.query()
		sc.rows, sc.err = sc.it.w.db.QueryContext(ctx, q, args...)
		if sc.err != nil {
			sc.err = classify(sc.err)
			return false
		}
	}
	if !sc.rows.Next() {
		sc.err = classify(sc.rows.Err())
		sc.Close()
		return false
	}
	sc.res, sc.err = sc.it.w.scanQuad(sc.rows)
	return sc.err == nil
}

func (sc *sqlScanner) Result() refs.Ref {
	if sc.res.q.Subject == nil {
		return nil
	}
	return sc.res
}
func (sc *sqlScanner) NextPath(context.Context) bool  { return false }
func (sc *sqlScanner) TagResults(map[string]refs.Ref) {}
func (sc *sqlScanner) Err() error                     { return sc.err }
func (sc *sqlScanner) String() string                 { return sc.it.String() }
func (sc *sqlScanner) Close() error {
	sc.done = true
	if sc.rows != nil {
		err := sc.rows.Close()
		sc.rows = nil
		return err
	}
	return nil
}

// sqlValueCols receives the columns nodeCols reads of one value.
type sqlValueCols struct {
	str, lang, typ sql.NullString
	iri, bnode     sql.NullBool
	other          sql.NullBool // true when the value is not kept as text
}

func (c *sqlValueCols) dest() []any {
	return []any{&c.str, &c.iri, &c.bnode, &c.lang, &c.typ, &c.other}
}

// scanQuad reads one row of an sqlQuads query.
func (w *sqlStore) scanQuad(rows *sql.Rows) (sqlQuad, error) {
	var hs [4]csql.NodeHash
	var vs [4]sqlValueCols
	dest := []any{&hs[0], &hs[1], &hs[2], &hs[3]}
	for i := range vs {
		dest = append(dest, vs[i].dest()...)
	}
	if err := rows.Scan(dest...); err != nil {
		return sqlQuad{}, classify(err)
	}
	var r sqlQuad
	for i, d := range quad.Directions {
		r.h.Set(d, hs[i].ValueHash)
		v, err := w.value(hs[i], &vs[i])
		if err != nil {
			return sqlQuad{}, err
		}
		r.q.Set(d, v)
	}
	return r, nil
}

// value decodes one value as Cayley's NameOf does; values not kept as
// text (numbers, booleans, times and others) are looked up through Cayley.
func (w *sqlStore) value(h csql.NodeHash, c *sqlValueCols) (quad.Value, error) {
	switch {
	case !h.Valid():
		return nil, nil
	case c.other.Bool || !c.str.Valid:
		return w.NameOf(h)
	case c.iri.Bool:
		return quad.IRI(c.str.String), nil
	case c.bnode.Bool:
		return quad.BNode(c.str.String), nil
	}
	s := quad.String(unescapeNul(c.str.String))
	switch {
	case c.lang.Valid:
		return quad.LangString{Value: s, Lang: c.lang.String}, nil
	case c.typ.Valid:
		return quad.TypedString{Value: s, Type: quad.IRI(c.typ.String)}, nil
	}
	return s, nil
}

// unescapeNul undoes Cayley's escaping of NUL bytes in stored text.
func unescapeNul(s string) string {
	if !strings.Contains(s, `\x00`) {
		return s
	}
	return strings.ReplaceAll(s, `\x00`, "\x00")
}

// sqlLookup answers whether a quad is among an sqlQuads iterator's.
type sqlLookup struct {
	it  *sqlQuads
	res refs.Ref
	err error
}

func (lk *sqlLookup) Contains(ctx context.Context, r refs.Ref) bool {
	var h refs.QuadHash
	switch r := r.(type) {
	case sqlQuad:
		h = r.h
	case csql.QuadHashes:
		h = r.QuadHash
	default:
		return false
	}
	if lk.it.dir != quad.Any && h.Get(lk.it.dir) != lk.it.h.ValueHash {
		return false
	}
	label := "q.label_hash IS NULL AND $4::bytea IS NULL"
	if h.Label.Valid() {
		label = "q.label_hash = $4"
	}
	var one int
	err := lk.it.w.db.QueryRowContext(ctx, `SELECT 1 FROM quads q WHERE q.subject_hash = $1
		AND q.predicate_hash = $2 AND q.object_hash = $3 AND `+label+` LIMIT 1`,
		csql.NodeHash{ValueHash: h.Subject}.SQLValue(), csql.NodeHash{ValueHash: h.Predicate}.SQLValue(),
		csql.NodeHash{ValueHash: h.Object}.SQLValue(), csql.NodeHash{ValueHash: h.Label}.SQLValue()).Scan(&one)
	if err == sql.ErrNoRows {
		return false
	} else if err != nil {
		lk.err = classify(err)
		return false
	}
	lk.res = r
	return true
}

func (lk *sqlLookup) Result() refs.Ref               { return lk.res }
func (lk *sqlLookup) NextPath(context.Context) bool  { return false }
func (lk *sqlLookup) TagResults(map[string]refs.Ref) {}
func (lk *sqlLookup) Err() error                     { return lk.err }
func (lk *sqlLookup) String() string                 { return lk.it.String() }
func (lk *sqlLookup) Close() error                   { return nil }
