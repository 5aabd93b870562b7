// Package gentest generates synthetic knowledge graphs for tests and
// benchmarks: films, people, studios, genres and countries with labels,
// aliases, types, dates and cited sources, shaped like real film data — a
// few supernodes (a country most films come from, the commonest genres),
// prolific actors, and a long tail of leaves. The output is deterministic:
// the same Options give the same quads, in the same order.
package gentest

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/cayleygraph/quad"
)

// Vocabulary of the generated graph. Entities are NS + kind + "/" + number.
const (
	NS     = "urn:reelgraph:gen:"
	rdf    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfs   = "http://www.w3.org/2000/01/rdf-schema#"
	schema = "http://schema.org/"
	vocab  = "urn:reelgraph:vocab:"
	xsd    = "http://www.w3.org/2001/XMLSchema#"
)

// Options say what to generate.
type Options struct {
	// Quads is how many quads to generate; zero means 100,000.
	Quads int
	// Seed picks the graph; the same seed gives the same graph.
	Seed uint64
}

// Hub is the ID of the generated graph's largest supernode: the commonest
// genre, which about two films in three link to.
const Hub = NS + "genre/0"

// Film returns the ID of the i-th film, i from zero.
func Film(i int) string { return fmt.Sprintf("%sfilm/%d", NS, i) }

// Person returns the ID of the i-th person; low numbers are the most
// prolific.
func Person(i int) string { return fmt.Sprintf("%sperson/%d", NS, i) }

// quadsPerFilm is about how many quads one film brings, its cast and crew
// included; it sizes the graph from Options.Quads.
const quadsPerFilm = 19

// Reader streams a generated graph. It implements quad.ReadCloser.
type Reader struct {
	left   int // quads still to return
	rnd    *rand.Rand
	buf    []quad.Quad
	films  int
	people int
	next   func() // emits the next entity's quads into buf
	step   int    // entity counter for next
	zipf   struct{ person, studio, genre, country, source *rand.Zipf }
}

var _ quad.ReadCloser = (*Reader)(nil)

// New returns a reader of the graph opt describes.
func New(opt Options) *Reader {
	if opt.Quads <= 0 {
		opt.Quads = 100000
	}
	g := &Reader{left: opt.Quads, rnd: rand.New(rand.NewPCG(opt.Seed, 0x5eed))}
	g.films = max(1, opt.Quads/quadsPerFilm)
	g.people = max(1, g.films*3/2)
	g.zipf.person = rand.NewZipf(g.rnd, 1.1, 30, uint64(g.people-1))
	g.zipf.studio = rand.NewZipf(g.rnd, 1.3, 2, studios-1)
	g.zipf.genre = rand.NewZipf(g.rnd, 1.2, 1, uint64(len(genres)-1))
	g.zipf.country = rand.NewZipf(g.rnd, 1.6, 1, uint64(len(countries)-1))
	g.zipf.source = rand.NewZipf(g.rnd, 1.2, 4, sources-1)
	g.next = g.sources
	return g
}

// Sizes of the small vocabularies.
const (
	studios = 400
	sources = 200
)

// ReadQuad returns the next quad, or io.EOF after Options.Quads of them.
func (g *Reader) ReadQuad() (quad.Quad, error) {
	if g.left <= 0 {
		return quad.Quad{}, io.EOF
	}
	for len(g.buf) == 0 {
		g.next()
	}
	q := g.buf[0]
	g.buf = g.buf[1:]
	g.left--
	return q, nil
}

// Close is a no-op.
func (g *Reader) Close() error { return nil }

// ReadAll returns every quad opt describes.
func ReadAll(opt Options) []quad.Quad {
	g := New(opt)
	out := make([]quad.Quad, 0, g.left)
	for {
		q, err := g.ReadQuad()
		if err != nil {
			return out
		}
		out = append(out, q)
	}
}

// The entities are emitted in this order: sources, countries, genres,
// studios, people, films (the films last, so that truncating the stream
// drops films, not the nodes they link to).

