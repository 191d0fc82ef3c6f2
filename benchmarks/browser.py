"""Slider latency in a real browser: from a key press on an explorer's slider to the new figure
image in the page, with the frames lossviz sends and, in the same run, with today's frames as
Matplotlib encodes them.

Starts Voila and JupyterLab on a copy of the notebooks (as the browser tests do, with Debian's
Chromium), opens ``01_regression`` (``00_index`` if it is missing), runs it, focuses the first
explorer slider (in 01_regression, Huber's ``delta``: three losses and their gradients) and
presses an arrow key ``MOVES`` times, waiting for each new image to be drawn and the page to
settle before the next press. A move's latency runs from the keydown event to the
``drawImage`` that puts ipympl's new image on the figure's canvas.

Each view is measured twice in one run: as lossviz draws (``lossviz.frames``: every frame the
whole figure, a PNG without row filter at zlib level 1) and with ``[matplotlib_png]``, the frames
Matplotlib makes itself (the changed pixels only, Pillow's PNG at zlib level 6), the path before
lossviz.frames: a cell added to the served copy of the notebook turns lossviz's frames off.

Prints one figure a line, ``name value unit``: the median and 90th percentile in Voila's
lecture view (``browser_update_ms_p50``, ``browser_update_ms_p90``) and in JupyterLab
(``...[jupyterlab]``), and where the median move spends its time, from timestamps taken in the
page and in the kernel (one clock: both run on this machine):

- ``browser_send_ms``: key press to the slider's message leaving the page (noUiSlider, the
  widget model, the comm);
- ``browser_inbound_ms``: that message on its way to the kernel: websocket, Jupyter server,
  ZeroMQ, the kernel's message loop, ipywidgets setting the value;
- ``browser_kernel_ms``: in the kernel, the explorer's update, the blit, the PNG encoding and
  sending it;
- ``browser_outbound_ms``: the PNG on its way to the page, through the page's message handling;
- ``browser_paint_ms``: PNG arriving to it being drawn: decoding the image, ipympl's own
  handling (it re-encodes its canvas with toDataURL on every image), the drawImage.

Usage: python benchmarks/browser.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))  # the browser tests' harness

import harness  # noqa: E402

MOVES = 40

# Timestamps the page keeps, in milliseconds since the epoch (the kernel's clock too): key
# presses, messages sent on websockets, PNG images received.
PAGE_TIMES = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const times = window.lossvizTimes = {keys: [], sends: [], images: []};
  window.addEventListener('keydown', e => times.keys.push(performance.timeOrigin + e.timeStamp),
                          true);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    times.sends.push(now());
    return send.call(this, data);
  };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    if (blob.type === 'image/png') times.images.push(now());
    return createObjectURL.call(this, blob);
  };
})();
"""

# Added to the served copy's end: for each message to a slider, the kernel writes when it
# arrived, when an explorer's update started, and when its PNG had been sent (ms since the
# epoch), one JSON line a message, to the file TIMES_PATH.
KERNEL_TIMES = """
import gc, json, time
import lossviz

def _lossviz_times(path=TIMES_PATH):
    move = {}

    def timed(handle):
        update, canvas = handle.update, handle.fig.canvas
        send_binary = canvas.send_binary

        def timed_update(**values):
            move.setdefault("update", 1000 * time.time())
            return update(**values)

        def timed_send_binary(data):
            send_binary(data)
            move.setdefault("sent", 1000 * time.time())

        def timed_handle_msg(slider, msg):
            move.clear()
            move["received"] = 1000 * time.time()
            move["frames"] = canvas.get_diff_image.__name__  # whose frames: checked
            slider._handle_msg(msg)
            if "sent" in move:
                with open(path, "a") as out:
                    out.write(json.dumps(move) + "\\n")

        handle.update, canvas.send_binary = timed_update, timed_send_binary
        for slider in handle.sliders.values():
            slider.comm.on_msg(lambda msg, slider=slider: timed_handle_msg(slider, msg))

    for handle in gc.get_objects():
        if isinstance(handle, lossviz.Interactive):
            timed(handle)

_lossviz_times()
"""

# Added after the served copy's Setup cell for the [matplotlib_png] runs: the frames as
# Matplotlib makes them, as before lossviz.frames.
# (lossviz.interactive names the function there: the module is looked up.)
MATPLOTLIB_FRAMES = """
import importlib
importlib.import_module("lossviz.interactive").use_whole_frames = lambda canvas: None
"""

MODES = {"": None, "matplotlib_png": MATPLOTLIB_FRAMES}
FRAMES = {"": "whole_frame", "matplotlib_png": "get_diff_image"}  # the method each mode sends by


def notebook() -> str:
    for name in ("01_regression", "00_index"):
        if (ROOT / "notebooks" / f"{name}.ipynb").exists():
            return name
    raise SystemExit("benchmarks/browser.py needs notebooks/01_regression.ipynb or 00_index.ipynb")


