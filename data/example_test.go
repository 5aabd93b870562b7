package data_test

import (
	"fmt"
	"os"
	"strings"

	"reelgraph/data"
)

// Reading Turtle: prefixed names, a base for relative IRIs, and bare
// numbers with their XSD datatype.
func ExampleNewTurtleReader() {
	doc := `@prefix s: <http://schema.org/> .
<heat> a s:Movie ; s:name "Heat"@en ; s:duration 170 .`
	r := data.NewTurtleReader(strings.NewReader(doc), data.TurtleOptions{Name: "films.ttl", Base: "http://example.org/"})
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		fmt.Println(q.NQuad())
	}
	// Output:
	// <http://example.org/heat> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Movie> .
	// <http://example.org/heat> <http://schema.org/name> "Heat"@en .
	// <http://example.org/heat> <http://schema.org/duration> "170"^^<http://www.w3.org/2001/XMLSchema#integer> .
}

// Writing TriG: prefixes found from the IRIs, one block per graph.
func ExampleNewTurtleWriter() {
	r := data.NewNQuadsReader(strings.NewReader(`<http://example.org/heat> <http://schema.org/name> "Heat" <http://example.org/src/1> .
<http://example.org/heat> <http://schema.org/director> <http://example.org/mann> <http://example.org/src/1> .
`), data.NQuadsOptions{})
	w := data.NewTurtleWriter(os.Stdout, true)
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		w.WriteQuad(q)
	}
	w.Close()
	// Output:
	// @prefix example: <http://example.org/> .
	// @prefix schema: <http://schema.org/> .
	// @prefix src: <http://example.org/src/> .
	//
	// src:1 {
	//     example:heat schema:director example:mann ;
	//         schema:name "Heat" .
	// }
}
