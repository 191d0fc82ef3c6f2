"""Decision regions side by side: driven in code, compared with a direct computation."""

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
        ({"classifiers": {}}, "classifiers must be a non-empty mapping"),
        ({"classifiers": {"a": 1}}, "classifiers must be a non-empty mapping"),
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
        lossviz.decision_regions(arguments.pop("classifiers"), arguments.pop("X"),
                                 arguments.pop("y"), **arguments)
