"""Notebooks that need an optional extra: skipped with the reason where it is missing, failed in CI.

Without the extra, a test of such a notebook is skipped with a reason that says how to install
it, never passed in silence; under ``CI=true`` a missing extra is a failure instead, since CI
installs every extra (``.ci/run``). The root ``conftest.py`` applies this to the notebooks' own
cells (nbval), ``tests/browser/conftest.py`` to their browser tests.

>>> missing_requirement(Path("notebooks/01_regression.ipynb")) is None
True
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

#: Notebook name -> (module it imports, what to install and how, for the skip reason).
REQUIRES = {
    "08_pytorch": (
        "torch",
        "PyTorch, the optional extra [torch]: pip install torch --index-url "
        "https://download.pytorch.org/whl/cpu (the CPU build; the default Linux wheel pulls "
        "about 3 GB of CUDA libraries), then pip install -e '.[torch]' (README.md)",
    ),
}


def missing_requirement(notebook: Path | str, requires: dict | None = None) -> str | None:
    """Why `notebook` cannot run here (a module it needs is not installed), or None if it can.

    `requires` maps notebook names to (module, how to install it); :data:`REQUIRES` by default.

    >>> missing_requirement("notebooks/08_pytorch.ipynb", {"08_pytorch": ("no_such_module", "X")})
    '08_pytorch.ipynb needs no_such_module, which is not installed. Install X'
    """
    notebook, requires = Path(notebook), REQUIRES if requires is None else requires
    if notebook.stem not in requires:
        return None
    module, install = requires[notebook.stem]
    if importlib.util.find_spec(module) is not None:
        return None
    return f"{notebook.name} needs {module}, which is not installed. Install {install}"


def require(notebook: Path | str) -> None:
    """Skip the running test if `notebook` needs a missing module; under ``CI=true``, fail it."""
    reason = missing_requirement(notebook)
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs every notebook to run, but {reason}", pytrace=False)
    pytest.skip(reason)
