"""Argument checks shared by every helper: each failure is a ValueError naming the argument.

Examples
--------
>>> check_positive("delta", 1.5)
1.5
>>> check_positive("delta", -1.0)
Traceback (most recent call last):
    ...
ValueError: delta must be a positive number, got -1.0
"""

from __future__ import annotations

import numpy as np


def check_finite(name: str, values) -> np.ndarray:
    """Return `values` as a float array; raise ValueError if it holds NaN or inf."""
    array = np.asarray(values, dtype=float)
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must hold finite numbers only, got NaN or inf")
    return array


def check_same_shape(name_a: str, a, name_b: str, b) -> None:
    """Raise ValueError unless `a` and `b` have the same shape (no silent broadcasting)."""
    shape_a, shape_b = np.shape(a), np.shape(b)
    if shape_a != shape_b:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {shape_a} and {shape_b}"
        )


def check_positive(name: str, value: float) -> float:
    """Return `value` if it is a finite number > 0, else raise ValueError."""
    if not np.isscalar(value) or not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number, got {value!r}")
    return value


def check_open_unit(name: str, value: float) -> float:
    """Return `value` if it lies strictly between 0 and 1, else raise ValueError."""
    if not np.isscalar(value) or not 0 < value < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {value!r}")
    return value


def check_probabilities(name: str, values) -> np.ndarray:
    """Return `values` as a float array if every entry lies in [0, 1], else raise ValueError."""
    array = check_finite(name, values)
    if np.any((array < 0) | (array > 1)):
        raise ValueError(f"{name} must hold probabilities in [0, 1], got values outside")
    return array


def check_range(name: str, low: float, high: float) -> tuple[float, float]:
    """Return `(low, high)` if both are finite and low < high, else raise ValueError."""
    if not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError(f"{name} range must be finite, got ({low!r}, {high!r})")
    if low >= high:
        kind = "empty" if low == high else "reversed"
        raise ValueError(f"{name} range is {kind}: expected low < high, got ({low!r}, {high!r})")
    return float(low), float(high)


def check_labels(name: str, labels, num_classes: int) -> np.ndarray:
    """Return `labels` if they are integer class labels in [0, num_classes), else raise ValueError.

    >>> check_labels("y_true", [2, 0], 3).tolist()
    [2, 0]
    >>> check_labels("y_true", [3], 3)
    Traceback (most recent call last):
        ...
    ValueError: y_true must hold class labels in [0, 3), got labels from 3 to 3
    """
    array = np.asarray(labels)
    if array.dtype.kind not in "iu":
        raise ValueError(f"{name} must hold integer class labels, got dtype {array.dtype}")
    if array.size and (array.min() < 0 or array.max() >= num_classes):
        raise ValueError(f"{name} must hold class labels in [0, {num_classes}), "
                         f"got labels from {array.min()} to {array.max()}")
    return array
