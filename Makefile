# Wasla: the commands a newcomer types. See README.md.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev
export PYTHONPATH := hooks
export NO_MKDOCS_2_WARNING := 1

# ENGINE picks what builds the site (docs/maintainers/engines.md): mkdocs (default, MkDocs 1.6.1 +
# Material 9.8, in .venv), properdocs (ProperDocs + Material, in .venv-properdocs) or materialx
# (ProperDocs + mkdocs-materialx, in .venv-materialx). Only build and serve use it.
ENGINE ?= mkdocs
ENGINES := mkdocs properdocs materialx
ifeq ($(filter $(ENGINE),$(ENGINES)),)
$(error ENGINE must be one of: $(ENGINES); got '$(ENGINE)')
endif
ifeq ($(ENGINE),mkdocs)
SITE_STAMP := $(STAMP)
DOCS       := $(BIN)/mkdocs
SITE_PY    := $(PY)
else
SITE_STAMP := .venv-$(ENGINE)/.installed
DOCS       := .venv-$(ENGINE)/bin/properdocs
SITE_PY    := .venv-$(ENGINE)/bin/python
endif
ifeq ($(ENGINE),materialx)
export WASLA_THEME := materialx
endif

.PHONY: serve build check fields new verify mirror zim test test-unit lint bench lighthouse clean

# Debian packages (python3-venv, chromium, wget, …): .ci/debian-packages, installed by .ci/packages
# when run as root, named with the apt-get command otherwise. pip -qq still prints its errors.
$(STAMP): requirements.txt
	@.ci/packages build
	@echo "Installing the site's Python packages into $(VENV) (once, about a minute)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -qq --disable-pip-version-check -r requirements.txt
	@touch $@

# The other engines' environments: requirements.txt without MkDocs (and, for materialx, without
# Material), plus the engine's own file, all --no-deps so that pip cannot pull MkDocs back in.
.venv-%/.installed: requirements.txt requirements-%.txt
	@.ci/packages build
	@echo "Installing the $* engine's environment into .venv-$* (once; docs/maintainers/engines.md)"
	@$(PYTHON) -m venv .venv-$*
	@grep -vE '^(mkdocs|mkdocs-get-deps|mergedeep$(if $(filter materialx,$*),|mkdocs-material))==' requirements.txt > .venv-$*/requirements.txt
	@.venv-$*/bin/pip install -qq --disable-pip-version-check --no-deps -r .venv-$*/requirements.txt -r requirements-$*.txt
	@touch $@

$(DEV): $(STAMP) requirements-dev.txt
	@echo "Installing the test tools into $(VENV) (once)"
	@$(BIN)/pip install -qq --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## serve: build and serve the site at http://127.0.0.1:8000 (rebuilds on change)
##        prints one line about the data (every error in full); make check shows the detail
serve: $(SITE_STAMP)
	@$(SITE_PY) -m wasla report-path
	@$(DOCS) serve -f mkdocs.yml --dirty --dev-addr 127.0.0.1:8000

SITE ?= site

## build: write the site to site/ (all or nothing: a failed build leaves site/ as it was);
##        SHA256SUMS always, SHA256SUMS.minisig when MINISIGN_SECRET_KEY names a key.
##        Each build writes into its own temporary folder beside site/ and swaps it in with one
##        rename, so two builds at once, or an interrupted one, never leave a half site.
build: $(SITE_STAMP)
	@# never --quiet: it silences warnings, and strict mode then lets them pass (the hooks
	@# lower only MkDocs' INFO narration: hooks/wasla/console.py)
	@set -e; tmp=$$($(SITE_PY) -m wasla tempdir "$(SITE)" --owner $$$$); \
	trap 'rm -rf "$$tmp"' EXIT; trap 'rm -rf "$$tmp"; exit 130' INT TERM HUP; \
	$(DOCS) build -f mkdocs.yml --site-dir "$$tmp"; \
	$(SITE_PY) -m wasla sums "$$tmp"; \
	$(SITE_PY) -m wasla swap "$$tmp" "$(SITE)"
	@echo "Site written to $(SITE)/ (open $(SITE)/index.html; English at $(SITE)/en/)"

## mirror: the offline edition, dist/wasla-offline-<data date>.zip (unzip, open index.html)
mirror: build
	@$(SITE_PY) -m wasla mirror site dist

## zim: the Kiwix edition, dist/wasla-<data date>.zim (open it in Kiwix; docs/maintainers/kiwix.md)
zim: build
	@$(SITE_PY) -m wasla zim site dist

## check: validate data/ alone, fast; prints every problem as file:line:col
check: $(STAMP)
	$(PY) -m wasla check data --coverage

## fields: write the field tables of CONTRIBUTING.md and CONTRIBUTING.ar.md from data/schema/
fields: $(STAMP)
	$(PY) -m wasla fields

# The values of make new and make verify reach the program exactly as typed: make would expand a
# variable given on the command line when it exports it to a recipe ('$(shell …)' would run, '$5'
# would vanish), so none is exported as such; each is passed on unexpanded ($(value …)) in the
# environment of these two targets alone, where Python reads it (os.environ).
TYPED := COUNTRY SLUG KINDS ENTRY METHOD CHANGED
unexport $(TYPED)
new: override export COUNTRY := $(value COUNTRY)
new: override export SLUG := $(value SLUG)
new: override export KINDS := $(value KINDS)
verify: override export ENTRY := $(value ENTRY)
verify: override export METHOD := $(value METHOD)
verify: override export CHANGED := $(value CHANGED)

## new: start a resource file, then run make check:
##      make new [COUNTRY=lb SLUG=beirut-line KINDS=hotline,legal_aid]  (what is not given: it asks)
new: $(STAMP)
	$(PY) -m wasla new

## verify: record that you (a curator) checked an entry, then check its file:
##         make verify ENTRY=lb/helem METHOD=phone [CHANGED="new hours"]  (no arguments: it asks)
##         METHOD: website, phone, partner or in_person; CHANGED is written exactly as typed
verify: $(STAMP)
	$(PY) -m wasla verify

## test: the whole suite: lint, format and layer contracts, then every test (rules, site builds,
##       browsers; the site built by every ENGINE); installs what it needs first
test: lint .venv-properdocs/.installed .venv-materialx/.installed
	@.ci/packages test
	$(BIN)/pytest -q -rs

## test-unit: the unit tests alone (no site build, no browser): the inner loop, under 30 s
test-unit: $(DEV)
	$(BIN)/pytest -q -m unit

## lint: ruff (lint and format) and the engine's layer contracts (import-linter); make test runs it
lint: $(DEV)
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench
	$(BIN)/lint-imports --config pyproject.toml

## bench: build 1,000 and 10,000 synthetic entries beside vanilla Material and print the figures:
##        build cost in every language of mkdocs.yml (CPU and wall seconds, memory), make serve's
##        reload, page weights, search. BENCH passes options: BENCH="--sizes 200,2000",
##        BENCH=--quick, BENCH=--no-vanilla; BENCH="--profile 2000": where a build's time goes
bench: $(DEV)
	$(PY) bench/bench.py $(BENCH)

## lighthouse: Lighthouse scores of the built site (npm lighthouse, Debian's Chromium)
lighthouse: build
	bash bench/lighthouse.sh

clean:
	rm -rf site site.tmp .site.tmp-* dist bench/out
