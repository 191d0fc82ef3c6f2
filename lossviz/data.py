"""Small seeded data sets made in code: nothing is downloaded.

Examples
--------
>>> x, y = linear_with_outliers(n=20, seed=0)
>>> x.shape, y.shape
((20,), (20,))
>>> np.array_equal(linear_with_outliers(seed=1)[1], linear_with_outliers(seed=1)[1])
True
"""

from __future__ import annotations

import numpy as np

from lossviz.validate import check_positive


def regression_cases(seed: int = 0, *, edges: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(y_true, y_pred)`` pairs for checking a regression loss.

    Three random cases (small, unit and large scale, with residuals at least 0.01 away from
    zero so that kinks are avoided), and with ``edges=True`` the edge cases: a perfect
    prediction (residual exactly 0), residuals of +-1e3 where naive formulas overflow, and
    residuals of +-1e-8.

    >>> len(regression_cases()), len(regression_cases(edges=False))
    (6, 3)
    """
    rng = np.random.default_rng(seed)
    cases = []
    for scale, n in ((0.1, 50), (1.0, 200), (5.0, 50)):
        y_true = rng.normal(0.0, 2.0, n)
        residual = rng.uniform(0.01, 3.0, n) * scale * rng.choice([-1.0, 1.0], n)
        cases.append((y_true, y_true + residual))
    if edges:
        y_true = rng.normal(0.0, 1.0, 8)
        cases.append((y_true, y_true.copy()))
        cases.append((np.zeros(4), np.array([-1e3, -300.0, 300.0, 1e3])))
        cases.append((np.ones(2), np.ones(2) + np.array([-1e-8, 1e-8])))
    return cases


def linear_with_outliers(
    n: int = 30, *, slope: float = 2.0, intercept: float = 1.0, noise: float = 0.5,
    n_outliers: int = 3, seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Points on a noisy line ``y = slope * x + intercept`` for x in [0, 5], the last few
    pulled far below it: the data where MSE, MAE and Huber disagree."""
    if not 0 <= n_outliers < n:
        raise ValueError(f"n_outliers must lie in [0, n), got {n_outliers} with n={n}")
    check_positive("noise", noise)
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 5.0, n))
    y = slope * x + intercept + rng.normal(0.0, noise, n)
    if n_outliers:
        y[-n_outliers:] -= rng.uniform(8.0, 12.0, n_outliers)
    return x, y


def heteroscedastic(n: int = 300, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Points around ``y = sin(x) + x / 2`` for x in [0, 6] whose noise grows with x:
    the data for quantile bands and for models that predict their own variance."""
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n}")
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 6.0, n))
    y = np.sin(x) + x / 2 + rng.normal(0.0, 0.1 + 0.25 * x, n)
    return x, y
