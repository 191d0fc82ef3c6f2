"""The frames ipympl sends the browser, encoded faster.

Under ipympl every redraw ends in ``get_diff_image`` (Matplotlib's web backend): the pixels
that changed since the last frame, the others transparent, as a PNG. Matplotlib writes that
PNG with Pillow's defaults, zlib level 6 and an adaptive filter chosen row by row, which
takes most of a slider move's time in the kernel (about 14 ms of 19 for a two-panel
explorer). :func:`diff_image` makes the same frame, pixel for pixel, with a plain PNG writer:
no row filter and zlib level 1, several times faster; a diff frame is mostly transparent
rows, which compress well either way.

:func:`use_fast_frames` installs it on one canvas. It mirrors Matplotlib's
``FigureCanvasWebAggCore.get_diff_image`` and reads that class's frame state (``_png_is_old``,
``_force_full``, ``_last_buff``); ``tests/test_frames.py`` fails when Matplotlib's method
changes, so the mirror is reviewed then, and checks that both give the same pixels.

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


def diff_image(canvas) -> bytes | None:
    """What ``FigureCanvasWebAggCore.get_diff_image`` returns, encoded by :func:`png`."""
    if not canvas._png_is_old:
        return None
    pixels = np.asarray(canvas.get_renderer().buffer_rgba())
    buff = pixels.view(np.uint32).squeeze(2)  # one uint32 a pixel: compared in one call
    if (
        canvas._force_full
        or buff.shape != canvas._last_buff.shape
        or (pixels[:, :, 3] != 255).any()
    ):  # transparency cannot be overlaid
        canvas.set_image_mode("full")
        output = buff
    else:
        canvas.set_image_mode("diff")
        output = np.where(buff != canvas._last_buff, buff, 0)
    canvas._last_buff = buff.copy()
    canvas._force_full = False
    canvas._png_is_old = False
    return png(output.view(np.uint8).reshape((*output.shape, 4)))


def use_fast_frames(canvas) -> None:
    """Make `canvas` (ipympl's) encode its frames with :func:`diff_image`."""
    canvas.get_diff_image = types.MethodType(diff_image, canvas)
