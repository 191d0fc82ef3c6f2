"""lossviz's figures are drawn on the main thread: calls from another thread (a kernel subshell,
as JupyterLab may use for widget messages) are handed to the main thread's event loop."""

import asyncio
import threading

import matplotlib
import matplotlib.pyplot as plt
from test_blitting import ipympl_figure, parabola_handle

import lossviz
from lossviz.threads import keep_on_main_thread, on_main_thread


def call_from_another_thread(fn, *args) -> None:
    worker = threading.Thread(target=fn, args=args, name="subshell-test")
    worker.start()
    worker.join()


def test_outside_a_kernel_a_call_runs_where_it_is_made():
    ran_on = []
    run = on_main_thread(lambda: ran_on.append(threading.current_thread().name) or 7)
    assert run() == 7
    call_from_another_thread(run)
    assert ran_on == ["MainThread", "subshell-test"]


def test_calls_from_another_thread_run_on_the_main_thread_in_order():
    ran = []

    async def kernel():  # ipykernel runs each cell inside the main thread's event loop
        run = on_main_thread(lambda k: ran.append((k, threading.current_thread().name)) or k)
        for k in range(5):
            call_from_another_thread(run, k)
        assert ran == []  # queued, not run on the worker
        assert run("now") == "now"  # on the main thread: at once
        await asyncio.sleep(0.05)  # the loop runs what was queued

    asyncio.run(kernel())
    assert ran == [("now", "MainThread")] + [(k, "MainThread") for k in range(5)]


def test_a_figures_messages_from_the_page_are_handled_on_the_main_thread():
    fig = ipympl_figure()
    canvas = fig.canvas
    keep_on_main_thread(canvas)
    keep_on_main_thread(canvas)  # twice: still one handler
    (handler,) = canvas._msg_callbacks.callbacks
    assert handler.__wrapped__ == canvas._handle_message
    draws = []
    canvas.mpl_connect("draw_event", lambda event: draws.append(threading.current_thread().name))
    canvas._handle_custom_msg({"type": "draw"}, [])  # as ipywidgets passes the page's message
    assert draws == ["MainThread"]


def test_lossviz_figures_and_explorers_keep_to_the_main_thread():
    backend = matplotlib.get_backend()
    plt.switch_backend("module://ipympl.backend_nbagg")  # as %matplotlib widget does
    try:
        fig, _ = lossviz.subplots()  # a figure without sliders too
        (handler,) = fig.canvas._msg_callbacks.callbacks
        assert handler.__wrapped__ == fig.canvas._handle_message
        plt.close(fig)
    finally:
        plt.switch_backend(backend)
    handle, canvas = parabola_handle()  # a figure from elsewhere, given sliders
    (handler,) = canvas._msg_callbacks.callbacks
    assert handler.__wrapped__ == canvas._handle_message
    assert handle.controls.on_change.__wrapped__ == handle.redraw
