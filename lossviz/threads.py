"""lossviz's figures are drawn on the kernel's main thread only.

JupyterLab 4.4 and later may send widget messages to a kernel *subshell* (its setting "Comms
over subshells", on by default), and ipykernel 7 runs each subshell in a thread of its own,
beside the main thread that runs the cells and the messages sent before the subshell existed.
Matplotlib is not thread-safe: with a slider handled on one thread while another draws a
figure, an explorer lost its redraw to ``RuntimeError: FT_Load_Glyph ... invalid outline``
(two threads in one FreeType font), and a figure handled by both threads lost frames
(jupyterlab/jupyterlab#19719, matplotlib/ipympl#610).

The collection's JupyterLab turns the setting off (``binder/overrides.json``). For a JupyterLab
that does not, :func:`on_main_thread` hands a call made on another thread to the main thread's
event loop, which runs such calls one at a time and in order, between cells;
:func:`keep_on_main_thread` does so for every message the page sends an ipympl figure.
Outside a kernel (a script, the inline backend) there is no such loop and nothing to hand over.
"""

from __future__ import annotations

import asyncio
import functools
import threading
from collections.abc import Callable


def _main_loop() -> asyncio.AbstractEventLoop | None:
    """The event loop running on this thread, if this is the main thread of a kernel."""
    if threading.current_thread() is not threading.main_thread():
        return None
    try:
        return asyncio.get_running_loop()  # ipykernel runs each cell inside its loop
    except RuntimeError:
        return None


def on_main_thread(fn: Callable[..., object]) -> Callable[..., object]:
    """`fn`, made to run on the main thread: called there, it runs at once; called on another
    thread, it is queued on the main thread's event loop (found now, on the main thread) and
    returns None."""
    loop = _main_loop()

    @functools.wraps(fn)
    def run(*args, **kwargs):
        if loop is None or threading.current_thread() is threading.main_thread():
            return fn(*args, **kwargs)
        loop.call_soon_threadsafe(functools.partial(fn, *args, **kwargs))
        return None

    return run


def keep_on_main_thread(canvas) -> None:
    """Handle every message the page sends this ipympl canvas on the main thread."""
    if getattr(canvas, "_lossviz_on_main_thread", False):
        return
    canvas.on_msg(canvas._handle_message, remove=True)  # ipympl registers it in __init__
    canvas.on_msg(on_main_thread(canvas._handle_message))
    canvas._lossviz_on_main_thread = True
