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


def binary_cases(
    seed: int = 0, *, from_logits: bool = False, edges: bool = True
) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(y_true, y_pred)`` pairs of shape ``(n,)`` for checking a binary classification loss.

    Two random cases: 200 labels in {0, 1}, and 50 soft targets in [0, 1]; `y_pred` holds
    probabilities in [0.01, 0.99], or with ``from_logits=True`` logits from N(0, 4). With
    ``edges=True``, both labels against the predictions where naive formulas break:
    probabilities of exactly 0 and 1, or logits of +-1e4 and +-50.

    >>> [t.tolist() for t, p in binary_cases()][-1], binary_cases()[-1][1].tolist()
    ([0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0])
    >>> len(binary_cases(from_logits=True, edges=False))
    2
    """
    rng = np.random.default_rng(seed)
    y_true = [rng.integers(0, 2, 200).astype(float), rng.uniform(0.0, 1.0, 50)]
    if from_logits:
        cases = [(t, rng.normal(0.0, 4.0, t.size)) for t in y_true]
        extremes = np.array([-1e4, -50.0, 50.0, 1e4])
    else:
        cases = [(t, rng.uniform(0.01, 0.99, t.size)) for t in y_true]
        extremes = np.array([0.0, 1.0])
    if edges:
        labels, y_pred = np.meshgrid([0.0, 1.0], extremes, indexing="ij")
        cases.append((labels.ravel(), y_pred.ravel()))
    return cases


def categorical_cases(
    seed: int = 0, *, num_classes: int = 4, from_logits: bool = False, sparse: bool = False,
    edges: bool = True,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(y_true, y_pred)`` pairs for checking a categorical loss; `y_pred` has shape ``(n, k)``.

    `y_true` is one-hot, shape ``(n, k)``, in one random case of 100 examples, and soft
    targets (rows of a Dirichlet sample) in another of 50; with ``sparse=True``, integer
    labels of shape ``(n,)`` instead, in one case of 150. `y_pred` holds probability rows
    (the softmax of N(0, 3) logits), or those logits with ``from_logits=True``. With
    ``edges=True``, a case of each class against every corner of the simplex (probabilities
    of exactly 0 and 1), or against logits of +-1e4.

    >>> y_true, y_pred = categorical_cases(num_classes=3, sparse=True)[-1]
    >>> y_true.tolist(), y_pred[:3].tolist()
    ([0, 0, 0, 1, 1, 1, 2, 2, 2], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    """
    if not isinstance(num_classes, int | np.integer) or num_classes < 2:
        raise ValueError(f"num_classes must be an integer of at least 2, got {num_classes!r}")
    k = int(num_classes)
    rng = np.random.default_rng(seed)
    if sparse:
        y_true = [rng.integers(0, k, 150)]
    else:
        y_true = [np.eye(k)[rng.integers(0, k, 100)], rng.dirichlet(np.ones(k), 50)]
    cases = []
    for t in y_true:
        logits = rng.normal(0.0, 3.0, (len(t), k))
        probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
        cases.append((t, logits if from_logits else probs / probs.sum(axis=-1, keepdims=True)))
    if edges:
        labels = np.repeat(np.arange(k), k)
        corners = np.tile(np.eye(k), (k, 1))
        y_pred = 1e4 * (2 * corners - 1) if from_logits else corners
        cases.append((labels if sparse else np.eye(k)[labels], y_pred))
    return cases


def margin_cases(seed: int = 0, *, edges: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(y_true, y_pred)`` pairs of shape ``(n,)`` for checking a margin loss (hinge).

    Labels in {-1, 1} and scores from N(0, 2), 250 of them, with margins ``y_true * y_pred``
    at least 0.01 away from the kinks at 0 and 1. With ``edges=True``, both labels against
    scores of exactly 0 and +-1 (margins on the kinks) and +-1e4.

    >>> y_true, y_pred = margin_cases(edges=False)[0]
    >>> set(y_true.tolist()), bool(np.abs(y_true * y_pred - 1).min() >= 0.01)
    ({1.0, -1.0}, True)
    """
    rng = np.random.default_rng(seed)
    y_true = rng.choice([-1.0, 1.0], 250)
    margins = rng.normal(0.0, 2.0, 250)
    for kink in (0.0, 1.0):
        near = np.abs(margins - kink) < 0.01
        margins[near] = kink + np.where(margins[near] < kink, -0.01, 0.01)
    cases = [(y_true, y_true * margins)]
    if edges:
        labels, y_pred = np.meshgrid([-1.0, 1.0], [-1e4, -1.0, 0.0, 1.0, 1e4], indexing="ij")
        cases.append((labels.ravel(), y_pred.ravel()))
    return cases


def imbalanced_blobs(
    n: int = 1000, *, minority: float = 0.05, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Two-dimensional binary data, about ``1 - minority : minority``: a wide blob of class 0
    around the origin and a tight blob of class 1 that overlaps its edge.

    Returns the points, shape ``(n, 2)``, and their integer labels, shape ``(n,)``, shuffled.

    >>> X, y = imbalanced_blobs(n=200, minority=0.05, seed=0)
    >>> X.shape, int(y.sum())
    ((200, 2), 10)
    """
    if not isinstance(n, int | np.integer) or n < 20:
        raise ValueError(f"n must be an integer of at least 20, got {n!r}")
    if not np.isscalar(minority) or not 0 < minority < 0.5:
        raise ValueError(f"minority must be a fraction strictly between 0 and 0.5, "
                         f"got {minority!r}")
    rng = np.random.default_rng(seed)
    n_minority = max(1, round(n * minority))
    X = np.vstack([rng.normal(0.0, 1.0, (n - n_minority, 2)),
                   rng.normal(1.6, 0.6, (n_minority, 2))])
    y = np.repeat([0, 1], [n - n_minority, n_minority])
    order = rng.permutation(n)
    return X[order], y[order]
