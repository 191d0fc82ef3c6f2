"""The lattice of CTC alignments as heat maps: one row per state, one column per frame.

A label of U symbols becomes 2U + 1 states, a blank (ε) before, between and after its symbols;
an alignment is a path through this lattice from left to right. The notebook computes what
each cell holds (the forward variable α, the posterior occupancy of each state, ...); this
module only draws it. :func:`draw_lattice` draws one heat map and returns a :class:`Lattice`
whose ``set`` updates it in place; :func:`explore_lattice` puts several side by side, moved by
sliders through :func:`lossviz.interactive`, for a word picked from a list or typed in a box.

Examples
--------
>>> import numpy as np
>>> def uniform(word, *, sharpness=1.0):  # a stand-in for the notebook's computation
...     rows, frames = 2 * len(word) + 1, 6
...     return f"{word!r}", {"share": np.full((rows, frames), 1 / rows) ** sharpness}
>>> explorer = explore_lattice(uniform, {"sharpness": (1.0, 2.0, 1.0)}, word="ab")
>>> explorer.lattices["share"].image.get_array().shape
(5, 6)
>>> explorer.set(sharpness=2.0)
>>> round(float(explorer.lattices["share"].image.get_array()[0, 0]), 6)  # (1 / 5) ** 2
0.04
>>> explorer.set_word("abc")
>>> explorer.lattices["share"].rows
['ε', 'a', 'ε', 'b', 'ε', 'c', 'ε']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.axes import Axes
from matplotlib.image import AxesImage
from matplotlib.text import Text

from lossviz.controls import extreme_values, slider_specs
from lossviz.interactive import ParamSpec, interactive, subplots
from lossviz.threads import on_main_thread
from lossviz.validate import check_callable, check_finite, check_positive, check_text

#: How the blank is written in the lattice's rows.
BLANK = "ε"

#: ``compute(word, **values)`` returns a caption and one ``(states, frames)`` array per panel.
LatticeFn = Callable[..., tuple[str, Mapping[str, np.ndarray]]]


def state_labels(word: str, blank: str = BLANK) -> list[str]:
    """The lattice's rows for `word`: its symbols with a blank before, between and after them.

    >>> state_labels("hello")
    ['ε', 'h', 'ε', 'e', 'ε', 'l', 'ε', 'l', 'ε', 'o', 'ε']
    """
    check_text("word", word)
    check_text("blank", blank)
    rows = [blank]
    for symbol in word:
        rows += [symbol, blank]
    return rows


def _check_rows(rows) -> list[str]:
    """The row labels as a list of strings; TypeError for anything else, ValueError if empty."""
    if not isinstance(rows, list | tuple):
        raise TypeError(
            f"rows must be a list of the states' labels (strings), got {type(rows).__name__}"
        )
    if not rows:
        raise ValueError("rows must hold at least one state's label, got none")
    return [check_text("a row label", row) for row in rows]


def _check_values(name: str, values, rows: Sequence[str], vmax: float) -> np.ndarray:
    array = check_finite(name, values)
    if array.ndim != 2 or array.shape[0] != len(rows) or array.shape[1] < 1:
        raise ValueError(
            f"{name} must have shape (states, frames) = ({len(rows)}, T), one row "
            f"per state, got {array.shape}"
        )
    if array.min() < 0 or array.max() > vmax * (1 + 1e-9):
        raise ValueError(
            f"{name} must lie in [0, {vmax:g}] (the colour scale), got values "
            f"from {array.min():.3g} to {array.max():.3g}"
        )
    return array


@dataclass(eq=False)
class Lattice:
    """One heat map of a lattice: its axes, its image, the rows it shows and its scale."""

    ax: Axes
    image: AxesImage
    rows: list[str]
    vmax: float = 1.0
    name: str = "values"

    def set(self, values, rows: Sequence[str] | None = None) -> None:
        """Show new `values`, shape ``(states, frames)``; with new `rows`, a new word's lattice
        (then the axes change too: a full redraw is due, not a blit)."""
        new_rows = rows is not None
        rows = _check_rows(rows) if new_rows else self.rows
        array = _check_values(self.name, values, rows, self.vmax)
        shape = self.image.get_array().shape
        if not new_rows and array.shape != shape:
            raise ValueError(
                f"{self.name}: got shape {array.shape}, but the lattice has "
                f"{shape}; pass rows to change its size"
            )
        self.image.set_data(array)
        if new_rows:
            self._frame(array.shape[1], rows)
            self.rows = rows

    def _frame(self, frames: int, rows: Sequence[str]) -> None:
        """Extent, limits and row labels for a lattice of `frames` columns and these rows."""
        self.image.set_extent((0.5, frames + 0.5, len(rows) - 0.5, -0.5))
        self.ax.set_xlim(0.5, frames + 0.5)
        self.ax.set_ylim(len(rows) - 0.5, -0.5)
        self.ax.set_yticks(range(len(rows)), rows)
        self.ax.tick_params(axis="y", labelsize=min(14.0, 260 / len(rows)))  # long words: smaller


def draw_lattice(
    values,
    rows: Sequence[str],
    *,
    ax: Axes | None = None,
    title: str | None = None,
    vmax: float = 1.0,
    colorbar: str | None = None,
) -> Lattice:
    """Draw a lattice as a heat map: `rows` from top to bottom, frames 1 to T from left to right.

    Parameters
    ----------
    values : array, shape (states, frames)
        What each cell holds, from 0 to `vmax`; one row per entry of `rows`.
    rows : sequence of str
        The states' labels, top to bottom: :func:`state_labels` of a word.
    ax : Axes, optional
        Where to draw; a new figure from :func:`lossviz.subplots` by default.
    title : str, optional
        The panel's title.
    vmax : float
        The top of the colour scale (0 is its bottom).
    colorbar : str, optional
        If given, a colour bar (the heat map's key) with this label.

    Returns
    -------
    Lattice
        With ``.image`` (its data: ``.image.get_array()``) and ``.set(values, rows=None)``.

    >>> lattice = draw_lattice(np.eye(3), ["ε", "a", "ε"], colorbar="occupancy")
    >>> lattice.set(np.ones((3, 3)) / 3)
    >>> lattice.image.get_array().sum(axis=0).tolist()
    [1.0, 1.0, 1.0]
    """
    rows = _check_rows(rows)
    vmax = check_positive("vmax", vmax)
    array = _check_values("values", values, rows, vmax)
    if ax is None:
        _, ax = subplots(figsize=(8, 4.5))
    image = ax.imshow(
        array, aspect="auto", cmap="viridis", vmin=0.0, vmax=vmax, interpolation="nearest"
    )
    lattice = Lattice(ax, image, rows, vmax, title or "values")
    lattice._frame(array.shape[1], rows)
    ax.grid(False)
    ax.set(xlabel="frame $t$", ylabel="state $s$ (label with blanks)")
    if title:
        ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label=colorbar)
    return lattice


def _result(result) -> tuple[str, Mapping]:
    """What `compute` returned, checked: a caption and a non-empty mapping of panels."""
    if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Mapping)):
        raise TypeError(
            f"compute must return (caption, panels), panels a mapping of names to "
            f"arrays, got {type(result).__name__}"
        )
    if not result[1]:
        raise ValueError("compute must return at least one panel, got none")
    return result


class LatticeExplorer:
    """Lattice heat maps side by side, moved by sliders, for a word picked or typed.

    What :func:`explore_lattice` returns. ``.set(**values)`` moves sliders (as
    :meth:`lossviz.Interactive.set`), ``.set_word(word)`` shows another word (ValueError if
    `compute` refuses it; a word typed in the box that `compute` refuses is reported beside the
    box instead). ``.lattices[name]`` is each panel's :class:`Lattice`, ``.caption`` the
    figure's title, ``.handle`` the :class:`lossviz.Interactive` that holds the sliders.
    """

    def __init__(
        self,
        fig,
        lattices: dict[str, Lattice],
        caption: Text,
        compute: LatticeFn,
        word: str,
        params: Mapping[str, ParamSpec],
        *,
        title: str | None = None,
        play: str | None = None,
    ) -> None:
        self.lattices, self.caption, self.compute, self.word = lattices, caption, compute, word
        self.prefix = f"{title}: " if title else ""
        animated = [lattice.image for lattice in lattices.values()] + [caption]
        self.handle = interactive(fig, self.update, params, animated=animated, play=play)
        font = {"font_size": f"{self.handle.controls.font_px}px"}
        self.word_box = widgets.Combobox(
            value=word,
            placeholder="type a word",
            style=font,
            description="word",
            ensure_option=False,
            continuous_update=False,
        )
        self.message = widgets.Label("", style=font)
        self.word_box.observe(on_main_thread(self._on_word), names="value")  # lossviz.threads
        self.handle.widget.children = (
            widgets.HBox([self.word_box, self.message]),
            *self.handle.widget.children,
        )

    @property
    def fig(self):
        return self.handle.fig

    @property
    def sliders(self) -> dict[str, widgets.FloatSlider]:
        return self.handle.sliders

    @property
    def values(self) -> dict[str, float]:
        return self.handle.values

    def set(self, **values: float) -> None:
        """Move several sliders at once and redraw once."""
        self.handle.set(**values)

    def _panels(self, word: str, values: Mapping[str, float]) -> tuple[str, dict]:
        caption, panels = _result(self.compute(word, **values))
        if set(panels) != set(self.lattices):
            got = sorted(panels) if isinstance(panels, Mapping) else type(panels).__name__
            raise ValueError(f"compute must return the panels {sorted(self.lattices)}, got {got}")
        return self.prefix + check_text("the caption compute returns", caption), dict(panels)

    def update(self, **values: float) -> None:
        """Redraw the current word's lattices for new slider values (the same shape)."""
        caption, panels = self._panels(self.word, values)
        for name, lattice in self.lattices.items():
            lattice.set(panels[name])
        self.caption.set_text(caption)

    def set_word(self, word: str) -> None:
        """Show the lattices of another word; ValueError if `compute` refuses it."""
        rows = state_labels(word)
        caption, panels = self._panels(word, self.values)
        for name, lattice in self.lattices.items():  # every panel checked before any changes
            _check_values(name, panels[name], rows, lattice.vmax)
        for name, lattice in self.lattices.items():
            lattice.set(panels[name], rows)
        self.word = word
        self.caption.set_text(caption)
        self.message.value = ""
        if self.word_box.value != word:
            self.word_box.value = word
        self.handle.redraw()
        self.fig.canvas.draw_idle()  # the rows and their labels changed: one full redraw

    def _on_word(self, change) -> None:
        word = change["new"].strip()
        if word == self.word:
            return
        try:
            self.set_word(word)
        except (TypeError, ValueError) as error:
            self.message.value = f"✗ {error}"

    def _ipython_display_(self) -> None:
        display(self.handle)


def explore_lattice(
    compute: LatticeFn,
    params: Mapping[str, ParamSpec],
    *,
    word: str,
    words: Sequence[str] = (),
    title: str | None = None,
    vmax: float = 1.0,
    colorbar: str = "probability",
    play: str | None = None,
) -> LatticeExplorer:
    """Lattices of a word side by side, recomputed by `compute` as sliders move.

    Parameters
    ----------
    compute : callable
        ``compute(word, **values)`` returns ``(caption, panels)``: a caption for the figure's
        title, and a mapping of panel name to an array of shape ``(2 * len(word) + 1, T)``
        (rows as :func:`state_labels`), with the same names every time. It raises ValueError
        for a word it cannot show; the message is shown beside the word box.
    params : mapping
        Slider name to ``(low, high, value[, step])`` or :class:`lossviz.Slider`.
    word : str
        The word shown first.
    words : sequence of str, optional
        Words offered in the word box's list; any other word can be typed.
    title : str, optional
        Put before each caption in the figure's title.
    vmax : float
        The top of the shared colour scale (its bottom is 0).
    colorbar : str
        The colour bar's label.
    play : str, optional
        The name of a slider to give a play button.

    Returns
    -------
    LatticeExplorer
        ``.set(...)``, ``.set_word(...)``, ``.sliders``, ``.values``, ``.lattices``, ``.fig``.
    """
    check_callable("compute", compute)
    check_text("word", word)
    if isinstance(words, str):
        raise TypeError(f"words must be a list of words, got the string {words!r}")
    words = [check_text("an entry of words", w) for w in words]
    vmax = check_positive("vmax", vmax)
    check_text("colorbar", colorbar)
    start = extreme_values(slider_specs(params))[0]
    _, panels = _result(compute(word, **start))
    fig, axes = subplots(1, len(panels), figsize=(6.5 * len(panels) + 1.5, 5.2), squeeze=False)
    rows = state_labels(word)
    lattices = {
        name: draw_lattice(values, rows, ax=ax, title=name, vmax=vmax)
        for ax, (name, values) in zip(axes[0], panels.items(), strict=True)
    }
    fig.colorbar(next(iter(lattices.values())).image, ax=axes[0].tolist(), label=colorbar)
    explorer = LatticeExplorer(
        fig, lattices, fig.suptitle(""), compute, word, params, title=title, play=play
    )
    explorer.word_box.options = tuple(dict.fromkeys([word, *words]))
    return explorer
