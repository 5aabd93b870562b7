# Reelgraph. The two commands a newcomer needs:
#   make run    install what is missing, build, open the explorer on the bundled graph
#   make test   install what is missing, run every test
export PATH := $(PATH):/usr/local/go/bin

BIN := bin/reelgraph
ARGS ?=

.PHONY: run build test vet bench clean

run: build
	./$(BIN) $(ARGS)

build:
	bash .ci/deps run
	go build -o $(BIN) .

test:
	bash .ci/deps test
	gofmt -l . | tee /dev/stderr | (! read -r _)
	go vet ./...
	go test -race -timeout 30m ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
