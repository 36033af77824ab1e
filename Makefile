# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LISTS := $(wildcard lists/*.xlsx)

.PHONY: run install compile validate export release test lint bench template docs clean

run: validate export

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The environment sets PYTHONDONTWRITEBYTECODE, so our own modules would be compiled again at
# every start (about 0.2 s); compile them ahead, once per change.
compile: $(STAMP)
	@$(BIN)/python -m compileall -q sanctions

install: $(STAMP)

## Validate every workbook in lists/ (exit 1 on errors).
validate: $(STAMP) compile
	$(BIN)/sanctions validate $(LISTS)

## Convert every valid workbook in lists/ to exports/<list>/: filing copies where the submitter
## sheet is complete, drafts (saying why) otherwise; the default list names no organisation.
export: $(STAMP) compile
	$(BIN)/sanctions export $(LISTS)

## A numbered release of the one list in lists/: make release VERSION=2026.1. Filing copies or
## drafts as for export; warnings (what the sources leave open) are allowed.
release: $(STAMP) compile
	@test -n "$(VERSION)" || { echo "usage: make release VERSION=2026.1" >&2; exit 2; }
	$(BIN)/sanctions release "$(VERSION)" --allow-warnings

## Lint, type-check and run the test suite on every core (a test file's tests stay together, so
## that its fixtures are built once): the fast suite, without the tests that open outputs in
## LibreOffice and Chromium; `make test RENDERING=1` (what CI runs) includes those.
RENDERING ?=
test: $(STAMP) lint
	$(BIN)/pytest -n auto --dist loadfile $(if $(RENDERING),,-m "not rendering")

lint: $(STAMP)
	$(BIN)/ruff check sanctions tests bench
	$(BIN)/ruff format --check sanctions tests bench
	$(BIN)/mypy

## Timing goals live here, not in the tests.
bench: $(STAMP) compile
	$(BIN)/python -m bench.small; q=$$?; \
	$(BIN)/python -m bench.exports; e=$$?; \
	$(BIN)/python -m bench.validation; v=$$?; \
	$(BIN)/python -m bench.screening; s=$$?; \
	exit $$((v || e || s || q))

## A fresh, empty editor's workbook generated from schemas/.
template: $(STAMP)
	$(BIN)/sanctions template template.xlsx

## Regenerate the workbook reference (docs/workbook.md) from schemas/, and the README's tables
## of governments from jurisdictions/.
docs: $(STAMP)
	$(BIN)/sanctions docs --out docs/workbook.md --readme README.md

clean:
	rm -rf $(VENV) exports .pytest_cache .mypy_cache .ruff_cache bench/.cache
