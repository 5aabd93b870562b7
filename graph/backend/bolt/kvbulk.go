package bolt

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// kvBulk adds quads to a bolt file in Cayley's kv layout
// (github.com/cayleygraph/cayley/graph/kv, indexing.go), writing what
// Cayley's ApplyDeltas writes for the same batches with IgnoreDup: the same
// IDs, values, reference counts, index lists and counters, byte for byte
// but for the timestamps. kvbulk_test.go checks that against Cayley.
//
// The layout, all in top-level buckets:
//
//	meta      "version" (2), "indexes" (JSON), "size" (quads), "horizon" (last ID),
//	          little-endian int64s
//	log       big-endian ID -> protobuf Primitive: a node (ID, Value) or a quad
//	          (ID, Subject, Predicate, Object, Label), with a Timestamp
//	v h0 h1   value hash (SHA-1 of its String) -> uvarint node ID
//	n h0 h1   value hash -> uvarint reference count
//	sp, ops   one bucket per quad index: the big-endian IDs of its directions
//	          -> uvarint quad IDs, ascending
//
// Cayley applies each batch in one transaction: it resolves the batch's
// values through the file, numbers the new ones in hash order, checks every
// quad whose values all existed against the indexes, numbers the new quads in
// batch order, and appends to every index list the quads touch, reading and
// rewriting each. kvBulk does the same numbering and checks but keeps the
// writes of up to kvChunkQuads quads in memory, then writes them in key
// order, each key once, in transactions of kvTxPuts puts. Not for files
// another writer has open.
type kvBulk struct {
	db       *bolt.DB
	chunk    int // pending quads written at once
	indexes  []ckv.QuadIndex
	size     int64               // quads, pending ones included
	horizon  int64               // the last ID given, pending ones included
	first    uint64              // the last ID given before the first add
	subjects map[uint64]struct{} // subjects of the quads added
	labelled map[uint64]int      // quads added per graph label

	view *kvView // read transaction of the pending batches

	nodes map[refs.ValueHash]*kvNode // values the pending quads use
	quads []kvQuad                   // pending quads, by ID
	seen  map[[4]uint64]struct{}     // pending quads, by value IDs
}

// kvNode is a value the pending quads use.
type kvNode struct {
	id    uint64
	refs  int64  // references the pending quads add
	value []byte // the encoded value, if the file does not hold it yet
	stamp int64
}

type kvQuad struct {
	id    uint64
	dirs  [4]uint64 // subject, predicate, object, label; 0 for no label
	stamp int64
}

const (
	kvChunkQuads = 1 << 20 // kvBulk.chunk
	kvTxPuts     = 1 << 17 // puts per write transaction
	kvIndexFill  = 0.9     // how full index pages are written
	kvVersion    = 2       // Cayley's kv data version
)

var (
	kvMeta = []byte("meta")
	kvLog  = []byte("log")
)

// openKVBulk opens the bolt file at path, which must hold a Cayley kv store
// of the current version with non-unique indexes.
func openKVBulk(path string) (*kvBulk, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true, NoGrowSync: true})
	if err != nil {
		return nil, err
	}
	w := &kvBulk{db: db, chunk: kvChunkQuads, subjects: make(map[uint64]struct{}), labelled: make(map[uint64]int)}
	w.reset()
	if err := db.View(w.readMeta); err != nil {
		db.Close()
		return nil, err
	}
	return w, nil
}

func (w *kvBulk) reset() {
	w.nodes = make(map[refs.ValueHash]*kvNode)
	w.quads = nil
	w.seen = make(map[[4]uint64]struct{})
}

// readMeta reads what kv.New reads: the version, the indexes and counters.
func (w *kvBulk) readMeta(tx *bolt.Tx) error {
	meta := tx.Bucket(kvMeta)
	if meta == nil {
		return ckv.ErrNoBucket
	}
	if v := metaInt(meta, "version"); v != kvVersion {
		return fmt.Errorf("kv data version %d, want %d", v, kvVersion)
	}
	w.indexes = []ckv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}} // legacy
	if b := meta.Get([]byte("indexes")); b != nil {
		var list []ckv.QuadIndex
		if err := json.Unmarshal(b, &list); err != nil {
			return fmt.Errorf("cannot decode indexes: %w", err)
		}
		if len(list) > 0 {
			w.indexes = list
		}
	}
	for _, ind := range w.indexes {
		if ind.Unique {
			return errors.New("stores with unique indexes cannot be bulk loaded")
		}
	}
	w.size, w.horizon = metaInt(meta, "size"), metaInt(meta, "horizon")
	w.first = uint64(w.horizon)
	return nil
}

