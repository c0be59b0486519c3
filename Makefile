# sitrep: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITREP := $(VENV)/bin/sitrep
SHARED ?= ../shared
DB ?= demo.db
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench models gazetteer clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP) gazetteer

# The offline gazetteer (SQLite, FTS5 + R*Tree), built from installed GeoNames data; not committed.
gazetteer: $(STAMP)
	$(SITREP) gazetteer build --if-missing

demo: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	@# exit status 1 means "some inputs were rejected": examples/bad/ is there to show that
	$(SITREP) run examples/ --db $(DB) || test $$? -eq 1
	$(SITREP) stats --db $(DB)
	@echo
	@echo "Next: $(SITREP) events --db $(DB) | less ;  $(SITREP) show EVENT_ID --db $(DB) ;"
	@echo "      $(SITREP) export --format acled-csv --db $(DB) --out events.csv ;  $(SITREP) doctor"

test: setup
	$(PY) -m pytest -q

bench: setup
	$(PY) -m sitrep.bench

# Retrain the project's own language models from ../shared/data (see docs/models.md).
models: $(STAMP)
	$(PY) -m sitrep.language.train --data $(SHARED)/data/ud-english-ewt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DB)
