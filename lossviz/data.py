"""Small seeded data sets made in code: nothing is downloaded.

Every helper takes a `seed`, a non-negative integer for NumPy's random generator; sizes are
integers (10.0 is refused, as is 10.5) and flags True or False. A bad argument is a ValueError,
or a TypeError for a wrong type, that names it.

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

from lossviz.validate import (
    check_flag,
    check_integer,
    check_nonnegative,
    check_number,
    check_positive,
    check_seed,
)


def regression_cases(seed: int = 0, *, edges: bool = True) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(y_true, y_pred)`` pairs for checking a regression loss.

    Three random cases (scales 0.1, 1 and 5, with residuals at least 0.01 times the scale
    away from zero, so 0.001 in the small case, so that kinks are avoided), and with
    ``edges=True`` the edge cases: a perfect prediction (residual exactly 0), residuals of
    +-1e3 where naive formulas overflow, and residuals of +-1e-8.

    >>> len(regression_cases()), len(regression_cases(edges=False))
    (6, 3)
    """
    rng = np.random.default_rng(check_seed("seed", seed))
    edges = check_flag("edges", edges)
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
    n: int = 30,
    *,
    slope: float = 2.0,
    intercept: float = 1.0,
    noise: float = 0.5,
    n_outliers: int = 3,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Points on a noisy line ``y = slope * x + intercept`` for x in [0, 5], the last few
    pulled far below it: the data where MSE, MAE and Huber disagree."""
    n = check_integer("n", n, minimum=1)
    n_outliers = check_integer("n_outliers", n_outliers, minimum=0)
    if n_outliers >= n:
        raise ValueError(f"n_outliers must lie in [0, n), got {n_outliers} with n={n}")
    slope, intercept = check_number("slope", slope), check_number("intercept", intercept)
    check_positive("noise", noise)
    rng = np.random.default_rng(check_seed("seed", seed))
    x = np.sort(rng.uniform(0.0, 5.0, n))
    y = slope * x + intercept + rng.normal(0.0, noise, n)
    if n_outliers:
        y[-n_outliers:] -= rng.uniform(8.0, 12.0, n_outliers)
    return x, y


def heteroscedastic(n: int = 300, *, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Points around ``y = sin(x) + x / 2`` for x in [0, 6] whose noise grows with x:
    the data for quantile bands and for models that predict their own variance."""
    n = check_integer("n", n, minimum=2)
    rng = np.random.default_rng(check_seed("seed", seed))
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
    rng = np.random.default_rng(check_seed("seed", seed))
    from_logits, edges = check_flag("from_logits", from_logits), check_flag("edges", edges)
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
    seed: int = 0,
    *,
    num_classes: int = 4,
    from_logits: bool = False,
    sparse: bool = False,
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
    k = check_integer("num_classes", num_classes, minimum=2)
    rng = np.random.default_rng(check_seed("seed", seed))
    from_logits, sparse = check_flag("from_logits", from_logits), check_flag("sparse", sparse)
    edges = check_flag("edges", edges)
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
    rng = np.random.default_rng(check_seed("seed", seed))
    edges = check_flag("edges", edges)
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
    n = check_integer("n", n, minimum=20)
    minority = check_number("minority", minority, "a fraction strictly between 0 and 0.5")
    if not 0 < minority < 0.5:
        raise ValueError(
            f"minority must be a fraction strictly between 0 and 0.5, got {minority!r}"
        )
    rng = np.random.default_rng(check_seed("seed", seed))
    n_minority = max(1, round(n * minority))
    X = np.vstack(
        [rng.normal(0.0, 1.0, (n - n_minority, 2)), rng.normal(1.6, 0.6, (n_minority, 2))]
    )
    y = np.repeat([0, 1], [n - n_minority, n_minority])
    order = rng.permutation(n)
    return X[order], y[order]