func (g *Reader) sources() {
	i := g.step
	id := iri("source", i)
	g.add(id, rdf+"type", quad.IRI(vocab+"Source"), id)
	g.add(id, rdfs+"label", quad.String(g.title()+" — "+publishers[i%len(publishers)]), id)
	g.add(id, schema+"publisher", quad.String(publishers[i%len(publishers)]), id)
	g.add(id, schema+"url", quad.String(fmt.Sprintf("https://example.org/articles/%d", i)), id)
	g.advance(sources, g.countries)
}

func (g *Reader) countries() {
	g.entity("country", g.step, "Country", countries[g.step])
	g.advance(len(countries), g.genres)
}

func (g *Reader) genres() {
	g.entity("genre", g.step, "Genre", genres[g.step])
	g.advance(len(genres), g.studios)
}

func (g *Reader) studios() {
	i := g.step
	id := g.entity("studio", i, "Company", g.word(surnames)+" "+studioWords[i%len(studioWords)])
	g.add(id, schema+"location", iri("country", int(g.zipf.country.Uint64())), g.source())
	g.advance(studios, g.persons)
}

func (g *Reader) persons() {
	i := g.step
	id := g.entity("person", i, "Person", g.word(givenNames)+" "+g.word(surnames))
	g.add(id, schema+"birthDate", g.date(1900, 2000), g.source())
	if g.rnd.IntN(8) == 0 {
		g.add(id, schema+"alternateName", quad.String(g.word(givenNames)+" "+g.word(surnames)), g.source())
	}
	g.advance(g.people, g.filmsStep)
}

func (g *Reader) filmsStep() {
	i := g.step
	if i >= g.films { // more quads asked than the sizing foresaw: more films
		g.films = i + 1
	}
	id := g.entity("film", i, "Production", g.title())
	src := g.source()
	g.add(id, schema+"datePublished", g.date(1920, 2025), src)
	if g.rnd.IntN(3) == 0 {
		g.add(id, schema+"description", quad.String("A "+genres[g.rnd.IntN(len(genres))]+" film about "+g.word(nouns)+"."), src)
	}
	if g.rnd.IntN(10) == 0 {
		g.add(id, schema+"alternateName", quad.String(g.title()), src)
	}
	g.add(id, schema+"countryOfOrigin", iri("country", int(g.zipf.country.Uint64())), src)
	g.add(id, schema+"productionCompany", iri("studio", int(g.zipf.studio.Uint64())), src)
	for range 1 + g.rnd.IntN(3) {
		g.add(id, schema+"genre", iri("genre", int(g.zipf.genre.Uint64())), src)
	}
	g.add(id, schema+"director", g.person(), src)
	for range 2 + g.rnd.IntN(10) {
		g.add(id, schema+"actor", g.person(), g.source())
	}
	g.step++
}

// advance moves to the next entity, or to then after n of them.
func (g *Reader) advance(n int, then func()) {
	g.step++
	if g.step >= n {
		g.step, g.next = 0, then
	}
}

// entity emits the type and label of a new entity and returns its ID.
func (g *Reader) entity(kind string, i int, typ, label string) quad.IRI {
	id := iri(kind, i)
	src := g.source()
	g.add(id, rdf+"type", quad.IRI(vocab+typ), src)
	g.add(id, rdfs+"label", quad.String(label), src)
	return id
}

func (g *Reader) add(s quad.IRI, p string, o quad.Value, label quad.IRI) {
	g.buf = append(g.buf, quad.Quad{Subject: s, Predicate: quad.IRI(p), Object: o, Label: label})
}

func (g *Reader) person() quad.IRI { return iri("person", int(g.zipf.person.Uint64())) }
func (g *Reader) source() quad.IRI { return iri("source", int(g.zipf.source.Uint64())) }

