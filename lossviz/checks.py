"""Checks that hold a notebook's NumPy loss against Keras, and its gradient against numbers.

Each check prints a one-line verdict with the largest error and raises AssertionError on a
mismatch, so a notebook whose code drifts fails its test run. TensorFlow is imported only
when a check needs it.

Examples
--------
>>> import numpy as np
>>> def mse(y_true, y_pred):
...     return (y_pred - y_true) ** 2
>>> def mse_grad(y_true, y_pred):
...     return 2 * (y_pred - y_true)
>>> error = check_gradient(mse, mse_grad)  # doctest: +ELLIPSIS
✓ mse_grad matches the central-difference gradient of mse on 3 cases (300 values): ...
>>> def wrong_grad(y_true, y_pred):
...     return y_pred - y_true
>>> check_gradient(mse, wrong_grad)  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
AssertionError: ✗ wrong_grad differs from the central-difference gradient of mse: largest error ...
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from lossviz.data import regression_cases
from lossviz.validate import (
    INTEGER_KINDS,
    as_array,
    check_callable,
    check_finite,
    check_labels,
    check_nonnegative,
    check_positive,
    check_same_shape,
    locate,
)

Case = tuple[np.ndarray, np.ndarray]
Shape = tuple[int, ...]


def _name(fn: Callable) -> str:
    return getattr(fn, "__name__", None) or type(fn).__name__


def _keras():
    """Import Keras on TensorFlow, quietly, on first use."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras

    return keras


def _loss_shapes(y_pred: np.ndarray) -> list[Shape]:
    """One loss per example: elementwise (the shape of `y_pred`), or one per row (a loss that
    reduces over the last axis, for `y_pred` of two or more axes)."""
    return [y_pred.shape, y_pred.shape[:-1]] if y_pred.ndim >= 2 else [y_pred.shape]


def _as_case(y_true, y_pred, where: str = "") -> Case:
    """Finite float arrays of one shape, or integer class labels and `y_pred` with one more
    axis; ValueError or TypeError naming the argument otherwise (no silent broadcasting)."""
    prefix = f"{where} " if where else ""
    y_pred = check_finite(f"{prefix}y_pred", y_pred)
    if y_pred.ndim == 0:
        raise ValueError(
            f"{prefix}y_pred must be an array (one value per example), got a single number"
        )
    if y_pred.size == 0:
        raise ValueError(f"{prefix}y_pred is empty: a check on no values checks nothing")
    if _is_sparse(y_true, y_pred):
        return check_labels(f"{prefix}y_true", y_true, y_pred.shape[-1]), y_pred
    y_true = check_finite(f"{prefix}y_true", y_true)
    check_same_shape(f"{prefix}y_true", y_true, "y_pred", y_pred)
    return y_true, y_pred


def _is_sparse(y_true, y_pred: np.ndarray) -> bool:
    """Whether `y_true` holds integer class labels, one per row of `y_pred` (a sparse loss)."""
    try:
        labels = np.asarray(y_true)
    except ValueError:  # ragged nesting: check_finite says so, naming y_true
        return False
    return labels.dtype.kind in INTEGER_KINDS and labels.shape == y_pred.shape[:-1]


def _cases(cases, default: Callable[[], list[Case]]) -> list[Case]:
    """The validated cases: a non-empty list of ``(y_true, y_pred)`` pairs."""
    if cases is None:
        cases = default()
    if isinstance(cases, np.ndarray | str | bytes | Mapping) or not isinstance(cases, Iterable):
        raise TypeError(
            f"cases must be a list of (y_true, y_pred) pairs, got {type(cases).__name__}"
        )
    cases = list(cases)
    if not cases:
        raise ValueError("cases must hold at least one (y_true, y_pred) pair, got none")
    checked = []
    for i, case in enumerate(cases):
        if not isinstance(case, tuple | list) or len(case) != 2:
            raise TypeError(
                f"cases[{i}] must be a pair (y_true, y_pred), got "
                f"{type(case).__name__}; pass a list of pairs: [(y_true, y_pred)]"
            )
        checked.append(_as_case(*case, where=f"cases[{i}]"))
    return checked


