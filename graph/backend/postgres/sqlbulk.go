package postgres

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// The bulk path adds quads to a PostgreSQL store in one transaction, on a
// connection of its own:
//
//  1. add: the quads and the values they use are copied (COPY, pgx's
//     binary protocol) into temporary staging tables, one batch at a
//     time, each value once;
//  2. dedupe (from count, and before apply): the staged quads the store
//     lacks move to a third staging table, each once;
//  3. apply (at commit): the values those quads use go into nodes, with
//     their reference counts as Cayley keeps them, then the quads into
//     quads, sorted — a few statements, whatever the number of quads;
//  4. commit.
//
// Until the commit nobody sees anything of it; an error, a lost connection
// or a killed process rolls it all back, so a load lands whole or not at
// all. Loads into one database take turns at step 3 under an advisory
// lock, so concurrent ones neither deadlock, nor add a quad twice, nor
// miscount references.
//
// Cayley's own path prepares one INSERT per value and one per quad, each
// a round trip; it is left for deletions.

// writeLock is the advisory lock a bulk load holds from apply to commit.
const writeLock = 0x7265656c_00000002

// bulkLoad is one bulk transaction. Its methods are called from one
// goroutine.
type bulkLoad struct {
	w      *sqlStore
	conn   *pgx.Conn
	tx     pgx.Tx
	seen   map[refs.ValueHash]struct{} // values staged by this load
	seq    int64                       // quads staged, numbering them in order
	staged bool                        // reelgraph_quads holds rows

	// before and after are the database's versions (see
	// sqlStore.version) as apply found and left it; alone reports that
	// nobody else's quads came or went in between.
	before, after int64
	alone         bool
}

func (w *sqlStore) beginBulk(ctx context.Context) (*bulkLoad, error) {
	conn, err := pgx.Connect(ctx, w.dsn)
	if err != nil {
		return nil, classify(err)
	}
	b := &bulkLoad{w: w, conn: conn, seen: make(map[refs.ValueHash]struct{})}
	if b.tx, err = conn.Begin(ctx); err != nil {
		conn.Close(context.Background())
		return nil, classify(err)
	}
	for _, st := range []string{
		`SET temp_buffers = '256MB'`, // staging stays in memory; allowed before the first temp table
		`CREATE TEMP TABLE reelgraph_nodes (hash BYTEA, value BYTEA, value_string TEXT, datatype TEXT,
			language TEXT, iri BOOLEAN, bnode BOOLEAN, value_int BIGINT, value_bool BOOLEAN,
			value_float DOUBLE PRECISION, value_time TIMESTAMP WITH TIME ZONE) ON COMMIT DROP`,
		`CREATE TEMP TABLE reelgraph_quads (seq BIGINT, subject_hash BYTEA, predicate_hash BYTEA,
			object_hash BYTEA, label_hash BYTEA) ON COMMIT DROP`,
		`CREATE TEMP TABLE reelgraph_fresh (LIKE reelgraph_quads) ON COMMIT DROP`,
	} {
		if _, err := b.tx.Exec(ctx, st); err != nil {
			b.rollback()
			return nil, classify(err)
		}
	}
	return b, nil
}

var (
	stageNodeCols = []string{"hash", "value", "value_string", "datatype", "language", "iri", "bnode",
		"value_int", "value_bool", "value_float", "value_time"}
	stageQuadCols = []string{"seq", "subject_hash", "predicate_hash", "object_hash", "label_hash"}
)

// add stages a batch of quads. It does not keep the slice.
func (b *bulkLoad) add(ctx context.Context, batch []quad.Quad) error {
	if len(batch) == 0 {
		return nil
	}
	nodes := &nodeSource{b: b, batch: batch}
	if _, err := b.tx.CopyFrom(ctx, pgx.Identifier{"reelgraph_nodes"}, stageNodeCols, nodes); err != nil {
		return classify(err)
	}
	quads := &quadSource{b: b, batch: batch, i: -1}
	if _, err := b.tx.CopyFrom(ctx, pgx.Identifier{"reelgraph_quads"}, stageQuadCols, quads); err != nil {
		return classify(err)
	}
	b.staged = true
	return nil
}

