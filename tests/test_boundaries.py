"""Decision regions side by side: driven in code, compared with a direct computation."""

import inspect

import numpy as np
import pytest

import lossviz

X = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 1.0], [3.0, 2.0], [4.0, 4.0]])
y = np.array([0, 0, 1, 0, 1])


def right_of(points, *, shift=1.5):
    """Class 1 right of x = shift, with a soft edge."""
    return 1 / (1 + np.exp(-4 * (points[:, 0] - shift)))


def above(points):
    return (points[:, 1] > 1.5).astype(float)


@pytest.fixture
def regions():
    return lossviz.decision_regions(
        {"right": right_of, "above": above}, X, y, params={"shift": (0.0, 4.0, 1.5)}, num=20
    )


def grid(num=20):
    low, high = X.min(0) - 0.05 * np.ptp(X, 0), X.max(0) + 0.05 * np.ptp(X, 0)
    gx, gy = np.meshgrid(np.linspace(low[0], high[0], num), np.linspace(low[1], high[1], num))
    return np.column_stack([gx.ravel(), gy.ravel()])


def test_images_are_the_probabilities_on_a_grid_covering_the_data(regions):
    image, title = regions.artists["right"]
    np.testing.assert_allclose(image.get_array(), right_of(grid()).reshape(20, 20))
    assert image.get_extent() == pytest.approx([-0.2, 4.2, -0.2, 4.2])
    # predicted class 1 at x = 2, 3, 4: two of three are class 1; both class-1 points caught
    assert title.get_text() == "right\nprecision 0.67, recall 1.00"
    assert regions.artists["above"][1].get_text() == "above\nprecision 0.50, recall 0.50"


def test_slider_moves_only_the_panels_that_take_it(regions):
    above_before = regions.artists["above"][0].get_array().copy()
    regions.sliders["shift"].value = 3.5
    image, title = regions.artists["right"]
    np.testing.assert_allclose(image.get_array(), right_of(grid(), shift=3.5).reshape(20, 20))
    assert title.get_text() == "right\nprecision 1.00, recall 0.50"
    np.testing.assert_array_equal(regions.artists["above"][0].get_array(), above_before)


def test_shading_switches_class_at_the_threshold(regions):
    image = regions.artists["right"][0]
    assert image.norm(0.49) == 0 and image.norm(0.5) == 1


def test_precision_without_predictions_is_zero():
    assert lossviz.precision_recall(np.array([1, 0]), np.array([0, 0])) == (0.0, 0.0)
    assert lossviz.precision_recall(np.array([1, 1, 0]), np.array([1, 0, 0])) == (1.0, 0.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"classifiers": {}}, "classifiers must name at least one function"),
        ({"X": X[:, :1]}, r"X must have shape \(n, 2\)"),
        ({"X": np.where(X == 4.0, np.nan, X)}, "X must hold finite numbers"),
        ({"y": np.array([0, 0, 1, 0, 2])}, r"y must hold class labels in \[0, 2\)"),
        ({"y": y.astype(float)}, "y must hold integer class labels"),
        ({"y": y[:4]}, r"y must hold one label per row of X, shape \(5,\)"),
        ({"threshold": 1.0}, "threshold must lie strictly between 0 and 1"),
        ({"num": 1}, "num must be an integer of at least 2"),
        ({"params": {"gamma": (0, 1, 0.5)}}, "no classifier takes a keyword"),
        ({"classifiers": {"bad": lambda p: p}}, r"must return one probability per point"),
        ({"classifiers": {"bad": lambda p: 2 * p[:, 0]}}, r"classifier 'bad' must hold probabil"),
    ],
)
def test_bad_input_is_a_value_error_naming_the_argument(kwargs, message):
    arguments = {"classifiers": {"above": above}, "X": X, "y": y, **kwargs}
    with pytest.raises(ValueError, match=message):
        lossviz.decision_regions(
            arguments.pop("classifiers"), arguments.pop("X"), arguments.pop("y"), **arguments
        )


def test_a_classifier_that_is_not_a_function_is_a_type_error():
    with pytest.raises(TypeError, match=r"classifiers\['a'\] must be a function, got 1"):
        lossviz.decision_regions({"a": 1}, X, y)


