"""The two-mode mixture of the generative notebook: seeded, shaped and mixed as documented, and
refusing bad arguments."""

import numpy as np
import pytest

import lossviz


def test_two_modes_is_seeded():
    a, b, c = (lossviz.two_modes(500, seed=s) for s in (0, 0, 1))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_two_modes_has_the_documented_modes_spread_and_weight():
    x = lossviz.two_modes(20_000, centres=(-2.0, 4.0), spread=0.5, weight=0.3, seed=0)
    assert x.shape == (20_000,) and x.dtype == float
    left, right = x[x < 1.0], x[x >= 1.0]  # the modes lie 6 spreads either side of 1
    assert abs(left.size / x.size - 0.3) < 0.02
    assert abs(left.mean() + 2.0) < 0.02 and abs(right.mean() - 4.0) < 0.02
    assert abs(left.std() - 0.5) < 0.02 and abs(right.std() - 0.5) < 0.02


def test_two_modes_are_shuffled():
    x = lossviz.two_modes(1000, centres=(0.0, 10.0), spread=0.1, seed=0)
    left = x < 5.0
    assert 0 < left[:500].sum() < 500, "the samples of one mode all come first"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n": 0}, ValueError, "n must be an integer of at least 1"),
        ({"n": 10.0}, TypeError, "n must be an integer"),
        ({"centres": (1.0, 1.0)}, ValueError, "centres must be two different numbers"),
        ({"centres": (1.0, 2.0, 3.0)}, TypeError, "centres must be two numbers"),
        ({"centres": 3.0}, TypeError, "centres must be two numbers"),
        ({"centres": "ab"}, TypeError, "centres must be two numbers"),
        ({"centres": (0.0, float("nan"))}, ValueError, r"centres\[1\] must be a finite number"),
        ({"spread": 0.0}, ValueError, "spread must be a positive number"),
        ({"spread": -1.0}, ValueError, "spread must be a positive number"),
        ({"weight": 1.0}, ValueError, "weight must be a fraction strictly between 0 and 1"),
        ({"weight": 0.0}, ValueError, "weight must be a fraction strictly between 0 and 1"),
        ({"weight": "half"}, TypeError, "weight must be a fraction"),
        ({"seed": -1}, ValueError, "seed must be a non-negative integer"),
    ],
)
def test_two_modes_refuses_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        lossviz.two_modes(**kwargs)
