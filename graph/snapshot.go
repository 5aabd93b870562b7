package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
)

// The index of a store on disk (names, types, counts and edges) is kept
// beside it in a snapshot file, in the directory its backend gives, so
// that opening the store reads one small file instead of every quad. The
// snapshot records the store's quad count and the stamp of its files (the
// size and modification time of a bolt file) when it was taken; any write to the store changes
// one of them, and a snapshot that does not match is ignored and the index
// built again from the quads. A store is written only through an open
// Store, which holds the lock, keeps its index up to date as it writes, and
// saves the snapshot again when it closes; a Store that dies before that
// leaves a snapshot that no longer matches.
const (
	snapshotFile  = "names.snapshot"
	snapshotMagic = "reelgraph name index v3\n" // v2 added the edges, v3 their labels
)

// snapshotKey identifies the state of a store a snapshot was taken of.
type snapshotKey struct {
	quads, size, mtime int64
	dir                string // where the snapshot is kept
}

// openIndex fills the index from the snapshot when it matches the store,
// or else from the store's quads, saving a snapshot of the result.
func (s *Store) openIndex(ctx context.Context) error {
	key, ok := s.snapshotKey(ctx)
	if ok && s.loadSnapshot(key) == nil {
		return nil
	}
	if err := s.buildIndex(ctx); err != nil {
		return err
	}
	if ok {
		s.saveSnapshot(key)
	}
	return nil
}

// saveIndex saves a snapshot if the store changed since the snapshot was
// loaded or last saved. Errors are ignored: the snapshot only saves time.
func (s *Store) saveIndex(ctx context.Context) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	key, ok := s.snapshotKey(ctx)
	s.mu.RLock()
	same := key == s.snap
	s.mu.RUnlock()
	if ok && !same {
		s.saveSnapshot(key)
	}
}

// snapshotKey returns the key of the store's current state; it reports
// false for stores whose backend keeps no snapshot.
func (s *Store) snapshotKey(ctx context.Context) (snapshotKey, bool) {
	dir, stamp, ok := s.be.Snapshot()
	if !ok {
		return snapshotKey{}, false
	}
	st, err := s.qs.Stats(ctx, false)
	if err != nil || !st.Quads.Exact {
		return snapshotKey{}, false
	}
	return snapshotKey{st.Quads.Value, stamp.Size, stamp.ModTime, dir}, true
}

// saveSnapshot writes the index to the snapshot file, atomically.
func (s *Store) saveSnapshot(key snapshotKey) {
	var w snapshotWriter
	w.buf.WriteString(snapshotMagic)
	s.mu.Lock()
	w.encode(s, key)
	s.mu.Unlock()
	sum := crc32.ChecksumIEEE(w.buf.Bytes())
	w.buf.Write(binary.LittleEndian.AppendUint32(nil, sum))
	path := filepath.Join(key.dir, snapshotFile)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, w.buf.Bytes(), 0o600); err != nil {
		return
	}
	if os.Rename(tmp, path) != nil {
		os.Remove(tmp)
		return
	}
	s.mu.Lock()
	s.snap = key
	s.mu.Unlock()
}

type snapshotWriter struct {
	buf bytes.Buffer
	tmp [binary.MaxVarintLen64]byte
}

func (w *snapshotWriter) uint(v uint64) {
	w.buf.Write(w.tmp[:binary.PutUvarint(w.tmp[:], v)])
}

func (w *snapshotWriter) str(v string) {
	w.uint(uint64(len(v)))
	w.buf.WriteString(v)
}

// encode writes the key and the index. The caller holds s.mu.
func (w *snapshotWriter) encode(s *Store, key snapshotKey) {
	w.uint(uint64(key.quads))
	w.uint(uint64(key.size))
	w.uint(uint64(key.mtime))
	w.uint(uint64(len(s.names)))
	for id, info := range s.names {
		w.str(string(id))
		w.str(info.label)
		w.uint(uint64(info.rank))
		w.uint(uint64(len(info.types)))
		for _, t := range info.types {
			w.str(string(t))
		}
	}
	w.uint(uint64(s.text.Len()))
	for _, e := range s.text.names {
		if e.norm == "" {
			continue
		}
		w.str(string(e.id))
		w.str(e.name)
		w.str(e.norm)
		if e.alias {
			w.uint(1)
		} else {
			w.uint(0)
		}
	}
	for _, m := range []map[ID]int{s.kinds, s.labels} {
		w.uint(uint64(len(m)))
		for id, n := range m {
			w.str(string(id))
			w.uint(uint64(n))
		}
	}
	w.adjacency(s.adj)
}

