"""Under ipympl a slider move blits: only the changed artists are redrawn, over a cached
background, and the image the browser gets is the one a full redraw would give."""

import importlib

import matplotlib
import numpy as np
from matplotlib.figure import Figure

import lossviz


def ipympl_figure():
    """A figure on ipympl's widget canvas, without switching pyplot's backend."""
    backend = matplotlib.get_backend()
    nbagg = importlib.import_module("ipympl.backend_nbagg")
    matplotlib.use(backend)  # importing ipympl's backend selects it for pyplot: undo that
    fig = Figure(figsize=(6, 3), layout="constrained")
    nbagg.FigureManager(nbagg.Canvas(fig), 0)
    return fig


def parabola_handle(animated=True):
    fig = ipympl_figure()
    ax = fig.add_subplot()
    x = np.linspace(-2, 2, 101)
    (line,) = ax.plot(x, x**2)
    ax.set_ylim(0, 13)

    def update(a):
        line.set_ydata(a * x**2)

    handle = lossviz.interactive(
        fig, update, {"a": (0.5, 3.0, 1.0)}, animated=[line] if animated else ()
    )
    return handle, fig.canvas


def test_the_widget_shows_ipympls_canvas():
    handle, canvas = parabola_handle()
    assert handle.widget.children[1] is canvas


def test_blitted_frame_equals_a_full_redraw():
    handle, canvas = parabola_handle()
    sent = []
    canvas.send_binary = sent.append  # what would go to the browser
    canvas.draw()  # the browser's first request: a full draw, which caches the background
    sent.clear()
    handle.sliders["a"].value = 2.5  # blits and sends at once, no further request needed
    assert len(sent) == 1
    blitted = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    np.testing.assert_array_equal(blitted, np.asarray(canvas.buffer_rgba()))


def test_before_the_first_draw_a_move_asks_the_browser_for_one():
    handle, canvas = parabola_handle()
    requests = []
    canvas.draw_idle = lambda: requests.append("draw")
    handle.sliders["a"].value = 2.0
    assert requests == ["draw"]


def test_without_animated_artists_every_move_asks_for_a_full_draw():
    handle, canvas = parabola_handle(animated=False)
    canvas.draw()
    requests = []
    canvas.draw_idle = lambda: requests.append("draw")
    handle.sliders["a"].value = 2.0
    assert requests == ["draw"]


def test_after_a_resize_the_next_move_asks_for_a_full_draw():
    """A cached background of the old size would paint a wrong frame: it is dropped."""
    handle, canvas = parabola_handle()
    canvas.draw()
    handle.fig.set_dpi(2 * handle.fig.get_dpi())  # as a browser's device pixel ratio of 2 does
    requests = []
    canvas.draw_idle = lambda: requests.append("draw")
    handle.sliders["a"].value = 2.0
    assert requests == ["draw"]


def test_drawing_an_animated_legend_asks_for_no_full_draw(monkeypatch):
    """A legend marks its axes stale as it draws; in interactive mode a stale figure asks for a
    full draw, whose draw event would blit the legend again: a redraw loop in the browser."""
    fig = ipympl_figure()
    ax = fig.add_subplot()
    (line,) = ax.plot([0, 1], [0, 1], label="a line")
    key = ax.legend()
    handle = lossviz.interactive(
        fig, lambda a: line.set_ydata([0, a]), {"a": (0.5, 3.0, 1.0)}, animated=[line, key]
    )
    fig.canvas.draw()
    requests = []
    monkeypatch.setattr(fig.canvas, "draw_idle", lambda *args, **kwargs: requests.append(1))
    matplotlib.interactive(True)  # as under %matplotlib widget
    try:
        fig.canvas.draw()  # what the browser's request for a full draw runs
        handle.set(a=2.0)  # a slider move: blitted
    finally:
        matplotlib.interactive(False)
    assert requests == [], f"{len(requests)} full draws asked for by drawing the animated artists"
    assert not fig.stale
