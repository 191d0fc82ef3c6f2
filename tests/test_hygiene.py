"""Repository hygiene: every notebook committed without outputs, widget state or duplicate cell
ids; the Python code ruff-clean and ruff-formatted."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FORMATTED = ["lossviz", "tests", "benchmarks"]  # notebooks are formatted by their authors


def ruff(*arguments):
    executable = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    return subprocess.run([executable, *arguments], cwd=ROOT, capture_output=True, text=True)


def test_there_are_notebooks_and_each_is_numbered():
    assert NOTEBOOKS, "notebooks/ holds no notebook"
    assert NOTEBOOKS[0].name == "00_index.ipynb"
    unnumbered = [p.name for p in NOTEBOOKS if not (p.name[:2].isdigit() and p.name[2] == "_")]
    assert not unnumbered, f"notebooks must be named NN_name.ipynb: {unnumbered}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; clear them before committing"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_saves_no_widget_state(path):
    """JupyterLab's "save widget state" writes every slider's model into the metadata: stale
    state that Voila and JupyterLab would show before the kernel runs."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert "widgets" not in nb["metadata"], (
        f"{path.name} saves widget state in its metadata; turn off Settings > Save Widget State "
        "Automatically and clear it (delete metadata.widgets)"
    )
    with_state = [i for i, cell in enumerate(nb["cells"]) if "widgets" in cell.get("metadata", {})]
    assert not with_state, f"{path.name}: cells {with_state} save widget state in their metadata"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_cell_has_a_unique_id(path):
    """The recorded outputs of checked cells are keyed by cell id (tests/notebook_outputs/)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert (nb["nbformat"], nb["nbformat_minor"]) >= (4, 5), f"{path.name}: cell ids need 4.5"
    ids = [cell.get("id") for cell in nb["cells"]]
    missing = [i for i, cell_id in enumerate(ids) if not cell_id]
    assert not missing, f"{path.name}: cells {missing} have no id"
    repeated = sorted({cell_id for cell_id in ids if ids.count(cell_id) > 1})
    assert not repeated, f"{path.name}: cell ids {repeated} are used more than once"


def test_ruff_finds_nothing():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_python_code_is_ruff_formatted():
    result = ruff("format", "--check", *FORMATTED)
    assert result.returncode == 0, (
        "run `.venv/bin/ruff format " + " ".join(FORMATTED) + "`:\n" + result.stdout + result.stderr
    )
