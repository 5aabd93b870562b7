package backend

import (
	"slices"
	"testing"
)

func TestRegistry(t *testing.T) {
	Register(Registration{Name: "test-files", Path: true})
	Register(Registration{Name: "test-server", Schemes: []string{"testdb", "testdbs"}, Shared: true})
	if r, ok := Lookup("test-files"); !ok || !r.Path {
		t.Errorf("Lookup(test-files) = %+v, %v; want the path backend", r, ok)
	}
	if r, ok := ByScheme("testdbs"); !ok || r.Name != "test-server" || !r.Shared {
		t.Errorf("ByScheme(testdbs) = %+v, %v; want test-server", r, ok)
	}
	if _, ok := ByScheme("nosuch"); ok {
		t.Error("ByScheme(nosuch) found a backend")
	}
	if names := Names(); !slices.IsSorted(names) || !slices.Contains(names, "test-files") {
		t.Errorf("Names() = %v, want them sorted, test-files among them", names)
	}
	for _, dup := range []Registration{
		{Name: "test-files"},
		{Name: "test-other", Schemes: []string{"testdb"}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Register(%+v) did not panic", dup)
				}
			}()
			Register(dup)
		}()
	}
}