def two_modes(
    n: int = 1000,
    *,
    centres: tuple[float, float] = (3.0, 6.0),
    spread: float = 0.4,
    weight: float = 0.5,
    seed: int = 0,
) -> np.ndarray:
    """One-dimensional samples from a mixture of two Gaussians: the data a small GAN learns.

    Each sample comes from ``N(centres[0], spread**2)`` with probability `weight`, else from
    ``N(centres[1], spread**2)``; the order is random. Returns shape ``(n,)``.

    >>> x = two_modes(2000, centres=(-1.0, 5.0), spread=0.1, weight=0.25, seed=0)
    >>> x.shape, round(float(np.mean(x < 2)), 2)
    ((2000,), 0.25)
    """
    n = check_integer("n", n, minimum=1)
    if isinstance(centres, str | bytes) or np.ndim(centres) != 1 or len(centres) != 2:
        raise TypeError(f"centres must be two numbers (left, right), got {centres!r}")
    first = check_number("centres[0]", centres[0])
    second = check_number("centres[1]", centres[1])
    if first == second:
        raise ValueError(f"centres must be two different numbers, got {first!r} twice")
    spread = check_positive("spread", spread)
    weight = check_number("weight", weight, "a fraction strictly between 0 and 1")
    if not 0 < weight < 1:
        raise ValueError(f"weight must be a fraction strictly between 0 and 1, got {weight!r}")
    rng = np.random.default_rng(check_seed("seed", seed))
    means = np.where(rng.random(n) < weight, first, second)
    return means + spread * rng.normal(size=n)


#: scikit-learn's first 1,200 digit images make the "train" strings, the other 597 the "test" ones.
DIGIT_PARTS = {"train": slice(0, 1200), "test": slice(1200, None)}


