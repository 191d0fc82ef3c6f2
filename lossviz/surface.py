"""A loss over a plane: a heat map, one level's contour and marked points, all moved by sliders.

The heat map is drawn once and updated with ``set_data``; the contour is a line collection
whose segments are recomputed with contourpy (Matplotlib's own contour engine) on each move,
so nothing is removed or redrawn; marked points are sorted into categories (one scatter per
category, its legend entry counting its points) by a function of the sliders too. Under
ipympl a slider move redraws only these artists over a cached background (blitting).

Examples
--------
>>> import numpy as np
>>> def bowl(x, y, *, radius=1.0):
...     return x**2 + y**2 - radius**2
>>> handle = explore_surface(bowl, (-2, 2), (-2, 2), params={"radius": (0.5, 1.5, 1.0)}, num=5)
>>> handle.sliders["radius"].value = 1.5
>>> handle.artists["image"].get_array()[2].tolist()  # the row y = 0: x**2 - 1.5**2
[1.75, -1.25, -2.25, -1.25, 1.75]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import contourpy
import numpy as np
from matplotlib import patheffects
from matplotlib.collections import LineCollection
from matplotlib.colors import is_color_like
from matplotlib.lines import Line2D

from lossviz.controls import extreme_values, slider_specs
from lossviz.explorer import accepted_params
from lossviz.interactive import Interactive, ParamSpec, interactive, subplots
from lossviz.validate import (
    check_callable,
    check_finite,
    check_integer,
    check_number,
    check_range,
    check_same_shape,
    check_text,
)

SurfaceFn = Callable[..., np.ndarray]
MARKERS = ("o", "s", "^", "D", "v", "P")


def _grid_axis(name: str, limits, num: int) -> np.ndarray:
    if not isinstance(limits, tuple | list) or len(limits) != 2:
        raise ValueError(f"{name} must be given as (low, high), got {limits!r}")
    return np.linspace(*check_range(name, *limits), num)


def _evaluate(
    fn: SurfaceFn, X: np.ndarray, Y: np.ndarray, values: Mapping[str, float], name: str = "fn"
) -> np.ndarray:
    Z = np.asarray(fn(X, Y, **accepted_params(fn, values)), dtype=float)
    if Z.shape != X.shape:
        raise ValueError(
            f"{name}(X, Y) must return an array of the grid's shape {X.shape}, got {Z.shape}"
        )
    return check_finite(f"{name}(X, Y)", Z)


def level_lines(x: np.ndarray, y: np.ndarray, Z: np.ndarray, level: float) -> list[np.ndarray]:
    """The lines where ``Z`` (values on the grid ``x`` by ``y``) crosses `level`.

    One ``(n, 2)`` array of points ``(x, y)`` per line, by linear interpolation between
    grid points, as ``matplotlib.pyplot.contour`` draws them. Where ``Z`` equals `level` on
    a whole region (the flat zero of a hinge), the line follows that region's edge to
    within one grid step.

    >>> x = y = np.linspace(-1.0, 1.0, 3)
    >>> X, Y = np.meshgrid(x, y)
    >>> [line.tolist() for line in level_lines(x, y, X, 0.5)]
    [[[0.5, 1.0], [0.5, 0.0], [0.5, -1.0]]]
    """
    return list(contourpy.contour_generator(x, y, Z).lines(level))


def _guide(label: str, line) -> tuple[np.ndarray, np.ndarray]:
    if not isinstance(line, tuple | list) or len(line) != 2:
        raise ValueError(f"guide {label!r} must be given as (x, y), got {line!r}")
    x, y = (check_finite(f"guide {label!r}", v) for v in line)
    check_same_shape(f"guide {label!r} x", x, "y", y)
    if x.ndim != 1 or x.size < 2:
        raise ValueError(f"guide {label!r} needs at least two points in 1-D arrays")
    return x, y


def _points(points) -> tuple[np.ndarray, np.ndarray]:
    """The marked points as two 1-D arrays; an array is refused, as ``(2, 2)`` would be
    ambiguous: two points as rows, or the pair (px, py)?"""
    if isinstance(points, np.ndarray) or not isinstance(points, tuple | list) or len(points) != 2:
        given = (
            f"an array of shape {points.shape}"
            if isinstance(points, np.ndarray)
            else (type(points).__name__)
        )
        raise TypeError(
            f"points must be a pair (px, py) of 1-D arrays, got {given}; for "
            "points given as rows of an array P, pass (P[:, 0], P[:, 1])"
        )
    px, py = check_finite("px", points[0]), check_finite("py", points[1])
    check_same_shape("px", px, "py", py)
    if px.ndim != 1:
        raise ValueError(f"points must be two 1-D arrays, got shape {px.shape}")
    return px, py


def _check_category_colours(categories) -> dict[str, str]:
    if not isinstance(categories, Mapping) or not categories:
        raise ValueError("points need categories: a non-empty mapping of names to colours")
    for name, colour in categories.items():
        check_text("a category name", name)
        if not is_color_like(colour):
            raise ValueError(f"categories[{name!r}] must be a colour, got {colour!r}")
    return dict(categories)


def _check_categories(names: np.ndarray, n: int, categories: Mapping[str, str]) -> np.ndarray:
    names = np.asarray(names)
    if names.shape != (n,):
        raise ValueError(
            f"classify must return one category per point, shape ({n},), got {names.shape}"
        )
    unknown = set(names.tolist()) - set(categories)
    if unknown:
        raise ValueError(
            f"classify returned {sorted(unknown)}, not among the categories {list(categories)}"
        )
    return names


def explore_surface(
    fn: SurfaceFn,
    x: tuple[float, float],
    y: tuple[float, float],
    *,
    params: Mapping[str, ParamSpec],
    level: float = 0.0,
    boundary: SurfaceFn | None = None,
    guides: Mapping[str, tuple[np.ndarray, np.ndarray]] | None = None,
    points: tuple[np.ndarray, np.ndarray] | None = None,
    classify: Callable[..., np.ndarray] | None = None,
    categories: Mapping[str, str] | None = None,
    xlabel: str = "$x$",
    ylabel: str = "$y$",
    zlabel: str = "loss $L$",
    title: str | None = None,
    num: int = 201,
    cmap: str = "viridis",
    play: str | None = None,
) -> Interactive:
    """A heat map of ``fn(X, Y, **params)`` with its `level` contour, and sliders.

    Parameters
    ----------
    fn : callable
        ``fn(X, Y, **hyperparameters)``, vectorised: returns an array of the shape of the
        grid ``X``, ``Y``; it receives only the hyperparameters its signature names.
    x, y : (low, high)
        The ranges of the two axes.
    params : mapping
        Slider name to ``(low, high, value[, step])``.
    level : float
        The value whose contour is drawn (and moves with the sliders).
    boundary : callable, optional
        A function like `fn` whose `level` contour is drawn instead of `fn`'s. For a hinge
        ``max(u, 0)``, pass ``u``: the loss is flat at zero on one side, so its own contour
        can only follow the grid points there, while ``u`` crosses zero sharply.
    guides : mapping, optional
        Fixed reference lines: legend label to the ``(x, y)`` points of a line, drawn dashed.
    points : (px, py), optional
        Points to mark on the plane, two 1-D arrays of the same length, as a tuple or list
        (an array is refused: for points given as rows of ``P``, pass ``(P[:, 0], P[:, 1])``).
    classify : callable, optional
        ``classify(px, py, **hyperparameters)`` returns each point's category name;
        required with `points`.
    categories : mapping, optional
        Category name to colour, in legend order; required with `points`.
    xlabel, ylabel, zlabel : str
        Axis labels; `zlabel` labels the colour bar.
    title : str, optional
        A title above the figure.
    num : int
        Grid points along each axis.
    cmap : str
        The heat map's colour map.
    play : str, optional
        The name of a slider to give a play button, which sweeps it across its range.

    Returns
    -------
    Interactive
        ``.sliders``, ``.values``, ``.set(...)``, ``.fig``, and ``.artists``: ``"image"``
        (the heat map), ``"contour"`` (a LineCollection), ``"points"`` (category name to
        its scatter), ``"guides"`` (label to line) and ``"legend"`` (below the plane, its
        entries counting the points). Under ipympl a slider move redraws only these.
    """
    check_callable("fn", fn)
    for name, f in (("boundary", boundary), ("classify", classify)):
        if f is not None:
            check_callable(name, f)
    num = check_integer("num", num, minimum=2)
    xs, ys = _grid_axis("x", x, num), _grid_axis("y", y, num)
    X, Y = np.meshgrid(xs, ys)
    level = check_number("level", level)
    for name, text in (("xlabel", xlabel), ("ylabel", ylabel), ("zlabel", zlabel)):
        check_text(name, text)
    check_text("title", title, optional=True)
    params = slider_specs(params)
    takers = [f for f in (fn, boundary, classify) if f is not None]
    for name in params:
        if not any(accepted_params(f, {name: 0.0}) for f in takers):
            raise ValueError(f"params names {name!r}, but no function given takes it")
    if points is not None:
        if classify is None or not categories:
            raise ValueError("points need classify and categories to sort and colour them")
        px, py = _points(points)
        categories = _check_category_colours(categories)

    if guides is not None and not isinstance(guides, Mapping):
        raise TypeError(f"guides must be a mapping of labels to (x, y) lines, got {guides!r}")
    guides = {label: _guide(label, line) for label, line in (guides or {}).items()}

    sweep = [_evaluate(fn, X, Y, values) for values in extreme_values(params)]

    fig, ax = subplots(figsize=(7.5, 5.8))
    step_x, step_y = xs[1] - xs[0], ys[1] - ys[0]
    extent = (xs[0] - step_x / 2, xs[-1] + step_x / 2, ys[0] - step_y / 2, ys[-1] + step_y / 2)
    image = ax.imshow(
        sweep[0],
        origin="lower",
        extent=extent,
        aspect="auto",
        cmap=cmap,
        vmin=min(z.min() for z in sweep),
        vmax=max(z.max() for z in sweep),
        interpolation="nearest",
    )
    fig.colorbar(image, ax=ax, label=zlabel)
    outline = [patheffects.withStroke(linewidth=4.5, foreground="black")]  # seen on any colour
    contour = LineCollection([], colors="white", linewidths=2.5, path_effects=outline)
    ax.add_collection(contour)
    ax.set_xlim(xs[0], xs[-1])
    ax.set_ylim(ys[0], ys[-1])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    lines = {
        label: ax.plot(*line, "--", color="white", lw=2, path_effects=outline, label=label)[0]
        for label, line in guides.items()
    }
    scatters = {}
    if points is not None:
        for i, (name, colour) in enumerate(categories.items()):
            scatters[name] = ax.scatter(
                [],
                [],
                s=70,
                color=colour,
                label=name,
                zorder=3,
                marker=MARKERS[i % len(MARKERS)],
                edgecolors="black",
                linewidths=1,
            )
    contour_key = Line2D(
        [], [], color="white", lw=2.5, path_effects=outline, label=f"$L = {level:g}$"
    )  # the contour's legend entry
    handles = [contour_key, *lines.values(), *scatters.values()]
    legend = fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3))
    if title:
        ax.set_title(title)
    artists = {
        "image": image,
        "contour": contour,
        "guides": lines,
        "points": scatters,
        "legend": legend,
    }

    def update(**values: float) -> None:
        Z = _evaluate(fn, X, Y, values)
        image.set_data(Z)
        contoured = Z if boundary is None else _evaluate(boundary, X, Y, values, "boundary")
        contour.set_segments(level_lines(xs, ys, contoured, level))
        if points is None:
            return
        names = _check_categories(
            classify(px, py, **accepted_params(classify, values)), px.size, categories
        )
        texts = legend.get_texts()[1 + len(lines) :]
        for text, (name, scatter) in zip(texts, scatters.items(), strict=True):
            mine = names == name
            scatter.set_offsets(np.column_stack([px[mine], py[mine]]))
            text.set_text(f"{name} ({np.count_nonzero(mine)})")

    animated = [image, contour, *lines.values(), *scatters.values(), legend]  # in drawing order
    handle = interactive(fig, update, params, animated=animated, play=play)
    handle.artists = artists
    return handle
