"""Sliders bound to a figure that is built once and updated in place.

The pattern of ipympl's own examples: the figure is drawn once; each slider move calls
an ``update`` function that changes the existing artists (``set_ydata``, ``set_data``)
and then asks the canvas to redraw. With ``%matplotlib widget`` the figure is live in
JupyterLab and Voila; under any other backend (nbval, the inline backend) the figure is
shown as an image that is re-sent after each move.

Examples
--------
>>> import numpy as np
>>> fig, ax = subplots()
>>> x = np.linspace(-2, 2, 5)
>>> (line,) = ax.plot(x, x**2)
>>> handle = interactive(fig, lambda a: line.set_ydata(a * x**2), {"a": (0.5, 3.0, 1.0)})
>>> handle.sliders["a"].value = 2.0
>>> line.get_ydata().tolist()
[8.0, 2.0, 0.0, 2.0, 8.0]
>>> handle.values
{'a': 2.0}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import ipywidgets as widgets
import matplotlib as mpl
import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib.artist import Artist
from matplotlib.figure import Figure

from lossviz.controls import Controls, Slider, slider_specs
from lossviz.frames import use_whole_frames
from lossviz.threads import keep_on_main_thread, on_main_thread
from lossviz.validate import check_callable, check_integer

#: A slider's specification: ``(low, high, value)``, ``(low, high, value, step)`` or a Slider.
ParamSpec = tuple | Slider


def subplots(nrows: int = 1, ncols: int = 1, **kwargs):
    """``plt.subplots`` that does not display the figure by itself.

    Use it for figures handed to :func:`interactive`, which displays them with their sliders.
    """
    check_integer("nrows", nrows, minimum=1)
    check_integer("ncols", ncols, minimum=1)
    kwargs.setdefault("layout", "constrained")
    with plt.ioff():
        fig, axes = plt.subplots(nrows, ncols, **kwargs)
    if isinstance(fig.canvas, widgets.DOMWidget):  # ipympl: a lean canvas for lectures
        fig.canvas.header_visible = False
        fig.canvas.toolbar_visible = False
        fig.canvas.resizable = False
        use_whole_frames(fig.canvas)  # a frame the page loses cannot leave the figure wrong
        keep_on_main_thread(fig.canvas)  # Matplotlib is not thread-safe
    return fig, axes


@dataclass(eq=False)
class Interactive:
    """A figure with its sliders: what :func:`interactive` returns.

    Move sliders from code with ``handle.set(delta=2.0, q=0.9)``: it checks each value against
    its slider's range and grid and redraws once. ``handle.sliders["delta"].value = 2.0`` works
    too, as a browser's move does, but ipywidgets clamps a value outside the range to its end
    without a word, and a value between grid points is moved to the nearest one.
    ``handle.reset()`` restores the start values; ``handle.values`` reads the current ones.
    """

    fig: Figure
    update: Callable[..., object]
    controls: Controls
    animated: Sequence[Artist] = ()
    artists: dict = field(default_factory=dict)
    widget: widgets.Box = field(init=False)
    _output: widgets.Output | None = field(init=False, default=None)
    _background: object = field(init=False, default=None)
    _background_size: list = field(init=False, default_factory=list)
    _shown: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        if isinstance(self.fig.canvas, widgets.DOMWidget):  # ipympl: the canvas is a widget
            view = self.fig.canvas
            use_whole_frames(view)
            keep_on_main_thread(view)
            self._start_blitting()
        else:
            self._output = view = widgets.Output()
        self.widget = widgets.VBox([self.controls.widget, view])
        self.widget.add_class("lossviz-explorer")  # a stable hook for tests/browser/
        self.controls.on_change = on_main_thread(self.redraw)  # see lossviz.threads
        self.update(**self.values)
        self._freeze_layout()

    def _freeze_layout(self) -> None:
        """Lay the figure out once: its axes stay put between slider moves, so the
        constrained-layout solve need not run on every move."""
        engine = self.fig.get_layout_engine()
        if engine is not None:
            engine.execute(self.fig)
            self.fig.set_layout_engine("none")

    def _start_blitting(self) -> None:
        """Matplotlib's blitting: full draws leave out the `animated` artists and keep the
        result as a background; a slider move then redraws only those artists over it."""
        if not self.animated:
            return
        for artist in self.animated:
            artist.set_animated(True)
        self.fig.canvas.mpl_connect("draw_event", self._on_full_draw)

    def _on_full_draw(self, event) -> None:
        self._background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        self._background_size = self.fig.bbox.size.tolist()
        self._draw_animated()

    def _draw_animated(self) -> None:
        # Drawing an artist can mark its axes stale (a legend lays out its children), and in
        # interactive mode a stale figure asks for a full draw, whose draw event would draw the
        # artists again: a redraw loop. What is drawn here is current, so it asks for nothing.
        was_interactive = mpl.is_interactive()
        mpl.interactive(False)
        try:
            for artist in self.animated:
                self.fig.draw_artist(artist)
        finally:
            mpl.interactive(was_interactive)
        self.fig.stale = False

    @property
    def sliders(self) -> dict[str, widgets.FloatSlider]:
        """The slider widgets, by parameter name."""
        return self.controls.sliders

    @property
    def values(self) -> dict[str, float]:
        """The sliders' current values, by name."""
        return self.controls.values

    def set(self, **values: float) -> None:
        """Move several sliders at once, redrawing once; ValueError off a slider's range or grid."""
        self.controls.set(values)

    def reset(self) -> None:
        """Every slider back to its start value, as the reset button does; redraws once."""
        self.controls.reset()

    def redraw(self) -> None:
        """Call ``update`` with the current values and show the result."""
        self.update(**self.values)
        canvas = self.fig.canvas
        if self._background is not None and self._background_size != self.fig.bbox.size.tolist():
            self._background = None  # resized, or a new pixel ratio, since: a full draw is due
        if self._background is not None:  # ipympl, after its first full draw
            canvas.restore_region(self._background)
            self._draw_animated()
            canvas.blit(self.fig.bbox)
        elif self._output is None:
            canvas.draw_idle()
        elif self._shown:
            self._show_static()

    def _show_static(self) -> None:
        with self._output:
            self._output.clear_output(wait=True)
            display(self.fig)

    def _ipython_display_(self) -> None:
        display(self.widget)
        self._shown = True
        if self._output is not None:
            self._show_static()


