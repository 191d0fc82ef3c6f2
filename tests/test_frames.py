"""Whole frames under ipympl: every frame is the whole figure, the pixels Matplotlib's own frames
add up to, so a frame the page loses cannot leave the figure wrong.

lossviz.frames replaces FigureCanvasWebAggCore.get_diff_image and keeps its private frame state:
these tests fail when Matplotlib changes that method, so the replacement is reviewed then.
"""

import hashlib
import inspect
import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_webagg_core import FigureCanvasWebAggCore
from PIL import Image
from test_blitting import ipympl_figure, parabola_handle

import lossviz
from lossviz import frames

# The source of Matplotlib's method that lossviz.frames.whole_frame replaces (Matplotlib 3.10-3.11).
REPLACED_SHA256 = "f3e5c874e24f9d0331af79387c4c4802031854084516c4e88fbdd4fe39cc2abd"

MOVES = (1.5, 2.0, 0.7, 2.5)


def decode(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


def test_matplotlibs_get_diff_image_is_the_one_replaced():
    source = inspect.getsource(FigureCanvasWebAggCore.get_diff_image)
    assert hashlib.sha256(source.encode()).hexdigest() == REPLACED_SHA256, (
        "Matplotlib changed FigureCanvasWebAggCore.get_diff_image: review "
        "lossviz.frames.whole_frame against it, then update REPLACED_SHA256"
    )


def test_png_round_trips_any_rgba_image():
    rgba = np.random.default_rng(0).integers(0, 256, (7, 5, 4), dtype=np.uint8)
    assert np.array_equal(decode(frames.png(rgba)), rgba)


def frames_of(handle, canvas, whole: bool) -> list[tuple[str, np.ndarray]]:
    """The (image mode, pixels) of a full draw and four slider moves."""
    if not whole:
        del canvas.get_diff_image  # back to Matplotlib's own method
    sent = []
    canvas.send_binary = lambda data: sent.append((canvas._current_image_mode, decode(data)))
    canvas.draw()
    for a in MOVES:
        handle.sliders["a"].value = a
    return sent


def painted(frames_sent: list[tuple[str, np.ndarray]]) -> list[np.ndarray]:
    """What the page shows after each frame: a full frame replaces, a diff paints over."""
    shown, pictures = None, []
    for mode, pixels in frames_sent:
        if mode == "full" or shown is None:
            shown = pixels.copy()
        else:
            opaque = pixels[..., 3] > 0
            shown[opaque] = pixels[opaque]
        pictures.append(shown.copy())
    return pictures


def test_whole_frames_show_what_matplotlibs_frames_add_up_to():
    ours = frames_of(*parabola_handle(), whole=True)
    theirs = frames_of(*parabola_handle(), whole=False)
    assert [mode for mode, _ in ours] == ["full"] * (1 + len(MOVES))
    assert [mode for mode, _ in theirs] == ["full"] + ["diff"] * len(MOVES)
    for mine, matplotlibs in zip(painted(ours), painted(theirs), strict=True):
        np.testing.assert_array_equal(mine, matplotlibs)


def test_each_whole_frame_is_right_on_its_own():
    """The page may lose any frame but the last: the last alone shows the figure."""
    handle, canvas = parabola_handle()
    sent = frames_of(handle, canvas, whole=True)
    np.testing.assert_array_equal(sent[-1][1], np.asarray(canvas.buffer_rgba()))


def test_a_lost_diff_frame_leaves_matplotlibs_picture_wrong():
    """Why lossviz sends whole frames: without them, one lost frame spoils the picture."""
    handle, canvas = parabola_handle()
    sent = frames_of(handle, canvas, whole=False)
    without_one = painted(sent[:2] + sent[3:])[-1]  # the second move's frame lost
    assert (without_one != np.asarray(canvas.buffer_rgba())).any()


def test_no_frame_when_nothing_was_drawn():
    handle, canvas = parabola_handle()
    canvas.draw()
    assert canvas.get_diff_image() is None


def test_every_figure_of_lossviz_subplots_sends_whole_frames_under_ipympl():
    backend = matplotlib.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")  # as %matplotlib widget does
    try:
        fig, _ = lossviz.subplots()  # a figure without sliders too
        assert fig.canvas.get_diff_image.__func__ is frames.whole_frame
        plt.close(fig)
    finally:
        plt.switch_backend(backend)


def test_an_explorer_on_a_figure_from_elsewhere_sends_whole_frames():
    fig = ipympl_figure()  # not made by lossviz.subplots
    fig.add_subplot()
    lossviz.interactive(fig, lambda a: None, {"a": (0.0, 1.0, 0.5)})
    assert fig.canvas.get_diff_image.__func__ is frames.whole_frame
