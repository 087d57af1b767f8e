# Wasla: the commands a newcomer types. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
export PYTHONPATH := hooks
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check new mirror test bench lighthouse clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

## serve: build and serve the site at http://127.0.0.1:8000 (rebuilds on change)
serve: $(STAMP) check
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

SITE ?= site

## build: write the site to site/ (all or nothing: a failed build leaves site/ as it was);
##        SHA256SUMS always, SHA256SUMS.minisig when MINISIGN_SECRET_KEY names a key.
##        Each build writes into its own temporary folder beside site/ and swaps it in with one
##        rename, so two builds at once, or an interrupted one, never leave a half site.
build: $(STAMP)
	@# never --quiet: it silences warnings, and strict mode then lets them pass
	@set -e; tmp=$$($(PY) -m wasla tempdir "$(SITE)" --owner $$$$); \
	trap 'rm -rf "$$tmp"' EXIT; trap 'rm -rf "$$tmp"; exit 130' INT TERM HUP; \
	echo "$(BIN)/mkdocs build --site-dir $$tmp"; \
	$(BIN)/mkdocs build --site-dir "$$tmp"; \
	$(PY) -m wasla sums "$$tmp"; \
	$(PY) -m wasla swap "$$tmp" "$(SITE)"

## mirror: the offline edition, dist/wasla-offline-<data date>.zip (unzip, open index.html)
mirror: build
	$(PY) -m wasla mirror site dist

## check: validate data/ alone, fast; prints every problem as file:line:col
check: $(STAMP)
	$(PY) -m wasla check data

## new: start a resource file (asks for country, slug and kinds), then run make check
new: $(STAMP)
	$(PY) -m wasla new

## test: the whole suite (loader, rules, site build, browser)
test: $(DEV)
	$(BIN)/pytest -q

## bench: build 1,000 and 10,000 synthetic entries and print the figures
bench: $(DEV)
	$(PY) bench/bench.py

## lighthouse: Lighthouse scores of the built site (npm lighthouse, Debian's Chromium)
lighthouse: build
	bash bench/lighthouse.sh

clean:
	rm -rf site site.tmp .site.tmp-* dist bench/out
