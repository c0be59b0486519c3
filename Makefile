# sitrep: `make demo` and `make test` do all set-up from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITREP := $(VENV)/bin/sitrep
SHARED ?= ../shared
DB ?= demo.db
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench bench-scale models gazetteer basemap web-bench screenshot clean fuzz

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,cluster]'
	touch $(STAMP)

setup: $(STAMP) gazetteer basemap

# The offline gazetteer (SQLite, FTS5 + R*Tree), built from installed GeoNames data; not committed.
gazetteer: $(STAMP)
	$(SITREP) gazetteer build --if-missing

# The web map's country outlines (npm package world-atlas, fetched once; not committed). Without
# npm it says so and the map works without outlines.
basemap: $(STAMP)
	$(PY) -m sitrep.web.basemap --if-missing

demo: setup
	rm -f $(DB) $(DB)-wal $(DB)-shm
	@# exit status 1 means "some inputs were rejected": examples/bad/ is there to show that;
	@# 3 (the run failed) or anything else stops the demo
	$(SITREP) run examples/ --db $(DB) || test $$? -eq 1
	$(SITREP) stats --db $(DB)
	@echo
	@echo "Next: $(SITREP) events --db $(DB) | less ;  $(SITREP) show EVENT_ID --db $(DB) ;"
	@echo "      $(SITREP) export --format acled-csv --db $(DB) --out events.csv ;  $(SITREP) doctor"
	@echo
	@echo "Open the map:  $(SITREP) serve --db $(DB)   then browse http://127.0.0.1:8080/"

test: setup
	$(PY) -m pytest -q

# The long fuzz run (tests/fuzz_run.py): 10,000 generated hostile inputs through every reader,
# the store and `sitrep run`; prints tracebacks, hangs, peak memory, stored vs rejected.
# Cleaning and language stages only by default (a few minutes on 2 cores); the whole
# pipeline: make fuzz FUZZ_ARGS="--stages default".
FUZZ_ARGS ?= --stages light
fuzz: setup
	$(PY) tests/fuzz_run.py --inputs 10000 $(FUZZ_ARGS)

bench: setup
	$(PY) -m sitrep.bench --news $(SHARED)/data/hrdsattack/train_dev.jsonl

# `sitrep run --engine ray` on 1 and 2 workers into SQLite and PostgreSQL (20,000 generated
# articles; tens of minutes on 2 cores): .bench/scale.json, summarised in the README
bench-scale: setup
	$(PY) -m sitrep.bench_scale

# `sitrep serve` under load on loopback: 10,000 generated events, 10,000 requests at concurrency
# 16, and the page's load time in Chromium (bounded; stops by itself). Not part of `make test`.
web-bench: setup
	$(PY) -m sitrep.web.loadtest

# docs/web.png: the page over the demo store, for the README
screenshot: demo
	$(PY) -m sitrep.web.loadtest --screenshot docs/web.png --db $(DB)

# Retrain the project's own language models from ../shared/data (see docs/models.md).
models: $(STAMP)
	$(PY) -m sitrep.language.train --data $(SHARED)/data/ud-english-ewt

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache $(DB)