func metaInt(meta *bolt.Bucket, key string) int64 {
	b := meta.Get([]byte(key))
	if len(b) != 8 {
		return 0
	}
	return int64(binary.LittleEndian.Uint64(b))
}

// batchNode is a value of one batch.
type batchNode struct {
	hash refs.ValueHash
	val  quad.Value
	refs int64
	id   uint64
	new  bool // given its ID in this batch
}

// add adds a batch of quads, skipping those the file or the pending quads
// hold, as one ApplyDeltas of the batch would.
func (w *kvBulk) add(batch []quad.Quad) error {
	r, err := w.read()
	if err != nil {
		return err
	}
	nodes, dirs := batchNodes(batch)
	if err := w.resolve(r.tx, nodes); err != nil {
		return err
	}
	stamp := time.Now().UnixNano()
	first := len(w.quads)
	for i := range batch {
		var q kvQuad
		mustBeNew := false
		for d, n := range dirs[i] {
			if n != nil {
				q.dirs[d] = n.id
				mustBeNew = mustBeNew || n.new
			}
		}
		if _, dup := w.seen[q.dirs]; dup {
			continue
		}
		if !mustBeNew {
			held, err := r.holds(q.dirs)
			if err != nil {
				return err
			} else if held {
				continue
			}
		}
		w.seen[q.dirs] = struct{}{}
		w.horizon++
		q.id, q.stamp = uint64(w.horizon), stamp
		w.quads = append(w.quads, q)
		w.subjects[q.dirs[0]] = struct{}{}
		w.labelled[q.dirs[3]]++
	}
	w.size += int64(len(w.quads) - first)
	if len(w.quads) >= w.chunk {
		return w.flush()
	}
	return nil
}

