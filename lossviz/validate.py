"""Argument checks shared by every helper: each failure names the argument and what was expected.

A wrong value is a ValueError; a wrong type (a string, None or a list where one number belongs) is
a TypeError. Every lossviz helper checks its arguments with these at the door, so that nothing
reaches NumPy's own errors, which do not say which argument was wrong, and nothing broadcasts
silently into a wrong answer.

Examples
--------
>>> check_positive("delta", 1.5)
1.5
>>> check_positive("delta", -1.0)
Traceback (most recent call last):
    ...
ValueError: delta must be a positive number, got -1.0
>>> check_integer("n", 10.5, minimum=2)
Traceback (most recent call last):
    ...
TypeError: n must be an integer of at least 2, got 10.5
>>> check_finite("y_pred", [0.5, float("nan")])
Traceback (most recent call last):
    ...
ValueError: y_pred must hold finite numbers only, got nan at index 1
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping

import numpy as np

#: NumPy's dtype kinds of numbers: booleans, integers, unsigned integers and floats (not complex).
NUMBER_KINDS = "biuf"
#: NumPy's dtype kinds of integers, signed and unsigned.
INTEGER_KINDS = "iu"
#: NumPy's dtype kinds of real numbers: integers and floats.
REAL_KINDS = "iuf"


def _is_real(value) -> bool:
    """Whether `value` is one real number: Python's or NumPy's, or a 0-d numeric array."""
    if isinstance(value, np.ndarray):
        return value.ndim == 0 and value.dtype.kind in REAL_KINDS
    return isinstance(value, numbers.Real) and not isinstance(value, bool | np.bool_)


def _is_integer(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool | np.bool_)


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_number(name: str, value, what: str = "a finite number") -> float:
    """Return `value` as a float if it is one finite real number.

    TypeError for a bool, a string, None or an array; ValueError for NaN or inf.
    """
    if not _is_real(value):
        raise TypeError(f"{name} must be {what}, got {_short(value)}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be {what}, got {number!r}")
    return number


def check_positive(name: str, value) -> float:
    """Return `value` as a float if it is a finite number > 0."""
    number = check_number(name, value, "a positive number")
    if number <= 0:
        raise ValueError(f"{name} must be a positive number, got {number!r}")
    return number


def check_nonnegative(name: str, value) -> float:
    """Return `value` as a float if it is a finite number >= 0 (a tolerance, a width).

    >>> check_nonnegative("atol", 0)
    0.0
    """
    number = check_number(name, value, "a finite number of at least 0")
    if number < 0:
        raise ValueError(f"{name} must be a finite number of at least 0, got {number!r}")
    return number


def check_open_unit(name: str, value) -> float:
    """Return `value` as a float if it lies strictly between 0 and 1."""
    if not _is_real(value):
        raise TypeError(f"{name} must be a number strictly between 0 and 1, got {_short(value)}")
    number = float(value)
    if not 0 < number < 1:
        raise ValueError(f"{name} must lie strictly between 0 and 1, got {number!r}")
    return number


def check_integer(name: str, value, *, minimum: int | None = None) -> int:
    """Return `value` as an int if it is an integer (Python's or NumPy's) of at least `minimum`.

    A float such as 10.0 or 10.5 is a TypeError: a size is counted, not measured.
    """
    what = "an integer" if minimum is None else f"an integer of at least {minimum}"
    if not _is_integer(value):
        raise TypeError(f"{name} must be {what}, got {_short(value)}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be {what}, got {value!r}")
    return int(value)


def check_seed(name: str, seed) -> int:
    """Return `seed` if it is a non-negative integer, as ``numpy.random.default_rng`` takes.

    >>> check_seed("seed", -1)
    Traceback (most recent call last):
        ...
    ValueError: seed must be a non-negative integer (a seed for NumPy's random generator), got -1
    """
    what = "a non-negative integer (a seed for NumPy's random generator)"
    if not _is_integer(seed):
        raise TypeError(f"{name} must be {what}, got {_short(seed)}")
    if seed < 0:
        raise ValueError(f"{name} must be {what}, got {seed!r}")
    return int(seed)


def check_flag(name: str, value) -> bool:
    """Return `value` if it is True or False (Python's or NumPy's)."""
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {_short(value)}")
    return bool(value)


def check_text(name: str, value, *, optional: bool = False) -> str | None:
    """Return `value` if it is a string (or, with ``optional=True``, None)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {_short(value)}")
    return value


def check_callable(name: str, fn) -> Callable:
    """Return `fn` if it can be called."""
    if not callable(fn):
        raise TypeError(f"{name} must be a function, got {_short(fn)}")
    return fn


def check_functions(name: str, fns) -> dict[str, Callable]:
    """Return a non-empty mapping of names (strings) to functions as a dict.

    >>> check_functions("losses", {"MSE": 3})
    Traceback (most recent call last):
        ...
    TypeError: losses['MSE'] must be a function, got 3
    """
    if not isinstance(fns, Mapping):
        raise TypeError(f"{name} must be a mapping of names to functions, got {_short(fns)}")
    if not fns:
        raise ValueError(f"{name} must name at least one function, got an empty mapping")
    for key, fn in fns.items():
        check_text(f"a name in {name}", key)
        check_callable(f"{name}[{key!r}]", fn)
    return dict(fns)


def as_array(name: str, values) -> np.ndarray:
    """Return `values` (numbers, nested lists of them, or an array) as a float array.

    TypeError for strings, None or objects; ValueError for ragged nesting (rows of different
    lengths), which NumPy reports without naming the argument.

    >>> as_array("y_true", [[1, 2], [3]])
    Traceback (most recent call last):
        ...
    ValueError: y_true must be a rectangular array of numbers, got nested lists of different lengths
    """
    try:
        raw = np.asarray(values)
    except ValueError:
        raise ValueError(
            f"{name} must be a rectangular array of numbers, got nested lists of different lengths"
        ) from None
    if raw.dtype.kind not in NUMBER_KINDS:
        raise TypeError(f"{name} must be an array of numbers, got {_short(values)}")
    return raw.astype(float)


def locate(array: np.ndarray, bad: np.ndarray) -> str:
    """The first value of `array` where `bad` is true, and its index: ``nan at index 3``.

    >>> locate(np.array([[1.0, np.inf]]), np.array([[False, True]]))
    'inf at index 0, 1'
    """
    index = np.unravel_index(int(np.argmax(bad)), array.shape)
    where = f" at index {', '.join(str(int(i)) for i in index)}" if array.ndim else ""
    return f"{float(array[index])!r}{where}"


def check_finite(name: str, values) -> np.ndarray:
    """Return `values` as a float array; ValueError if it holds NaN or inf, naming where."""
    array = as_array(name, values)
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name} must hold finite numbers only, got {locate(array, bad)}")
    return array


