"""lossviz.surface: drive the sliders, compare the artists with a direct computation."""

import contourpy
import numpy as np
import pytest

from lossviz.surface import explore_surface, level_lines

CATEGORIES = {"easy": "green", "semi-hard": "orange", "hard": "red"}
GRID = np.linspace(0.0, 2.0, 41)


def hinge(d_ap, d_an, *, margin=1.0):
    return np.maximum(d_ap - d_an + margin, 0.0)


def hinge_argument(d_ap, d_an, *, margin=1.0):
    return d_ap - d_an + margin


def bowl(x, y, *, radius=1.0):
    return x**2 + y**2 - radius**2


def kind(d_ap, d_an, *, margin=1.0):
    return np.where(d_an < d_ap, "hard", np.where(d_an < d_ap + margin, "semi-hard", "easy"))


def triplet_handle(**kwargs):
    rng = np.random.default_rng(0)
    points = (rng.uniform(0, 2, 40), rng.uniform(0, 2, 40))
    options = dict(
        params={"margin": (0.0, 1.5, 0.5)},
        points=points,
        classify=kind,
        categories=CATEGORIES,
        num=GRID.size,
    )
    return explore_surface(hinge, (0, 2), (0, 2), **{**options, **kwargs}), points


def test_slider_updates_the_heat_map():
    handle, _ = triplet_handle()
    handle.sliders["margin"].value = 1.2
    X, Y = np.meshgrid(GRID, GRID)
    np.testing.assert_allclose(handle.artists["image"].get_array(), hinge(X, Y, margin=1.2))


def test_heat_map_pixels_are_centred_on_the_grid():
    handle, _ = triplet_handle()
    step = GRID[1] - GRID[0]
    np.testing.assert_allclose(
        handle.artists["image"].get_extent(), [-step / 2, 2 + step / 2, -step / 2, 2 + step / 2]
    )
    assert handle.fig.axes[0].get_xlim() == (0.0, 2.0)


def test_colour_scale_covers_every_slider_extreme():
    handle, _ = triplet_handle()
    image = handle.artists["image"]
    assert image.norm.vmin == 0.0
    assert image.norm.vmax == pytest.approx(2.0 + 1.5)  # the largest loss, at margin 1.5
    handle.sliders["margin"].value = 0.0
    assert image.norm.vmax == pytest.approx(3.5)  # the scale does not jump with the slider


def test_contour_matches_contourpy_and_moves():
    handle = explore_surface(bowl, (-2, 2), (-2, 2), params={"radius": (0.5, 1.5, 1.0)}, num=81)
    xs = np.linspace(-2, 2, 81)
    X, Y = np.meshgrid(xs, xs)
    for radius in (0.7, 1.4):
        handle.sliders["radius"].value = radius
        segments = handle.artists["contour"].get_segments()
        expected = contourpy.contour_generator(xs, xs, bowl(X, Y, radius=radius)).lines(0.0)
        assert len(segments) == len(expected) == 1
        np.testing.assert_allclose(segments[0], expected[0])
        radii = np.hypot(*segments[0].T)
        assert np.max(np.abs(radii - radius)) < xs[1] - xs[0]


def test_contour_at_another_level():
    handle = explore_surface(
        bowl, (-2, 2), (-2, 2), params={"radius": (0.5, 1.5, 1.0)}, level=1.0, num=81
    )
    radii = np.hypot(*handle.artists["contour"].get_segments()[0].T)
    np.testing.assert_allclose(radii, np.sqrt(2.0), atol=0.01)


def test_boundary_function_gives_the_exact_hinge_edge():
    handle, _ = triplet_handle(boundary=hinge_argument)
    handle.sliders["margin"].value = 0.73
    (line,) = handle.artists["contour"].get_segments()
    np.testing.assert_allclose(line[:, 1], line[:, 0] + 0.73, atol=1e-12)


def test_hinge_contour_without_boundary_stays_within_one_grid_step():
    handle, _ = triplet_handle()
    handle.sliders["margin"].value = 0.73
    (line,) = handle.artists["contour"].get_segments()
    error = line[:, 1] - (line[:, 0] + 0.73)
    assert np.all(error >= -1e-12)  # on the flat side
    assert np.max(error) <= GRID[1] - GRID[0] + 1e-12


def test_contour_is_empty_where_the_level_is_never_crossed():
    handle = explore_surface(
        bowl, (-2, 2), (-2, 2), params={"radius": (0.5, 1.5, 1.0)}, level=-5.0, num=21
    )
    assert handle.artists["contour"].get_segments() == []


def test_points_are_sorted_into_categories_that_follow_the_slider():
    handle, (px, py) = triplet_handle()
    for margin in (0.0, 0.4, 1.5):
        handle.sliders["margin"].value = margin
        names = kind(px, py, margin=margin)
        legend_texts = [t.get_text() for t in handle.artists["legend"].get_texts()]
        for i, (name, scatter) in enumerate(handle.artists["points"].items()):
            mine = names == name
            np.testing.assert_array_equal(scatter.get_offsets(), np.column_stack([px, py])[mine])
            assert legend_texts[i + 1] == f"{name} ({mine.sum()})"
    assert legend_texts[0] == "$L = 0$"


def test_guides_are_drawn_and_counted_apart_from_the_points():
    handle, (px, py) = triplet_handle(guides={"diagonal": ([0, 2], [0, 2])})
    (guide,) = handle.artists["guides"].values()
    np.testing.assert_array_equal(guide.get_xydata(), [[0, 0], [2, 2]])
    assert guide.get_linestyle() == "--"
    handle.sliders["margin"].value = 0.9
    texts = [t.get_text() for t in handle.artists["legend"].get_texts()]
    assert texts[:2] == ["$L = 0$", "diagonal"]
    assert texts[2] == f"easy ({np.sum(kind(px, py, margin=0.9) == 'easy')})"


