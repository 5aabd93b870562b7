package cli

import (
	"bytes"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reelgraph/graph"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestShowNetflixJSON(t *testing.T) {
	out, errs, code := run(t, "--db", "memory", "show", "Netflix", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d graph.Details
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	urls := make(map[graph.ID]string)
	for _, s := range d.Cited {
		urls[s.ID] = s.URL
	}
	for _, g := range d.Groups {
		for _, n := range g.Neighbors {
			if n.Label != "The Eternaut" {
				continue
			}
			for _, s := range n.Sources {
				if strings.HasPrefix(urls[s], "https://") {
					return
				}
			}
			t.Fatalf("The Eternaut is a neighbour but none of its sources %v has a URL", n.Sources)
		}
	}
	t.Errorf("show Netflix --json lists no neighbour The Eternaut:\n%s", out)
}

func TestCommands(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   string // a substring of stdout
		stderr   string // a substring of stderr
		jsonArgs bool
	}{
		{"stats", []string{"stats", "--db", "memory"}, 0, "Quads", "", false},
		{"stats json", []string{"--db=memory", "stats", "--json"}, 0, `"entitiesPerType"`, "", true},
		{"search", []string{"--db", "memory", "search", "eternauta"}, 0, "The Eternaut", "", false},
		{"search json", []string{"--db", "memory", "search", "sora", "--json"}, 0, `"label": "Sora`, "", true},
		{"search nothing json", []string{"--db", "memory", "search", "zzzzqq", "--json"}, 0, "[]", "", true},
		{"show text", []string{"--db", "memory", "show", "the eternaut"}, 0, "Sources", "", false},
		{"show iri", []string{"--db", "memory", "show", "<urn:reelgraph:id:netflix>"}, 0, "Netflix", "", false},
		{"unknown node", []string{"--db", "memory", "show", "Netflx"}, 1, "", `did you mean "Netflix"`, false},
		{"unknown node far", []string{"--db", "memory", "show", "qqqqzzzz"}, 1, "", "no node is named", false},
		{"empty store", []string{"--db", "memory", "--empty", "show", "Netflix"}, 1, "", "no node is named", false},
		{"empty stats", []string{"--db", "memory", "--empty", "stats"}, 0, "Quads    0", "", false},
		{"bad db", []string{"--db", "mysql:x", "stats"}, 1, "", "unknown store", false},
		{"unknown command", []string{"frobnicate"}, 2, "", "unknown command", false},
		{"show without name", []string{"--db", "memory", "show"}, 2, "", "give exactly one", false},
		{"bad flag", []string{"--nope"}, 2, "", "flag provided but not defined", false},
		{"path", []string{"--db", "memory", "path", "Ted Sarandos", "The Eternaut"}, 0, "Netflix", "", false},
		{"path json", []string{"--db", "memory", "path", "Lionsgate", "Runway", "--json", "--k", "1"}, 0, `"sourceURL": "https://`, "", true},
		{"path via", []string{"--db", "memory", "path", "Ted Sarandos", "The Eternaut", "--via", "leads"}, 1, "", "not connected", false},
		{"path one end", []string{"--db", "memory", "path", "Netflix"}, 2, "", "give the two nodes", false},
		{"query", []string{"--db", "memory", "query", `g.V("<urn:reelgraph:id:netflix>").In("<urn:reelgraph:vocab:streamedOn>").Unique().All()`}, 0, "The Eternaut", "", false},
		{"query json", []string{"--db", "memory", "query", `g.V("<urn:reelgraph:id:netflix>").All()`, "--json"}, 0, `"id": "urn:reelgraph:id:netflix"`, "", true},
		{"query runaway", []string{"--db", "memory", "query", `while (true) {}`, "--timeout", "200ms"}, 1, "", "ran out of time", false},
		{"query syntax", []string{"--db", "memory", "query", `g.V(`}, 1, "", "query", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := run(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit code = %d, want %d; stderr: %s", code, tc.code, errs)
			}
			if !strings.Contains(out, tc.stdout) {
				t.Errorf("stdout = %q, want it to contain %q", out, tc.stdout)
			}
			if !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr = %q, want it to contain %q", errs, tc.stderr)
			}
			if tc.code != 0 && strings.Count(strings.TrimSpace(errs), "\n") > 0 && tc.code != 2 {
				t.Errorf("error is not one line: %q", errs)
			}
			if tc.jsonArgs && !json.Valid([]byte(out)) {
				t.Errorf("stdout is not JSON: %s", out)
			}
		})
	}
}

func TestBadStores(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notes.txt")
	os.WriteFile(file, []byte("mine"), 0o600)
	other := filepath.Join(dir, "photos")
	os.Mkdir(other, 0o700)
	os.WriteFile(filepath.Join(other, "a.jpg"), []byte("jpeg"), 0o600)
	store := filepath.Join(dir, "store")

	for _, tc := range []struct {
		name, db, stderr string
	}{
		{"a file", "bolt:" + file, "not a Reelgraph store"},
		{"a directory of other files", "bolt:" + other, "not a Reelgraph store"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := run(t, "--db", tc.db, "stats")
			if code != 1 || !strings.Contains(errs, tc.stderr) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", code, errs, tc.stderr)
			}
		})
	}
	if b, _ := os.ReadFile(file); string(b) != "mine" {
		t.Errorf("the file was changed to %q", b)
	}
	if entries, _ := os.ReadDir(other); len(entries) != 1 {
		t.Errorf("the directory now holds %d entries, want 1", len(entries))
	}

	t.Run("open in another Reelgraph", func(t *testing.T) {
		s, err := OpenStore(t.Context(), StoreFlags{DB: "bolt:" + store})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		_, errs, code := run(t, "--db", "bolt:"+store, "stats")
		if code != 1 || !strings.Contains(errs, "open in another Reelgraph") {
			t.Errorf("exit %d, stderr %q; want 1 and a message that the store is open elsewhere", code, errs)
		}
	})
	t.Run("reopened store keeps its data", func(t *testing.T) {
		out, errs, code := run(t, "--db", "bolt:"+store, "show", "Netflix")
		if code != 0 || !strings.Contains(out, "Netflix") {
			t.Errorf("exit %d, stderr %q", code, errs)
		}
	})
}

// TestDatabaseUnreachableCLI: a database server that does not answer is
// one line on stderr that says what to do, without the password.
func TestDatabaseUnreachableCLI(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	_, errs, code := run(t, "--db", "postgres://ana:s3cret@"+addr+"/films?sslmode=disable", "stats")
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "reelgraph: ") ||
		!strings.Contains(errs, "does not answer") || !strings.Contains(errs, "check that it runs") {
		t.Errorf("stderr = %q, want one line saying the server does not answer and what to do", errs)
	}
	if strings.Contains(errs, "s3cret") {
		t.Errorf("stderr shows the password: %q", errs)
	}
}
