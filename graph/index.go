package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// buildIndex reads every quad once to learn each node's label, aliases,
// types and edges, and how many facts each source labels.
func (s *Store) buildIndex(ctx context.Context) error {
	s.names = make(map[ID]nameInfo)
	s.adj = newAdjacency(s.names)
	s.text = NewTextIndex()
	s.kinds = make(map[ID]int)
	s.labels = make(map[ID]int)
	err := iterator.Iterate(ctx, s.qs.QuadsAllIterator()).Each(func(r refs.Ref) error {
		q, err := s.qs.Quad(r)
		if err != nil {
			return err
		}
		s.indexQuad(q)
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: index %s: %w", s.loc, err)
	}
	return nil
}

// indexQuad folds one quad into the index. Folding a quad in again adds no
// name, type or edge twice; only its label's count of facts goes up again.
// The caller holds s.mu or has the store to itself.
func (s *Store) indexQuad(q quad.Quad) {
	src, _ := nodeID(q.Label)
	if src != "" {
		s.labels[src]++
	}
	subj, ok := nodeID(q.Subject)
	pred, pok := nodeID(q.Predicate)
	if !ok || !pok {
		return
	}
	if obj, ok := nodeID(q.Object); ok {
		if !contains(typePredicates, pred) {
			s.adj.addEdge(Edge{Subject: subj, Predicate: pred, Object: obj, Source: src})
		} else if s.addType(subj, obj) {
			s.adj.addMember(subj, pred, obj, src)
		}
		return
	}
	text := literalText(q.Object)
	if r := rankOf(labelPredicates, pred); r >= 0 {
		info, seen := s.names[subj]
		if !seen || info.label == "" || r < info.rank {
			info.label, info.rank = text, r
			s.names[subj] = info
			s.adj.setLabel(subj, text)
		}
		s.text.Add(subj, text, false)
	} else if contains(aliasPredicates, pred) {
		s.text.Add(subj, text, true)
	} else if contains(typePredicates, pred) && s.addType(subj, ID(text)) {
		s.adj.addMember(subj, pred, ID(text), src)
	}
}

// addType adds typ to subj's types and reports whether it was new.
func (s *Store) addType(subj, typ ID) bool {
	info, seen := s.names[subj]
	if !seen {
		info.rank = len(labelPredicates)
	}
	for _, t := range info.types {
		if t == typ {
			return false
		}
	}
	info.types = append(info.types, typ)
	s.names[subj] = info
	s.kinds[typ]++
	return true
}

func rankOf(list []ID, id ID) int {
	for i, x := range list {
		if x == id {
			return i
		}
	}
	return -1
}

// nodeID returns the ID of an IRI or blank node; literals have none.
func nodeID(v quad.Value) (ID, bool) {
	switch v := v.(type) {
	case quad.IRI:
		return ID(v), true
	case quad.BNode:
		return ID("_:" + string(v)), true
	}
	return "", false
}

// value returns the quad value an ID names.
func value(id ID) quad.Value {
	if len(id) > 2 && id[:2] == "_:" {
		return quad.BNode(id[2:])
	}
	return quad.IRI(id)
}

// literalText returns a literal's lexical form, without quotes, datatype or
// language tag.
func literalText(v quad.Value) string {
	switch v := v.(type) {
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.TypedStringer:
		return string(v.TypedString().Value)
	}
	return quad.StringOf(v)
}

// property turns a literal into a Property.
func property(pred ID, v quad.Value, src ID) Property {
	p := Property{Predicate: pred, Value: literalText(v), Source: src}
	switch v := v.(type) {
	case quad.TypedString:
		p.Datatype = ID(v.Type)
	case quad.LangString:
		p.Lang = v.Lang
	case quad.TypedStringer:
		p.Datatype = ID(v.TypedString().Type)
	}
	return p
}
