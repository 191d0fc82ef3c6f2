"""An explorer's controls: sliders on a round grid, labelled in words, sized for a lecture hall.

A slider is given as ``(low, high, value)``, ``(low, high, value, step)`` or a :class:`Slider`.
Its step puts grid points exactly on `low`, `high` and `value`: by default the largest round step
(1, 2 or 5 times a power of ten) of at most a hundredth of the range that does, so the readout
shows round numbers and the slider lands on its start again after a reset. Its label is the
parameter in words, from :data:`LABELS` unless the spec names one; the parameter's name stays
the keyword the functions receive.

Examples
--------
>>> spec = slider_spec("delta", (0.1, 3.0, 1.0))
>>> spec.step, spec.label, spec.decimals
(0.02, 'Huber δ', 2)
>>> slider_spec("gamma", Slider(0.0, 5.0, 2.0, label="focusing γ")).step
0.05
>>> slider_spec("delta", (0.1, 3.0, 1 / 3))  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
ValueError: delta: no round step puts grid points on low 0.1, high 3.0 and start 0.333...
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import ipywidgets as widgets
import matplotlib as mpl
import numpy as np

#: Labels in words for the collection's vocabulary; a spec's own label wins.
LABELS = {
    "delta": "Huber δ",
    "q": "quantile q",
    "margin": "margin m",
    "gamma": "focal γ",
    "alpha": "class weight α",
    "temperature": "temperature τ",
    "label_smoothing": "label smoothing",
    "learning_rate": "learning rate η",
    "beta": "β",
    "smooth": "smoothing",
    "threshold": "threshold",
    "w": "slope w",
}

#: Relative tolerance for "a value lies on the grid" (float rounding in low + k * step).
GRID_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Slider:
    """A slider's specification: its range, start, optional step and label in words."""

    low: float
    high: float
    value: float
    step: float | None = None
    label: str | None = None


@dataclass(frozen=True)
class SliderSpec:
    """A validated slider: its range, start and step, the label shown and the readout's decimals."""

    name: str
    low: float
    high: float
    value: float
    step: float
    label: str
    decimals: int

    def snap(self, value: float) -> float:
        """The grid point nearest `value`, rounded to the readout's decimals."""
        k = round((value - self.low) / self.step)
        return round(min(max(self.low + k * self.step, self.low), self.high), self.decimals)

    def on_grid(self, value: float) -> bool:
        """Whether `value` is a grid point (within rounding)."""
        return _is_multiple(value - self.low, self.step)

    @property
    def points(self) -> int:
        """How many grid points the slider has."""
        return round((self.high - self.low) / self.step) + 1


def _number(name: str, what: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.integer | np.floating):
        raise TypeError(f"{name}: {what} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{name}: {what} must be finite, got {value!r}")
    return float(value)


def _is_multiple(value: float, step: float) -> bool:
    k = round(value / step)
    return abs(value - k * step) <= GRID_TOLERANCE * max(abs(value), step, 1.0)


def _decimals(step: float) -> int:
    """Decimals needed to show every multiple of `step` exactly (0.02 -> 2, 5 -> 0)."""
    text = f"{step:.12f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def _round_steps(span: float):
    """Round steps (1, 2, 5 times a power of ten) from span / 100 downwards, to span / 1e6."""
    exponent = math.floor(math.log10(span / 100))
    for e in range(exponent, exponent - 5, -1):
        for mantissa in (5, 2, 1):
            step = float(f"{mantissa}e{e}")
            if step <= span / 100 * (1 + GRID_TOLERANCE):
                yield step


