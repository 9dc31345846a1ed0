# BudgetEval — `make demo` and `make test` are all a newcomer needs.
# Missing system packages (libzip-dev, libxml2-dev, zlib1g-dev, pkg-config) are installed with apt-get;
# the Python packages the interop tests use go into .venv (git-ignored).
SHELL := /bin/bash
SHARED ?= ../shared
SWIFT ?= swift
VENV := .venv
PY := $(VENV)/bin/python
BIN := .build/debug/budgeteval
RELEASE_BIN := .build/release/budgeteval
OUT ?= out
PREFIX ?= /usr/local

.PHONY: all deps venv build release embed install test unit interop conformance conformance-check demo bench hostile fuzz libreoffice-check serve serve-load browser-test clean

all: build

## System libraries: install only what is missing (apt-get update once, then install).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libzip 2>/dev/null || missing="$$missing libzip-dev"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "==> installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## Python packages for the interop tests and benchmarks, in a private virtual environment.
venv: $(VENV)/.stamp
$(VENV)/.stamp: Tests/Interop/requirements.txt
	@command -v python3 >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3 python3-venv; }
	@python3 -m venv $(VENV) 2>/dev/null || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/Interop/requirements.txt
	@touch $@

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## Puts budgeteval on PATH: $(PREFIX)/bin/budgeteval (PREFIX=/usr/local by default; DESTDIR for packaging).
## The binary needs no files beside it: its data is compiled in (see `make embed`).
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 0755 $(RELEASE_BIN) "$(DESTDIR)$(PREFIX)/bin/budgeteval"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/budgeteval"

## Compile Sources/<Module>/Data/* into Sources/<Module>/Generated/EmbeddedData.swift (run after editing a
## data file; EmbeddedDataTests fails until you do). Idempotent: unchanged files are not rewritten.
embed:
	@python3 scripts/embed_data.py

## The whole suite: unit tests, interop with openpyxl/python-calamine, the hostile corpus through the binary,
## and the conformance corpus when ../shared is there.
test: deps venv
	$(SWIFT) build --build-tests
	@python3 scripts/test_summary.py $(SWIFT) test --skip-build
	$(MAKE) --no-print-directory interop
	$(MAKE) --no-print-directory hostile
	$(MAKE) --no-print-directory conformance-check

unit: deps
	@python3 scripts/test_summary.py $(SWIFT) test

interop: deps venv
	$(PY) Tests/Interop/run.py --bin $(BIN)

## Conformance against ../shared/corpus: the full score report.
conformance: deps venv
	@if [ ! -d "$(SHARED)/corpus" ]; then echo "conformance: $(SHARED)/corpus not found, skipped"; exit 0; fi; \
	$(SWIFT) build && $(PY) scripts/conformance.py --bin $(BIN) --corpus $(SHARED)/corpus --out $(OUT)/conformance --report

## Same run, failing only on crashes, hangs and failures not in the known-failures list (part of `make test`).
conformance-check: deps venv
	@if [ ! -d "$(SHARED)/corpus" ]; then echo "conformance: $(SHARED)/corpus not found, skipped"; exit 0; fi; \
	$(PY) scripts/conformance.py --bin $(BIN) --corpus $(SHARED)/corpus --out $(OUT)/conformance \
	  --known scripts/conformance-known-failures.tsv --differential

demo: build
	@PREFIX="$(PREFIX)" bash scripts/demo.sh $(BIN) $(OUT)/demo

## The local page and JSON API (docs/API.md) on loopback; open the printed URL and choose the Samples/ folder.
SERVE_PORT ?= 8080
serve: build
	@echo "==> budgeteval serve on 127.0.0.1:$(SERVE_PORT): open the URL below, choose the folder $(CURDIR)/Samples"
	@echo "    (each subfolder is one department) and press 开始核对. Ctrl-C stops the server and deletes every job."
	@$(BIN) serve --host 127.0.0.1 --port $(SERVE_PORT)

## 20 clients upload the sample departments at once on loopback; every result checked against the CLI;
## prints throughput and peak memory (not part of `make test`).
serve-load: build
	@python3 scripts/serve_load.py --bin $(BIN) --clients 20

## The page in headless Chromium (Debian's chromium and chromium-driver; Selenium in .venv, given
## /usr/bin/chromedriver so it never downloads a driver): both Samples departments and a batch of them through the
## page, the findings shown against check --json, a download opened; the README screenshot with SCREENSHOT=….
## Not in `make test`: Chromium and Hummingbird together would push a clean-clone run past its budget.
SCREENSHOT ?=
browser-test: build venv
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || { SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; }
	@$(PY) -c "import selenium" 2>/dev/null || $(VENV)/bin/pip install -q --disable-pip-version-check selenium
	$(PY) Tests/Browser/browser_test.py --bin $(BIN) $(if $(SCREENSHOT),--screenshot $(SCREENSHOT))

## Benchmarks (not part of `make test`): reading vs fastexcel/python-calamine, writing vs libxlsxwriter/XlsxWriter.
bench: release venv
	@bash Benchmarks/run.sh $(RELEASE_BIN) $(SHARED)
	@bash Benchmarks/write_bench.sh $(SHARED)

## libFuzzer targets, each for FUZZ_SECONDS (default 60).
FUZZ_SECONDS ?= 60
fuzz: deps
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

## LibreOffice opens what we write (skipped when soffice is not installed).
libreoffice-check: build venv
	@bash scripts/libreoffice_check.sh

hostile: build
	@bash scripts/hostile.sh $(BIN)

clean:
	rm -rf .build $(OUT)
