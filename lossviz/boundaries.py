"""Decision regions of two-dimensional binary classifiers, side by side, moved by sliders.

Each panel shades where one classifier predicts class 1 (its probability at least the
threshold) over a grid that covers the data, marks the data by class, and titles itself with
the precision and recall of class 1 on those points. A classifier that takes a slider's
hyperparameter is re-evaluated on each move; the others stay as drawn.

Examples
--------
>>> import numpy as np
>>> X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
>>> y = np.array([0, 0, 1, 1])
>>> def shifted(points, *, shift=1.5):
...     return (points[:, 0] > shift).astype(float)
>>> handle = decision_regions({"x > shift": shifted}, X, y, params={"shift": (0.0, 3.0, 1.5)})
>>> handle.artists["x > shift"][1].get_text()
'x > shift\\nprecision 1.00, recall 1.00'
>>> handle.sliders["shift"].value = 0.5
>>> handle.artists["x > shift"][1].get_text()
'x > shift\\nprecision 0.67, recall 1.00'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap, to_rgb
from matplotlib.patches import Patch

from lossviz.controls import extreme_values, slider_specs
from lossviz.explorer import accepted_params
from lossviz.interactive import Interactive, ParamSpec, interactive, subplots
from lossviz.style import PALETTE
from lossviz.validate import (
    check_finite,
    check_functions,
    check_integer,
    check_labels,
    check_open_unit,
    check_probabilities,
    check_same_shape,
    check_text,
)

Classifier = Callable[..., np.ndarray]


def precision_recall(y_true: np.ndarray, predicted: np.ndarray) -> tuple[float, float]:
    """Precision and recall of class 1; precision is 0 when nothing is predicted as class 1.

    `y_true` and `predicted` are labels in {0, 1} (integers or booleans, arrays or lists) of
    one shape; probabilities are refused: compare them with a threshold first.

    >>> precision_recall(np.array([1, 1, 0, 0]), np.array([1, 0, 1, 0]))
    (0.5, 0.5)
    >>> precision_recall([1, 0], [0.9, 0.2])
    Traceback (most recent call last):
        ...
    ValueError: predicted must hold integer class labels, got dtype float64
    """
    y_true, predicted = check_labels("y_true", y_true, 2), check_labels("predicted", predicted, 2)
    check_same_shape("y_true", y_true, "predicted", predicted)
    if y_true.size == 0:
        raise ValueError("y_true and predicted must hold at least one label each, got none")
    hits = np.count_nonzero((predicted == 1) & (y_true == 1))
    predicted_ones, ones = np.count_nonzero(predicted == 1), np.count_nonzero(y_true == 1)
    return float(hits / max(predicted_ones, 1)), float(hits / max(ones, 1))


def _tint(colour: str, amount: float = 0.7) -> tuple[float, float, float]:
    return tuple(c + (1 - c) * amount for c in to_rgb(colour))


def decision_regions(
    classifiers: Mapping[str, Classifier],
    X: np.ndarray,
    y: np.ndarray,
    *,
    params: Mapping[str, ParamSpec] | None = None,
    threshold: float = 0.5,
    num: int = 150,
    title: str | None = None,
    xlabel: str = "feature 1",
    ylabel: str = "feature 2",
    play: str | None = None,
) -> Interactive:
    """Draw the decision regions of binary classifiers of two features side by side.

    Parameters
    ----------
    classifiers : mapping of name to callable
        ``classifier(points, **hyperparameters)`` returns the probability of class 1 at each
        of the ``(m, 2)`` points, shape ``(m,)``; it receives only the hyperparameters its
        signature names.
    X, y : ndarray
        The data drawn on every panel, shape ``(n, 2)``, and its labels in {0, 1}; precision
        and recall are measured on it.
    params : mapping, optional
        Hyperparameter name to ``(low, high, value[, step])``, one slider each.
    threshold : float
        A point is predicted as class 1 when its probability is at least this.
    num : int
        Grid points along each axis.
    title : str, optional
        A title above the figure.
    xlabel, ylabel : str
        The names of the two features, along the horizontal and the vertical axis.
    play : str, optional
        The name of a slider to give a play button, which sweeps it across its range.

    Returns
    -------
    Interactive
        ``.sliders``, ``.values``, ``.set(...)``, ``.fig``, and ``.artists[name]``, the pair
        ``(image, title)`` of each panel: the shaded regions and the title's Text.
    """
    classifiers = check_functions("classifiers", classifiers)
    X = check_finite("X", X)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(f"X must have shape (n, 2), at least one point, got {X.shape}")
    y = check_labels("y", y, 2)
    if y.shape != (len(X),):
        raise ValueError(f"y must hold one label per row of X, shape ({len(X)},), got {y.shape}")
    threshold = check_open_unit("threshold", threshold)
    num = check_integer("num", num, minimum=2)
    check_text("title", title, optional=True)
    check_text("xlabel", xlabel)
    check_text("ylabel", ylabel)
    params = slider_specs(params or {})
    for name in params:
        if not any(accepted_params(c, {name: 0.0}) for c in classifiers.values()):
            raise ValueError(
                f"params names {name!r}, but no classifier takes a keyword of that name"
            )

    low, high = X.min(axis=0), X.max(axis=0)
    pad = np.where(high > low, 0.05 * (high - low), 0.5)  # all points on one line: half a unit
    low, high = low - pad, high + pad
    grid = np.meshgrid(np.linspace(low[0], high[0], num), np.linspace(low[1], high[1], num))
    points = np.column_stack([g.ravel() for g in grid])

    def probabilities(name: str, at: np.ndarray, values: Mapping[str, float]) -> np.ndarray:
        fn = classifiers[name]
        probs = np.asarray(fn(at, **accepted_params(fn, values)), dtype=float)
        if probs.shape != (len(at),):
            raise ValueError(
                f"classifier {name!r} must return one probability per point, "
                f"shape ({len(at)},), got {probs.shape}"
            )
        return check_probabilities(f"classifier {name!r}", probs)

    def caption(name: str, values: Mapping[str, float]) -> str:
        predicted = (probabilities(name, X, values) >= threshold).astype(int)
        precision, recall = precision_recall(y, predicted)
        return f"{name}\nprecision {precision:.2f}, recall {recall:.2f}"

    fig, axes = subplots(
        1,
        len(classifiers),
        figsize=(4.6 * len(classifiers), 4.8),
        squeeze=False,
        sharex=True,
        sharey=True,
    )
    cmap = ListedColormap([_tint(PALETTE[0]), _tint(PALETTE[1])])
    norm = BoundaryNorm([0.0, threshold, 1.0], cmap.N)
    values = extreme_values(params)[0]
    artists = {}
    for ax, name in zip(axes[0], classifiers, strict=True):
        image = ax.imshow(
            probabilities(name, points, values).reshape(num, num),
            origin="lower",
            extent=(low[0], high[0], low[1], high[1]),
            aspect="auto",
            cmap=cmap,
            norm=norm,
            interpolation="nearest",
        )
        for label, colour, size in ((0, PALETTE[0], 10), (1, PALETTE[1], 36)):
            mine = y == label
            ax.scatter(
                X[mine, 0],
                X[mine, 1],
                s=size,
                color=colour,
                edgecolors="black",
                linewidths=0.4,
                label=f"class {label} ({np.count_nonzero(mine)})",
            )
        ax.set_title(caption(name, values), fontsize=14)
        ax.grid(False)
        ax.set_xlabel(xlabel)
        artists[name] = (image, ax.title)
    axes[0][0].set_ylabel(ylabel)
    regions = (f"predicted class 0 (p < {threshold:g})", f"predicted class 1 (p ≥ {threshold:g})")
    shading = [
        Patch(facecolor=cmap(k), edgecolor="0.4", label=f"shaded: {text}")
        for k, text in enumerate(regions)
    ]
    points_key = axes[0][0].get_legend_handles_labels()[0]
    fig.legend(
        handles=[*points_key, *shading], loc="outside lower center", ncols=4, fontsize=12
    )  # one key for every panel: the points and the shading
    if title:
        fig.suptitle(title)
    moving = [name for name, fn in classifiers.items() if accepted_params(fn, params)]

    def update(**values: float) -> None:
        for name in moving:
            image, text = artists[name]
            image.set_data(probabilities(name, points, values).reshape(num, num))
            text.set_text(caption(name, values))

    handle = interactive(fig, update, params, play=play)
    handle.artists = artists
    return handle
