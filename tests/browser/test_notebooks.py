"""Every notebook, in a real browser, as a learner and a lecturer use it.

In JupyterLab and in Voila's lecture view: the notebook runs top to bottom without an error,
every widget is displayed, every explorer's slider moves with the keyboard and its figure image
changes, and the controls' text is as large as the figure's tick labels. In JupyterLab, no
widget message went to a kernel subshell (the collection's settings turn them off).
"""

from pathlib import Path

import harness
import nbformat
import pytest

from lossviz.style import LECTURE_STYLE

# The figures' tick labels in CSS pixels: points at the lecture style's 100 dots per inch.
TICK_LABEL_PX = LECTURE_STYLE["xtick.labelsize"] * LECTURE_STYLE["figure.dpi"] / 72

NOTEBOOKS = sorted((harness.ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem),
]


def check(page, problems: list[str]) -> None:
    """No problem in the run; each explorer's slider, moved, changes its figure; the controls
    are readable from the back of a room."""
    assert not problems, "\n".join(problems)
    try:
        for number, explorer in enumerate(harness.explorers(page), start=1):
            try:
                handle, canvas = harness.show_explorer(page, explorer)
            except AssertionError as error:
                raise AssertionError(f"explorer {number}: {error}") from None
            width = canvas.bounding_box()["width"]
            assert width >= 500, f"explorer {number}'s figure is {width:.0f} px wide: too small"
            label = explorer.locator(".lossviz-control .widget-label").first
            assert harness.font_px(label) >= TICK_LABEL_PX, (
                f"explorer {number}'s slider label is {harness.font_px(label):.0f} px, smaller "
                f"than the figure's tick labels ({TICK_LABEL_PX:.0f} px)"
            )
            try:
                before, after = harness.press_and_see_change(page, handle, canvas)
            except AssertionError as error:
                raise AssertionError(f"explorer {number}: {error}") from None
            assert after != before, f"explorer {number}'s slider did not move from {before}"
    finally:  # a widget that failed to display explains any failure above
        broken = harness.widget_errors(page)
        assert not broken, "\n".join(broken)


def with_server_log(server, error: AssertionError) -> AssertionError:
    """The failure, with the end of the server's log: the kernel's own errors go there."""
    return AssertionError(f"{error}\nserver log:\n{server.log_tail(40)}")


def test_jupyterlab(notebook: Path, opened, lab):
    page, console = opened(notebook, "jupyterlab")
    try:
        check(page, harness.finish_in_lab(page))
        subshells = harness.lab_subshells(page)
        assert not subshells, (
            f"JupyterLab ran the widgets' messages on kernel subshells {subshells}, threads "
            f"beside the main one: is binder/overrides.json (commsOverSubshells) installed?"
        )
    except AssertionError as error:
        raise with_server_log(lab, error) from None
    finally:
        print(*console, sep="\n")
        harness.close_in_lab(page)


def test_voila(notebook: Path, opened, voila):
    page, console = opened(notebook, "voila")
    try:
        n_cells = len(nbformat.read(notebook, as_version=4).cells)
        check(page, harness.finish_in_voila(page, n_cells))
    except AssertionError as error:
        raise with_server_log(voila, error) from None
    finally:
        print(*console, sep="\n")
        harness.close_in_voila(page)
