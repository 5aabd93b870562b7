package layout

// Link adds an undirected spring between nodes a and b. It reports false,
// changing nothing, if either node is missing, a == b, or they are already
// linked.
func (l *Layout) Link(a, b string) bool {
	ha, oka := l.index[a]
	hb, okb := l.index[b]
	if !oka || !okb || ha == hb {
		return false
	}
	k := springKey(ha, hb)
	if _, dup := l.springAt[k]; dup {
		return false
	}
	l.springAt[k] = int32(len(l.springs))
	l.springs = append(l.springs, spring{ha, hb})
	l.adj[ha] = append(l.adj[ha], hb)
	l.adj[hb] = append(l.adj[hb], ha)
	l.Reheat(l.cfg.ReheatAlpha)
	return true
}

// Unlink removes the spring between a and b, reporting whether there was one.
func (l *Layout) Unlink(a, b string) bool {
	ha, oka := l.index[a]
	hb, okb := l.index[b]
	if !oka || !okb {
		return false
	}
	if _, ok := l.springAt[springKey(ha, hb)]; !ok {
		return false
	}
	l.unlink(ha, hb)
	l.Reheat(l.cfg.ReheatAlpha)
	return true
}

// Linked reports whether a spring joins a and b.
func (l *Layout) Linked(a, b string) bool {
	ha, oka := l.index[a]
	hb, okb := l.index[b]
	if !oka || !okb {
		return false
	}
	_, ok := l.springAt[springKey(ha, hb)]
	return ok
}

// Springs returns the number of springs.
func (l *Layout) Springs() int { return len(l.springs) }

// Degree returns the number of springs at node id, 0 if it is absent.
func (l *Layout) Degree(id string) int {
	h, ok := l.index[id]
	if !ok {
		return 0
	}
	return len(l.adj[h])
}

// unlink removes the existing spring between handles a and b.
func (l *Layout) unlink(a, b int32) {
	k := springKey(a, b)
	i := l.springAt[k]
	last := len(l.springs) - 1
	if int(i) != last {
		moved := l.springs[last]
		l.springs[i] = moved
		l.springAt[springKey(moved.a, moved.b)] = i
	}
	l.springs = l.springs[:last]
	delete(l.springAt, k)
	l.adj[a] = without(l.adj[a], b)
	l.adj[b] = without(l.adj[b], a)
}

// without removes the first x from s, not keeping order.
func without(s []int32, x int32) []int32 {
	for i, v := range s {
		if v == x {
			s[i] = s[len(s)-1]
			return s[:len(s)-1]
		}
	}
	return s
}