def check_same_shape(name_a: str, a, name_b: str, b) -> None:
    """Raise ValueError unless `a` and `b` have the same shape (no silent broadcasting)."""
    shape_a, shape_b = np.shape(a), np.shape(b)
    if shape_a != shape_b:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, got {shape_a} and {shape_b}"
        )


def check_probabilities(name: str, values) -> np.ndarray:
    """Return `values` as a float array if every entry lies in [0, 1], else raise ValueError."""
    array = check_finite(name, values)
    bad = (array < 0) | (array > 1)
    if bad.any():
        raise ValueError(f"{name} must hold probabilities in [0, 1], got {locate(array, bad)}")
    return array


def check_range(name: str, low, high) -> tuple[float, float]:
    """Return `(low, high)` as floats if both are finite numbers and low < high."""
    if not (_is_real(low) and _is_real(high)):
        raise TypeError(
            f"{name} range must be two numbers (low, high), got ({_short(low)}, {_short(high)})"
        )
    if not (np.isfinite(low) and np.isfinite(high)):
        raise ValueError(f"{name} range must be finite, got ({low!r}, {high!r})")
    if low >= high:
        kind = "empty" if low == high else "reversed"
        raise ValueError(f"{name} range is {kind}: expected low < high, got ({low!r}, {high!r})")
    return float(low), float(high)


def check_labels(name: str, labels, num_classes: int) -> np.ndarray:
    """Return `labels` if they are integer class labels in [0, num_classes), else raise.

    Booleans are the labels 0 and 1. Floats (even 0.0 and 1.0) are a ValueError: labels are
    counted, and a float array is more often probabilities or one-hot rows given by mistake.
    Strings are a TypeError.

    >>> check_labels("y_true", [2, 0], 3).tolist()
    [2, 0]
    >>> check_labels("y_true", [3], 3)
    Traceback (most recent call last):
        ...
    ValueError: y_true must hold class labels in [0, 3), got labels from 3 to 3
    """
    num_classes = check_integer("num_classes", num_classes, minimum=1)
    if labels is None or isinstance(labels, str | bytes):
        raise TypeError(f"{name} must be an array of integer class labels, got {_short(labels)}")
    try:
        array = np.asarray(labels)
    except ValueError:
        raise ValueError(
            f"{name} must be a rectangular array of class labels, got nested "
            "lists of different lengths"
        ) from None
    if array.dtype.kind not in NUMBER_KINDS:
        raise TypeError(f"{name} must hold integer class labels, got {_short(labels)}")
    if array.dtype.kind == "b" or array.size == 0:  # False and True are the labels 0 and 1
        array = array.astype(int)
    if array.dtype.kind not in INTEGER_KINDS:
        raise ValueError(f"{name} must hold integer class labels, got dtype {array.dtype}")
    if array.size and (array.min() < 0 or array.max() >= num_classes):
        raise ValueError(
            f"{name} must hold class labels in [0, {num_classes}), "
            f"got labels from {array.min()} to {array.max()}"
        )
    return array
