"""The loss explorer: loss curves and their gradients side by side, a slider per hyperparameter.

Examples
--------
>>> import numpy as np
>>> def huber(y_true, y_pred, *, delta=1.0):
...     r = np.abs(y_pred - y_true)
...     return np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))
>>> handle = explore({"Huber": huber}, params={"delta": (0.1, 3.0, 1.0)})
>>> handle.sliders["delta"].value = 0.5
>>> loss_line = handle.artists["Huber"][0]
>>> float(loss_line.get_ydata()[-1])  # at the residual 3: 0.5 * (3 - 0.25)
1.375
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from lossviz.controls import extreme_values, slider_specs
from lossviz.interactive import Interactive, ParamSpec, interactive, subplots
from lossviz.validate import (
    check_callable,
    check_finite,
    check_functions,
    check_integer,
    check_range,
    check_text,
)

LossFn = Callable[..., np.ndarray]
LINESTYLES = ("-", "--", ":", "-.")


@dataclass(frozen=True)
class Variable:
    """The explorer's horizontal axis and how a point on it becomes ``(y_true, y_pred)``.

    ``keywords`` are fixed keyword arguments given to every function that takes them (the
    logit axis gives ``from_logits=True``); ``grad_curve`` turns a gradient with one column
    per class into the curve drawn (None: the gradient is drawn as it is); ``name`` tells
    apart, in the legend, several variables drawn on one axis (``"y = 1"``). ``x`` must be a
    1-D increasing array of at least two finite points.
    """

    label: str
    x: np.ndarray
    to_arguments: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
    grad_label: str = r"gradient $\partial L / \partial \hat{y}$"
    keywords: Mapping[str, object] = field(default_factory=dict)
    grad_curve: Callable[[np.ndarray], np.ndarray] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        check_text("Variable label", self.label)
        x = check_finite("Variable x", self.x)
        if x.ndim != 1 or x.size < 2:
            raise ValueError(f"Variable x must be a 1-D array of two points or more, got {x.shape}")
        if np.any(np.diff(x) <= 0):
            i = int(np.argmax(np.diff(x) <= 0))
            raise ValueError(
                f"Variable x must increase from point to point, got {x[i]:g} then {x[i + 1]:g} "
                f"at index {i}"
            )
        object.__setattr__(self, "x", x)
        check_callable("Variable to_arguments", self.to_arguments)
        check_text("Variable grad_label", self.grad_label)
        check_text("Variable name", self.name)
        if not isinstance(self.keywords, Mapping):
            raise TypeError(f"Variable keywords must be a mapping, got {self.keywords!r}")
        if self.grad_curve is not None:
            check_callable("Variable grad_curve", self.grad_curve)


def residual(low: float = -3.0, high: float = 3.0, num: int = 401) -> Variable:
    """The regression axis: the residual ``r = y_pred - y_true``, with ``y_true = 0``.

    >>> residual(-1, 1, 3).to_arguments(np.array([-1.0, 0.0, 1.0]))[1].tolist()
    [-1.0, 0.0, 1.0]
    """
    num = check_integer("num", num, minimum=2)
    x = np.linspace(*check_range("residual", low, high), num)
    return Variable(r"residual $r = \hat{y} - y$", x, lambda r: (np.zeros_like(r), r))


def accepted_params(fn: Callable, values: Mapping[str, float]) -> dict[str, float]:
    """The subset of `values` that `fn` takes as keyword arguments."""
    try:
        parameters = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # no signature to read (some builtins): no keywords known
        return {}
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return dict(values)
    names = {p.name for p in parameters}
    return {name: value for name, value in values.items() if name in names}


def _as_named(fns: LossFn | Mapping[str, LossFn], what: str) -> dict[str, LossFn]:
    if callable(fns):
        return {_name_of(fns): fns}
    return check_functions(what, fns)


def _name_of(fn: Callable) -> str:
    return getattr(fn, "__name__", None) or type(fn).__name__


def _check_names(losses: dict, grads: dict, params: Mapping) -> None:
    stray = set(grads) - set(losses)
    if stray:
        raise ValueError(f"grads names {sorted(stray)}, which are not in losses {sorted(losses)}")
    for name in params:
        if not any(accepted_params(fn, {name: 0.0}) for fn in losses.values()):
            raise ValueError(f"params names {name!r}, but no loss takes a keyword of that name")


def _as_variables(variable: Variable | Sequence[Variable] | None) -> list[Variable]:
    variables = list(variable) if isinstance(variable, Sequence) else [variable or residual()]
    if not variables or not all(isinstance(v, Variable) for v in variables):
        raise ValueError("variable must be a Variable or a non-empty sequence of Variables")
    first = variables[0]
    for other in variables[1:]:
        if other.label != first.label or not np.array_equal(other.x, first.x):
            raise ValueError(
                f"variables drawn together must share one axis, got "
                f"{first.label!r} and {other.label!r} or different points"
            )
    names = [v.name for v in variables]
    if len(variables) > 1 and (not all(names) or len(set(names)) < len(names)):
        raise ValueError(f"variables drawn together need distinct, non-empty names, got {names}")
    return variables


def _arguments(v: Variable) -> tuple[np.ndarray, np.ndarray]:
    args = v.to_arguments(v.x)
    if not isinstance(args, tuple | list) or len(args) != 2:
        raise TypeError(
            f"the to_arguments of the axis {v.label!r} must return a pair "
            f"(y_true, y_pred), got {type(args).__name__}"
        )
    return tuple(args)


def _check_curve(name: str, y: np.ndarray, v: Variable, values: Mapping[str, float]) -> None:
    """ValueError for a curve with NaN, or infinite anywhere but at an end of the axis
    (where a loss may diverge, as -log p at p = 0): it would be drawn with a gap, silently."""
    bad = ~np.isfinite(y)
    bad[[0, -1]] &= ~np.isinf(y[[0, -1]])
    if bad.any():
        i = int(np.argmax(bad))
        where = f" with {dict(values)}" if values else ""
        raise ValueError(
            f"{name} returned {float(y[i])!r} at {v.x[i]:g} on the axis "
            f"{v.label!r}{where}, at {np.count_nonzero(bad)} of {y.size} points; "
            "a curve must be finite (infinite only at an end of the axis)"
        )


def _limits(curves: list[np.ndarray]) -> tuple[float, float]:
    finite = np.concatenate([c[np.isfinite(c)] for c in curves] + [np.zeros(1)])
    low, high = float(finite.min()), float(finite.max())
    pad = 0.08 * (high - low or 1.0)
    return low - pad, high + pad


def explore(
    losses: LossFn | Mapping[str, LossFn],
    grads: LossFn | Mapping[str, LossFn] | None = None,
    *,
    params: Mapping[str, ParamSpec] | None = None,
    variable: Variable | Sequence[Variable] | None = None,
    title: str | None = None,
    play: str | None = None,
) -> Interactive:
    """Draw losses (and their gradients) against a natural variable, with live sliders.

    Parameters
    ----------
    losses : callable or mapping of name to callable
        Loss functions ``loss(y_true, y_pred, **hyperparameters)`` returning one loss per example:
        finite at every point of the axis (infinite only at an end of it, as -log p at p = 0);
        NaN, or inf inside the axis, is a ValueError naming the function and the slider values.
    grads : callable or mapping of name to callable, optional
        Their gradients with respect to ``y_pred``, same call; drawn in a second panel.
    params : mapping, optional
        Hyperparameter name to ``(low, high, value[, step])``; each loss receives only the
        hyperparameters its signature names.
    variable : Variable or sequence of Variable, optional
        The horizontal axis; :func:`residual` by default. Several variables on one axis
        (``[logit(y_true=1), logit(y_true=0)]``: both classes) draw each loss once per
        variable, in one colour and a line style per variable.
    title : str, optional
        A title above the figure.
    play : str, optional
        The name of a slider to give a play button, which sweeps it across its range.

    Returns
    -------
    Interactive
        ``.sliders``, ``.values``, ``.set(...)``, ``.fig``, and ``.artists[name]``, the pair
        ``(loss_line, grad_line)`` of each loss (``grad_line`` is None without a gradient);
        with several variables the keys are ``"name, variable name"`` (``"BCE, y = 1"``).
    """
    losses = _as_named(losses, "losses")
    no_grads = grads is None or (isinstance(grads, Mapping) and not grads)
    grads = {} if no_grads else _as_named(grads, "grads")
    check_text("title", title, optional=True)
    params = slider_specs(params or {})
    _check_names(losses, grads, params)
    variables = _as_variables(variable)
    axis = variables[0]
    arguments = [_arguments(v) for v in variables]
    fns = {
        **{(name, 0): fn for name, fn in losses.items()},
        **{(name, 1): fn for name, fn in grads.items()},
    }

    def curve(fn: LossFn, panel: int, v: Variable, args, values: Mapping[str, float]):
        y = fn(*args, **accepted_params(fn, {**values, **v.keywords}))
        y = np.asarray(v.grad_curve(y) if panel and v.grad_curve else y, dtype=float)
        if y.shape != v.x.shape:
            raise ValueError(
                f"{_name_of(fn)} returned shape {y.shape} on the axis {v.label!r}; "
                f"expected one value per point, {v.x.shape}"
            )
        _check_curve(_name_of(fn), y, v, values)
        return y

    def curves(values: Mapping[str, float]) -> dict[tuple[str, int, int], np.ndarray]:
        return {
            (name, panel, i): curve(fn, panel, v, args, values)
            for (name, panel), fn in fns.items()
            for i, (v, args) in enumerate(zip(variables, arguments, strict=True))
        }

    sweep = [curves(values) for values in extreme_values(params)]  # bad curves fail here
    fig, axes = subplots(
        1, 2 if grads else 1, figsize=(11, 4.2) if grads else (6, 4.2), squeeze=False
    )
    axes = axes[0]
    for panel, ax in enumerate(axes):
        ax.axhline(0, color="0.6", lw=0.8)
        ax.axvline(0, color="0.6", lw=0.8)
        ax.set_xlim(axis.x[0], axis.x[-1])
        ax.set_ylim(*_limits([c[key] for c in sweep for key in c if key[1] == panel]))
        ax.set_xlabel(axis.label)
    axes[0].set_ylabel("loss $L$")
    if grads:
        axes[1].set_ylabel(axis.grad_label)
    artists, lines = {}, {}
    for name in losses:
        colour = None
        for i, v in enumerate(variables):
            key = name if len(variables) == 1 else f"{name}, {v.name}"
            style = LINESTYLES[i % len(LINESTYLES)]
            for panel, ax in enumerate(axes):
                if (name, panel) in fns:
                    (lines[name, panel, i],) = ax.plot(
                        axis.x, sweep[0][name, panel, i], style, color=colour, label=key
                    )
                    colour = lines[name, panel, i].get_color()
            artists[key] = (lines[name, 0, i], lines.get((name, 1, i)))
    axes[0].legend(loc="upper center")
    if title:
        fig.suptitle(title)

    def update(**values: float) -> None:
        for key, y in curves(values).items():
            lines[key].set_ydata(y)

    handle = interactive(fig, update, params, animated=list(lines.values()), play=play)
    handle.artists = artists
    return handle
