"""A pytest plugin that gives nbval the expected outputs of cells marked ``NBVAL_CHECK_OUTPUT``.

Notebooks are committed without outputs, and nbval only compares cells whose committed copy was
run, so on its own ``NBVAL_CHECK_OUTPUT`` would check nothing. The expected outputs live beside
the tests instead, in ``tests/notebook_outputs/<notebook>.json`` (cell id -> source and outputs),
written by ``python tests/record_outputs.py``. Before the run, each marked cell gets its recorded
outputs as nbval's reference; a marked cell with no record, or whose source changed since it was
recorded, is compared with no output at all and so fails, showing what it printed.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

OUTPUTS = Path(__file__).resolve().parent / "notebook_outputs"
MARKER = "NBVAL_CHECK_OUTPUT"


def pytest_addoption(parser):
    parser.addini("nbval_outputs", "folder of the recorded outputs of NBVAL_CHECK_OUTPUT cells")


def recorded_outputs(folder: Path, notebook: Path) -> dict:
    """Cell id -> {"source": ..., "outputs": [...]} for one notebook, empty if none recorded."""
    path = folder / f"{notebook.stem}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def pytest_collection_modifyitems(config, items):
    folder = (
        config.rootpath / config.getini("nbval_outputs")
        if config.getini("nbval_outputs")
        else OUTPUTS
    )
    cache: dict[Path, dict] = {}
    for item in items:
        cell = getattr(item, "cell", None)
        if cell is None or MARKER not in cell.source:
            continue
        notebook = Path(item.path)
        record = cache.setdefault(notebook, recorded_outputs(folder, notebook)).get(
            cell.get("id"), {}
        )
        up_to_date = record.get("source") == cell.source
        cell.outputs = [nbformat.from_dict(o) for o in record["outputs"]] if up_to_date else []
        cell.execution_count = 1  # nbval compares only cells that were run
