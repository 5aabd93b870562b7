package explore

// The focus history: the nodes the analyst centred the canvas on, for
// Back and Forward. It is apart from the undo history: Back returns to a
// node, not to a canvas.

// Visit records that the analyst moves the focus from one node to
// another, so that Back returns to from; from "" records nothing.
func (m *Model) Visit(from, to string) {
	if from != "" && from != to {
		m.back = append(m.back, from)
		if m.limit > 0 && len(m.back) > m.limit {
			m.back = m.back[len(m.back)-m.limit:]
		}
		m.forward = m.forward[:0]
	}
}

// Back returns the node focused before present, keeping present for
// Forward; ok is false when there is none.
func (m *Model) Back(present string) (id string, ok bool) {
	return step(&m.back, &m.forward, present)
}

// Forward returns the node Back left, keeping present for Back.
func (m *Model) Forward(present string) (id string, ok bool) {
	return step(&m.forward, &m.back, present)
}

func step(from, to *[]string, present string) (string, bool) {
	if len(*from) == 0 {
		return "", false
	}
	top := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, present)
	return top, true
}