// nodeSource yields the staging rows of the values of a batch that this
// load has not staged yet.
type nodeSource struct {
	b     *bulkLoad
	batch []quad.Quad
	i     int // quad
	d     int // direction within it
	row   []any
	err   error
}

func (s *nodeSource) Next() bool {
	for s.i < len(s.batch) {
		q := s.batch[s.i]
		v := q.Get(quad.Directions[s.d])
		if s.d++; s.d == len(quad.Directions) {
			s.i, s.d = s.i+1, 0
		}
		if v == nil {
			continue
		}
		h := csql.HashOf(v)
		if _, dup := s.b.seen[h.ValueHash]; dup {
			continue
		}
		s.b.seen[h.ValueHash] = struct{}{}
		s.row, s.err = nodeRow(h, v)
		return s.err == nil
	}
	return false
}

func (s *nodeSource) Values() ([]any, error) { return s.row, s.err }
func (s *nodeSource) Err() error             { return s.err }

// nodeRow lays out a value as Cayley's nodes table stores it.
func nodeRow(h csql.NodeHash, v quad.Value) ([]any, error) {
	typ, vals, err := csql.NodeValues(h, v)
	if err != nil {
		return nil, err
	}
	row := make([]any, len(stageNodeCols))
	row[0] = vals[0]
	for i, col := range typ.Columns() {
		for j, name := range stageNodeCols {
			if name == col {
				row[j] = vals[i+1]
			}
		}
	}
	return row, nil
}

// quadSource yields the staging rows of a batch's quads.
type quadSource struct {
	b     *bulkLoad
	batch []quad.Quad
	i     int
}

func (s *quadSource) Next() bool {
	s.i++
	return s.i < len(s.batch)
}

func (s *quadSource) Values() ([]any, error) {
	if s.i == 0 && backend.Faults.InCopy != nil {
		backend.Faults.InCopy()
	}
	q := s.batch[s.i]
	if q.Subject == nil || q.Predicate == nil || q.Object == nil {
		return nil, fmt.Errorf("quad %v lacks a subject, predicate or object", q)
	}
	s.b.seq++
	return []any{s.b.seq, csql.HashOf(q.Subject).SQLValue(), csql.HashOf(q.Predicate).SQLValue(),
		csql.HashOf(q.Object).SQLValue(), csql.HashOf(q.Label).SQLValue()}, nil
}

func (s *quadSource) Err() error { return nil }

// dedupe moves the staged quads the store lacks into reelgraph_fresh,
// each once, and empties the quads' staging table.
func (b *bulkLoad) dedupe(ctx context.Context) error {
	if !b.staged {
		return nil
	}
	for _, st := range []string{
		`INSERT INTO reelgraph_fresh
		SELECT DISTINCT ON (subject_hash, predicate_hash, object_hash, label_hash) * FROM reelgraph_quads st
		WHERE NOT EXISTS (SELECT 1 FROM quads q WHERE ` + sameQuad("q") + `)
		AND NOT EXISTS (SELECT 1 FROM reelgraph_fresh f WHERE ` + sameQuad("f") + `)
		ORDER BY subject_hash, predicate_hash, object_hash, label_hash, seq`,
		`TRUNCATE reelgraph_quads`,
	} {
		if _, err := b.tx.Exec(ctx, st); err != nil {
			return classify(err)
		}
	}
	b.staged = false
	return nil
}

// sameQuad is the condition that the row of table t is the staged quad st.
func sameQuad(t string) string {
	return strings.ReplaceAll(`T.subject_hash = st.subject_hash AND T.predicate_hash = st.predicate_hash
		AND T.object_hash = st.object_hash
		AND (T.label_hash = st.label_hash OR (T.label_hash IS NULL AND st.label_hash IS NULL))`, "T.", t+".")
}

