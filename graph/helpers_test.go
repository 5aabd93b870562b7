package graph_test

import (
	"errors"

	"github.com/cayleygraph/quad"
)

type graphtestReader = quad.Reader

type brokenReader struct{}

func (brokenReader) ReadQuad() (quad.Quad, error) { return quad.Quad{}, errors.New("broken") }
