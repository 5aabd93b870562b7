package postgres

import (
	"context"

	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/internal/backend"
)

// sqlTarget imports into a PostgreSQL store through one bulk load (see
// sqlbulk.go): batches are staged as they come, and the whole import
// becomes visible at the commit, or not at all.
type sqlTarget struct {
	b *bulkLoad
	// subjects holds the hashes of the subjects the store had when the
	// import began, or is nil when there were too many to hold (known
	// then asks the database).
	subjects map[refs.ValueHash]struct{}
	added    map[quad.Value]struct{} // subjects of the quads added so far
	done     bool
}

// maxSubjects caps the subjects an import keeps in memory to answer known.
const maxSubjects = 2_000_000

func (w *sqlStore) newTarget() (backend.Target, error) {
	ctx := context.Background()
	b, err := w.beginBulk(ctx)
	if err != nil {
		return nil, err
	}
	t := &sqlTarget{b: b, added: make(map[quad.Value]struct{})}
	if t.subjects, err = b.subjects(ctx, maxSubjects); err != nil {
		b.rollback()
		return nil, err
	}
	return t, nil
}

// subjects returns the distinct subjects of the store's quads, or nil if
// there are more than max.
func (b *bulkLoad) subjects(ctx context.Context, max int) (map[refs.ValueHash]struct{}, error) {
	rows, err := b.tx.Query(ctx, `SELECT DISTINCT subject_hash FROM quads`)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	out := make(map[refs.ValueHash]struct{})
	var h []byte
	for rows.Next() {
		if len(out) == max {
			return nil, nil
		}
		if err := rows.Scan(&h); err != nil {
			return nil, classify(err)
		}
		out[refs.ValueHash(h)] = struct{}{}
	}
	return out, classify(rows.Err())
}

func (t *sqlTarget) Count(ctx context.Context) (int64, error) { return t.b.count(ctx) }

func (t *sqlTarget) Known(v quad.Value) (bool, error) {
	if _, ok := t.added[v]; ok {
		return true, nil
	}
	if t.subjects != nil {
		_, ok := t.subjects[csql.HashOf(v).ValueHash]
		return ok, nil
	}
	return t.b.isSubject(context.Background(), v)
}

func (t *sqlTarget) Add(batch []quad.Quad) error {
	for _, q := range batch {
		t.added[q.Subject] = struct{}{}
	}
	return t.b.add(context.Background(), batch)
}

func (t *sqlTarget) Commit() error {
	if t.done {
		return backend.ErrImportDone
	}
	t.done = true
	return t.b.commit(context.Background())
}

func (t *sqlTarget) Abort() {
	if !t.done {
		t.done = true
		t.b.rollback()
	}
}