// apply moves the fresh quads into Cayley's tables, inside the
// transaction, under the write lock:
//
//   - fresh quads that another load added meanwhile are dropped;
//   - nodes: the values fresh quads use, inserted with their reference
//     counts, or their counts raised where they exist already;
//   - quads: the fresh quads, sorted by subject, predicate and object, so
//     that the unique indexes, which lead with those, grow in order.
//
// A load of at least rebuildMin quads into a store holding fewer quads
// than it adds drops the quads table's other indexes and foreign keys
// first and builds them again after: building an index from sorted data
// and checking a key constraint with one join are many times faster than
// updating four indexes and looking up four keys per quad. Readers of the
// quads table then wait for those last seconds, until the commit; small
// loads into big stores keep the indexes and make nobody wait.
func (b *bulkLoad) apply(ctx context.Context) error {
	if err := b.dedupe(ctx); err != nil {
		return err
	}
	if _, err := b.tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(writeLock)); err != nil {
		return classify(err)
	}
	n0, top0, err := b.tally(ctx)
	if err != nil {
		return err
	}
	b.before, b.after, b.alone = versionOf(n0, top0), versionOf(n0, top0), true
	if _, err := b.tx.Exec(ctx, `DELETE FROM reelgraph_fresh st
		WHERE EXISTS (SELECT 1 FROM quads q WHERE `+sameQuad("q")+`)`); err != nil {
		return classify(err)
	}
	var fresh int64
	if err := b.tx.QueryRow(ctx, `SELECT count(*) FROM reelgraph_fresh`).Scan(&fresh); err != nil || fresh == 0 {
		return classify(err)
	}
	if _, err := b.tx.Exec(ctx, `INSERT INTO nodes (hash, refs, value, value_string, datatype, language,
			iri, bnode, value_int, value_bool, value_float, value_time)
		SELECT used.h, used.n, n.value, n.value_string, n.datatype, n.language,
			n.iri, n.bnode, n.value_int, n.value_bool, n.value_float, n.value_time
		FROM (SELECT h, count(*) AS n FROM (
				SELECT subject_hash FROM reelgraph_fresh UNION ALL SELECT predicate_hash FROM reelgraph_fresh
				UNION ALL SELECT object_hash FROM reelgraph_fresh
				UNION ALL SELECT label_hash FROM reelgraph_fresh WHERE label_hash IS NOT NULL
			) AS t(h) GROUP BY h) AS used
		LEFT JOIN reelgraph_nodes n ON n.hash = used.h
		ORDER BY used.h
		ON CONFLICT (hash) DO UPDATE SET refs = nodes.refs + EXCLUDED.refs`); err != nil {
		return classify(err)
	}
	var rebuild []string
	if fresh >= rebuildMin {
		var err error
		if rebuild, err = b.dropSecondary(ctx, fresh); err != nil {
			return err
		}
	}
	tag, err := b.tx.Exec(ctx, `INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT subject_hash, predicate_hash, object_hash, label_hash, now() FROM reelgraph_fresh
		ORDER BY subject_hash, predicate_hash, object_hash, label_hash
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return classify(err)
	}
	for _, st := range rebuild {
		if _, err := b.tx.Exec(ctx, st); err != nil {
			return classify(err)
		}
	}
	n1, top1, err := b.tally(ctx)
	if err != nil {
		return err
	}
	// Other bulk loads wait for the advisory lock; anybody else who
	// added or removed quads meanwhile shows in the count.
	b.after, b.alone = versionOf(n1, top1), n1 == n0+tag.RowsAffected()
	return nil
}

// tally returns the number of quads in the store as this transaction
// sees it, and the highest quad number: what sqlStore.version folds.
func (b *bulkLoad) tally(ctx context.Context) (n, top int64, err error) {
	err = b.tx.QueryRow(ctx, versionQuery).Scan(&n, &top)
	return n, top, classify(err)
}

// rebuildMin is the smallest load that may rebuild the indexes.
const rebuildMin = 50_000

// dropSecondary drops the quads table's foreign keys and non-unique
// indexes when the store holds fewer than adding quads and the user owns
// the table, and returns the
// statements that make them again, as they were.
func (b *bulkLoad) dropSecondary(ctx context.Context, adding int64) ([]string, error) {
	var have int64
	var owner bool // only the table's owner may drop its indexes
	if err := b.tx.QueryRow(ctx, `SELECT count(*),
		pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'quads'::regclass), 'MEMBER') FROM quads`).
		Scan(&have, &owner); err != nil {
		return nil, classify(err)
	}
	if have >= adding || !owner {
		return nil, nil
	}
	rows, err := b.tx.Query(ctx, `
		SELECT 'ALTER TABLE quads DROP CONSTRAINT ' || quote_ident(conname),
			'ALTER TABLE quads ADD CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid)
		FROM pg_constraint WHERE conrelid = 'quads'::regclass AND contype = 'f'
		UNION ALL
		SELECT 'DROP INDEX ' || i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
		FROM pg_index i WHERE i.indrelid = 'quads'::regclass AND NOT i.indisunique AND NOT i.indisprimary`)
	if err != nil {
		return nil, classify(err)
	}
	var drop, remake []string
	for rows.Next() {
		var d, m string
		if err := rows.Scan(&d, &m); err != nil {
			rows.Close()
			return nil, classify(err)
		}
		drop, remake = append(drop, d), append(remake, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	for _, st := range drop {
		if _, err := b.tx.Exec(ctx, st); err != nil {
			return nil, classify(err)
		}
	}
	// Indexes first: the foreign keys are checked faster with them.
	sort.SliceStable(remake, func(i, j int) bool {
		return strings.HasPrefix(remake[i], "CREATE") && !strings.HasPrefix(remake[j], "CREATE")
	})
	return remake, nil
}

// count returns the quads of the store and those the load adds to them.
func (b *bulkLoad) count(ctx context.Context) (int64, error) {
	if err := b.dedupe(ctx); err != nil {
		return 0, err
	}
	var n int64
	err := b.tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM quads) + (SELECT count(*) FROM reelgraph_fresh)`).Scan(&n)
	return n, classify(err)
}

