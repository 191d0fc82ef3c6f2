"""In a JupyterLab that sends widget messages to a kernel subshell, lossviz still draws its figures
on the kernel's main thread only.

JupyterLab's own default ("Comms over subshells": per comm target) is what a JupyterHub at a
university would have; the collection turns it off (binder/overrides.json), and this test turns
it on again for its own page. The kernel notes which thread handled each widget message and
which thread drew each figure: the messages must have reached a subshell (or the test proved
nothing), and every drawing must have happened on the main thread (lossviz/threads.py).
"""

import json

import harness
import nbformat
import pytest

pytestmark = pytest.mark.browser

# Before any widget exists: note the thread of every widget message and of every drawing.
SETUP = """\
%matplotlib widget
import json, threading
import ipywidgets as widgets
import numpy as np
from matplotlib.figure import Figure
import lossviz

handled_on, drawn_on = set(), set()


def noting(method, threads):
    def noted(*args, **kwargs):
        threads.add(threading.current_thread().name)
        return method(*args, **kwargs)
    return noted


widgets.Widget._handle_msg = noting(widgets.Widget._handle_msg, handled_on)
Figure.draw = noting(Figure.draw, drawn_on)
Figure.draw_artist = noting(Figure.draw_artist, drawn_on)
lossviz.use_style()
"""

FIGURE = """\
x = np.linspace(-3, 3, 401)
fig, ax = lossviz.subplots(figsize=(8, 4))
(line,) = ax.plot(x, x**2, lw=4)
ax.set_ylim(-1, 28)
lossviz.interactive(fig, lambda a: line.set_ydata(a * x**2), {"a": (0.5, 3.0, 1.0)},
                    animated=[line])
"""

THREADS = "print(json.dumps({'handled': sorted(handled_on), 'drawn': sorted(drawn_on)}))"


@pytest.fixture(scope="module")
def subshells_notebook(served) -> str:
    path = served / "notebooks" / "subshells.ipynb"
    cells = [nbformat.v4.new_code_cell(SETUP), nbformat.v4.new_code_cell(FIGURE)]
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel}), path)
    return "notebooks/subshells.ipynb"


def test_figures_are_drawn_on_the_main_thread_when_comms_go_to_a_subshell(
    subshells_notebook, lab, context
):
    page = context.new_page()
    console = harness.record_console(page)
    try:
        harness.start_in_lab(page, lab, subshells_notebook, comms_over_subshells="perCommTarget")
        problems = harness.finish_in_lab(page)
        assert not problems, "\n".join(problems)
        handle, canvas = harness.first_explorer(page)
        for _ in range(4):  # each move is a message the subshell receives
            harness.press_and_see_change(page, handle, canvas)
        threads = json.loads(page.evaluate(harness.LAB_EXECUTE, [THREADS, 20_000]))
        assert any(name.startswith("subshell") for name in threads["handled"]), (
            f"no widget message reached a subshell, so this test proves nothing: {threads}"
        )
        assert threads["drawn"] == ["MainThread"], f"a figure drawn off the main thread: {threads}"
    finally:
        print(*console, sep="\n")
        harness.close_in_lab(page)