def test_every_artist_the_sliders_change_is_redrawn_by_blitting():
    handle, _ = triplet_handle(guides={"diagonal": ([0, 2], [0, 2])})
    artists = handle.artists
    expected = [
        artists["image"],
        artists["contour"],
        *artists["guides"].values(),
        *artists["points"].values(),
        artists["legend"],
    ]
    assert list(handle.animated) == expected  # the drawing order: guides and points on top


def test_semi_hard_band_is_empty_without_margin():
    handle, _ = triplet_handle()
    handle.sliders["margin"].value = 0.0
    assert len(handle.artists["points"]["semi-hard"].get_offsets()) == 0


def test_set_moves_several_sliders_at_once():
    def shifted(x, y, *, a=0.0, b=0.0):
        return x - a + 0 * y - b

    handle = explore_surface(
        shifted, (-1, 1), (-1, 1), num=11, params={"a": (-0.5, 0.5, 0.0), "b": (-0.5, 0.5, 0.0)}
    )
    handle.set(a=0.2, b=0.1)
    X, _ = np.meshgrid(np.linspace(-1, 1, 11), np.linspace(-1, 1, 11))
    np.testing.assert_allclose(handle.artists["image"].get_array(), X - 0.3)
    (line,) = handle.artists["contour"].get_segments()
    np.testing.assert_allclose(line[:, 0], 0.3)


def test_level_lines_of_a_plane():
    x = y = np.linspace(-1.0, 1.0, 5)
    X, Y = np.meshgrid(x, y)
    (line,) = level_lines(x, y, X + Y, 0.0)
    np.testing.assert_allclose(line[:, 0] + line[:, 1], 0.0, atol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"x": (1.0, 1.0)}, "x range is empty"),
        ({"y": (2.0, 0.0)}, "y range is reversed"),
        ({"x": (0.0, np.nan)}, "x range must be finite"),
        ({"x": (0.0, 1.0, 2.0)}, r"x must be given as \(low, high\)"),
        ({"num": 1}, "num must be an integer of at least 2"),
        ({"level": np.nan}, "level must be a finite number"),
        ({"fn": lambda x, y, margin: x[0]}, r"fn\(X, Y\) must return an array of the grid's shape"),
        ({"fn": lambda x, y, margin: x / 0.0}, r"fn\(X, Y\) must hold finite numbers"),
        ({"boundary": lambda x, y, margin: np.nan * x}, r"boundary\(X, Y\) must hold finite"),
        ({"params": {"delta": (0.0, 1.0, 0.5)}}, "params names 'delta'"),
        ({"params": {"margin": (1.0, 0.0, 0.5)}}, "margin range is reversed"),
        ({"points": (np.array([0.0, np.nan]), np.zeros(2))}, "px must hold finite numbers"),
        ({"points": (np.zeros(3), np.zeros(2))}, "px and py must have the same shape"),
        ({"points": (np.zeros((2, 2)), np.zeros((2, 2)))}, "points must be two 1-D arrays"),
        ({"guides": {"g": ([0, 1],)}}, r"guide 'g' must be given as \(x, y\)"),
        ({"guides": {"g": ([0, np.inf], [0, 1])}}, "guide 'g' must hold finite numbers"),
        ({"guides": {"g": ([0, 1, 2], [0, 1])}}, "guide 'g' x and y must have the same shape"),
        ({"guides": {"g": ([0], [0])}}, "guide 'g' needs at least two points"),
        ({"classify": None}, "points need classify and categories"),
        ({"categories": {}}, "points need classify and categories"),
        ({"classify": lambda x, y, margin: "easy"}, "classify must return one category per point"),
        (
            {"classify": lambda x, y, margin: np.full(x.shape, "medium")},
            r"classify returned \['medium'\], not among the categories",
        ),
    ],
)
def test_bad_input_raises_a_value_error_naming_it(kwargs, message):
    rng = np.random.default_rng(0)
    options = dict(
        fn=hinge,
        x=(0, 2),
        y=(0, 2),
        params={"margin": (0.0, 1.5, 0.5)},
        num=11,
        points=(rng.uniform(0, 2, 5), rng.uniform(0, 2, 5)),
        classify=kind,
        categories=CATEGORIES,
    )
    options.update(kwargs)
    with np.errstate(divide="ignore", invalid="ignore"), pytest.raises(ValueError, match=message):
        explore_surface(options.pop("fn"), options.pop("x"), options.pop("y"), **options)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"num": 10.5}, "num must be an integer of at least 2, got 10.5"),
        ({"level": "0"}, "level must be a finite number, got '0'"),
        ({"fn": None}, "fn must be a function"),
        ({"x": ("0", 1)}, r"x range must be two numbers \(low, high\)"),
        (
            {"points": np.zeros((2, 2))},
            r"points must be a pair \(px, py\) of 1-D arrays, got an "
            r"array of shape \(2, 2\)",
        ),
    ],
)
def test_wrong_types_raise_a_type_error_naming_them(kwargs, message):
    options = dict(fn=hinge, x=(0, 2), y=(0, 2), params={"margin": (0.0, 1.5, 0.5)}, num=11)
    options.update(kwargs)
    if "points" in kwargs:
        options.update(classify=kind, categories=CATEGORIES)
    with pytest.raises(TypeError, match=message):
        explore_surface(options.pop("fn"), options.pop("x"), options.pop("y"), **options)
