"""The synthetic data sets are seeded, shaped as documented, and refuse bad arguments."""

import numpy as np
import pytest

import lossviz


def test_same_seed_same_data_other_seed_other_data():
    a, b, c = (lossviz.linear_with_outliers(seed=s)[1] for s in (0, 0, 1))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_outliers_lie_far_below_the_line():
    x, y = lossviz.linear_with_outliers(n=30, n_outliers=3, noise=0.1, seed=0)
    residual = y - (2.0 * x + 1.0)
    assert np.all(residual[-3:] < -7) and np.all(np.abs(residual[:-3]) < 1)


def test_heteroscedastic_noise_grows_with_x():
    x, y = lossviz.heteroscedastic(n=2000, seed=0)
    residual = y - (np.sin(x) + x / 2)
    assert residual[x > 4].std() > 2 * residual[x < 2].std()


def test_regression_cases_hold_edges_and_avoid_kinks_without_them():
    cases = lossviz.regression_cases()
    assert any(np.array_equal(t, p) for t, p in cases)  # a perfect prediction
    assert max(np.abs(p - t).max() for t, p in cases) == 1e3
    smooth = lossviz.regression_cases(edges=False)
    assert min(np.abs(p - t).min() for t, p in smooth) > 1e-3


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n_outliers": 30, "n": 30}, "n_outliers must lie in"),
        ({"noise": -1.0}, "noise must be a positive"),
    ],
)
def test_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        lossviz.linear_with_outliers(**kwargs)
    with pytest.raises(ValueError, match="n must be an integer of at least 2"):
        lossviz.heteroscedastic(n=1)
