"""Every notebook, in a real browser, as a learner and a lecturer use it.

In JupyterLab and in Voila's lecture view: the notebook runs top to bottom without an error,
its first explorer's slider moves with the keyboard, and the figure image in the page changes.
"""

from pathlib import Path

import harness
import nbformat
import pytest

NOTEBOOKS = sorted((harness.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem),
]


def check(page, problems: list[str]) -> None:
    """No problem in the run; the first explorer's slider, moved, changes the figure."""
    assert not problems, "\n".join(problems)
    try:
        handle, canvas = harness.first_explorer(page)
        width = canvas.bounding_box()["width"]
        assert width >= 500, f"the figure is {width:.0f} px wide: too small for a lecture hall"
        before, after = harness.press_and_see_change(page, handle, canvas)
        assert after != before, f"the slider did not move from {before}"
    finally:  # a widget that failed to display explains any failure above
        broken = harness.widget_errors(page)
        assert not broken, "\n".join(broken)


def test_jupyterlab(notebook: Path, opened):
    page, console = opened(notebook, "jupyterlab")
    try:
        check(page, harness.finish_in_lab(page))
    finally:
        print(*console, sep="\n")
        harness.close_in_lab(page)


def test_voila(notebook: Path, opened):
    page, console = opened(notebook, "voila")
    try:
        n_cells = len(nbformat.read(notebook, as_version=4).cells)
        check(page, harness.finish_in_voila(page, n_cells))
    finally:
        print(*console, sep="\n")
        harness.close_in_voila(page)