def digit_strings(
    n: int = 1000,
    *,
    min_digits: int = 3,
    max_digits: int = 5,
    max_gap: int = 3,
    part: str = "train",
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Strings of handwritten digits to read without segmenting them: scikit-learn's 8 x 8
    digit images side by side, each after a random gap.

    Each string holds `min_digits` to `max_digits` digits, each image drawn at random from one
    part of scikit-learn's 1,797 digits (`part`: ``"train"``, the first 1,200, or ``"test"``,
    the other 597, so that test strings are written in unseen handwriting). Before each digit
    comes a gap of 0 to `max_gap` empty columns; the rest of the width stays empty. Needs
    scikit-learn (the ``lab`` extra), whose digits ship inside the package: nothing is downloaded.

    Returns the images, shape ``(n, 8, width)`` with ``width = max_digits * (8 + max_gap)`` and
    pixel values in [0, 1], and their digits in reading order, shape ``(n, max_digits)``,
    padded with -1 after each string's last digit.

    >>> images, digits = digit_strings(2, min_digits=2, max_digits=3, max_gap=1, seed=0)
    >>> images.shape, digits.shape
    ((2, 8, 27), (2, 3))
    >>> bool(images.min() >= 0 and images.max() <= 1), bool((digits[:, :2] >= 0).all())
    (True, True)
    """
    n = check_integer("n", n, minimum=1)
    min_digits = check_integer("min_digits", min_digits, minimum=1)
    max_digits = check_integer("max_digits", max_digits, minimum=min_digits)
    max_gap = check_integer("max_gap", max_gap, minimum=0)
    if not isinstance(part, str) or part not in DIGIT_PARTS:
        raise ValueError(f"part must be one of {sorted(DIGIT_PARTS)}, got {part!r}")
    rng = np.random.default_rng(check_seed("seed", seed))
    from sklearn.datasets import load_digits  # imported here: lossviz itself needs no scikit-learn

    source = load_digits()
    pool, targets = source.images[DIGIT_PARTS[part]] / 16.0, source.target[DIGIT_PARTS[part]]
    images = np.zeros((n, 8, max_digits * (8 + max_gap)))
    digits = np.full((n, max_digits), -1)
    for i in range(n):
        count = rng.integers(min_digits, max_digits + 1)
        chosen = rng.integers(0, len(pool), count)
        starts = np.cumsum(rng.integers(0, max_gap + 1, count)) + 8 * np.arange(count)
        for start, k in zip(starts, chosen, strict=True):
            images[i, :, start : start + 8] = pool[k]
        digits[i, :count] = targets[chosen]
    return images, digits


def segmentation_images(
    n: int = 256,
    *,
    size: int = 32,
    foreground: tuple[float, float] = (0.01, 0.03),
    contrast: float = 0.3,
    noise: float = 0.1,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Grayscale images of one small bright ellipse on a cluttered background, and its masks:
    the data where cross-entropy learns to predict "background everywhere".

    Each ellipse (random position, orientation and aspect ratio from 1:1 to 2:1) covers a share
    of its image drawn uniformly from `foreground`, to the nearest pixel, and is `contrast`
    brighter than what lies under it: a background of four broad bright or dark bumps, plus
    Gaussian pixel noise of standard deviation `noise`. The smallest ellipse must cover at
    least 4 pixels.

    Returns the images, shape ``(n, size, size)`` with values clipped to [0, 1], and their
    masks, of the same shape, 1.0 inside the ellipse and 0.0 outside.

    >>> images, masks = segmentation_images(4, seed=0)
    >>> images.shape, masks.shape
    ((4, 32, 32), (4, 32, 32))
    >>> masks.sum(axis=(1, 2)).tolist()
    [29.0, 19.0, 28.0, 21.0]
    >>> bool(images[masks == 1].mean() > images[masks == 0].mean() + 0.2)
    True
    """
    n = check_integer("n", n, minimum=1)
    size = check_integer("size", size, minimum=8)
    if isinstance(foreground, str | bytes) or np.ndim(foreground) != 1 or len(foreground) != 2:
        raise TypeError(f"foreground must be two fractions (low, high), got {foreground!r}")
    low = check_number("foreground[0]", foreground[0])
    high = check_number("foreground[1]", foreground[1])
    if not 0 < low <= high <= 0.2:
        raise ValueError(
            f"foreground must be fractions with 0 < low <= high <= 0.2, got ({low!r}, {high!r})"
        )
    if low * size**2 < 4:
        raise ValueError(
            f"foreground[0] = {low!r} of a {size} x {size} image is "
            f"{low * size**2:.3g} pixels; the smallest ellipse needs at least 4"
        )
    contrast = check_positive("contrast", contrast)
    noise = check_nonnegative("noise", noise)
    rng = np.random.default_rng(check_seed("seed", seed))
    rows, cols = np.mgrid[0:size, 0:size] + 0.5  # pixel centres
    images, masks = np.empty((n, size, size)), np.empty((n, size, size))
    for i in range(n):
        background = np.full((size, size), 0.3)
        for _ in range(4):
            (y, x), width = rng.uniform(0, size, 2), rng.uniform(0.1, 0.25) * size
            background += rng.uniform(-0.2, 0.3) * np.exp(
                -((rows - y) ** 2 + (cols - x) ** 2) / (2 * width**2)
            )
        area, aspect = rng.uniform(low, high) * size**2, rng.uniform(0.5, 1.0)
        major = np.sqrt(area / (np.pi * aspect))
        angle, (y, x) = rng.uniform(0, np.pi), rng.uniform(major + 1, size - major - 1, 2)
        along = (cols - x) * np.cos(angle) + (rows - y) * np.sin(angle)
        across = (rows - y) * np.cos(angle) - (cols - x) * np.sin(angle)
        masks[i] = (along / major) ** 2 + (across / (major * aspect)) ** 2 <= 1
        images[i] = background + contrast * masks[i] + rng.normal(0.0, noise, (size, size))
    return np.clip(images, 0.0, 1.0), masks
