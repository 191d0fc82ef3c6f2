"""Each bad input gets a ValueError that names the argument and what was expected."""

import numpy as np
import pytest

from lossviz import validate


@pytest.mark.parametrize("bad", [np.nan, np.inf, [1.0, np.nan], [[0.0, -np.inf]]])
def test_nan_or_inf(bad):
    with pytest.raises(ValueError, match="y_pred must hold finite numbers only"):
        validate.check_finite("y_pred", bad)


def test_finite_values_come_back_as_floats():
    assert validate.check_finite("x", [1, 2]).dtype == float


def test_shapes_must_match_exactly():
    validate.check_same_shape("y_true", np.zeros(3), "y_pred", np.ones(3))
    with pytest.raises(
        ValueError, match=r"y_true and y_pred must have the same shape, got \(3,\) and \(3, 1\)"
    ):
        validate.check_same_shape("y_true", np.zeros(3), "y_pred", np.ones((3, 1)))


@pytest.mark.parametrize("bad", [-1.0, 0.0, np.nan, np.inf, [1.0]])
def test_positive(bad):
    with pytest.raises(ValueError, match="delta must be a positive number"):
        validate.check_positive("delta", bad)


@pytest.mark.parametrize("bad", [0.0, 1.0, -0.1, 1.5, np.nan])
def test_open_unit_interval(bad):
    with pytest.raises(ValueError, match=r"q must lie strictly between 0 and 1"):
        validate.check_open_unit("q", bad)


@pytest.mark.parametrize("bad", [[0.5, 1.2], [-0.1], [np.nan]])
def test_probabilities(bad):
    with pytest.raises(ValueError, match="probs must hold"):
        validate.check_probabilities("probs", bad)
    validate.check_probabilities("probs", [0.0, 0.5, 1.0])


@pytest.mark.parametrize(("low", "high", "kind"), [(1, 1, "empty"), (2, 1, "reversed")])
def test_range(low, high, kind):
    with pytest.raises(ValueError, match=f"delta range is {kind}: expected low < high"):
        validate.check_range("delta", low, high)
