# Two commands: `make run` and `make test`. Both set up the virtual environment first.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_HOME ?= $(CURDIR)/.prefect
TEST_WORKERS ?= 2  # pytest-xdist workers for make test: the flow tests wait on servers and subprocesses

.PHONY: setup run test eval bench bench-smoke langid docs server stress clean mutation mutation-report

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt -e ".[test,bench]"
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with its test and bench extras

run: setup  ## run the pipeline on seeds/ into data/
	$(VENV)/bin/cityclips run seeds --out data

test: setup  ## the whole test suite, on TEST_WORKERS processes (2; TEST_WORKERS=0 for one)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile

eval: setup  ## score the labelled evaluation pages (eval/), page kinds (eval/pagekind), then the public benchmarks beside trafilatura and readability (eval/peers.py --check-floors: exit 1 under a floor; skipped without ../shared/peers)
	$(PY) eval/score.py
	$(PY) eval/page_kinds.py
	$(PY) eval/peers.py --check-floors

MUTANTS ?=
mutation: setup  ## mutation testing (mutmut, niced, tens of minutes to hours; MUTANTS='cityclips.transforms.dates.*' for some): score and survivors in docs/testing.md
	$(PY) -m pip install -q -c constraints.txt -e ".[mutation]"
	$(PY) tools/mutation.py run $(MUTANTS)
	$(PY) tools/mutation.py report

mutation-report: setup  ## print the last mutation run's score per module and its survivors (markdown)
	$(PY) tools/mutation.py report

langid: setup  ## language detection benchmark
	$(PY) bench/bench_langid.py

bench: setup  ## scale benchmark (1k/10k pages; BENCH_SIZES=1000,10000,100000 for the full one)
	$(PY) bench/bench_pipeline.py

bench-smoke: setup  ## a 1,000-page benchmark run without targets, as CI runs it
	$(PY) bench/bench_pipeline.py --sizes 1000 --smoke --repeat 1

docs: setup  ## regenerate docs/tables.md (from the schemas) and docs/models.md (from the SQL comments)
	$(PY) -m cityclips.warehouse.docs tables > docs/tables.md
	$(PY) -m cityclips.warehouse.docs models > docs/models.md

server: setup  ## a Prefect server with its UI on 127.0.0.1:4200 (or PORT=4300); `cityclips run` uses it; Ctrl-C stops it
	$(VENV)/bin/cityclips server start --foreground $(if $(PORT),--port $(PORT))

stress: setup  ## 20 cold runs of the seeds beside 3 CPU-bound processes (issue 13's start-up target, ~10 min)
	CITYCLIPS_STRESS_RUNS=20 $(PY) -m pytest tests/reliability/test_start_under_load.py -s -q -p no:cacheprovider

clean:
	rm -rf data .pytest_cache
