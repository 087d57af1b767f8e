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

# Debian packages (python3-venv, chromium, wget, …): .ci/debian-packages, installed by .ci/packages
# when run as root, named with the apt-get command otherwise. pip -qq still prints its errors.
$(STAMP): requirements.txt
	@.ci/packages build
	@echo "Installing the site's Python packages into $(VENV) (once, about a minute)"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -qq --disable-pip-version-check -r requirements.txt
	@touch $@

$(DEV): $(STAMP) requirements-dev.txt
	@echo "Installing the test tools into $(VENV) (once)"
	@$(BIN)/pip install -qq --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## serve: build and serve the site at http://127.0.0.1:8000 (rebuilds on change)
##        prints one line about the data (every error in full); make check shows the detail
serve: $(STAMP)
	@$(PY) -m wasla report-path
	@$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: write the site to site/ (all or nothing: a failed build leaves site/ as it was);
##        SHA256SUMS always, SHA256SUMS.minisig when MINISIGN_SECRET_KEY names a key
build: $(STAMP)
	@rm -rf site.tmp
	@# never --quiet: it silences warnings, and strict mode then lets them pass (the hooks
	@# lower only MkDocs' INFO narration: hooks/wasla/console.py)
	@$(BIN)/mkdocs build --site-dir site.tmp
	@$(PY) -m wasla sums site.tmp
	@rm -rf site && mv site.tmp site
	@echo "Site written to site/ (open site/index.html; English at site/en/)"

## mirror: the offline edition, dist/wasla-offline-<data date>.zip (unzip, open index.html)
mirror: build
	@$(PY) -m wasla mirror site dist

## check: validate data/ alone, fast; prints every problem as file:line:col
check: $(STAMP)
	$(PY) -m wasla check data

## new: start a resource file (asks for country, slug and kinds), then run make check
new: $(STAMP)
	$(PY) -m wasla new

## test: the whole suite (loader, rules, site build, browser); installs what it needs first
test: $(DEV)
	@.ci/packages test
	$(BIN)/pytest -q -rs

## bench: build 1,000 and 10,000 synthetic entries and print the figures
bench: $(DEV)
	$(PY) bench/bench.py

## lighthouse: Lighthouse scores of the built site (npm lighthouse, Debian's Chromium)
lighthouse: build
	bash bench/lighthouse.sh

clean:
	rm -rf site site.tmp dist bench/out
