package graph

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/quad"

	"reelgraph/graph/vocab"

	"reelgraph/graph/internal/backend"
)

// ImportSource describes an import as a cited document: the Source that
// quads arriving without a graph label are attributed to.
type ImportSource struct {
	// ID names the Source node. Empty mints a fresh urn:reelgraph:import: IRI.
	// Give the same ID for the same content (a digest of the file, say) and
	// importing it again adds nothing.
	ID ID
	// Title is what the Sources list shows, usually the file name.
	Title string
	// Time is when the import happened; zero means now.
	Time time.Time
	// Note is the analyst's optional comment, stored as the description.
	Note string
}

// ImportOptions tune Import.
type ImportOptions struct {
	Source ImportSource
	// Progress, if set, is called from Import's goroutine a few times a
	// second and once at the end.
	Progress func(ImportProgress)
	// BatchSize is how many quads go into one transaction of an on-disk
	// import; zero means 20,000.
	BatchSize int
}

// ImportProgress says how far an import has read.
type ImportProgress struct {
	Quads   int64         // quads read so far
	Elapsed time.Duration // since the import began
}

// Rate returns the quads read per second so far.
func (p ImportProgress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Quads) / p.Elapsed.Seconds()
}

// ImportSummary says what an import did.
type ImportSummary struct {
	Source      ID    // the Source unlabelled quads were attributed to
	Read        int64 // quads read from the input
	Added       int64 // quads read that the store did not hold
	Duplicates  int64 // quads read that the store held already, or that repeated
	SourceQuads int64 // quads added to describe the Source
	NewEntities int64 // subjects the store did not know, the import's Source aside
	// LookAlikes are new entities whose label or alias, normalized, equals
	// the name of an entity already in the store: candidates for the analyst
	// to review. At most MaxLookAlikes are listed; MoreLookAlikes counts
	// the rest.
	LookAlikes     []LookAlike
	MoreLookAlikes int
	Elapsed        time.Duration
}

// MaxLookAlikes caps ImportSummary.LookAlikes.
const MaxLookAlikes = 100

// LookAlike pairs a newly imported entity with an existing one of the same
// normalized name.
type LookAlike struct {
	Entity       ID     `json:"entity"`
	Name         string `json:"name"`
	Existing     ID     `json:"existing"`
	ExistingName string `json:"existingName"`
}

// ImportNS prefixes the IRIs minted for import Sources.
const ImportNS = vocab.Import

// Import reads every quad of r into the store, atomically: the store gains
// them all or, after an error, a cancelled ctx or a crash, nothing. Quads
// without a graph label are attributed to the import (opt.Source), which is
// described as a Source node. Readers of the store keep working while it
// runs and see the new quads only once they have all landed. One import or
// Load runs at a time.
//
// Each backend writes it its own way (see backend.Target): on disk it is
// built in a copy of the store and swapped in whole; in PostgreSQL it is
// one bulk transaction; in memory it is applied in one transaction at the
// end.
// Neither needs memory in proportion to the input, beyond what the in-memory
// store itself holds.
func (s *Store) Import(ctx context.Context, r quad.Reader, opt ImportOptions) (ImportSummary, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	im := &importer{s: s, opt: opt, start: time.Now()}
	im.src = opt.Source.complete(im.start)
	sum, err := im.run(ctx, r)
	if err != nil {
		return ImportSummary{}, fmt.Errorf("graph: import: %w", err)
	}
	return sum, nil
}

func (src ImportSource) complete(now time.Time) ImportSource {
	if src.Time.IsZero() {
		src.Time = now
	}
	src.Time = src.Time.UTC()
	if src.ID == "" {
		var b [6]byte
		rand.Read(b[:])
		src.ID = ID(ImportNS + src.Time.Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:]))
	}
	if src.Title == "" {
		src.Title = "Import of " + src.Time.Format("2006-01-02 15:04 UTC")
	}
	return src
}

