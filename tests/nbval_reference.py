"""A pytest plugin that gives nbval the expected outputs of the cells it checks.

Notebooks are committed without outputs, and nbval only compares cells whose committed copy was
run, so on its own ``# NBVAL_CHECK_OUTPUT`` would check nothing. The expected outputs live beside
the tests instead, in ``tests/notebook_outputs/<notebook>.json`` (cell id -> source and outputs),
written by ``python tests/record_outputs.py``. Before the run, each cell that nbval checks gets its
recorded outputs as nbval's reference.

Which cells are checked is nbval's own decision (its comment markers and metadata tags), read
here with nbval's functions, so that nothing escapes checking without a sound:

- a checked cell with no record, or whose source changed since it was recorded, still runs
  (later cells need it) and then fails, saying how to re-record;
- a record that belongs to no checked cell (its marker was removed or mistyped, or the cell
  deleted) fails the notebook's ``recorded outputs`` item;
- a comment line or tag that looks like an nbval marker but is not one nbval honours
  (``# NBVAL_CHECK_OUTPUTS``, ``# NBVAL_CHECK_OUTPUT please``) fails its cell.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import nbformat
import pytest
from nbval.plugin import comment_markers, find_comment_markers, find_metadata_tags, metadata_tags

OUTPUTS = Path(__file__).resolve().parent / "notebook_outputs"
MARKER = "NBVAL_CHECK_OUTPUT"
NEAR_MISS = re.compile(r"#+\s*nbval_", re.IGNORECASE)  # a comment that starts like a marker


def pytest_addoption(parser):
    parser.addini("nbval_outputs", "folder of the recorded outputs of NBVAL_CHECK_OUTPUT cells")


def recorded_outputs(folder: Path, notebook: Path) -> dict:
    """Cell id -> {"source": ..., "outputs": [...]} for one notebook, empty if none recorded."""
    path = folder / f"{notebook.stem}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def is_checked(cell) -> bool:
    """Whether nbval compares this cell's outputs under ``--nbval-lax``, as nbval decides it:
    an exact ``# NBVAL_CHECK_OUTPUT`` comment line, or the tag ``nbval-check-output``."""
    if cell.get("cell_type") != "code":
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # nbval warns about conflicting markers; it still decides
        options = dict(find_metadata_tags(cell.get("metadata", {})))
        options.update(find_comment_markers(cell.get("source", "")))
    return bool(options.get("check", False))


def near_misses(cell) -> list[str]:
    """Comment lines that start like an nbval marker (``# NBVAL_...``), and tags that mention
    nbval, which are not markers nbval honours."""
    lines = [line.strip() for line in cell.get("source", "").splitlines()]
    comments = [line for line in lines if NEAR_MISS.match(line)]
    tags = cell.get("metadata", {}).get("tags", [])
    return [line for line in comments if line.lstrip("#").strip() not in comment_markers] + [
        f"tag {tag!r}" for tag in tags if "nbval" in tag.lower() and tag not in metadata_tags
    ]


def rerecord(notebook: Path) -> str:
    return (
        f"re-record with `.venv/bin/python tests/record_outputs.py notebooks/{notebook.name}` "
        f"and review the diff of tests/notebook_outputs/{notebook.stem}.json"
    )


def cell_problem(cell, record: dict) -> str | None:
    """Why a cell cannot be checked against its record, or None."""
    misses = near_misses(cell)
    if misses:
        return (
            f"cell {cell.get('id')!r}: {', '.join(map(repr, misses))} is not a marker nbval "
            f"honours; write exactly '# {MARKER}' on a line of its own"
        )
    if not is_checked(cell):
        return None
    entry = record.get(cell.get("id"))
    if entry is None:
        return f"cell {cell.get('id')!r} is checked but has no recorded outputs"
    if entry.get("source") != cell.get("source"):
        return f"cell {cell.get('id')!r} changed since its outputs were recorded"
    return None


def orphaned_records(cells, record: dict) -> list[str]:
    """Recorded cell ids that belong to no checked cell of the notebook."""
    checked = {cell.get("id") for cell in cells if is_checked(cell)}
    return sorted(set(record) - checked)


def record_problems(notebook: Path, cells, record: dict) -> list[str]:
    """Everything that keeps a notebook's records from checking what they should."""
    problems = [p for p in (cell_problem(cell, record) for cell in cells) if p]
    problems += [
        f"the record of cell {cell_id!r} belongs to no checked cell (its marker was "
        "removed or mistyped, or the cell deleted)"
        for cell_id in orphaned_records(cells, record)
    ]
    return problems


class RecordedOutputs(pytest.Item):
    """One item per notebook, beside it (it needs no kernel): fails when a record belongs to
    no checked cell."""

    def __init__(self, *, orphans: list[str], notebook: Path, **kwargs):
        super().__init__(**kwargs)
        self.orphans, self.notebook = orphans, notebook

    def runtest(self):
        if self.orphans:
            listed = ", ".join(map(repr, self.orphans))
            pytest.fail(
                f"{self.notebook.name}: records of cells {listed} belong to no checked "
                f"cell (a marker removed or mistyped, or the cell deleted); "
                f"{rerecord(self.notebook)}",
                pytrace=False,
            )

    def reportinfo(self):
        return self.notebook, None, self.name


def _fail_after_running(item, message: str) -> None:
    run = item.runtest

    def runtest():
        run()  # the cell still runs: the cells after it need what it defines
        pytest.fail(message, pytrace=False)

    item.runtest = runtest


def pytest_collection_modifyitems(config, items):
    folder = (
        config.rootpath / config.getini("nbval_outputs")
        if config.getini("nbval_outputs")
        else OUTPUTS
    )
    cache: dict[Path, dict] = {}
    last: dict[Path, int] = {}
    for index, item in enumerate(items):
        cell = getattr(item, "cell", None)
        if cell is None or not hasattr(item, "options"):
            continue
        notebook = Path(item.path)
        last[notebook] = index
        record = cache.setdefault(notebook, recorded_outputs(folder, notebook))
        problem = cell_problem(cell, record)
        if problem:
            item.options["check"] = False
            _fail_after_running(item, f"{notebook.name}: {problem}; {rerecord(notebook)}")
        elif is_checked(cell):
            entry = record[cell.get("id")]
            cell.outputs = [nbformat.from_dict(o) for o in entry["outputs"]]
            cell.execution_count = 1  # nbval compares only cells that were run
    for notebook, index in sorted(last.items(), key=lambda pair: -pair[1]):
        notebook_node = items[index].parent
        orphans = orphaned_records(notebook_node.nb.cells, cache[notebook])
        items.insert(
            index + 1,
            RecordedOutputs.from_parent(
                notebook_node.parent,
                name=f"recorded outputs of {notebook.name}",
                orphans=orphans,
                notebook=notebook,
                path=notebook,
            ),
        )