def _result(name: str, value, shapes: list[Shape], where: str) -> np.ndarray:
    """What a function under check returned, as a float array; AssertionError blaming it
    for something that is not numbers, of another shape, or NaN or inf."""
    try:
        array = as_array(name, value)
    except (TypeError, ValueError):
        raise AssertionError(
            f"✗ {name} returned {type(value).__name__} on {where}, not an array of numbers"
        ) from None
    if array.shape not in shapes:
        expected = " or ".join(str(s) for s in shapes)
        hint = ": one value per example, not their mean or sum" if array.ndim == 0 else ""
        raise AssertionError(
            f"✗ {name} returned shape {array.shape} on {where}; expected {expected}{hint}"
        )
    if array.size == 0:
        raise AssertionError(f"✗ {name} returned no values on {where}")
    bad = ~np.isfinite(array)
    if bad.any():
        raise AssertionError(
            f"✗ {name} returned {locate(array, bad)} on {where}: every value must be finite"
        )
    return array


def _compare(
    name: str, reference: str, ours: list, theirs: list, rtol: float, atol: float
) -> float:
    """Print the verdict on per-case results of matching shapes, or raise; return the
    largest absolute difference."""
    a = np.concatenate([o.ravel() for o in ours])
    b = np.concatenate([t.ravel() for t in theirs])
    error = np.abs(a - b)
    worst = int(np.argmax(error))
    largest = float(error[worst])
    if not np.allclose(a, b, rtol=rtol, atol=atol):
        case = int(np.searchsorted(np.cumsum([o.size for o in ours]), worst, side="right"))
        raise AssertionError(
            f"✗ {name} differs from {reference}: largest error {largest:.2e} "
            f"on cases[{case}] (ours {a[worst]:.6g}, reference {b[worst]:.6g})"
        )
    if np.all(np.abs(b) <= atol):
        raise ValueError(
            f"cases: every value of {reference} is within atol={atol:g} of 0, so "
            f"{name} would pass even if it returned 0; add cases where it is not 0"
        )
    print(
        f"✓ {name} matches {reference} on {len(ours)} cases ({a.size:,} values): "
        f"largest error {largest:.1e}"
    )
    return largest


