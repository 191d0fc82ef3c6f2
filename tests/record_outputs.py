"""Record the outputs of the cells nbval checks (``# NBVAL_CHECK_OUTPUT``), for it to compare.

Run after changing such a cell, then review the diff of tests/notebook_outputs/ like code:
    .venv/bin/python tests/record_outputs.py notebooks/01_regression.ipynb [...]

Which cells are recorded is nbval's own decision (see nbval_reference.is_checked); the record
is rewritten whole, so records of cells no longer checked disappear with it. A comment line
that looks like a marker but is not one nbval honours stops the recording.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbval_reference import OUTPUTS, is_checked, near_misses


def record(path: Path, folder: Path = OUTPUTS) -> int:
    """Run the notebook in a fresh kernel and write its checked cells' outputs; return how many."""
    nb = nbformat.read(path, as_version=4)
    misses = [f"cell {c.get('id')!r}: {miss!r}" for c in nb.cells for miss in near_misses(c)]
    if misses:
        raise SystemExit(
            f"{path}: not markers nbval honours (write exactly '# NBVAL_CHECK_OUTPUT' "
            f"on a line of its own): " + "; ".join(misses)
        )
    ids = [cell.get("id") for cell in nb.cells]
    if None in ids or len(set(ids)) < len(ids):
        raise SystemExit(f"{path}: every cell needs a unique id, the key of its record")
    NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    marked = {
        cell.id: {"source": cell.source, "outputs": cell.outputs}
        for cell in nb.cells
        if is_checked(cell)
    }
    folder.mkdir(exist_ok=True)
    text = json.dumps(marked, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (folder / f"{path.stem}.json").write_text(text, encoding="utf-8")
    return len(marked)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {record(Path(name))} cells recorded")
