"""The frames ipympl sends the browser: always the whole figure, encoded fast.

Under ipympl every redraw ends in ``get_diff_image`` (Matplotlib's web backend). Matplotlib's
own method sends the pixels that changed since the last frame, the others transparent, and the
page paints each frame over the one before. But the page can lose a frame: when a new image
arrives before the last one has loaded, ipympl's page code replaces the image's source and the
older frame is never painted (matplotlib/matplotlib#19116). A lost diff leaves the figure wrong
until the next full redraw: after a quick drag a figure showed a curve the slider had left, and
on a busy machine a figure whose first frame was lost stayed blank (tests/browser/test_burst.py
makes such a burst on purpose).

:func:`whole_frame` therefore sends the whole figure every time (image mode ``"full"``): a lost
frame is only a frame not seen, and the next one is right on its own. It writes the PNG with
:func:`png`, no row filter and zlib level 1, several times faster than Matplotlib's encoder
(Pillow's defaults: zlib level 6 and an adaptive filter chosen row by row).

:func:`use_whole_frames` installs it on one canvas; :func:`lossviz.subplots` does so for every
figure it makes. It replaces ``FigureCanvasWebAggCore.get_diff_image`` and keeps that class's
frame state (``_png_is_old``, ``_force_full``, ``_last_buff``) as Matplotlib's method does;
``tests/test_frames.py`` fails when Matplotlib's method changes, so that this is reviewed then.

Examples
--------
>>> import io
>>> from PIL import Image
>>> rgba = np.zeros((2, 3, 4), np.uint8)
>>> rgba[1, 2] = (255, 0, 0, 255)
>>> np.array_equal(np.asarray(Image.open(io.BytesIO(png(rgba)))), rgba)
True
"""

from __future__ import annotations

import struct
import types
import zlib

import numpy as np

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(rgba: np.ndarray, *, level: int = 1) -> bytes:
    """An RGBA image, shape ``(height, width, 4)`` of uint8, as PNG bytes: no row filter,
    zlib at `level`."""
    height, width, _ = rgba.shape
    rows = np.zeros((height, 4 * width + 1), np.uint8)  # each row: filter type 0, then pixels
    rows[:, 1:] = rgba.reshape(height, 4 * width)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(rows, level))
        + _chunk(b"IEND", b"")
    )


def whole_frame(canvas) -> bytes | None:
    """What ``get_diff_image`` is asked for: the next frame, here always the whole figure as a
    PNG by :func:`png`; None when nothing was drawn since the last frame."""
    if not canvas._png_is_old:
        return None
    canvas.set_image_mode("full")  # the page clears its canvas, then paints the frame
    pixels = np.asarray(canvas.get_renderer().buffer_rgba())
    canvas._last_buff = pixels.view(np.uint32).squeeze(2).copy()  # ipympl's first image uses it
    canvas._force_full = False
    canvas._png_is_old = False
    return png(pixels)


def use_whole_frames(canvas) -> None:
    """Make `canvas` (ipympl's) send every frame whole, with :func:`whole_frame`."""
    canvas.get_diff_image = types.MethodType(whole_frame, canvas)
