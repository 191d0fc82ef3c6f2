# Two commands set everything up: `make lab` and `make test`. Both create or update .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
NB     ?= 01_regression
PORT   ?= 8866
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)  # Jupyter refuses root without it

.PHONY: lab test bench present clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if (3, 10) <= v <= (3, 13) else f"Python 3.10 to 3.13 is needed, {sys.executable} is {v[0]}.{v[1]}: run make PYTHON=python3.12 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[lab,test]'
	touch $(STAMP)

lab: $(STAMP)  ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_index.ipynb

test: $(STAMP)  ## run the whole test suite: lossviz, every notebook, browser tests, ruff
	$(BIN)/python -m pytest

bench: $(STAMP)  ## print measured figures, one a line: name value unit
	$(BIN)/python benchmarks/run.py

# Voila runs the notebook and shows only its outputs: code hidden, sliders and figures live.
present: $(STAMP)  ## lecture view of one notebook: make present NB=01_regression
	@test -f notebooks/$(notdir $(basename $(NB))).ipynb || { echo "No notebook $(NB); one of:" \
	    $$(cd notebooks && ls [0-9][0-9]_*.ipynb | sed 's/\.ipynb$$//'); exit 1; }
	$(BIN)/voila notebooks/$(notdir $(basename $(NB))).ipynb --port=$(PORT) --Voila.ip=127.0.0.1

clean:
	rm -rf $(VENV) .pytest_cache
