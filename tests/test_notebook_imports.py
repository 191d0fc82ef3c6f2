"""Only the PyTorch notebook imports torch: the others stay within Binder's memory without it.

With torch installed, importing it costs a notebook about 200 MB of kernel memory (04 peaked
at about 980 MB, over the 800 MB budget, while it held optional PyTorch checks); those checks
belong in ``08_pytorch.ipynb``.
"""

import ast
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
TORCH_NOTEBOOK = "08_pytorch.ipynb"


def python_source(cell_source: str) -> str:
    """A code cell's source without IPython's magics and shell lines, which are not Python."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in cell_source.splitlines()
    )


def imported_modules(source: str) -> set[str]:
    """The top-level modules that `source` imports: import statements, and calls such as
    ``importlib.import_module("torch")``, ``importlib.util.find_spec("torch")`` or
    ``__import__("torch")`` with a literal name."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else getattr(node.func, "id", None)
            )
            if name in {"import_module", "find_spec", "__import__"} and isinstance(
                node.args[0].value, str
            ):
                found.add(node.args[0].value.split(".")[0])
    return found


def test_the_finder_sees_every_way_to_import_torch():
    for source in (
        "import torch",
        "import torch.nn as nn",
        "from torch import nn",
        "import numpy, torch",
        "if True:\n    import torch",
        "%matplotlib widget\nimport torch",
        "import importlib\nimportlib.import_module('torch.nn')",
        "import importlib.util\nimportlib.util.find_spec('torch')",
        "__import__('torch')",
    ):
        assert "torch" in imported_modules(python_source(source)), source
    for source in (
        "import torchvision_free_name",
        "torch = 3",
        "print('import torch')",
        "from . import torch",
    ):
        assert "torch" not in imported_modules(python_source(source)), source


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_only_the_pytorch_notebook_imports_torch(notebook: Path):
    if notebook.name == TORCH_NOTEBOOK:
        return
    cells = nbformat.read(notebook, as_version=4).cells
    offending = [
        cell.get("id", i)
        for i, cell in enumerate(cells)
        if cell.cell_type == "code" and "torch" in imported_modules(python_source(cell.source))
    ]
    assert not offending, (
        f"{notebook.name} imports torch in cells {offending}: PyTorch belongs in "
        f"{TORCH_NOTEBOOK}, so that the other notebooks run without it, within 800 MB"
    )