// describe returns the quads that describe the import as a Source, labelled
// with the Source itself, as the bundled graph's sources are.
func (src ImportSource) describe() []quad.Quad {
	id := quad.IRI(src.ID)
	qs := []quad.Quad{
		{Subject: id, Predicate: quad.IRI(Type), Object: quad.IRI(TypeSource), Label: id},
		{Subject: id, Predicate: quad.IRI(Label), Object: quad.String(src.Title), Label: id},
		{Subject: id, Predicate: quad.IRI(DatePublished), Object: quad.TypedString{Value: quad.String(src.Time.Format("2006-01-02")), Type: vocab.XSDDate}, Label: id},
		{Subject: id, Predicate: quad.IRI(vocab.DateCreated), Object: quad.TypedString{Value: quad.String(src.Time.Format(time.RFC3339)), Type: vocab.XSDDateTime}, Label: id},
		{Subject: id, Predicate: quad.IRI(SourceKindOf), Object: quad.String(KindImport), Label: id},
	}
	if src.Note != "" {
		qs = append(qs, quad.Quad{Subject: id, Predicate: quad.IRI(Description), Object: quad.String(src.Note), Label: id})
	}
	return qs
}

// importer is the state of one Import.
type importer struct {
	s     *Store
	opt   ImportOptions
	src   ImportSource
	start time.Time
	t     backend.Target

	sum        ImportSummary
	unlabelled bool
	// What the index and the look-alike check need, each kept once however
	// often the input repeats it, so that memory grows with what is new
	// in the file, not with its size.
	names      []quad.Quad            // label, alias and type statements, for the index
	named      map[quad.Quad]struct{} // names, as a set
	edges      edgeBuffer             // edges, for the index
	labels     map[ID]struct{}        // graph labels the import uses
	candidates []LookAlike            // names of subjects new to the store
	candidate  map[LookAlike]struct{} // candidates, as a set
	lastReport time.Time
}

func (im *importer) run(ctx context.Context, r quad.Reader) (ImportSummary, error) {
	t, err := im.s.be.NewImport(ctx)
	if err != nil {
		return ImportSummary{}, err
	}
	im.t = t
	defer t.Abort()
	im.labels = make(map[ID]struct{})
	im.named = make(map[quad.Quad]struct{})
	im.candidate = make(map[LookAlike]struct{})
	before, err := t.Count(ctx)
	if err != nil {
		return ImportSummary{}, err
	}
	if err := im.readAll(ctx, r); err != nil {
		return ImportSummary{}, err
	}
	mid, err := t.Count(ctx)
	if err != nil {
		return ImportSummary{}, err
	}
	if im.unlabelled {
		desc := im.src.describe()
		for _, q := range desc {
			im.note(q)
		}
		entities := im.sum.NewEntities // the import's Source is reported apart
		if err := im.flush(desc); err != nil {
			return ImportSummary{}, err
		}
		im.sum.NewEntities = entities
	}
	after, err := t.Count(ctx)
	if err != nil {
		return ImportSummary{}, err
	}
	if err := ctx.Err(); err != nil {
		return ImportSummary{}, err
	}
	lookalikes := im.lookAlikes()
	counts := im.newLabelCounts()
	if err := t.Commit(); err != nil {
		return ImportSummary{}, err
	}
	im.s.indexImported(ctx, im.names, &im.edges, im.labels, counts)
	im.sum.Added = mid - before
	im.sum.Duplicates = im.sum.Read - im.sum.Added
	im.sum.SourceQuads = after - mid
	if im.unlabelled {
		im.sum.Source = im.src.ID
	}
	if len(lookalikes) > MaxLookAlikes {
		im.sum.MoreLookAlikes = len(lookalikes) - MaxLookAlikes
		lookalikes = lookalikes[:MaxLookAlikes]
	}
	im.sum.LookAlikes = lookalikes
	im.sum.Elapsed = time.Since(im.start)
	im.report(true)
	return im.sum, nil
}

