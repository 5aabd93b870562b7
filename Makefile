# Reelgraph. The commands a newcomer needs:
#   make run      install what is missing, build, open the explorer on the bundled graph
#   make test     install what is missing, run every test
#   make package  build the Linux desktop package, bin/Reelgraph.tar.xz
#   make install  install it for this user (PREFIX=~/.local); make uninstall removes it
export PATH := $(PATH):/usr/local/go/bin

BIN := bin/reelgraph
ARGS ?=

# The version and build Help › About shows: FyneApp.toml's version and build
# number, and the commit built.
VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNO := $(shell sed -n 's/^Build *= *//p' FyneApp.toml)
COMMIT := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
LDFLAGS := -X reelgraph/app.version=$(VERSION) -X 'reelgraph/app.build=$(BUILDNO) ($(COMMIT))'

# Packaging: Fyne's own tool, pinned here and installed into bin/tools.
APP_ID := app.reelgraph.explorer
FYNE := bin/tools/fyne
FYNE_TOOLS := fyne.io/tools/cmd/fyne@v1.7.4
PKG := bin/pkg
# HOMEPAGE is the project's public address; the AppStream metainfo's
# homepage and screenshot URLs are made from it (screenshots under
# docs/screenshots/). Set it to the published address when publishing.
HOMEPAGE ?= https://reelgraph.example
PREFIX ?= $(HOME)/.local

.PHONY: run build test vet bench glbench clean package install uninstall validate-package

run: build
	./$(BIN) $(ARGS)

build:
	bash .ci/deps run
	go build -ldflags "$(LDFLAGS)" -o $(BIN) .

# test runs every test once, in two passes. The race detector slows code
# 5-20x and only finds something where goroutines share state, so:
#   1. without it: the packages that start no goroutines of their own
#      (formats, layout, pictures, the real binary and its package), and
#      the tests of volume, not concurrency, which skip themselves under
#      -race (RACELESS: the film set import, memory on hostile input,
#      kvBulk against Cayley);
#   2. with it: the store, its backends and the GUI, where they do.
# A package in neither list fails the run.
RACE_PKGS = ./graph/... ./app ./app/cli ./app/graphview ./app/task
PLAIN_PKGS = . ./data/... ./app/explore ./app/layout ./app/snapshot ./app/benchtable ./app/report ./app/style ./assets
RACELESS = ^(TestImportFilmSet|TestImportMemoryIsBounded|TestKVBulkMatchesCayley)$$
TEST_ENV = REELGRAPH_REQUIRE_POSTGRES=1 REELGRAPH_PACKAGE=$(CURDIR)/$(PKG)

test:
	bash .ci/deps test
	gofmt -l . | tee /dev/stderr | (! read -r _)
	go vet ./...
	go vet -tags bench ./...
	@test "$$(go list ./... | sort)" = "$$(go list $(RACE_PKGS) $(PLAIN_PKGS) | sort)" || \
	  { echo "make test: a package is in neither RACE_PKGS nor PLAIN_PKGS; add it to one" >&2; exit 1; }
	$(MAKE) package
	$(TEST_ENV) go test -tags bench -timeout 30m $(PLAIN_PKGS)
	$(TEST_ENV) go test -tags bench -timeout 30m -run '$(RACELESS)' ./graph/...
	$(TEST_ENV) go test -tags bench -race -timeout 30m $(RACE_PKGS)

$(FYNE):
	GOBIN=$(CURDIR)/bin/tools go install $(FYNE_TOOLS)

