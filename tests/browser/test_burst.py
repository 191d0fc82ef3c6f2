"""After a burst of slider moves, the figure in the page shows the last one, pixel for pixel.

A quick drag sends the page several frames in a row. ipympl's page code draws only the last
image that has finished loading when a new one arrives (it replaces ``image.src``), so a frame
can be skipped (matplotlib/matplotlib#19116). The test makes such a burst on purpose: a button
moves the slider several times in one kernel call, and the kernel then publishes the figure
as it has drawn it. The page's canvas must show exactly that.
"""

import base64
import io

import harness
import nbformat
import numpy as np
import pytest
from PIL import Image

pytestmark = pytest.mark.browser

SETUP = """\
%matplotlib widget
import base64, io
import ipywidgets as widgets
import numpy as np
from PIL import Image
import lossviz

lossviz.use_style()
"""

FIGURE = """\
x = np.linspace(-3, 3, 401)
fig, ax = lossviz.subplots(figsize=(8, 4))
(line,) = ax.plot(x, x**2, lw=4)
ax.set_ylim(-1, 28)
handle = lossviz.interactive(fig, lambda a: line.set_ydata(a * x**2), {"a": (0.5, 3.0, 1.0)},
                             animated=[line])
truth = widgets.Textarea(layout=widgets.Layout(width="100px"))
truth.add_class("lossviz-truth")
burst = widgets.Button(description="burst")
burst.add_class("lossviz-burst")


bursts = 0


def move_fast(_):
    global bursts
    for a in (1.5, 2.0, 0.7, 2.5, 3.0, 2.2):  # six frames, sent back to back
        handle.set(a=a)
    bursts += 1
    with io.BytesIO() as png:  # what the kernel drew last, as Pillow encodes it
        Image.fromarray(np.asarray(fig.canvas.get_renderer().buffer_rgba())).save(png, "png")
        truth.value = f"{bursts} {base64.b64encode(png.getvalue()).decode()}"


burst.on_click(move_fast)
display(widgets.VBox([handle.widget, widgets.HBox([burst, truth])]))
"""


# The controls go in one output with the explorer: in Voila's progressive rendering a second
# widget output of the same cell sometimes appeared seconds late or not at all (Voila 0.5.13).


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


@pytest.fixture(scope="module")
def burst_notebook(served) -> str:
    path = served / "notebooks" / "burst.ipynb"
    cells = [nbformat.v4.new_code_cell(SETUP), nbformat.v4.new_code_cell(FIGURE)]
    kernel = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel}), path)
    return "notebooks/burst.ipynb"


@pytest.mark.parametrize("view", ["voila", "jupyterlab"])
def test_the_page_shows_the_last_of_a_burst_of_frames(view, burst_notebook, context, request):
    page = context.new_page()
    console = harness.record_console(page)
    server = request.getfixturevalue("voila" if view == "voila" else "lab")
    try:
        if view == "voila":
            harness.start_in_voila(page, server, burst_notebook)
            problems = harness.finish_in_voila(page, 2)
        else:
            harness.start_in_lab(page, server, burst_notebook)
            problems = harness.finish_in_lab(page)
        assert not problems, "\n".join(problems)
        _, canvas = harness.first_explorer(page)
        for round_ in range(3):
            harness.wait_drawn(page, canvas, quiet_ms=500)
            page.locator("button.lossviz-burst").click()
            truth = page.locator(".lossviz-truth textarea").first
            page.wait_for_function(  # this burst's picture, not the last one's
                "([t, n]) => t.value.startsWith(`${n} `)", arg=[truth.element_handle(), round_ + 1]
            )
            harness.wait_drawn(page, canvas, quiet_ms=1000)
            expected = decode(base64.b64decode(truth.input_value().split(" ", 1)[1]))
            shown = decode(base64.b64decode(canvas.evaluate("c => c.toDataURL()").split(",")[1]))
            assert shown.shape == expected.shape
            wrong = np.count_nonzero((shown != expected).any(axis=-1))
            assert wrong == 0, (
                f"burst {round_ + 1}: {wrong} of {shown.shape[0] * shown.shape[1]} pixels in "
                f"the page differ from the kernel's last frame\n"
                f"{harness.canvas_report(canvas)}"
            )
    finally:
        print(*console, sep="\n")
        if view == "voila":
            harness.close_in_voila(page)
        else:
            harness.close_in_lab(page)