def _for_keras(ours: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> Case:
    """Keras reduces over the last axis; give an elementwise loss a trailing axis of one."""
    if ours.shape == y_pred.shape:
        return y_true[..., None], y_pred[..., None]
    return y_true, y_pred


def check_against_keras(
    loss: Callable,
    keras_loss: Callable,
    cases: Iterable[Case] | None = None,
    *,
    rtol: float = 1e-5,
    atol: float = 1e-6,
    **params,
) -> float:
    """Hold a NumPy loss against its Keras counterpart; raise AssertionError on a mismatch.

    Parameters
    ----------
    loss : callable
        The notebook's ``loss(y_true, y_pred, **params)``, one loss per example: an array of
        the shape of ``y_pred`` (elementwise) or without its last axis (one loss per row).
    keras_loss : callable
        The Keras loss, configured alike: a ``keras.losses`` function, or a loss object
        built with ``reduction=None``. Keras computes in float32, hence the tolerances.
    cases : iterable of (y_true, y_pred), optional
        Random and edge-case inputs of finite numbers; :func:`lossviz.data.regression_cases`
        by default. ``y_true`` has the shape of ``y_pred``, or holds integer class labels
        for each row of it.
    rtol, atol : float
        Relative and absolute tolerance, as in ``numpy.allclose``: finite, at least 0.
    **params
        Hyperparameters passed to `loss`.

    Returns
    -------
    float
        The largest absolute difference.

    Raises
    ------
    AssertionError
        ``✗ ...`` when the losses differ, or when either returns NaN, inf or another shape.
    ValueError, TypeError
        For bad cases or tolerances, and for cases on which every Keras value is within
        `atol` of 0, where the check could not tell a right loss from a wrong one.
    """
    check_callable("loss", loss)
    check_callable("keras_loss", keras_loss)
    rtol, atol = check_nonnegative("rtol", rtol), check_nonnegative("atol", atol)
    cases = _cases(cases, regression_cases)
    keras = _keras()
    name, keras_name = _name(loss), f"keras {_name(keras_loss)}"
    ours, theirs = [], []
    for i, (y_true, y_pred) in enumerate(cases):
        mine = _result(name, loss(y_true, y_pred, **params), _loss_shapes(y_pred), f"cases[{i}]")
        kt, kp = _for_keras(mine, y_true, y_pred)
        value = keras.ops.convert_to_numpy(keras_loss(kt.astype("float32"), kp.astype("float32")))
        if np.ndim(value) == 0:
            raise AssertionError(
                f"✗ {keras_name} returned one number on cases[{i}]; build it "
                "with reduction=None for one loss per example"
            )
        # an elementwise TensorFlow function keeps the trailing axis given to it
        value = _result(keras_name, value, [mine.shape, kp.shape], f"cases[{i}]")
        theirs.append(value)
        ours.append(mine)
    return _compare(name, keras_name, ours, theirs, rtol, atol)


def check_against_reference(
    loss: Callable,
    reference: Callable,
    cases: Iterable[Case] | None = None,
    *,
    rtol: float = 1e-9,
    atol: float = 1e-12,
    **params,
) -> float:
    """Hold a NumPy loss against a reference written another way; AssertionError on a mismatch.

    Use it where Keras has no counterpart: the reference can be the definition written as a
    plain loop, a closed form, a numerical integral or another library's result. Both are
    called as ``fn(y_true, y_pred, **params)`` in float64 and must return finite values of one
    shape (an array, not a single number: one loss per example, or per pair or anchor where the
    loss is over a batch); `cases`, `rtol` and `atol` as in :func:`check_against_keras`.

    >>> def mae(y_true, y_pred):
    ...     return np.abs(y_pred - y_true)
    >>> def mae_by_definition(y_true, y_pred):
    ...     return np.array([max(p - t, t - p) for t, p in zip(y_true, y_pred)])
    >>> error = check_against_reference(mae, mae_by_definition)  # doctest: +ELLIPSIS
    ✓ mae matches mae_by_definition on 6 cases (314 values): largest error 0.0e+00
    """
    check_callable("loss", loss)
    check_callable("reference", reference)
    rtol, atol = check_nonnegative("rtol", rtol), check_nonnegative("atol", atol)
    cases = _cases(cases, regression_cases)
    name, reference_name = _name(loss), _name(reference)
    ours, theirs = [], []
    for i, (y_true, y_pred) in enumerate(cases):
        where = f"cases[{i}]"
        value = loss(y_true, y_pred, **params)
        mine = _result(name, value, [np.shape(value)] if np.ndim(value) else [y_pred.shape], where)
        value = reference(y_true, y_pred, **params)
        theirs.append(_result(reference_name, value, [mine.shape], where))
        ours.append(mine)
    return _compare(name, reference_name, ours, theirs, rtol, atol)


def _central_difference(
    loss: Callable, y_true: np.ndarray, y_pred: np.ndarray, eps: float, params: dict, where: str
) -> np.ndarray:
    name = _name(loss)
    at = _result(name, loss(y_true, y_pred, **params), _loss_shapes(y_pred), where)

    def total(shifted: np.ndarray) -> np.ndarray:
        return _result(name, loss(y_true, shifted, **params), [at.shape], f"{where} nudged by eps")

    if at.shape == y_pred.shape:  # elementwise: nudge every entry at once
        return (total(y_pred + eps) - total(y_pred - eps)) / (2 * eps)
    grad = np.empty_like(y_pred)
    for k in range(y_pred.shape[-1]):
        step = np.zeros_like(y_pred)
        step[..., k] = eps
        grad[..., k] = (total(y_pred + step) - total(y_pred - step)) / (2 * eps)
    return grad


def numerical_gradient(
    loss: Callable, y_true: np.ndarray, y_pred: np.ndarray, *, eps: float = 1e-6, **params
) -> np.ndarray:
    """Central-difference gradient of the summed loss with respect to ``y_pred``.

    Works for elementwise losses and for losses that reduce over the last axis (one loss
    per row): each column is nudged for all rows at once, as rows do not interact.
    `y_true` has the shape of `y_pred`, or holds integer class labels (sparse losses), which
    stay integers; both hold finite numbers, and `eps` is a positive step.

    >>> numerical_gradient(lambda t, p: (p - t) ** 2, np.zeros(2), np.array([1.0, -2.0]))
    array([ 2., -4.])
    """
    check_callable("loss", loss)
    eps = check_positive("eps", eps)
    y_true, y_pred = _as_case(y_true, y_pred)
    return _central_difference(loss, y_true, y_pred, eps, params, "y_pred")


def autodiff_gradient(keras_loss: Callable, y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """TensorFlow's gradient of the summed Keras loss with respect to ``y_pred`` (float32).

    `y_true` and `y_pred` as in :func:`numerical_gradient`; AssertionError if the loss gives
    TensorFlow no gradient, or one that is not finite.
    """
    check_callable("keras_loss", keras_loss)
    y_true, y_pred = _as_case(y_true, y_pred)
    _keras()
    import tensorflow as tf

    variable = tf.Variable(y_pred.astype("float32"))
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(keras_loss(tf.constant(y_true.astype("float32")), variable))
    grad = tape.gradient(total, variable)
    name = f"TensorFlow's gradient of {_name(keras_loss)}"
    if grad is None:
        raise AssertionError(
            f"✗ {_name(keras_loss)} gave TensorFlow no gradient with respect "
            "to y_pred: build it from keras.ops or TensorFlow operations"
        )
    return _result(name, grad.numpy(), [y_pred.shape], "y_pred")


def check_gradient(
    loss: Callable,
    grad: Callable,
    cases: Iterable[Case] | None = None,
    *,
    keras_loss: Callable | None = None,
    eps: float = 1e-6,
    rtol: float = 1e-4,
    atol: float = 1e-6,
    **params,
) -> float:
    """Hold an analytic gradient against central differences, and against TensorFlow autodiff.

    Parameters
    ----------
    loss, grad : callable
        ``loss(y_true, y_pred, **params)`` and its gradient with respect to ``y_pred``, which
        must have exactly the shape of ``y_pred`` (no broadcasting) and be finite.
    cases : iterable of (y_true, y_pred), optional
        Inputs away from any kink; ``regression_cases(edges=False)`` by default.
    keras_loss : callable, optional
        The Keras counterpart, configured alike: its autodiff gradient is checked too,
        with float32 tolerances.
    eps : float
        The central-difference step, positive.
    rtol, atol : float
        Tolerances for the central-difference comparison: finite, at least 0.
    **params
        Hyperparameters passed to `loss` and `grad`.

    Returns
    -------
    float
        The largest absolute difference from the central-difference gradient.

    Raises
    ------
    AssertionError
        ``✗ ...`` when the gradients differ, or a function returns NaN, inf or another shape.
    ValueError, TypeError
        For bad arguments, and for cases where the central-difference gradient is within
        `atol` of 0 everywhere: a wrong gradient that is 0 there would pass.
    """
    check_callable("loss", loss)
    check_callable("grad", grad)
    if keras_loss is not None:
        check_callable("keras_loss", keras_loss)
    eps = check_positive("eps", eps)
    rtol, atol = check_nonnegative("rtol", rtol), check_nonnegative("atol", atol)
    cases = _cases(cases, lambda: regression_cases(edges=False))
    name = _name(grad)
    analytic, numeric = [], []
    for i, (y_true, y_pred) in enumerate(cases):
        where = f"cases[{i}]"
        analytic.append(_result(name, grad(y_true, y_pred, **params), [y_pred.shape], where))
        numeric.append(_central_difference(loss, y_true, y_pred, eps, params, where))
    reference = f"the central-difference gradient of {_name(loss)}"
    largest = _compare(name, reference, analytic, numeric, rtol, atol)
    if keras_loss is not None:
        autodiff = []
        for y_true, y_pred in cases:
            kt, kp = _for_keras(np.asarray(loss(y_true, y_pred, **params)), y_true, y_pred)
            autodiff.append(autodiff_gradient(keras_loss, kt, kp))  # compared flattened
        reference = f"TensorFlow autodiff of keras {_name(keras_loss)}"
        _compare(name, reference, analytic, autodiff, 1e-4, 1e-5)
    return largest
