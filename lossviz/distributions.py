"""Two distributions and their divergences: P against one or more Q, and a bar per divergence.

The divergences themselves live in the notebook that defines them; this module draws what
they return and makes the ``(p, q)`` cases that check them.

Examples
--------
>>> import numpy as np
>>> x = np.arange(3)
>>> def kl(p, q):
...     return float(np.sum(p * np.log(p / q)))
>>> handle = compare_distributions(
...     lambda: np.array([0.5, 0.25, 0.25]),
...     lambda w: np.array([w, (1 - w) / 2, (1 - w) / 2]),
...     {"KL(P‖Q)": kl}, {"w": (0.1, 0.9, 0.5)}, x=x)
>>> handle.sliders["w"].value = 0.8
>>> bar, label = handle.artists["KL(P‖Q)", "Q"]
>>> round(bar.get_width(), 4), label.get_text()
(0.2231, ' 0.223')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from lossviz.controls import extreme_values, slider_specs
from lossviz.explorer import accepted_params
from lossviz.interactive import Interactive, ParamSpec, interactive, subplots
from lossviz.style import PALETTE
from lossviz.validate import (
    NUMBER_KINDS,
    check_finite,
    check_flag,
    check_functions,
    check_number,
    check_positive,
    check_probabilities,
    check_seed,
    check_text,
)

Case = tuple[np.ndarray, np.ndarray]
Distribution = Callable[..., np.ndarray]

#: How far from 1 a distribution's total may be (rounding in a normalisation).
SUM_TOLERANCE = 1e-6

#: How far below 0 a divergence may come out by rounding (JS of equal distributions); drawn as 0.
NEGATIVE_TOLERANCE = 1e-9


def check_distribution(name: str, values, size: int | None = None) -> np.ndarray:
    """Return `values` as a float array of probabilities summing to 1 over the last axis.

    Raise ValueError naming `name` on NaN or inf, entries outside [0, 1], a total other than 1,
    or (with `size`) a last axis of another length.

    >>> check_distribution("p", [0.5, 0.5, 0.0])
    array([0.5, 0.5, 0. ])
    >>> check_distribution("q", [0.5, 0.6])
    Traceback (most recent call last):
        ...
    ValueError: q must sum to 1 over its last axis, got a total of 1.1
    """
    array = check_probabilities(name, values)
    if array.ndim == 0:
        raise ValueError(f"{name} must be an array of probabilities, got a single number")
    if size is not None and array.shape[-1] != size:
        raise ValueError(
            f"{name} must hold {size} probabilities (one per x), got {array.shape[-1]}"
        )
    totals = array.sum(axis=-1)
    if np.any(np.abs(totals - 1) > SUM_TOLERANCE):
        worst = totals.flat[np.argmax(np.abs(totals - 1))]
        raise ValueError(f"{name} must sum to 1 over its last axis, got a total of {worst:.6g}")
    return array


def distribution_cases(seed: int = 0, *, zeros: bool = True) -> list[Case]:
    """``(p, q)`` pairs of discrete distributions, one per row, for checking a divergence.

    Three random cases: Dirichlet draws over 3, 10 and 100 categories, mixed with 1% of the
    uniform distribution so that every probability is at least 0.01 / k (far above Keras'
    clipping at 1e-7). With ``zeros=True`` the edge cases: a one-hot ``p`` (exact zeros);
    a ``p`` with half its entries exactly zero and ``q`` at 1e-12 exactly there (near zero
    where that is allowed: every divergence stays finite); and ``q`` equal to ``p``, one
    row one-hot (every divergence exactly 0).

    >>> cases = distribution_cases()
    >>> len(cases), len(distribution_cases(zeros=False))
    (6, 3)
    >>> all(np.allclose(p.sum(-1), 1) and np.allclose(q.sum(-1), 1) for p, q in cases)
    True
    """
    rng = np.random.default_rng(check_seed("seed", seed))
    zeros = check_flag("zeros", zeros)

    def dirichlet(n: int, k: int) -> np.ndarray:
        return 0.99 * rng.dirichlet(np.ones(k), n) + 0.01 / k

    cases = [(dirichlet(n, k), dirichlet(n, k)) for n, k in ((40, 3), (100, 10), (20, 100))]
    if zeros:
        one_hot = np.eye(5)[rng.integers(0, 5, 10)]
        cases.append((one_hot, dirichlet(10, 5)))
        sparse = dirichlet(20, 8) * (rng.permuted(np.tile(np.arange(8) % 2, (20, 1)), axis=1))
        sparse /= sparse.sum(-1, keepdims=True)
        near_zero = np.where(sparse > 0, dirichlet(20, 8), 1e-12)
        cases.append((sparse, near_zero / near_zero.sum(-1, keepdims=True)))
        same = np.vstack([dirichlet(5, 6), np.eye(6)[:1]])
        cases.append((same, same.copy()))
    return cases


def _as_named(fns, what: str, default: str) -> dict[str, Callable]:
    if callable(fns):
        return {default: fns}
    return check_functions(what, fns)


def _divergence(name: str, q_name: str, value, values: Mapping[str, float]) -> float:
    """The number a divergence returned; ValueError for an array, NaN, -inf or a negative value."""
    value = np.asarray(value)
    if value.ndim != 0:
        raise ValueError(
            f"divergence {name!r} must return one number for 1-D p and q, got shape {value.shape}"
        )
    if value.dtype.kind not in NUMBER_KINDS:
        raise TypeError(f"divergence {name!r} must return a number, got {value!r}")
    where = f" for Q {q_name!r}" + (f" with {dict(values)}" if values else "")
    number = float(value)
    if np.isnan(number) or number < -NEGATIVE_TOLERANCE:
        raise ValueError(
            f"divergence {name!r} returned {number!r}{where}; a divergence is a "
            "number of at least 0 (or inf)"
        )
    return max(number, 0.0)


def _label(value: float) -> str:
    return " ∞" if value == np.inf else f" {value:.3f}"


def compare_distributions(
    p: Distribution | Mapping[str, Distribution],
    q: Distribution | Mapping[str, Distribution],
    divergences: Mapping[str, Callable[..., float]],
    params: Mapping[str, ParamSpec] | None = None,
    *,
    x: np.ndarray,
    xlabel: str = "x",
    limit: float | None = None,
    marks: Mapping[str, float] | None = None,
    title: str | None = None,
    play: str | None = None,
) -> Interactive:
    """Draw P and Q over `x` and a bar per divergence, live with one slider per parameter.

    Parameters
    ----------
    p : callable or mapping of one name to a callable
        ``p(**values)`` returns the probabilities of P over `x` (summing to 1); it receives
        only the slider values its signature names. Named "P" unless given as a mapping.
    q : callable or mapping of names to callables
        The same for Q, or for several candidate Qs, each compared with P ("Q" by default).
    divergences : mapping of name to callable
        ``divergence(p, q, **values)`` returns one number of at least 0; it receives only the
        slider values its signature names (use them for a closed form). Infinity is drawn as a
        full bar "∞"; NaN or a value below 0 (beyond rounding) is a ValueError.
    params : mapping, optional
        Slider name to ``(low, high, value[, step])``.
    x : array
        The points where the distributions are given: categories, or a grid for a density.
    xlabel : str
        The label of the distributions' horizontal axis.
    limit : float, optional
        The right end of the bars' axis; by default a little above the largest finite value
        seen with every slider at its start and at each end of its range.
    marks : mapping of label to number, optional
        Reference values drawn as labelled dashed lines across the bars: ``{"log 2": 0.693}``.
    title : str, optional
        A title above the figure.
    play : str, optional
        The name of a slider to give a play button, which sweeps it across its range.

    Returns
    -------
    Interactive
        ``.sliders``, ``.values``, ``.set(...)``, ``.fig``, and ``.artists``: the line of each
        distribution by name, and ``artists[divergence, q_name] == (bar, text)``. The lines
        show probability per unit of x (for categories one apart, the probability itself).
    """
    dists = _as_named(p, "p", "P")
    if len(dists) != 1:
        raise ValueError(f"p must be one distribution, got {len(dists)}: {sorted(dists)}")
    qs = _as_named(q, "q", "Q")
    overlap = set(dists) & set(qs)
    if overlap:
        raise ValueError(f"p and q must have different names, both use {sorted(overlap)}")
    dists.update(qs)
    divergences = _as_named(divergences, "divergences", getattr(divergences, "__name__", ""))
    params = slider_specs(params or {})
    check_text("xlabel", xlabel)
    check_text("title", title, optional=True)
    x = check_finite("x", x)
    if x.ndim != 1 or x.size < 2 or np.any(np.diff(x) <= 0):
        raise ValueError("x must be a 1-D increasing array of at least two points")
    if limit is not None:
        limit = check_positive("limit", limit)
    if marks is not None and not isinstance(marks, Mapping):
        raise TypeError(f"marks must be a mapping of labels to numbers, got {marks!r}")
    marks = {label: check_number(f"marks[{label!r}]", v) for label, v in (marks or {}).items()}
    every = [*dists.values(), *divergences.values()]
    for name in params:
        if not any(accepted_params(fn, {name: 0.0}) for fn in every):
            raise ValueError(f"params names {name!r}, but neither p, q nor a divergence takes it")
    p_name = next(iter(dists))
    widths = np.gradient(x)

    def evaluate(values: Mapping[str, float]) -> tuple[dict, dict]:
        probs = {
            name: check_distribution(
                "p" if name == p_name else f"q {name!r}", fn(**accepted_params(fn, values)), x.size
            )
            for name, fn in dists.items()
        }
        if any(probs[name].ndim != 1 for name in probs):
            raise ValueError("p and q must each return a 1-D array, one probability per x")
        found = {}
        for div_name, fn in divergences.items():
            for q_name in qs:
                value = fn(probs[p_name], probs[q_name], **accepted_params(fn, values))
                found[div_name, q_name] = _divergence(div_name, q_name, value, values)
        return probs, found

    sweep = [evaluate(values) for values in extreme_values(params)]
    fig, (ax_dist, ax_div) = subplots(1, 2, figsize=(12, 4.4), width_ratios=[3, 2])

    categories = x.size <= 40
    colors = dict(zip(dists, PALETTE, strict=False))
    lines = {
        name: ax_dist.plot(
            x,
            probs / widths,
            color=colors[name],
            label=name,
            drawstyle="steps-mid" if categories else "default",
        )[0]
        for name, probs in sweep[0][0].items()
    }
    fill = ax_dist.fill_between(
        x,
        0,
        sweep[0][0][p_name] / widths,
        color=colors[p_name],
        alpha=0.2,
        step="mid" if categories else None,
    )
    top = max(
        float(np.max(probs / widths))
        for probs_by_name, _ in sweep
        for probs in probs_by_name.values()
    )
    ax_dist.set(
        xlabel=xlabel,
        ylim=(0, 1.1 * top),
        xlim=(x[0], x[-1]),
        ylabel="probability" if np.allclose(widths, 1) else "probability density",
    )
    ax_dist.legend(loc="upper right")

    height = 0.8 / len(qs)
    finite = [v for _, found in sweep for v in found.values() if np.isfinite(v)]
    right = limit or 1.3 * max([*finite, 1e-3])
    bars = {}
    for i, div_name in enumerate(divergences):
        for j, q_name in enumerate(qs):
            y = i + (j - (len(qs) - 1) / 2) * height
            (bar,) = ax_div.barh(
                y, 0.0, height * 0.9, color=colors[q_name], label=q_name if i == 0 else None
            )
            bars[div_name, q_name] = (bar, ax_div.text(0.0, y, "", va="center", fontsize=13))
    ax_div.set(xlim=(0, right), yticks=range(len(divergences)), yticklabels=list(divergences))
    ax_div.invert_yaxis()
    for label, value in marks.items():
        ax_div.axvline(value, color="0.3", ls="--", lw=2)
        ax_div.annotate(
            label,
            (value, 1),
            xycoords=("data", "axes fraction"),
            ha="center",
            va="bottom",
            fontsize=13,
        )
    ax_div.grid(axis="y", visible=False)
    if len(qs) > 1:
        ax_div.legend(loc="lower right")
    if title:
        fig.suptitle(title)

    def update(**values: float) -> None:
        probs, found = evaluate(values)
        for name, line in lines.items():
            line.set_ydata(probs[name] / widths)
        fill.set_data(x, 0, probs[p_name] / widths)
        for key, value in found.items():
            bar, text = bars[key]
            shown = min(value, right) if np.isfinite(value) or value == np.inf else 0.0
            bar.set_width(shown)
            text.set_x(min(shown, 0.78 * right))
            text.set_text(_label(value))

    changing = [*lines.values(), fill, *(artist for pair in bars.values() for artist in pair)]
    handle = interactive(fig, update, params, animated=changing, play=play)
    handle.artists = {**lines, **bars}
    return handle