// isSubject reports whether v is the subject of a quad, as the
// transaction sees the store (staged quads not included).
func (b *bulkLoad) isSubject(ctx context.Context, v quad.Value) (bool, error) {
	var found bool
	err := b.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM quads WHERE subject_hash = $1)`,
		csql.HashOf(v).SQLValue()).Scan(&found)
	return found, classify(err)
}

func (b *bulkLoad) commit(ctx context.Context) error {
	err := b.apply(ctx)
	if err == nil {
		err = classify(b.tx.Commit(ctx))
	}
	if err != nil {
		b.rollback()
		return err
	}
	b.conn.Close(context.Background())
	if b.alone {
		// The store's index was current when the load began and gets the
		// load's quads from its caller: the next Refresh has nothing to
		// read, unless the index was behind already.
		b.w.indexed.CompareAndSwap(b.before, b.after)
	}
	return nil
}

// rollback drops everything the load did. Closing the connection is
// enough: the server rolls back a transaction whose session ends.
func (b *bulkLoad) rollback() {
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	b.tx.Rollback(ctx)
	b.conn.Close(ctx)
}

// bulkAdds reports whether ApplyDeltas can take the bulk path: additions
// only, duplicates ignored.
func (w *sqlStore) bulkAdds(in []cgraph.Delta, opts cgraph.IgnoreOpts) bool {
	if !opts.IgnoreDup {
		return false
	}
	for _, d := range in {
		if d.Action != cgraph.Add {
			return false
		}
	}
	return true
}

// ApplyDeltas applies the deltas in one transaction; additions that ignore
// duplicates take the bulk path.
func (w *sqlStore) ApplyDeltas(in []cgraph.Delta, opts cgraph.IgnoreOpts) error {
	if !w.bulkAdds(in, opts) {
		return classify(w.QuadStore.ApplyDeltas(in, opts))
	}
	ctx := context.Background()
	b, err := w.beginBulk(ctx)
	if err != nil {
		return err
	}
	const batch = 50000
	quads := make([]quad.Quad, 0, min(batch, len(in)))
	for i, d := range in {
		quads = append(quads, d.Quad)
		if len(quads) == batch || i == len(in)-1 {
			if err := b.add(ctx, quads); err != nil {
				b.rollback()
				return err
			}
			quads = quads[:0]
		}
	}
	return b.commit(ctx)
}