// batchNodes returns the batch's values sorted by hash, each with the
// references the batch adds (duplicate quads included, as Cayley counts
// them), and for each quad its four values (nil for no label).
func batchNodes(batch []quad.Quad) ([]*batchNode, [][4]*batchNode) {
	byVal := make(map[quad.Value]*batchNode)
	byHash := make(map[refs.ValueHash]*batchNode)
	dirs := make([][4]*batchNode, len(batch))
	var nodes []*batchNode
	for i, q := range batch {
		for d, dir := range quad.Directions {
			v := q.Get(dir)
			if v == nil {
				continue
			}
			n := byVal[v]
			if n == nil {
				h := refs.HashOf(v)
				if n = byHash[h]; n == nil {
					n = &batchNode{hash: h, val: v}
					byHash[h] = n
					nodes = append(nodes, n)
				}
				byVal[v] = n
			}
			n.refs++
			dirs[i][d] = n
		}
	}
	slices.SortFunc(nodes, func(a, b *batchNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	return nodes, dirs
}

// resolve gives each of the batch's values its ID, numbering the values
// new to the file in hash order, and counts their references.
func (w *kvBulk) resolve(tx *bolt.Tx, nodes []*batchNode) error {
	stamp := time.Now().UnixNano()
	var fresh []*batchNode
	for _, n := range nodes {
		if p := w.nodes[n.hash]; p != nil {
			n.id = p.id
			p.refs += n.refs
			continue
		}
		if n.id = valueID(tx, n.hash); n.id == 0 {
			fresh = append(fresh, n)
			continue
		}
		w.nodes[n.hash] = &kvNode{id: n.id, refs: n.refs}
	}
	for _, n := range fresh {
		b, err := pquads.MarshalValue(n.val)
		if err != nil {
			return err
		}
		w.horizon++
		n.id, n.new = uint64(w.horizon), true
		w.nodes[n.hash] = &kvNode{id: n.id, refs: n.refs, value: b, stamp: stamp}
	}
	return nil
}

func valueBucket(h refs.ValueHash) []byte { return []byte{'v', h[0], h[1]} }
func refsBucket(h refs.ValueHash) []byte  { return []byte{'n', h[0], h[1]} }

// valueID returns the ID the file gives the value of hash h, or 0.
func valueID(tx *bolt.Tx, h refs.ValueHash) uint64 {
	b := tx.Bucket(valueBucket(h))
	if b == nil {
		return 0
	}
	id, _ := binary.Uvarint(b.Get(h[:]))
	return id
}

// kvView is a read transaction on the file with its log and index buckets
// at hand: in a read transaction bolt looks a bucket up from the root each
// time it is asked for.
type kvView struct {
	tx      *bolt.Tx
	log     *bolt.Bucket
	indexes []*bolt.Bucket // as kvBulk.indexes; nil where the file has none
	w       *kvBulk
}

// read returns the read transaction the pending batches share, begun on
// first use. It must end before the file is written: bolt cannot grow a
// file while a read transaction has it mapped.
func (w *kvBulk) read() (*kvView, error) {
	if w.view != nil {
		return w.view, nil
	}
	tx, err := w.db.Begin(false)
	if err != nil {
		return nil, err
	}
	w.view = &kvView{tx: tx, log: tx.Bucket(kvLog), w: w}
	for _, ind := range w.indexes {
		w.view.indexes = append(w.view.indexes, tx.Bucket(indexBucket(ind)))
	}
	return w.view, nil
}

func (w *kvBulk) endRead() {
	if w.view != nil {
		w.view.tx.Rollback()
		w.view = nil
	}
}

// holds reports whether the file holds a live quad of these value IDs, as
// Cayley's hasPrimitive finds out: the quads listed under its key in every
// index, newest first.
func (r *kvView) holds(dirs [4]uint64) (bool, error) {
	var ids []uint64
	for i, ind := range r.w.indexes {
		var list []uint64
		if b := r.indexes[i]; b != nil {
			var err error
			if list, err = decodeIndex(b.Get(indexKey(ind, dirs))); err != nil {
				return false, err
			}
		}
		if i == 0 {
			ids = list
		} else {
			ids = intersect(ids, list)
		}
	}
	for i := len(ids) - 1; i >= 0; i-- {
		p, err := r.quad(ids[i])
		if err != nil {
			return false, err
		}
		if !p.Deleted && p.Subject == dirs[0] && p.Predicate == dirs[1] && p.Object == dirs[2] && p.Label == dirs[3] {
			return true, nil
		}
	}
	return false, nil
}

// quad reads the log entry of id.
func (r *kvView) quad(id uint64) (*cproto.Primitive, error) {
	var p cproto.Primitive
	if r.log == nil {
		return &p, nil
	}
	return &p, proto.Unmarshal(r.log.Get(idKey(id)), &p)
}

// heldSubject reports whether the file holds a live quad with subject id,
// reading an index that leads with the subject; ok is false if none does.
func (r *kvView) heldSubject(id uint64) (held, ok bool, err error) {
	for i, ind := range r.w.indexes {
		if ind.Dirs[0] != quad.Subject {
			continue
		}
		if r.indexes[i] == nil {
			return false, true, nil
		}
		prefix := idKey(id)
		c := r.indexes[i].Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			ids, err := decodeIndex(v)
			if err != nil {
				return false, true, err
			}
			for _, q := range ids {
				if p, err := r.quad(q); err != nil || !p.Deleted {
					return err == nil, true, err
				}
			}
		}
		return false, true, nil
	}
	return false, false, nil
}

func indexBucket(ind ckv.QuadIndex) []byte {
	b := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		b[i] = d.Prefix()
	}
	return b
}

func indexKey(ind ckv.QuadIndex, dirs [4]uint64) []byte {
	k := make([]byte, 8*len(ind.Dirs))
	for i, d := range ind.Dirs {
		binary.BigEndian.PutUint64(k[8*i:], dirs[dirIndex(d)])
	}
	return k
}

// dirIndex is d's position in quad.Directions.
func dirIndex(d quad.Direction) int { return slices.Index(quad.Directions, d) }

func idKey(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

func decodeIndex(b []byte) ([]uint64, error) {
	var out []uint64
	for len(b) > 0 {
		v, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("kv: corrupt index list")
		}
		out = append(out, v)
		b = b[n:]
	}
	return out, nil
}

// intersect returns the IDs in both ascending lists.
func intersect(a, b []uint64) []uint64 {
	var out []uint64
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			out = append(out, a[0])
			a, b = a[1:], b[1:]
		}
	}
	return out
}