def slider_spec(name: str, spec) -> SliderSpec:
    """Validate a slider's specification; raise ValueError or TypeError naming the parameter.

    `spec` is ``(low, high, value)``, ``(low, high, value, step)`` or a :class:`Slider`.
    """
    if isinstance(spec, SliderSpec):
        return spec
    if isinstance(spec, Slider):
        low, high, value, step, label = spec.low, spec.high, spec.value, spec.step, spec.label
    elif isinstance(spec, tuple | list) and len(spec) in (3, 4):
        low, high, value, step = (*spec, None)[:4]
        label = None
    else:
        raise ValueError(
            f"{name} must be given as (low, high, value), (low, high, value, step) "
            f"or lossviz.Slider(...), got {spec!r}"
        )
    low, high = _number(name, "low", low), _number(name, "high", high)
    value = _number(name, "the start value", value)
    if low >= high:
        kind = "empty" if low == high else "reversed"
        raise ValueError(f"{name} range is {kind}: expected low < high, got ({low!r}, {high!r})")
    if not low <= value <= high:
        raise ValueError(f"{name} starts at {value!r}, outside its range [{low}, {high}]")
    if label is not None and not isinstance(label, str):
        raise TypeError(f"{name}: label must be a string, got {type(label).__name__} {label!r}")
    if label is not None and not label.strip():
        raise ValueError(f"{name}: label must be a non-empty string, got {label!r}")
    label = label or LABELS.get(name, name.replace("_", " "))
    ends = (low, high - low, value - low)
    if step is None:
        step = next(
            (s for s in _round_steps(high - low) if all(_is_multiple(v, s) for v in ends)), None
        )
        if step is None:
            raise ValueError(
                f"{name}: no round step puts grid points on low {low}, high {high} "
                f"and start {value}; choose round numbers or give a step"
            )
    else:
        step = _number(name, "step", step)
        if not 0 < step <= high - low:
            raise ValueError(
                f"{name}: step must be positive and at most the range {high - low:g}, got {step!r}"
            )
        if not all(_is_multiple(v, step) for v in ends[1:]):
            raise ValueError(
                f"{name}: a step of {step:g} from {low:g} misses the end {high:g} "
                f"or the start {value:g}; choose a step that divides both"
            )
    return SliderSpec(name, low, high, value, step, label, _decimals(step))


def slider_specs(params) -> dict[str, SliderSpec]:
    """Validate a mapping of slider names to specs (see :func:`slider_spec`)."""
    if not isinstance(params, Mapping):
        raise TypeError(f"params must be a mapping of slider names to specs, got {params!r}")
    for name in params:
        if not isinstance(name, str) or not name.isidentifier():
            raise ValueError(f"params: a slider name must be a keyword name, got {name!r}")
    return {name: slider_spec(name, spec) for name, spec in params.items()}


def extreme_values(specs: Mapping[str, SliderSpec]) -> list[dict[str, float]]:
    """The start values, then each slider alone at its low and its high end: where an
    explorer looks to fix its axis limits once.

    >>> [v["delta"] for v in extreme_values(slider_specs({"delta": (0.1, 3.0, 1.0)}))]
    [1.0, 0.1, 3.0]
    """
    start = {name: spec.value for name, spec in specs.items()}
    return [start] + [
        {**start, name: end} for name, spec in specs.items() for end in (spec.low, spec.high)
    ]


def control_font_px(dpi: float) -> int:
    """The controls' font size in CSS pixels: at least the figure's tick labels (rcParams)."""
    tick_labels = mpl.font_manager.FontProperties(size=mpl.rcParams["xtick.labelsize"])
    return math.ceil(tick_labels.get_size_in_points() * dpi / 72)


class SliderControl:
    """One slider with its label in words and a readout of round numbers, as one row."""

    def __init__(self, spec: SliderSpec, font_px: int) -> None:
        self.spec = spec
        font = {"font_size": f"{font_px}px"}
        self.slider = widgets.FloatSlider(
            value=spec.value,
            min=spec.low,
            max=spec.high,
            step=spec.step,
            readout=False,
            continuous_update=True,
            description="",
            tooltip=spec.name,
            layout=widgets.Layout(width=f"{15 * font_px}px", height=f"{1.6 * font_px:.0f}px"),
        )
        self.label = widgets.Label(spec.label, style=font)
        self.readout = widgets.Label(
            self.text(spec.value), style=font, layout=widgets.Layout(min_width=f"{4 * font_px}px")
        )
        self.widget = widgets.HBox(
            [self.label, self.slider, self.readout],
            layout=widgets.Layout(align_items="center", margin="0 24px 0 0"),
        )
        self.widget.add_class("lossviz-control")

    def text(self, value: float) -> str:
        return f"{value:.{self.spec.decimals}f}"