def instrument(path: Path, before: str | None, times: Path) -> None:
    """Add the timing cell, writing to `times`, at the end of the served copy, and `before`
    after its Setup cell."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(KERNEL_TIMES.replace("TIMES_PATH", repr(str(times)))))
    if before:
        setup = next(i for i, cell in enumerate(nb.cells) if cell.cell_type == "code")
        nb.cells.insert(setup + 1, nbformat.v4.new_code_cell(before))
    nbformat.write(nb, path)


def move(page, handle, canvas) -> dict[str, float]:
    """Press an arrow key on the slider once; the page's timestamps of that move.

    `handle` and `canvas` are element handles, found once before the moves: from the key press
    to the new image nothing asks Playwright to find an element. Finding one runs Playwright's
    selector engine on the page's main thread, where the move's messages and paint wait behind
    it: in JupyterLab's large page, about 32 ms a move (a CDP profile of the page), which the
    move would be charged for and a person pressing the key never pays.
    """
    harness.wait_drawn(page, canvas, quiet_ms=200)
    draws = canvas.evaluate("canvas => canvas.lossvizDraws")
    counts = page.evaluate("() => [lossvizTimes.sends.length, lossvizTimes.images.length]")
    harness.press_arrow(page, handle)
    page.wait_for_function(
        "([canvas, draws]) => canvas.lossvizDraws > draws",
        arg=[canvas, draws],
        timeout=20_000,
        polling="raf",
    )
    harness.wait_drawn(page, canvas, quiet_ms=200)
    return page.evaluate(
        """([canvas, [sends, images]]) => ({
             key: lossvizTimes.keys.at(-1),
             sent: lossvizTimes.sends[sends],
             image: lossvizTimes.images[images],
             drawn: performance.timeOrigin + canvas.lossvizDrawnAt,
           })""",
        [canvas, counts],
    )


def moves(page) -> list[dict[str, float]]:
    handle, canvas = harness.first_explorer(page)
    handle, canvas = handle.element_handle(), canvas.element_handle()
    return [move(page, handle, canvas) for _ in range(MOVES)]


def median(values) -> float:
    return statistics.median(values)


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def check(problems: list[str]) -> None:
    if problems:
        raise SystemExit("benchmarks/browser.py: the notebook failed:\n" + "\n".join(problems))


def report(view: str, mode: str, page_moves: list[dict], kernel_moves: list[dict]) -> None:
    """Print the percentiles of one view in one mode, and where its median move goes."""
    tag = ",".join(t for t in (view, mode) if t)
    tag = f"[{tag}]" if tag else ""
    latency = [m["drawn"] - m["key"] for m in page_moves]
    print(f"browser_update_ms_p50{tag} {percentile(latency, 50):.0f} ms", flush=True)
    print(f"browser_update_ms_p90{tag} {percentile(latency, 90):.0f} ms", flush=True)
    moves_ = list(zip(page_moves, kernel_moves[-len(page_moves) :], strict=True))
    split = {
        "send": [p["sent"] - p["key"] for p, _ in moves_],
        "inbound": [k["update"] - p["sent"] for p, k in moves_],
        "kernel": [k["sent"] - k["update"] for _, k in moves_],
        "outbound": [p["image"] - k["sent"] for p, k in moves_],
        "paint": [p["drawn"] - p["image"] for p, _ in moves_],
    }
    for part, values in split.items():
        print(f"browser_{part}_ms{tag} {median(values):.0f} ms", flush=True)


def measure(context, served: Path, path: str, view: str, times: Path) -> tuple[list, list]:
    """Run the notebook in `view` and move its first explorer's slider: page and kernel times."""
    times.unlink(missing_ok=True)
    start, finish, close = {
        "voila": (
            harness.start_in_voila,
            lambda page: harness.finish_in_voila(page, len(nbformat.read(served / path, 4).cells)),
            harness.close_in_voila,
        ),
        "jupyterlab": (harness.start_in_lab, harness.finish_in_lab, harness.close_in_lab),
    }[view]
    server = harness.voila if view == "voila" else harness.jupyterlab
    with server(served, times.parent / view) as running:
        page = context.new_page()
        start(page, running, path)
        check(finish(page))
        page_moves = moves(page)
        close(page)
    kernel_moves = [json.loads(line) for line in times.read_text().splitlines()]
    return page_moves, kernel_moves


def main() -> None:
    reason = harness.missing_browser()
    if reason:
        raise SystemExit(f"benchmarks/browser.py: {reason}")
    from playwright.sync_api import sync_playwright

    path = f"notebooks/{notebook()}.ipynb"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = harness.launch(playwright)
        context = harness.new_context(browser)
        context.add_init_script(PAGE_TIMES)
        for mode, before in MODES.items():
            served = harness.copy_notebooks(Path(tmp) / f"served-{mode or 'lossviz'}")
            times = Path(tmp) / f"kernel-{mode}.jsonl"
            instrument(served / path, before, times)
            for view in ("voila", "jupyterlab"):
                page_moves, kernel_moves = measure(context, served, path, view, times)
                used, wanted = {move["frames"] for move in kernel_moves}, FRAMES[mode]
                if used != {wanted}:
                    raise SystemExit(f"[{mode or 'lossviz'}] frames sent by {used}, not {wanted}")
                report("" if view == "voila" else view, mode, page_moves, kernel_moves)
        browser.close()


if __name__ == "__main__":
    main()
