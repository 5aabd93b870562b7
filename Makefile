# Reelgraph. The two commands a newcomer needs:
#   make run    install what is missing, build, open the explorer on the bundled graph
#   make test   install what is missing, run every test
export PATH := $(PATH):/usr/local/go/bin

BIN := bin/reelgraph
ARGS ?=

.PHONY: run build test vet bench glbench clean

run: build
	./$(BIN) $(ARGS)

build:
	bash .ci/deps run
	go build -o $(BIN) .

# test runs every test once, in two passes. The race detector slows code
# 5-20x and only finds something where goroutines share state, so:
#   1. without it: the packages that start no goroutines of their own
#      (formats, layout, pictures, the real binary), and the tests of
#      volume, not concurrency, which skip themselves under -race
#      (RACELESS: the film set import, memory on hostile input, kvBulk
#      against Cayley);
#   2. with it: the store, its backends and the GUI, where they do.
RACE_PKGS = ./graph/... ./app ./app/graphview
PLAIN_PKGS = . ./data/... ./app/layout ./app/snapshot ./app/benchtable ./assets
RACELESS = ^(TestImportFilmSet|TestImportMemoryIsBounded|TestKVBulkMatchesCayley)$$

test:
	bash .ci/deps test
	gofmt -l . | tee /dev/stderr | (! read -r _)
	go vet ./...
	REELGRAPH_REQUIRE_POSTGRES=1 go test -timeout 30m $(PLAIN_PKGS)
	REELGRAPH_REQUIRE_POSTGRES=1 go test -timeout 30m -run '$(RACELESS)' ./graph/...
	REELGRAPH_REQUIRE_POSTGRES=1 go test -race -timeout 30m $(RACE_PKGS)
	@test "$$(go list ./... | sort)" = "$$(go list $(RACE_PKGS) $(PLAIN_PKGS) | sort)" || \
	  { echo "make test: a package is in neither RACE_PKGS nor PLAIN_PKGS; add it to one" >&2; exit 1; }

# bench runs issue #6's benchmarks on Cayley's film set (471,705 quads, from
# the module cache) and a generated graph of the same size, and prints them
# as a table of figures and targets; the raw output stays in bin/bench.txt.
# The first run builds the bolt stores and Cayley's command-line tool in
# $TMPDIR/reelgraph-bench (~1 min); the import benchmark takes ~1.5 min.
bench:
	mkdir -p bin
	go mod download github.com/cayleygraph/cayley
	{ go test -run '^$$' -bench 'ImportFilm' -benchtime 1x -timeout 60m ./graph/ && \
	  go test -run '^$$' -bench 'Open|BrowseMemory' -benchtime 3x -timeout 60m ./graph/ && \
	  go test -run '^$$' -bench 'Search|Expand|Hub|Details|Paths' -benchtime 2s -timeout 60m ./graph/ && \
	  go test -run '^$$' -bench . ./app/layout ./app/graphview && \
	  $(MAKE) -s glbench; } | tee bin/bench.txt | go run ./app/benchtable

# glbench times painted frames of panning 5,000 nodes and 10,000 edges with
# Fyne's GL driver on Mesa's software renderer, in a 1280×800 virtual display:
# framed to fit, then at the explorer's natural zoom (~30 s; needs Xvfb,
# which make test installs).
glbench:
	go build -o $(BIN) .
	@if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s '-screen 0 1280x800x24' env LIBGL_ALWAYS_SOFTWARE=1 LANG=en_US.UTF-8 \
	    sh -c './$(BIN) glbench 5000 10000 fit 120 && ./$(BIN) glbench 5000 10000 1 120'; \
	else echo "glbench: xvfb-run is missing (make test installs it); skipped" >&2; fi

clean:
	rm -rf bin
