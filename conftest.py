"""Notebooks that need an optional extra (tests/optional_notebooks.py): each of their cells is
skipped with the reason where the extra is missing, and fails under CI=true."""

import pytest
from optional_notebooks import require  # tests/ is on pytest's pythonpath (pyproject.toml)


@pytest.hookimpl(tryfirst=True)  # before nbval starts the notebook's kernel
def pytest_runtest_setup(item):
    if item.path.suffix == ".ipynb" and hasattr(item, "cell"):  # a notebook's cell, run by nbval
        require(item.path)
