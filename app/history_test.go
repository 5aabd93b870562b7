package app

import (
	"reflect"
	"testing"
)

func TestStack(t *testing.T) {
	s := newStack[string](3)
	if _, ok := s.Back("a"); ok {
		t.Fatal("Back on an empty stack succeeded")
	}
	// a -> b -> c -> d, then back twice, forward once, then a new change
	s.Push("a")
	s.Push("b")
	s.Push("c")
	present := "d"
	var steps []string
	for _, op := range []string{"back", "back", "forward", "back", "back", "back"} {
		var ok bool
		var got string
		if op == "back" {
			got, ok = s.Back(present)
		} else {
			got, ok = s.Forward(present)
		}
		if ok {
			present = got
		}
		steps = append(steps, present)
	}
	want := []string{"c", "b", "c", "b", "a", "a"}
	if !reflect.DeepEqual(steps, want) {
		t.Errorf("got %v, want %v", steps, want)
	}
	s.Push(present)
	if s.CanForward() {
		t.Error("a new change kept the redo side")
	}
	s.Push("x")
	s.Push("y")
	s.Push("z")
	if len(s.back) != 3 {
		t.Errorf("the stack holds %d states, want its limit 3", len(s.back))
	}
}
