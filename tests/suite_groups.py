"""A pytest plugin that lets ``make test`` use every core: tests that share a kernel stay together.

With pytest-xdist (``--dist=loadscope``) the suite is spread over worker processes by scope: a
scope's tests run in one worker, in order. This plugin chooses the scopes. The cells of a
notebook share one kernel, so each notebook is a scope; both browser views of a notebook are
started at once and checked one after the other, so they are a scope too; other tests are
grouped by module, as loadscope does.

xdist's own ``--dist=loadgroup`` with ``xdist_group`` marks would say the same, but it silently
stops grouping on pytest 9.2 (pytest-dev/pytest-xdist#1386, open), so the scopes are read from
the node ids here instead.
"""

from __future__ import annotations

import re

# tests/browser/test_notebooks.py::test_voila[01_regression] -> browser 01_regression
BROWSER_TEST = re.compile(r"^tests/browser/test_notebooks\.py::test_\w+\[(?P<notebook>[^\]]+)\]$")
NOTEBOOK_CELL = re.compile(r"^(?P<notebook>notebooks/[^:]+\.ipynb)::Cell \d+$")


def scope_of(nodeid: str) -> str:
    """The scope of a test: its notebook for notebook cells and browser views, else its module.

    >>> scope_of("notebooks/01_regression.ipynb::Cell 12")
    'notebooks/01_regression.ipynb'
    >>> scope_of("tests/browser/test_notebooks.py::test_voila[01_regression]")
    'browser 01_regression'
    >>> scope_of("tests/test_controls.py::test_reset_restores_the_start_and_redraws")
    'tests/test_controls.py'
    """
    if match := NOTEBOOK_CELL.match(nodeid):
        return match["notebook"]
    if match := BROWSER_TEST.match(nodeid):
        return f"browser {match['notebook']}"
    return nodeid.split("::", 1)[0]


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class NotebookScopes(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid)

    return NotebookScopes(config, log)
