# Two commands set everything up: `make lab` and `make test`. Both create or update .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NB     ?= 01_regression
PORT   ?= 8866
COMMA  := ,
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)  # Jupyter refuses root without it

.PHONY: lab test bench load present clean mutate

$(STAMP): pyproject.toml binder/overrides.json binder/jupyter_server_config.json
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 10) <= v <= (3, 13) else f"Python 3.10 to 3.13 is needed, {sys.executable} is {v[0]}.{v[1]}: run make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[lab,test]'
	mkdir -p $(VENV)/share/jupyter/lab/settings  # JupyterLab's defaults for the collection:
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json  # no comm subshells
	mkdir -p $(VENV)/etc/jupyter  # Voila inside JupyterLab: keeps a notebook that runs over 90 s
	cp binder/jupyter_server_config.json $(VENV)/etc/jupyter/jupyter_server_config.json
	touch $(STAMP)

lab: $(STAMP)  ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_index.ipynb

# One worker a core (at most 4); a notebook's cells, and its two browser views, share a worker.
test: $(STAMP)  ## run the whole test suite: lossviz, every notebook, browser tests, ruff
	$(BIN)/python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadscope

bench: $(STAMP)  ## print measured figures, one a line: name value unit
	$(BIN)/python benchmarks/run.py

# Not part of `make test` (45 minutes to 2 hours on 2 cores): the browser tests 5 times on a
# machine kept busy.
load: $(STAMP)  ## browser tests under CPU, memory and disk load: make load RUNS=5
	$(BIN)/python benchmarks/under_load.py --runs $(or $(RUNS),5)

# Not part of `make test` or CI: bugs planted in lossviz, caught by the unit tests? The whole package
# (5,300 mutants) takes one to two hours on 2 busy cores; MODULES=checks,validate,exercises tests only
# those modules (945 mutants, about 25 minutes). Ctrl-C stops a run and still prints its partial score.
mutate: $(STAMP)  ## print mutation_score_percent for lossviz and each module (mutmut, in build/mutation)
	$(BIN)/python -c 'import mutmut' 2>/dev/null || $(BIN)/python -m pip install --quiet --editable '.[mutate]'
	nice -n 19 $(BIN)/python tests/mutation_score.py $(subst $(COMMA), ,$(MODULES))

# Voila runs the notebook and shows only its outputs: code hidden, sliders and figures live;
# voila.json (read from here) renders each cell as soon as it has run.
present: $(STAMP)  ## lecture view of one notebook: make present NB=01_regression
	@test -f notebooks/$(notdir $(basename $(NB))).ipynb || { echo "No notebook $(NB); one of:" \
	    $$(cd notebooks && ls [0-9][0-9]_*.ipynb | sed 's/\.ipynb$$//'); exit 1; }
	$(BIN)/voila notebooks/$(notdir $(basename $(NB))).ipynb --port=$(PORT) --Voila.ip=127.0.0.1

clean:
	rm -rf $(VENV) .pytest_cache
