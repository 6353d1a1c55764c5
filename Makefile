# Segmenta. Two commands for everything:
#   make demo   install what is missing, build, serve the page on http://127.0.0.1:$(PORT)/
#   make test   install what is missing, then every test: native, wasm build, browser end to end
#   make bench  the benchmarks against pandas + scikit-learn and papaparse + ml-kmeans: writes BENCHMARKS.md
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

RUST_SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock
WWW := $(wildcard www/*.* www/*/*)
WASM := pkg/segmenta_bg.wasm
CLI := target/release/segmenta

.PHONY: demo test bench dist tools tools-test native-test e2e-test fuzz fuzz-smoke clean

demo: tools dist
	node scripts/serve.mjs dist $(PORT)

test: tools-test native-test dist e2e-test fuzz-smoke

tools:
	@scripts/install-tools.sh build

tools-test:
	@scripts/install-tools.sh test

# Not part of `test`: 15–25 minutes; installs its peers into target/ and
# rewrites BENCHMARKS.md (see bench/run.mjs).
bench: tools-test dist
	node bench/run.mjs

# Doc tests link one binary each: without LTO that takes seconds, not minutes.
native-test:
	RUSTDOCFLAGS="-C lto=off" cargo test --release

e2e-test: dist
	node --test --test-reporter=spec tests/e2e/

dist: dist/.stamp

$(WASM): $(RUST_SOURCES) wasm-pack.toml
	scripts/build-wasm.sh

$(CLI): $(RUST_SOURCES)
	cargo build --release --bin segmenta

# The folder to copy to any static host: the page, the wasm package and the sample.
# The JavaScript (the page's and wasm-bindgen's glue) is minified file by file
# with esbuild: still ES modules, same names and imports, no bundling, no
# syntax lowered; a smaller download (see the page-weight benchmark).
dist/.stamp: $(WASM) $(CLI) $(WWW) Makefile
	rm -rf dist && mkdir -p dist/pkg
	cp -r www/. dist/
	cp pkg/segmenta.js pkg/segmenta_bg.wasm dist/pkg/
	esbuild --log-level=warning --minify --charset=utf8 --format=esm --allow-overwrite --outdir=dist --outbase=dist \
	  $$(cd dist && find . -name '*.js' | sed 's|^\./|dist/|')
	$(CLI) sample --out dist/sample.csv
	touch $@

# Every fuzz target for FUZZ_SECONDS (default 10 minutes each); figures go to fuzz/RESULTS.md.
FUZZ_SECONDS ?= 600
fuzz: tools-test
	scripts/fuzz.sh $(FUZZ_SECONDS)

# The fuzz targets build and run briefly on every test run.
fuzz-smoke:
	FUZZ_RECORD=0 scripts/fuzz.sh 10

clean:
	rm -rf dist pkg target/wasm32-unknown-unknown
