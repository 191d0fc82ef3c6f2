"""How long a slider move takes to redraw, in the kernel: the explorer against a full rebuild.

Both cases draw the same two-panel figure with three curves a panel (loss and gradient of MSE,
Huber and quantile on 401 points), in the lecture style, and both end with the PNG a browser
is sent:

- ``explorer_update_ms``: lossviz's explorer under ipympl. A move sets the slider, which
  updates the six existing lines and blits them: the cached background restored, the six
  lines drawn over it, and the PNG of the whole figure sent to the browser (``lossviz.frames``:
  no row filter, zlib level 1), all before the slider assignment returns.
- ``explorer_update_ms[matplotlib_png]``: the same, with the frames Matplotlib makes itself:
  the changed pixels only, as Pillow's PNG at zlib level 6.
- ``rebuild_update_ms``: what ``ipywidgets.interact`` does with the inline backend: a new
  figure built, rendered to PNG (as the inline backend does, ``bbox_inches="tight"``), closed.

Prints the median over 60 moves of each, one figure a line: ``name value unit``.
"""

from __future__ import annotations

import io
import statistics
import time

import matplotlib

matplotlib.use("module://ipympl.backend_nbagg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import lossviz  # noqa: E402

MOVES = np.round(np.linspace(0.2, 2.8, 60), 2)  # on the slider's grid of 0.02
RESIDUAL = np.linspace(-3, 3, 401)


def _losses():
    def mse(y_true, y_pred):
        return (y_pred - y_true) ** 2

    def huber(y_true, y_pred, *, delta=1.0):
        r = np.abs(y_pred - y_true)
        return np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))

    def quantile(y_true, y_pred, *, delta=1.0):  # q = delta / 3, so that one slider moves all
        q, r = delta / 3, y_true - y_pred
        return np.maximum(q * r, (q - 1) * r)

    def mse_grad(y_true, y_pred):
        return 2 * (y_pred - y_true)

    def huber_grad(y_true, y_pred, *, delta=1.0):
        return np.clip(y_pred - y_true, -delta, delta)

    def quantile_grad(y_true, y_pred, *, delta=1.0):
        return np.where(y_true > y_pred, -delta / 3, 1 - delta / 3)

    losses = {"MSE": mse, "Huber": huber, "quantile": quantile}
    grads = {"MSE": mse_grad, "Huber": huber_grad, "quantile": quantile_grad}
    return losses, grads


def explorer_update_ms(*, lossviz_frames: bool = True) -> float:
    losses, grads = _losses()
    handle = lossviz.explore(losses, grads, params={"delta": (0.1, 3.0, 1.0)})
    canvas = handle.fig.canvas
    if not lossviz_frames:  # the frames as Matplotlib makes them (diffs, Pillow, zlib level 6)
        del canvas.get_diff_image
    canvas.syncing_data_url = False  # as once a browser shows the figure: it gets diffs only
    canvas.draw()  # the first, full frame, as the browser asks for when it shows the figure
    assert handle._background is not None, "the explorer is not blitting"
    times = []
    for delta in MOVES:
        start = time.perf_counter()
        handle.sliders["delta"].value = float(delta)  # redraws and sends before it returns
        times.append(time.perf_counter() - start)
    plt.close(handle.fig)
    return 1e3 * statistics.median(times)


def rebuild_update_ms() -> float:
    losses, grads = _losses()
    y_true = np.zeros_like(RESIDUAL)
    times = []
    with plt.ioff():
        for delta in MOVES:
            start = time.perf_counter()
            fig, (ax_loss, ax_grad) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
            for name, loss in losses.items():
                kwargs = {} if name == "MSE" else {"delta": delta}
                ax_loss.plot(RESIDUAL, loss(y_true, RESIDUAL, **kwargs), label=name)
                ax_grad.plot(RESIDUAL, grads[name](y_true, RESIDUAL, **kwargs), label=name)
            ax_loss.legend(loc="upper center")
            ax_loss.set(xlabel="residual", ylabel="loss")
            ax_grad.set(xlabel="residual", ylabel="gradient")
            with io.BytesIO() as png:
                fig.savefig(png, format="png", bbox_inches="tight")
            plt.close(fig)
            times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def main() -> None:
    lossviz.use_style()
    explorer = explorer_update_ms()
    matplotlib_frames = explorer_update_ms(lossviz_frames=False)
    rebuild = rebuild_update_ms()
    print(f"explorer_update_ms {explorer:.1f} ms", flush=True)
    print(f"explorer_update_ms[matplotlib_png] {matplotlib_frames:.1f} ms", flush=True)
    print(f"matplotlib_png_over_lossviz {matplotlib_frames / explorer:.1f} x", flush=True)
    print(f"rebuild_update_ms {rebuild:.1f} ms", flush=True)
    print(f"rebuild_over_explorer {rebuild / explorer:.1f} x", flush=True)


if __name__ == "__main__":
    main()