// adjacency writes the node numbers' IDs and labels, then the statements
// in order.
func (w *snapshotWriter) adjacency(a *adjacency) {
	w.uint(uint64(len(a.ids) - 1))
	for n, id := range a.ids[1:] {
		w.str(string(id))
		w.str(a.label[n+1])
	}
	w.uint(uint64(len(a.stmts)))
	for _, st := range a.stmts {
		for _, n := range [4]uint32{st.s, st.p, st.o, st.l} {
			w.uint(uint64(n))
		}
	}
}

var errBadSnapshot = errors.New("snapshot unreadable")

// loadSnapshot fills the index from the snapshot file if it was taken of
// the store in state key.
func (s *Store) loadSnapshot(key snapshotKey) error {
	data, err := os.ReadFile(filepath.Join(key.dir, snapshotFile))
	if err != nil {
		return err
	}
	n := len(data) - 4
	if n < len(snapshotMagic) || string(data[:len(snapshotMagic)]) != snapshotMagic ||
		crc32.ChecksumIEEE(data[:n]) != binary.LittleEndian.Uint32(data[n:]) {
		return errBadSnapshot
	}
	// One string holds the whole file; every name is a slice of it.
	r := snapshotReader{data: string(data[len(snapshotMagic):n])}
	if got := (snapshotKey{int64(r.uint()), int64(r.uint()), int64(r.uint()), key.dir}); got != key {
		return fmt.Errorf("snapshot of %+v, store is %+v", got, key)
	}
	names, text, kinds, labels := r.decode()
	adj := r.adjacency(names)
	if r.err != nil {
		return r.err
	}
	s.mu.Lock()
	s.names, s.text, s.kinds, s.labels, s.adj, s.snap = names, text, kinds, labels, adj, key
	s.mu.Unlock()
	return nil
}

type snapshotReader struct {
	data string
	off  int
	err  error
}

func (r *snapshotReader) uint() uint64 {
	var v uint64
	for shift := 0; r.err == nil && shift < 64; shift += 7 {
		if r.off >= len(r.data) {
			break
		}
		b := r.data[r.off]
		r.off++
		v |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return v
		}
	}
	r.err = errBadSnapshot
	return 0
}

// count reads a number of entries, each at least min bytes long.
func (r *snapshotReader) count(min int) int {
	v := r.uint()
	if v > uint64((len(r.data)-r.off)/min) {
		r.err = errBadSnapshot
		return 0
	}
	return int(v)
}

func (r *snapshotReader) str() string {
	n := r.uint()
	if r.err != nil || n > uint64(len(r.data)-r.off) {
		r.err = errBadSnapshot
		return ""
	}
	v := r.data[r.off : r.off+int(n)]
	r.off += int(n)
	return v
}

func (r *snapshotReader) decode() (map[ID]nameInfo, *TextIndex, map[ID]int, map[ID]int) {
	n := r.count(4)
	names := make(map[ID]nameInfo, n)
	for range n {
		id := ID(r.str())
		info := nameInfo{label: r.str(), rank: int(r.uint())}
		if k := r.count(1); k > 0 {
			info.types = make([]ID, k)
			for j := range info.types {
				info.types[j] = ID(r.str())
			}
		}
		names[id] = info
	}
	text := NewTextIndex()
	for range r.count(4) {
		id, name, norm := ID(r.str()), r.str(), r.str()
		text.add(id, name, norm, r.uint() == 1)
	}
	kinds, labels := r.counts(), r.counts()
	return names, text, kinds, labels
}

func (r *snapshotReader) counts() map[ID]int {
	n := r.count(2)
	m := make(map[ID]int, n)
	for range n {
		m[ID(r.str())] = int(r.uint())
	}
	return m
}

func (r *snapshotReader) adjacency(names map[ID]nameInfo) *adjacency {
	n := r.count(2)
	a := &adjacency{ids: make([]ID, 1, n+1), num: make(map[ID]uint32, n+1), names: names,
		label: make([]string, 1, n+1), key: make([]uint64, 1, n+1)}
	a.num[""] = 0
	for range n {
		id, label := ID(r.str()), r.str()
		a.num[id] = uint32(len(a.ids))
		a.ids = append(a.ids, id)
		a.label = append(a.label, label)
		a.key = append(a.key, labelKey(label))
	}
	a.stmts = make([]statement, r.count(4))
	for i := range a.stmts {
		var v [4]uint32
		for j := range v {
			if x := r.uint(); x < uint64(len(a.ids)) {
				v[j] = uint32(x)
			} else {
				r.err = errBadSnapshot
			}
		}
		a.stmts[i] = statement{v[0], v[1], v[2], v[3]}
	}
	if r.err != nil {
		return nil
	}
	a.link()
	return a
}