// readAll reads r to its end, in batches.
func (im *importer) readAll(ctx context.Context, r quad.Reader) error {
	size := im.opt.BatchSize
	if size <= 0 {
		size = 20000
	}
	batch := make([]quad.Quad, 0, size)
	for {
		if im.sum.Read%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			im.report(false)
		}
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		if !validQuad(q) {
			return fmt.Errorf("quad %d (%v) lacks a subject, predicate or object, or has a literal where a node must be", im.sum.Read+1, q)
		}
		if q.Label == nil {
			q.Label = quad.IRI(im.src.ID)
			im.unlabelled = true
		}
		im.sum.Read++
		im.note(q)
		batch = append(batch, q)
		if len(batch) == size {
			if err := im.flush(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return im.flush(batch)
}

// validQuad reports whether q can be stored: subject, predicate and label
// are nodes (the predicate an IRI), the object is set.
func validQuad(q quad.Quad) bool {
	_, sok := nodeID(q.Subject)
	_, pok := q.Predicate.(quad.IRI)
	_, lok := nodeID(q.Label)
	return sok && pok && q.Object != nil && (q.Label == nil || lok)
}

// note remembers what the index and the look-alike check need of q.
func (im *importer) note(q quad.Quad) {
	if l, ok := nodeID(q.Label); ok {
		im.labels[l] = struct{}{}
	}
	pred, _ := nodeID(q.Predicate)
	isName := rankOf(labelPredicates, pred) >= 0 || contains(aliasPredicates, pred)
	if e, ok := edgeOf(q); ok {
		im.edges.add(e)
		return
	}
	if !isName && !contains(typePredicates, pred) {
		return
	}
	if _, dup := im.named[q]; dup {
		return
	}
	im.named[q] = struct{}{}
	im.names = append(im.names, q)
	if _, lit := nodeID(q.Object); !isName || lit {
		return
	}
	subj, _ := nodeID(q.Subject)
	if ref, err := im.s.qs.ValueOf(q.Subject); err == nil && ref == nil {
		c := LookAlike{Entity: subj, Name: literalText(q.Object)}
		if _, dup := im.candidate[c]; !dup {
			im.candidate[c] = struct{}{}
			im.candidates = append(im.candidates, c)
		}
	}
}

// flush counts the batch's new subjects and hands it to the target.
func (im *importer) flush(batch []quad.Quad) error {
	if len(batch) == 0 {
		return nil
	}
	seen := make(map[quad.Value]struct{})
	for _, q := range batch {
		if _, dup := seen[q.Subject]; dup {
			continue
		}
		seen[q.Subject] = struct{}{}
		known, err := im.t.Known(q.Subject)
		if err != nil {
			return err
		}
		if !known {
			im.sum.NewEntities++
		}
	}
	return im.t.Add(batch)
}

func (im *importer) report(final bool) {
	if im.opt.Progress == nil {
		return
	}
	now := time.Now()
	if !final && now.Sub(im.lastReport) < 200*time.Millisecond {
		return
	}
	im.lastReport = now
	im.opt.Progress(ImportProgress{Quads: im.sum.Read, Elapsed: now.Sub(im.start)})
}

// lookAlikes matches the candidates' names against the names the store
// held before the import.
func (im *importer) lookAlikes() []LookAlike {
	if len(im.candidates) == 0 {
		return nil
	}
	type named struct {
		id   ID
		name string
	}
	existing := make(map[string][]named)
	im.s.mu.RLock()
	for _, e := range im.s.text.names {
		if e.norm != "" {
			existing[e.norm] = append(existing[e.norm], named{e.id, e.name})
		}
	}
	im.s.mu.RUnlock()
	var out []LookAlike
	seen := make(map[[2]ID]bool)
	for _, c := range im.candidates {
		for _, e := range existing[Normalize(c.Name)] {
			k := [2]ID{c.Entity, e.id}
			if e.id == c.Entity || seen[k] {
				continue
			}
			seen[k] = true
			c.Existing, c.ExistingName = e.id, e.name
			out = append(out, c)
		}
	}
	return out
}

// newLabelCounts returns how many quads carry each graph label of the
// import that was new to the store, if the target counted them.
func (im *importer) newLabelCounts() map[ID]int {
	counts := make(map[ID]int)
	if c, ok := im.t.(backend.LabelCounter); ok {
		for l := range im.labels {
			if n, ok := c.NewLabel(value(l)); ok {
				counts[l] = n
			}
		}
	}
	return counts
}

// indexImported folds the imported names, types and edges into the index and
// recounts the facts of every source the import touched, but for those
// counts gives.
func (s *Store) indexImported(ctx context.Context, names []quad.Quad, edges *edgeBuffer, labels map[ID]struct{}, counts map[ID]int) {
	for l := range labels {
		if _, ok := counts[l]; !ok {
			counts[l] = s.countLabel(ctx, l)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.forgetSourcesLocked()
	edges.addTo(s.adj)
	for _, q := range names {
		s.indexQuad(q)
	}
	for l, n := range counts {
		s.labels[l] = n
	}
}

// countLabel returns how many quads carry graph label l.
func (s *Store) countLabel(ctx context.Context, l ID) int {
	ref, err := s.qs.ValueOf(value(l))
	if err != nil || ref == nil {
		return 0
	}
	if sz, err := s.qs.QuadIteratorSize(ctx, quad.Label, ref); err == nil && sz.Exact {
		return int(sz.Value)
	}
	n, _ := iterator.Iterate(ctx, s.qs.QuadIterator(quad.Label, ref)).Count()
	return int(n)
}
