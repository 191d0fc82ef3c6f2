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

from lossviz.interactive import Interactive, ParamSpec, interactive, subplots
from lossviz.validate import check_range

LossFn = Callable[..., np.ndarray]
LINESTYLES = ("-", "--", ":", "-.")


@dataclass(frozen=True)
class Variable:
    """The explorer's horizontal axis and how a point on it becomes ``(y_true, y_pred)``.

    ``keywords`` are fixed keyword arguments given to every function that takes them (the
    logit axis gives ``from_logits=True``); ``grad_curve`` turns a gradient with one column
    per class into the curve drawn (None: the gradient is drawn as it is); ``name`` tells
    apart, in the legend, several variables drawn on one axis (``"y = 1"``).
    """

    label: str
    x: np.ndarray
    to_arguments: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
    grad_label: str = r"gradient $\partial L / \partial \hat{y}$"
    keywords: Mapping[str, object] = field(default_factory=dict)
    grad_curve: Callable[[np.ndarray], np.ndarray] | None = None
    name: str = ""


def residual(low: float = -3.0, high: float = 3.0, num: int = 401) -> Variable:
    """The regression axis: the residual ``r = y_pred - y_true``, with ``y_true = 0``.

    >>> residual(-1, 1, 3).to_arguments(np.array([-1.0, 0.0, 1.0]))[1].tolist()
    [-1.0, 0.0, 1.0]
    """
    x = np.linspace(*check_range("residual", low, high), num)
    return Variable(r"residual $r = \hat{y} - y$", x, lambda r: (np.zeros_like(r), r))


def accepted_params(fn: Callable, values: Mapping[str, float]) -> dict[str, float]:
    """The subset of `values` that `fn` takes as keyword arguments."""
    parameters = inspect.signature(fn).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return dict(values)
    names = {p.name for p in parameters}
    return {name: value for name, value in values.items() if name in names}


def _as_named(fns: LossFn | Mapping[str, LossFn] | None, what: str) -> dict[str, LossFn]:
    if fns is None:
        return {}
    if callable(fns):
        return {fns.__name__: fns}
    if not isinstance(fns, Mapping) or not all(callable(f) for f in fns.values()):
        raise ValueError(f"{what} must be a callable or a mapping of names to callables")
    return dict(fns)


def _name_of(fn: Callable) -> str:
    return getattr(fn, "__name__", None) or type(fn).__name__


def _check_names(losses: dict, grads: dict, params: Mapping) -> None:
    if not losses:
        raise ValueError("losses must name at least one loss function")
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
            raise ValueError(f"variables drawn together must share one axis, got "
                             f"{first.label!r} and {other.label!r} or different points")
    names = [v.name for v in variables]
    if len(variables) > 1 and (not all(names) or len(set(names)) < len(names)):
        raise ValueError(f"variables drawn together need distinct, non-empty names, got {names}")
    return variables


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
) -> Interactive:
    """Draw losses (and their gradients) against a natural variable, with live sliders.

    Parameters
    ----------
    losses : callable or mapping of name to callable
        Loss functions ``loss(y_true, y_pred, **hyperparameters)`` returning one loss per example.
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

    Returns
    -------
    Interactive
        ``.sliders``, ``.values``, ``.set(...)``, ``.fig``, and ``.artists[name]``, the pair
        ``(loss_line, grad_line)`` of each loss (``grad_line`` is None without a gradient);
        with several variables the keys are ``"name, variable name"`` (``"BCE, y = 1"``).
    """
    losses, grads = _as_named(losses, "losses"), _as_named(grads, "grads")
    params = dict(params or {})
    _check_names(losses, grads, params)
    variables = _as_variables(variable)
    axis = variables[0]
    arguments = [v.to_arguments(v.x) for v in variables]
    fns = {**{(name, 0): fn for name, fn in losses.items()},
           **{(name, 1): fn for name, fn in grads.items()}}

    def curve(fn: LossFn, panel: int, v: Variable, args, values: Mapping[str, float]):
        y = fn(*args, **accepted_params(fn, {**values, **v.keywords}))
        y = np.asarray(v.grad_curve(y) if panel and v.grad_curve else y, dtype=float)
        if y.shape != v.x.shape:
            raise ValueError(f"{_name_of(fn)} returned shape {y.shape} on the axis {v.label!r}; "
                             f"expected one value per point, {v.x.shape}")
        return y

    def curves(values: Mapping[str, float]) -> dict[tuple[str, int, int], np.ndarray]:
        return {(name, panel, i): curve(fn, panel, v, args, values)
                for (name, panel), fn in fns.items()
                for i, (v, args) in enumerate(zip(variables, arguments, strict=True))}

    fig, axes = subplots(1, 2 if grads else 1, figsize=(11, 4.2) if grads else (6, 4.2),
                         squeeze=False)
    axes = axes[0]
    first = {name: spec[2] for name, spec in params.items()}
    extremes = [first] + [{**first, name: spec[i]} for name, spec in params.items() for i in (0, 1)]
    sweep = [curves(values) for values in extremes]
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
                    (lines[name, panel, i],) = ax.plot(axis.x, sweep[0][name, panel, i], style,
                                                       color=colour, label=key)
                    colour = lines[name, panel, i].get_color()
            artists[key] = (lines[name, 0, i], lines.get((name, 1, i)))
    axes[0].legend(loc="upper center")
    if title:
        fig.suptitle(title)

    def update(**values: float) -> None:
        for key, y in curves(values).items():
            lines[key].set_ydata(y)

    handle = interactive(fig, update, params, animated=list(lines.values()))
    handle.artists = artists
    return handle
