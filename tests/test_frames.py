"""Fast frames under ipympl: the same pixels as Matplotlib's own encoder, several times faster.

lossviz.frames mirrors FigureCanvasWebAggCore.get_diff_image and reads its private frame state:
these tests fail when Matplotlib changes that method, so the mirror is reviewed then.
"""

import hashlib
import inspect
import io

import numpy as np
from matplotlib.backends.backend_webagg_core import FigureCanvasWebAggCore
from PIL import Image
from test_blitting import parabola_handle

from lossviz import frames

# The source of Matplotlib's method that lossviz.frames.diff_image mirrors (Matplotlib 3.10-3.11).
MIRRORED_SHA256 = "f3e5c874e24f9d0331af79387c4c4802031854084516c4e88fbdd4fe39cc2abd"


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def test_matplotlibs_get_diff_image_is_the_one_mirrored():
    source = inspect.getsource(FigureCanvasWebAggCore.get_diff_image)
    assert hashlib.sha256(source.encode()).hexdigest() == MIRRORED_SHA256, (
        "Matplotlib changed FigureCanvasWebAggCore.get_diff_image: review "
        "lossviz.frames.diff_image against it, then update MIRRORED_SHA256"
    )


def test_png_round_trips_any_rgba_image():
    rgba = np.random.default_rng(0).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    assert np.array_equal(decode(frames.png(rgba)), rgba)


def frames_of(handle, canvas, fast: bool) -> list[tuple[str, np.ndarray]]:
    """The (image mode, pixels) of a full draw and three slider moves."""
    if not fast:
        del canvas.get_diff_image  # back to Matplotlib's own method
    sent = []
    canvas.send_binary = lambda data: sent.append((canvas._current_image_mode, decode(data)))
    canvas.draw()
    for a in (1.5, 2.0, 2.5):
        handle.sliders["a"].value = a
    return sent


def test_fast_frames_are_matplotlibs_frames_pixel_for_pixel():
    ours, theirs = frames_of(*parabola_handle(), True), frames_of(*parabola_handle(), False)
    assert [mode for mode, _ in ours] == ["full", "diff", "diff", "diff"]
    assert [mode for mode, _ in theirs] == [mode for mode, _ in ours]
    for (_, a), (_, b) in zip(ours, theirs, strict=True):
        np.testing.assert_array_equal(a, b)


def test_an_explorer_under_ipympl_sends_fast_frames():
    handle, canvas = parabola_handle()
    assert canvas.get_diff_image.__func__ is frames.diff_image