# package builds the binary, has Fyne's tool make the package (binary,
# .desktop entry with the MIME types of FyneApp.toml, icon), adds the icons
# at the usual sizes, the AppStream metainfo and the MIME definitions of
# N-Quads and N-Triples, validates them, and writes bin/Reelgraph.tar.xz.
# The staged tree stays in bin/pkg for make install.
package: $(FYNE)
	bash .ci/deps package
	go build -ldflags "$(LDFLAGS)" -o $(BIN) .
	rm -rf $(PKG) bin/Reelgraph.tar.xz Reelgraph.tar.xz
	$(FYNE) package --target linux --executable $(BIN) --name Reelgraph --app-id $(APP_ID) --release
	mkdir -p $(PKG) && tar -xJf Reelgraph.tar.xz -C $(PKG) && rm Reelgraph.tar.xz
	mv $(PKG)/reelgraph/usr/local/* $(PKG)/ 2>/dev/null || mv $(PKG)/reelgraph/usr/* $(PKG)/
	rm -rf $(PKG)/reelgraph
	for s in 16 24 32 48 64 128 256 512; do \
	  mkdir -p $(PKG)/share/icons/hicolor/$${s}x$${s}/apps && \
	  convert assets/icon.png -resize $${s}x$${s} $(PKG)/share/icons/hicolor/$${s}x$${s}/apps/$(APP_ID).png; \
	done
	install -Dm644 assets/icon.svg $(PKG)/share/icons/hicolor/scalable/apps/$(APP_ID).svg
	install -Dm644 assets/linux/$(APP_ID).mime.xml $(PKG)/share/mime/packages/$(APP_ID).xml
	mkdir -p $(PKG)/share/metainfo
	sed -e 's|@HOMEPAGE@|$(HOMEPAGE)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e "s|@DATE@|$$(git log -1 --format=%cs 2>/dev/null || date +%F)|g" \
	    assets/linux/$(APP_ID).metainfo.xml > $(PKG)/share/metainfo/$(APP_ID).metainfo.xml
	$(MAKE) -s validate-package
	tar -cJf bin/Reelgraph.tar.xz -C $(PKG) .
	@echo "package: bin/Reelgraph.tar.xz; make install PREFIX=... installs it (default $(HOME)/.local)"

validate-package:
	desktop-file-validate $(PKG)/share/applications/$(APP_ID).desktop
	appstreamcli validate --no-net --explain $(PKG)/share/metainfo/$(APP_ID).metainfo.xml

# install copies the staged package into PREFIX (user-local by default),
# points the desktop entry at the installed binary, and refreshes the
# desktop, MIME and icon caches where those tools are present.
install:
	test -d $(PKG)/share || $(MAKE) package
	cd $(PKG) && find . -type f | while read -r f; do \
	  mode=644; case "$$f" in ./bin/*) mode=755;; esac; \
	  install -Dm$$mode "$$f" "$(DESTDIR)$(PREFIX)/$${f#./}"; \
	done
	sed -i 's|^Exec=reelgraph|Exec=$(PREFIX)/bin/reelgraph|' $(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(DESTDIR)$(PREFIX)/share/applications
	-command -v update-mime-database >/dev/null && update-mime-database $(DESTDIR)$(PREFIX)/share/mime
	-command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t $(DESTDIR)$(PREFIX)/share/icons/hicolor
	@echo "install: Reelgraph is in $(DESTDIR)$(PREFIX)"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/reelgraph \
	  $(DESTDIR)$(PREFIX)/share/applications/$(APP_ID).desktop \
	  $(DESTDIR)$(PREFIX)/share/pixmaps/$(APP_ID).png \
	  $(DESTDIR)$(PREFIX)/share/metainfo/$(APP_ID).metainfo.xml \
	  $(DESTDIR)$(PREFIX)/share/mime/packages/$(APP_ID).xml \
	  $(DESTDIR)$(PREFIX)/share/icons/hicolor/*/apps/$(APP_ID).png \
	  $(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APP_ID).svg
	-command -v update-desktop-database >/dev/null && update-desktop-database -q $(DESTDIR)$(PREFIX)/share/applications
	-command -v update-mime-database >/dev/null && test -d $(DESTDIR)$(PREFIX)/share/mime && update-mime-database $(DESTDIR)$(PREFIX)/share/mime
	@echo "uninstall: Reelgraph removed from $(DESTDIR)$(PREFIX)"

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

# glbench builds the binary with the bench tag, which adds the hidden
# commands glbench and gen (a synthetic graph: bin/reelgraph gen QUADS SEED),
# and times painted frames of panning 5,000 nodes and 10,000 edges with
# Fyne's GL driver on Mesa's software renderer, in a 1280×800 virtual display:
# framed to fit, then at the explorer's natural zoom (~30 s; needs Xvfb,
# which make test installs).
glbench:
	go build -tags bench -o $(BIN) .
	@if command -v xvfb-run >/dev/null; then \
	  xvfb-run -a -s '-screen 0 1280x800x24' env LIBGL_ALWAYS_SOFTWARE=1 LANG=en_US.UTF-8 \
	    sh -c './$(BIN) glbench 5000 10000 fit 120 && ./$(BIN) glbench 5000 10000 1 120'; \
	else echo "glbench: xvfb-run is missing (make test installs it); skipped" >&2; fi

clean:
	rm -rf bin
