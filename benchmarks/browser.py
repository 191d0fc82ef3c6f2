"""Slider latency in a real browser: from a key press on an explorer's slider to the new figure
image in the page.

Starts Voila and JupyterLab on a copy of the notebooks (as the browser tests do, with Debian's
Chromium), opens ``01_regression`` (``00_index`` if it is missing), runs it, focuses the first
explorer slider (in 01_regression, Huber's ``delta``: three losses and their gradients) and
presses an arrow key ``MOVES`` times, waiting for each new image to be drawn and the page to
settle before the next press. A move's latency runs from the keydown event to the
``drawImage`` that puts ipympl's new image on the figure's canvas.

Prints one figure a line, ``name value unit``: the median and 90th percentile in Voila's
lecture view (``browser_update_ms_p50``, ``browser_update_ms_p90``), the same in JupyterLab,
and, in JupyterLab, where the median move spends its time:

- ``browser_send_ms``: key press to the slider's message leaving the page (noUiSlider, the
  widget model, the comm);
- ``browser_kernel_ms``: in the kernel, the explorer's update, the blit and the PNG encoding;
- ``browser_transport_ms``: the rest of the way to the PNG arriving in the page: websocket
  both ways, the Jupyter server, the kernel's message loop;
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

# Timestamps the page keeps: key presses, messages sent on websockets, PNG images received.
PAGE_TIMES = """
(() => {
  const times = window.lossvizTimes = {keys: [], sends: [], images: []};
  window.addEventListener('keydown', event => times.keys.push(event.timeStamp), true);
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    times.sends.push(performance.now());
    return send.call(this, data);
  };
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    if (blob.type === 'image/png') times.images.push(performance.now());
    return createObjectURL.call(this, blob);
  };
})();
"""

# Run in the kernel: every explorer records, for each move, when its update starts and when
# its PNG has been sent (kernel-side milliseconds).
KERNEL_TIMES = """
import gc as _gc, time as _time, lossviz as _lossviz
_lossviz_moves = []
def _lossviz_time(handle):
    update, canvas = handle.update, handle.fig.canvas
    send_binary = canvas.send_binary
    def timed_update(**values):
        _lossviz_moves.append([_time.perf_counter(), None])
        return update(**values)
    def timed_send_binary(data):
        send_binary(data)
        if _lossviz_moves and _lossviz_moves[-1][1] is None:
            _lossviz_moves[-1][1] = _time.perf_counter()
    handle.update, canvas.send_binary = timed_update, timed_send_binary
for _handle in _gc.get_objects():
    if isinstance(_handle, _lossviz.Interactive):
        _lossviz_time(_handle)
"""

KERNEL_REPORT = "import json; print(json.dumps([1000 * (b - a) for a, b in _lossviz_moves if b]))"

# Runs `code` in the notebook's kernel from JupyterLab's page; returns what it printed.
LAB_EXECUTE = """
async (code) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  let printed = '';
  const future = kernel.requestExecute({code, store_history: false});
  future.onIOPub = msg => { if (msg.header.msg_type === 'stream') printed += msg.content.text; };
  await future.done;
  return printed;
}
"""


def notebook() -> str:
    for name in ("01_regression", "00_index"):
        if (ROOT / "notebooks" / f"{name}.ipynb").exists():
            return name
    raise SystemExit("benchmarks/browser.py needs notebooks/01_regression.ipynb or 00_index.ipynb")


def move(page, handle, canvas) -> dict[str, float]:
    """Press an arrow key on the slider once; the page's timestamps of that move."""
    harness.wait_drawn(page, canvas, quiet_ms=200)
    draws = canvas.evaluate("canvas => canvas.lossvizDraws")
    counts = page.evaluate("() => [lossvizTimes.sends.length, lossvizTimes.images.length]")
    harness.press_arrow(page, handle)
    page.wait_for_function("([canvas, draws]) => canvas.lossvizDraws > draws",
                           arg=[canvas.element_handle(), draws], timeout=20_000, polling="raf")
    harness.wait_drawn(page, canvas, quiet_ms=200)
    return page.evaluate(
        """([canvas, [sends, images]]) => ({
             key: lossvizTimes.keys.at(-1),
             sent: lossvizTimes.sends[sends],
             image: lossvizTimes.images[images],
             drawn: canvas.lossvizDrawnAt,
           })""",
        [canvas.element_handle(), counts],
    )


def moves(page) -> list[dict[str, float]]:
    handle, canvas = harness.first_explorer(page)
    return [move(page, handle, canvas) for _ in range(MOVES)]


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def report(name: str, values: list[float], q: int = 50) -> None:
    print(f"{name} {percentile(values, q):.0f} ms", flush=True)


def check(problems: list[str]) -> None:
    if problems:
        raise SystemExit("benchmarks/browser.py: the notebook failed:\n" + "\n".join(problems))


def main() -> None:
    reason = harness.missing_browser()
    if reason:
        raise SystemExit(f"benchmarks/browser.py: {reason}")
    from playwright.sync_api import sync_playwright

    path = f"notebooks/{notebook()}.ipynb"
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        served = harness.copy_notebooks(Path(tmp) / "served")
        browser = harness.launch(playwright)
        context = harness.new_context(browser)
        context.add_init_script(PAGE_TIMES)

        with harness.voila(served, Path(tmp) / "voila") as voila:
            page = context.new_page()
            harness.start_in_voila(page, voila, path)
            check(harness.finish_in_voila(page, len(nbformat.read(served / path, 4).cells)))
            voila_moves = moves(page)
            harness.close_in_voila(page)
        latency = [m["drawn"] - m["key"] for m in voila_moves]
        report("browser_update_ms_p50", latency)
        report("browser_update_ms_p90", latency, 90)

        with harness.jupyterlab(served, Path(tmp) / "jupyterlab") as lab:
            page = context.new_page()
            harness.start_in_lab(page, lab, path)
            check(harness.finish_in_lab(page))
            page.evaluate(LAB_EXECUTE, KERNEL_TIMES)
            lab_moves = moves(page)
            kernel = json.loads(page.evaluate(LAB_EXECUTE, KERNEL_REPORT))
            harness.close_in_lab(page)
        browser.close()

    latency = [m["drawn"] - m["key"] for m in lab_moves]
    report("browser_update_ms_p50[jupyterlab]", latency)
    report("browser_update_ms_p90[jupyterlab]", latency, 90)
    report("browser_send_ms", [m["sent"] - m["key"] for m in lab_moves])
    report("browser_kernel_ms", kernel)
    transport = statistics.median([m["image"] - m["sent"] for m in lab_moves])
    print(f"browser_transport_ms {transport - statistics.median(kernel):.0f} ms", flush=True)
    report("browser_paint_ms", [m["drawn"] - m["image"] for m in lab_moves])


if __name__ == "__main__":
    main()
