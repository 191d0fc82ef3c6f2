"""Record the outputs of the cells marked NBVAL_CHECK_OUTPUT, for nbval to compare against.

Run after changing such a cell, then review the diff of tests/notebook_outputs/ like code:
    .venv/bin/python tests/record_outputs.py notebooks/01_regression.ipynb [...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbval_reference import MARKER, OUTPUTS


def record(path: Path) -> int:
    """Run the notebook in a fresh kernel and write its marked cells' outputs; return how many."""
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    marked = {
        cell.id: {"source": cell.source, "outputs": cell.outputs}
        for cell in nb.cells
        if cell.cell_type == "code" and MARKER in cell.source
    }
    OUTPUTS.mkdir(exist_ok=True)
    text = json.dumps(marked, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    (OUTPUTS / f"{path.stem}.json").write_text(text, encoding="utf-8")
    return len(marked)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {record(Path(name))} cells recorded")
