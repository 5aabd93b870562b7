package app

// stack is an undo or history stack with a redo side: Push records a
// state left behind, Back returns to the last one (keeping the present to
// go Forward to), and any new Push forgets what could be redone.
type stack[T any] struct {
	back, fwd []T
	limit     int // the oldest states are dropped beyond this many
}

func newStack[T any](limit int) *stack[T] { return &stack[T]{limit: limit} }

// Push records past, the state the present replaces.
func (s *stack[T]) Push(past T) {
	s.back = append(s.back, past)
	if s.limit > 0 && len(s.back) > s.limit {
		s.back = s.back[len(s.back)-s.limit:]
	}
	s.fwd = s.fwd[:0]
}

// Back returns the last state recorded, taking present to return to with
// Forward; ok is false when there is none.
func (s *stack[T]) Back(present T) (past T, ok bool) { return step(&s.back, &s.fwd, present) }

// Forward returns the state Back left, taking present to go Back to.
func (s *stack[T]) Forward(present T) (next T, ok bool) { return step(&s.fwd, &s.back, present) }

// step pops the top of from and pushes present onto to; ok is false, and
// nothing moves, when from is empty.
func step[T any](from, to *[]T, present T) (top T, ok bool) {
	if len(*from) == 0 {
		return top, false
	}
	top = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, present)
	return top, true
}

// CanBack and CanForward say whether Back and Forward have anywhere to go.
func (s *stack[T]) CanBack() bool    { return len(s.back) > 0 }
func (s *stack[T]) CanForward() bool { return len(s.fwd) > 0 }