class Controls:
    """The sliders of an explorer, a reset button, and optionally a play button for one slider.

    `on_change()` is called once per change of the values, after a browser's value has been
    snapped to the grid.
    """

    def __init__(
        self,
        specs: Mapping[str, SliderSpec],
        on_change: Callable[[], None],
        *,
        play: str | None = None,
        dpi: float = 100.0,
    ) -> None:
        if play is not None and play not in specs:
            raise ValueError(
                f"play names {play!r}, which is not a slider; sliders: {sorted(specs)}"
            )
        self.font_px = control_font_px(dpi)
        self.rows = {name: SliderControl(spec, self.font_px) for name, spec in specs.items()}
        self.on_change = on_change
        font = {"font_size": f"{self.font_px}px"}
        self.reset_button = widgets.Button(
            description="↺ reset",
            style=font,
            tooltip="back to the start values",
            layout=widgets.Layout(width="auto"),
        )
        self.reset_button.on_click(lambda _: self.reset())
        buttons = [self.reset_button] if specs else []
        self.player, self._played = None, play
        if play is not None:
            spec = specs[play]
            self.player = widgets.Play(
                min=0,
                max=spec.points - 1,
                step=1,
                interval=80,
                value=round((spec.value - spec.low) / spec.step),
                tooltip=f"sweep {spec.label} across its range",
                layout=widgets.Layout(width="auto"),
            )
            self.player.observe(self._on_play, names="value")
            buttons.insert(0, self.player)
        for row in self.rows.values():
            row.slider.observe(self._on_slider, names="value")
        self.widget = widgets.HBox(
            [*(row.widget for row in self.rows.values()), *buttons],
            layout=widgets.Layout(flex_flow="row wrap", align_items="center"),
        )
        self._quiet = False

    @property
    def sliders(self) -> dict[str, widgets.FloatSlider]:
        return {name: row.slider for name, row in self.rows.items()}

    @property
    def values(self) -> dict[str, float]:
        return {name: row.slider.value for name, row in self.rows.items()}

    def set(self, values: Mapping[str, float]) -> None:
        """Move several sliders, each to a grid point of its range; one change is reported."""
        unknown = set(values) - set(self.rows)
        if unknown:
            raise ValueError(f"no slider named {sorted(unknown)}; sliders: {sorted(self.rows)}")
        for name, value in values.items():
            spec = self.rows[name].spec
            value = _number(name, "the value", value)
            if not spec.low <= value <= spec.high:
                raise ValueError(f"{name}={value!r} lies outside [{spec.low}, {spec.high}]")
            if not spec.on_grid(value):
                raise ValueError(
                    f"{name}={value!r} is not on the slider's grid: steps of "
                    f"{spec.step:g} from {spec.low:g}"
                )
        self._quiet = True
        try:
            for name, value in values.items():
                row = self.rows[name]
                row.slider.value = row.spec.snap(value)
                row.readout.value = row.text(row.slider.value)
        finally:
            self._quiet = False
        self.on_change()

    def reset(self) -> None:
        """Every slider back to its start value."""
        self.set({name: row.spec.value for name, row in self.rows.items()})

    def _on_slider(self, change) -> None:
        row = next(row for row in self.rows.values() if row.slider is change["owner"])
        if not math.isfinite(change["new"]):  # only code can send it: a browser's slider cannot
            row.slider.unobserve(self._on_slider, names="value")
            row.slider.value = change["old"]  # back to the last value, which the figure shows
            row.slider.observe(self._on_slider, names="value")
            raise ValueError(f"{row.spec.name}: the value must be finite, got {change['new']!r}")
        snapped = row.spec.snap(change["new"])
        if snapped != change["new"]:  # a browser's float, or a value from code between points
            row.slider.value = snapped  # observed again, with the grid value
            return
        row.readout.value = row.text(snapped)
        if self.player is not None and row is self.rows[self._played]:
            self.player.unobserve(self._on_play, names="value")
            self.player.value = round((snapped - row.spec.low) / row.spec.step)
            self.player.observe(self._on_play, names="value")
        if not self._quiet:
            self.on_change()

    def _on_play(self, change) -> None:
        row = self.rows[self._played]
        row.slider.value = row.spec.snap(row.spec.low + change["new"] * row.spec.step)
