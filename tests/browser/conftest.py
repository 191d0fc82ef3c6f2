"""Session fixtures of the browser tests: Chromium, one JupyterLab server, one Voila server.

Without Chromium the tests are skipped with the reason, except under ``CI=true``, where a
missing browser fails them: CI must run them.
"""

import os
import sys
from pathlib import Path

import pytest

# harness.py is shared with benchmarks/browser.py; pytest's importlib mode does not put this
# folder on sys.path by itself.
sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402
import optional_notebooks  # noqa: E402  (tests/, on pytest's pythonpath)


@pytest.hookimpl(tryfirst=True)  # before the browser and the servers start
def pytest_runtest_setup(item):
    """A notebook that needs an optional extra: skipped without it, failed under CI=true."""
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "notebook" in callspec.params:
        optional_notebooks.require(callspec.params["notebook"])


@pytest.fixture(scope="session")
def browser():
    reason = harness.missing_browser()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"CI=true needs the browser tests to run, but {reason}")
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = harness.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def context(browser):
    context = harness.new_context(browser)
    yield context
    context.close()


@pytest.fixture(scope="session")
def served(browser, tmp_path_factory) -> Path:
    """A copy of notebooks/ for the servers: nothing they do can write into the repository."""
    return harness.copy_notebooks(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="session")
def lab(served, tmp_path_factory):
    with harness.jupyterlab(served, tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def voila(served, tmp_path_factory):
    with harness.voila(served, tmp_path_factory.mktemp("voila")) as server:
        yield server


@pytest.fixture(scope="session")
def opened(request, context):
    """``opened(notebook, view)``: the page of `notebook` in `view`, "jupyterlab" or "voila",
    and the list of the page's console errors (a test prints them: pytest shows them if it fails).

    Asked for a notebook, this starts it in both views at once (of those the tests selected):
    the two kernels run side by side, one a core, which takes a third off the tests' time.
    (Three at once, the next notebook's Voila page too, gained little more, and Voila's widget
    manager, which waits 4 s for the kernel's widget states, then sometimes lost the race.)
    """
    selected = set()  # (notebook, view) of the notebook tests selected
    for item in request.session.items:
        params = item.callspec.params if hasattr(item, "callspec") else {}
        if item.get_closest_marker("browser") and "notebook" in params:
            selected.add((params["notebook"], item.originalname.removeprefix("test_")))
    pages = {}

    def start(notebook: Path, view: str) -> None:
        page = context.new_page()
        pages[notebook, view] = page, harness.record_console(page)
        path = f"notebooks/{notebook.name}"
        if view == "voila":
            harness.start_in_voila(page, request.getfixturevalue("voila"), path)
        else:
            harness.start_in_lab(page, request.getfixturevalue("lab"), path)

    def open_page(notebook: Path, view: str):
        for other in ("voila", "jupyterlab"):  # Voila first: starting it does not wait
            wanted = other == view or (notebook, other) in selected
            if wanted and (notebook, other) not in pages:
                start(notebook, other)
        return pages[notebook, view]

    yield open_page
    for page, _ in pages.values():
        if not page.is_closed():
            page.close()
