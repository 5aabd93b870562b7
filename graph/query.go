package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// QueryResult is one result of a Gizmo query: the values of its tags (the
// node a path reached is tagged "id"), or a value the query emitted.
type QueryResult struct {
	// Tags maps each tag to its value: a node's ID, or a literal's text.
	Tags map[string]string `json:"tags,omitempty"`
	// Nodes lists the tag values that are nodes, for highlighting.
	Nodes []ID `json:"nodes,omitempty"`
	// Value is what g.Emit emitted, when the result is not a path's.
	Value any `json:"value,omitempty"`
}

// ErrQueryTimeout is returned when a query runs past its time limit.
var ErrQueryTimeout = errors.New("the query ran out of time")

// ErrQueryMemory is returned when a query uses more memory than
// QueryMemory allows.
var ErrQueryMemory = errors.New("the query used too much memory")

// QueryMemory is how far, in bytes, the Go heap may grow while a query
// runs before the query is stopped with ErrQueryMemory: 512 MiB. Gizmo
// runs JavaScript, where `s = s + s` in a loop doubles a string until the
// machine runs out of memory; the time limit alone would let it take
// gigabytes first.
var QueryMemory int64 = 512 << 20

// Query runs a Gizmo query (Cayley's JavaScript query language, e.g.
// `g.V("<urn:reelgraph:id:netflix>").In().All()`) and returns up to limit
// results (zero means 1,000). It stops the query when ctx is done or
// timeout has passed (zero means 10 s), even inside an endless loop,
// returning ErrQueryTimeout or ctx's error with the results so far.
func (s *Store) Query(ctx context.Context, text string, limit int, timeout time.Duration) ([]QueryResult, error) {
	if limit <= 0 {
		limit = 1000
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	defer watchMemory(QueryMemory, func() { stop(ErrQueryMemory) })()
	sess := gizmo.NewSession(s.qs)
	it, err := sess.Execute(ctx, text, query.Options{Collation: query.Raw, Limit: limit})
	if err != nil {
		return nil, fmt.Errorf("graph: query: %w", err)
	}
	defer it.Close()
	var out []QueryResult
	for len(out) < limit && it.Next(ctx) {
		r, ok := it.Result().(*gizmo.Result)
		if !ok || r.Meta {
			continue
		}
		res, err := s.queryResult(r)
		if err != nil {
			return out, fmt.Errorf("graph: query: %w", err)
		}
		out = append(out, res)
	}
	if errors.Is(context.Cause(ctx), ErrQueryMemory) {
		return out, fmt.Errorf("graph: query: %w (more than %d MiB); ask for less, or add a Limit", ErrQueryMemory, QueryMemory>>20)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return out, fmt.Errorf("graph: query: %w after %v", ErrQueryTimeout, timeout)
	}
	if err := it.Err(); err != nil {
		return out, fmt.Errorf("graph: query: %w", err)
	}
	return out, nil
}

func (s *Store) queryResult(r *gizmo.Result) (QueryResult, error) {
	if r.Tags == nil {
		return QueryResult{Value: r.Val}, nil
	}
	res := QueryResult{Tags: make(map[string]string, len(r.Tags))}
	keys := make([]string, 0, len(r.Tags))
	for k := range r.Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, err := s.qs.NameOf(r.Tags[k])
		if err != nil {
			return res, err
		}
		if id, ok := nodeID(v); ok {
			res.Tags[k] = string(id)
			res.Nodes = appendID(res.Nodes, id)
		} else if v != nil {
			res.Tags[k] = literalText(v)
		}
	}
	return res, nil
}