// newLabel returns how many quads added carry graph label l, if the file
// did not hold l before the first add, and so holds no others.
func (w *kvBulk) newLabel(l quad.Value) (int, bool) {
	id, err := w.valueID(l)
	if err != nil || id <= w.first {
		return 0, false
	}
	return w.labelled[id], true
}

// valueID returns the ID of v, pending or in the file, or 0.
func (w *kvBulk) valueID(v quad.Value) (uint64, error) {
	h := refs.HashOf(v)
	if n := w.nodes[h]; n != nil {
		return n.id, nil
	}
	r, err := w.read()
	if err != nil {
		return 0, err
	}
	return valueID(r.tx, h), nil
}

// subject reports whether v is the subject of a quad added or held by the
// file. sure is false if the file has no index that tells: then only the
// quads added were looked at.
func (w *kvBulk) subject(v quad.Value) (known, sure bool, err error) {
	id, err := w.valueID(v)
	if _, added := w.subjects[id]; err != nil || id == 0 || added || id > w.first {
		// A value new to the file is the subject of added quads only.
		return added && id != 0, true, err
	}
	r, err := w.read()
	if err != nil {
		return false, true, err
	}
	return r.heldSubject(id)
}

// flush writes the pending quads and their values into the file.
func (w *kvBulk) flush() error {
	w.endRead()
	// What is not needed to write is let go first, and the values once
	// written: the indexes are the largest writes.
	w.seen = nil
	nodes := make([]kvHashNode, 0, len(w.nodes))
	for h, n := range w.nodes {
		nodes = append(nodes, kvHashNode{h, n})
	}
	w.nodes = nil
	slices.SortFunc(nodes, func(a, b kvHashNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	err := w.writeLog(nodes)
	if err == nil {
		err = w.writeValues(nodes)
	}
	if err == nil {
		err = w.writeRefs(nodes)
	}
	if err == nil {
		err = w.writeIndexes()
	}
	if err == nil {
		err = w.writeMeta()
	}
	if err != nil {
		return err
	}
	w.reset()
	return nil
}

type kvHashNode struct {
	hash refs.ValueHash
	*kvNode
}

// writeLog appends the new values and quads to the log, in ID order.
func (w *kvBulk) writeLog(nodes []kvHashNode) error {
	var entries []*kvNode // the new values, and the quads as nodes without a value
	for _, n := range nodes {
		if n.value != nil {
			entries = append(entries, n.kvNode)
		}
	}
	quads := w.quads
	values := len(entries)
	slices.SortFunc(entries, func(a, b *kvNode) int { return cmp.Compare(a.id, b.id) })
	// Merge the values and the quads (both sorted) by ID. The IDs come
	// after every ID the log holds, so the pages are filled.
	i, j := 0, 0
	return w.update(values+len(quads), 1.0, func(t *kvTx, _ int) error {
		var id uint64
		var val []byte
		if j == len(quads) || i < values && entries[i].id < quads[j].id {
			n := entries[i]
			id, val = n.id, encodePrimitive(n.id, [4]uint64{}, n.stamp, n.value)
			i++
		} else {
			q := quads[j]
			id, val = q.id, encodePrimitive(q.id, q.dirs, q.stamp, nil)
			j++
		}
		return t.put(kvLog, idKey(id), val)
	})
}

// encodePrimitive encodes a log entry as proto.Marshal encodes Cayley's
// proto.Primitive: fields in number order, zero values left out (ID 1,
// Subject to Label 2-5, Timestamp 7, Value 8).
func encodePrimitive(id uint64, dirs [4]uint64, stamp int64, value []byte) []byte {
	b := make([]byte, 0, 48+len(value))
	field := func(num byte, v uint64) {
		if v != 0 {
			b = binary.AppendUvarint(append(b, num<<3), v)
		}
	}
	field(1, id)
	for d, v := range dirs {
		field(byte(2+d), v)
	}
	field(7, uint64(stamp))
	if len(value) > 0 {
		b = binary.AppendUvarint(append(b, 8<<3|2), uint64(len(value)))
		b = append(b, value...)
	}
	return b
}

// writeValues indexes the new values by hash.
func (w *kvBulk) writeValues(nodes []kvHashNode) error {
	var fresh []kvHashNode
	for _, n := range nodes {
		if n.value != nil {
			fresh = append(fresh, n)
		}
	}
	return w.update(len(fresh), bolt.DefaultFillPercent, func(t *kvTx, i int) error {
		n := fresh[i]
		return t.put(valueBucket(n.hash), bytes.Clone(n.hash[:]), binary.AppendUvarint(nil, n.id))
	})
}

// writeRefs adds the pending references to each value's count.
func (w *kvBulk) writeRefs(nodes []kvHashNode) error {
	return w.update(len(nodes), bolt.DefaultFillPercent, func(t *kvTx, i int) error {
		n := nodes[i]
		b, err := t.bucket(refsBucket(n.hash))
		if err != nil {
			return err
		}
		old, _ := binary.Uvarint(b.Get(n.hash[:]))
		return b.Put(bytes.Clone(n.hash[:]), binary.AppendUvarint(nil, old+uint64(n.refs)))
	})
}

// writeIndexes appends the pending quads' IDs to the lists of every index.
func (w *kvBulk) writeIndexes() error {
	type entry struct {
		key [32]byte
		id  uint64
	}
	entries := make([]entry, len(w.quads))
	for _, ind := range w.indexes {
		for i, q := range w.quads {
			entries[i] = entry{id: q.id}
			copy(entries[i].key[:], indexKey(ind, q.dirs))
		}
		slices.SortFunc(entries, func(a, b entry) int {
			return cmp.Or(bytes.Compare(a.key[:], b.key[:]), cmp.Compare(a.id, b.id))
		})
		var starts []int // where each key's entries begin
		for i := range entries {
			if i == 0 || entries[i].key != entries[i-1].key {
				starts = append(starts, i)
			}
		}
		starts = append(starts, len(entries))
		name, size := indexBucket(ind), 8*len(ind.Dirs)
		// Pages filled to 90 %, as databases build B-tree indexes in bulk,
		// leave room for the keys of later imports and make the file
		// smaller than bolt's default of half.
		err := w.update(len(starts)-1, kvIndexFill, func(t *kvTx, i int) error {
			b, err := t.bucket(name)
			if err != nil {
				return err
			}
			key := entries[starts[i]].key[:size]
			list := bytes.Clone(b.Get(key))
			for _, e := range entries[starts[i]:starts[i+1]] {
				list = binary.AppendUvarint(list, e.id)
			}
			return b.Put(bytes.Clone(key), list)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// writeMeta stores the counters; as Cayley does, only those that changed.
func (w *kvBulk) writeMeta() error {
	return w.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(kvMeta)
		for key, v := range map[string]int64{"size": w.size, "horizon": w.horizon} {
			if v != metaInt(meta, key) {
				if err := meta.Put([]byte(key), binary.LittleEndian.AppendUint64(nil, uint64(v))); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// kvTx is a write transaction that remembers the bucket it last used.
type kvTx struct {
	tx   *bolt.Tx
	fill float64
	name []byte
	b    *bolt.Bucket
}

func (t *kvTx) bucket(name []byte) (*bolt.Bucket, error) {
	if t.b != nil && bytes.Equal(name, t.name) {
		return t.b, nil
	}
	b, err := t.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, err
	}
	b.FillPercent = t.fill
	t.name, t.b = name, b
	return b, nil
}

func (t *kvTx) put(bucket, key, val []byte) error {
	b, err := t.bucket(bucket)
	if err != nil {
		return err
	}
	return b.Put(key, val)
}

// update calls fn for i from 0 to n-1, in write transactions of at most
// kvTxPuts calls, so that a transaction's dirty pages stay few. Buckets
// are filled to fill before they split.
func (w *kvBulk) update(n int, fill float64, fn func(t *kvTx, i int) error) error {
	for lo := 0; lo < n; lo += kvTxPuts {
		err := w.db.Update(func(tx *bolt.Tx) error {
			t := &kvTx{tx: tx, fill: fill}
			for i := lo; i < min(n, lo+kvTxPuts); i++ {
				if err := fn(t, i); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// close writes what is pending and closes the file.
func (w *kvBulk) close() error {
	err := w.flush()
	if cerr := w.db.Close(); err == nil {
		err = cerr
	}
	return err
}

// abort closes the file without writing what is pending.
func (w *kvBulk) abort() {
	w.endRead()
	w.db.Close()
}