def interactive(
    fig: Figure,
    update: Callable[..., object],
    params: Mapping[str, ParamSpec],
    *,
    animated: Sequence[Artist] = (),
    play: str | None = None,
) -> Interactive:
    """Bind sliders to a figure built once; ``update(**values)`` changes its artists.

    Parameters
    ----------
    fig : Figure
        The figure, best made with :func:`subplots` so that it is not shown twice.
    update : callable
        Called with one keyword argument per slider; changes the figure's artists in place.
    params : mapping
        Slider name (the keyword `update` receives) to ``(low, high, value)``,
        ``(low, high, value, step)`` or :class:`~lossviz.controls.Slider`: a range, a start, a step
        that puts grid points on both ends and the start (a round one by default), a label in
        words (from :data:`~lossviz.controls.LABELS` by default).
    animated : sequence of Artist, optional
        If ``update`` changes only these artists, name them: under ipympl a slider move then
        redraws just them over a cached background (blitting), several times faster than a
        full redraw. Name every artist ``update`` changes, a title's Text included;
        leave it empty when ``update`` changes more than artists (limits, ticks, layout).
    play : str, optional
        The name of a slider to give a play button: it sweeps that slider across its range.

    Returns
    -------
    Interactive
        The handle: ``.sliders``, ``.values``, ``.set(...)``, ``.reset()``, ``.fig``; displaying
        it shows the controls (sliders, reset and play buttons) above the figure.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a Matplotlib Figure (from lossviz.subplots), got {fig!r:.60}")
    check_callable("update", update)
    specs = slider_specs(params)
    controls = Controls(specs, lambda: None, play=play, dpi=fig.dpi)
    return Interactive(fig, update, controls, animated=tuple(animated))