func (g *Reader) word(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *Reader) title() string {
	var b strings.Builder
	if g.rnd.IntN(3) == 0 {
		b.WriteString("The ")
	}
	b.WriteString(g.word(adjectives))
	b.WriteByte(' ')
	b.WriteString(g.word(nouns))
	if g.rnd.IntN(4) == 0 {
		b.WriteString(" of ")
		b.WriteString(g.word(places))
	}
	if g.rnd.IntN(6) == 0 {
		fmt.Fprintf(&b, " %d", 2+g.rnd.IntN(4))
	}
	return b.String()
}

func (g *Reader) date(from, to int) quad.Value {
	s := fmt.Sprintf("%04d-%02d-%02d", from+g.rnd.IntN(to-from), 1+g.rnd.IntN(12), 1+g.rnd.IntN(28))
	return quad.TypedString{Value: quad.String(s), Type: xsd + "date"}
}

func iri(kind string, i int) quad.IRI { return quad.IRI(fmt.Sprintf("%s%s/%d", NS, kind, i)) }

var (
	countries = []string{"United States", "United Kingdom", "France", "India", "Japan", "Germany",
		"Italy", "Spain", "Canada", "South Korea", "Argentina", "Mexico", "Brazil", "Australia",
		"Sweden", "Denmark", "Nigeria", "Egypt", "China", "Iran", "Poland", "Czechia", "Chile",
		"Norway", "Finland", "Ireland", "Turkey", "Greece", "Portugal", "Belgium"}
	genres = []string{"Drama", "Comedy", "Thriller", "Documentary", "Romance", "Action",
		"Horror", "Crime", "Science Fiction", "Animation", "Adventure", "Family", "Fantasy",
		"Mystery", "War", "Western", "Musical", "Biography", "History", "Short"}
	studioWords = []string{"Pictures", "Studios", "Films", "Entertainment", "Productions", "Media"}
	publishers  = []string{"Variety", "The Hollywood Reporter", "Deadline", "IndieWire",
		"Screen Daily", "Le Monde", "El País", "The Guardian", "Cahiers du Cinéma", "Kinema Junpo"}
	givenNames = []string{"Ana", "Ben", "Chloé", "Dmitri", "Elena", "Farid", "Grace", "Hiro",
		"Inés", "Jonas", "Kemi", "Lars", "Maya", "Nikolai", "Olga", "Pablo", "Qi", "Rosa", "Sam",
		"Tomás", "Uma", "Víctor", "Wen", "Ximena", "Yusuf", "Zoë", "Akira", "Bruno", "Carmen",
		"Diego", "Eva", "Fatima", "Gustav", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco", "Nora"}
	surnames = []string{"Abbott", "Bergström", "Castillo", "Dubois", "Eriksen", "Fischer",
		"García", "Hoffmann", "Ito", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "Okafor",
		"Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Wójcik", "Xu", "Yilmaz",
		"Zhang", "Almodóvar", "Bianchi", "Costa", "Da Silva", "Esposito", "Ferrari", "Gallagher",
		"Herrera", "Ibáñez", "Johansson", "Kim", "Lindqvist", "Moreau", "Novak", "O'Brien", "Park"}
	adjectives = []string{"Silent", "Last", "Broken", "Golden", "Hidden", "Long", "Crimson",
		"Secret", "Lost", "Wild", "Quiet", "Burning", "Frozen", "Electric", "Invisible", "Eternal",
		"Distant", "Little", "Dark", "Bright", "Final", "Hollow", "Restless", "Wandering"}
	nouns = []string{"River", "Night", "Summer", "Garden", "Mirror", "Train", "Empire", "Voyage",
		"Letter", "Storm", "Island", "Dream", "Harbor", "Road", "City", "Promise", "Shadow",
		"Winter", "Kingdom", "Sky", "Witness", "Stranger", "Song", "Horizon", "Machine", "Heart"}
	places = []string{"Paris", "Tokyo", "the North", "Lagos", "Buenos Aires", "Kyoto", "Berlin",
		"Mumbai", "the Sea", "Yesterday", "Seoul", "Naples", "Alexandria", "the Valley"}
)