def test_a_slider_move_reevaluates_only_the_classifiers_that_take_it():
    calls = {"right": 0, "above": 0}

    def counted(name, fn):
        def classify(points, **kwargs):
            calls[name] += 1
            return fn(points, **kwargs)

        classify.__signature__ = inspect.signature(fn)
        return classify

    handle = lossviz.decision_regions(
        {"right": counted("right", right_of), "above": counted("above", above)},
        X,
        y,
        params={"shift": (0.0, 4.0, 1.5)},
        num=20,
    )
    before = dict(calls)
    handle.sliders["shift"].value = 3.0
    assert calls["above"] == before["above"]  # not re-evaluated: it does not take shift
    assert calls["right"] > before["right"]


def test_a_probability_exactly_at_the_threshold_is_class_one():
    def half(points):
        return np.where(points[:, 0] >= 2.0, 0.5, 0.25)  # exactly 0.5 at x = 2, 3, 4

    handle = lossviz.decision_regions({"half": half}, X, y, num=20, threshold=0.5)
    # predicted class 1 at x = 2, 3, 4: two of those three are class 1, and both are found
    assert handle.artists["half"][1].get_text() == "half\nprecision 0.67, recall 1.00"
    image = handle.artists["half"][0]
    assert image.norm(0.5) == 1 and image.norm(np.nextafter(0.5, 0)) == 0
    shifted = lossviz.decision_regions({"half": half}, X, y, num=20, threshold=0.6)
    assert shifted.artists["half"][1].get_text() == "half\nprecision 0.00, recall 0.00"


def test_panels_have_axis_labels_and_one_key_for_points_and_shading():
    handle = lossviz.decision_regions(
        {"right": right_of, "above": above},
        X,
        y,
        num=20,
        xlabel="feature $x_1$",
        ylabel="feature $x_2$",
    )
    axes = handle.fig.axes
    assert [ax.get_xlabel() for ax in axes] == ["feature $x_1$"] * 2
    assert axes[0].get_ylabel() == "feature $x_2$"  # the panels share the vertical axis
    (key,) = handle.fig.legends
    labels = [text.get_text() for text in key.get_texts()]
    assert labels == [
        "class 0 (3)",
        "class 1 (2)",
        "shaded: predicted class 0 (p < 0.5)",
        "shaded: predicted class 1 (p ≥ 0.5)",
    ]
    image = handle.artists["right"][0]
    for k, patch in enumerate(key.get_patches()[-2:]):  # the key's colours are the shading's
        assert patch.get_facecolor() == pytest.approx(image.cmap(image.norm(0.25 + 0.5 * k)))


def test_default_axis_labels_name_the_features():
    handle = lossviz.decision_regions({"above": above}, X, y, num=5, threshold=0.3)
    ax = handle.fig.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("feature 1", "feature 2")
    assert handle.fig.legends[0].get_texts()[-1].get_text() == "shaded: predicted class 1 (p ≥ 0.3)"


def test_a_grid_of_unequal_axes_is_drawn_the_right_way_round():
    """Features of different ranges: the image, its extent and the points keep x and y apart."""
    X_wide = np.array([[10.0, -1.0], [30.0, 1.0], [20.0, 0.0]])

    def right_and_up(points):
        return np.clip((points[:, 0] - 9.0) / 22.0 + 0.01 * points[:, 1], 0.0, 1.0)

    handle = lossviz.decision_regions({"c": right_and_up}, X_wide, np.array([0, 1, 0]), num=7)
    image = handle.artists["c"][0]
    assert image.get_extent() == pytest.approx([9.0, 31.0, -1.1, 1.1])
    assert image.origin == "lower"
    gx, gy = np.meshgrid(np.linspace(9.0, 31.0, 7), np.linspace(-1.1, 1.1, 7))
    expected = right_and_up(np.column_stack([gx.ravel(), gy.ravel()])).reshape(7, 7)
    np.testing.assert_allclose(image.get_array(), expected)
    offsets = np.vstack([c.get_offsets() for c in handle.fig.axes[0].collections])
    np.testing.assert_array_equal(offsets, X_wide[[0, 2, 1]])  # class 0 first, then class 1
