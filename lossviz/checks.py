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
from collections.abc import Callable, Iterable

import numpy as np

from lossviz.data import regression_cases
from lossviz.validate import check_labels, check_same_shape

Case = tuple[np.ndarray, np.ndarray]


def _name(fn: Callable) -> str:
    return getattr(fn, "__name__", None) or type(fn).__name__


def _keras():
    """Import Keras on TensorFlow, quietly, on first use."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    import keras

    return keras


def _for_keras(ours: np.ndarray, y_true: np.ndarray, y_pred: np.ndarray) -> Case:
    """Keras reduces over the last axis; give an elementwise loss a trailing axis of one."""
    if ours.shape == np.shape(y_pred):
        return np.asarray(y_true)[..., None], np.asarray(y_pred)[..., None]
    return np.asarray(y_true), np.asarray(y_pred)


def _compare(label: str, ours, theirs, rtol: float, atol: float, n_cases: int, total: int) -> float:
    """Raise AssertionError when ours and theirs differ; print the verdict; return the error."""
    ours, theirs = np.asarray(ours, dtype=float), np.asarray(theirs, dtype=float)
    if ours.shape != theirs.shape:
        raise AssertionError(f"✗ {label}: shapes differ, {ours.shape} and {theirs.shape}")
    error = np.abs(ours - theirs)
    error[ours == theirs] = 0.0  # equal infinities
    worst = int(np.argmax(error)) if error.size else 0
    largest = float(error.flat[worst]) if error.size else 0.0
    if not np.allclose(ours, theirs, rtol=rtol, atol=atol, equal_nan=False):
        raise AssertionError(
            f"✗ {label.replace('matches', 'differs from')}: largest error {largest:.2e} "
            f"(ours {ours.flat[worst]:.6g}, reference {theirs.flat[worst]:.6g})"
        )
    print(f"✓ {label} on {n_cases} cases ({total:,} values): largest error {largest:.1e}")
    return largest


def _as_case(y_true, y_pred) -> Case:
    """Float arrays of one shape; or integer class labels, and y_pred with one more axis."""
    y_pred = np.asarray(y_pred, float)
    if np.asarray(y_true).dtype.kind in "iu" and np.shape(y_true) == y_pred.shape[:-1]:
        return check_labels("y_true", y_true, y_pred.shape[-1]), y_pred
    check_same_shape("y_true", y_true, "y_pred", y_pred)
    return np.asarray(y_true, float), y_pred


def _gather(cases: Iterable[Case], fn: Callable[[np.ndarray, np.ndarray], np.ndarray]) -> list:
    return [np.ravel(fn(*_as_case(y_true, y_pred))) for y_true, y_pred in cases]


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
        The notebook's ``loss(y_true, y_pred, **params)``, one loss per example.
    keras_loss : callable
        The Keras loss, configured alike: a ``keras.losses`` function, or a loss object
        built with ``reduction=None``. Keras computes in float32, hence the tolerances.
    cases : iterable of (y_true, y_pred), optional
        Random and edge-case inputs; :func:`lossviz.data.regression_cases` by default.
    rtol, atol : float
        Relative and absolute tolerance, as in ``numpy.allclose``.
    **params
        Hyperparameters passed to `loss`.

    Returns
    -------
    float
        The largest absolute difference.
    """
    keras = _keras()
    cases = list(regression_cases() if cases is None else cases)

    def ours(y_true, y_pred):
        return np.asarray(loss(y_true, y_pred, **params), dtype=float)

    def theirs(y_true, y_pred):
        kt, kp = _for_keras(ours(y_true, y_pred), y_true, y_pred)
        value = keras_loss(kt.astype("float32"), kp.astype("float32"))
        return keras.ops.convert_to_numpy(value)

    label = f"{_name(loss)} matches keras {_name(keras_loss)}"
    a, b = np.concatenate(_gather(cases, ours)), np.concatenate(_gather(cases, theirs))
    return _compare(label, a, b, rtol, atol, len(cases), a.size)


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
    called as ``fn(y_true, y_pred, **params)`` in float64.

    >>> def mae(y_true, y_pred):
    ...     return np.abs(y_pred - y_true)
    >>> def mae_by_definition(y_true, y_pred):
    ...     return np.array([max(p - t, t - p) for t, p in zip(y_true, y_pred)])
    >>> error = check_against_reference(mae, mae_by_definition)  # doctest: +ELLIPSIS
    ✓ mae matches mae_by_definition on 6 cases (314 values): largest error 0.0e+00
    """
    cases = list(regression_cases() if cases is None else cases)
    a = np.concatenate(_gather(cases, lambda t, p: loss(t, p, **params)))
    b = np.concatenate(_gather(cases, lambda t, p: reference(t, p, **params)))
    label = f"{_name(loss)} matches {_name(reference)}"
    return _compare(label, a, b, rtol, atol, len(cases), a.size)


def numerical_gradient(
    loss: Callable, y_true: np.ndarray, y_pred: np.ndarray, *, eps: float = 1e-6, **params
) -> np.ndarray:
    """Central-difference gradient of the summed loss with respect to ``y_pred``.

    Works for elementwise losses and for losses that reduce over the last axis (one loss
    per row): each column is nudged for all rows at once, as rows do not interact.
    Integer class labels in `y_true` (sparse losses) stay integers.

    >>> numerical_gradient(lambda t, p: (p - t) ** 2, np.zeros(2), np.array([1.0, -2.0]))
    array([ 2., -4.])
    """
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred, float)
    if y_true.dtype.kind not in "iu":
        y_true = y_true.astype(float)

    def total(shifted):
        return np.asarray(loss(y_true, shifted, **params), dtype=float)

    if total(y_pred).shape == y_pred.shape:  # elementwise: nudge every entry at once
        return (total(y_pred + eps) - total(y_pred - eps)) / (2 * eps)
    grad = np.empty_like(y_pred)
    for k in range(y_pred.shape[-1]):
        step = np.zeros_like(y_pred)
        step[..., k] = eps
        grad[..., k] = (total(y_pred + step) - total(y_pred - step)) / (2 * eps)
    return grad


def autodiff_gradient(keras_loss: Callable, y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """TensorFlow's gradient of the summed Keras loss with respect to ``y_pred`` (float32)."""
    _keras()
    import tensorflow as tf

    variable = tf.Variable(np.asarray(y_pred, dtype="float32"))
    with tf.GradientTape() as tape:
        total = tf.reduce_sum(keras_loss(tf.constant(np.asarray(y_true, "float32")), variable))
    return tape.gradient(total, variable).numpy()


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
        ``loss(y_true, y_pred, **params)`` and its gradient with respect to ``y_pred``.
    cases : iterable of (y_true, y_pred), optional
        Inputs away from any kink; ``regression_cases(edges=False)`` by default.
    keras_loss : callable, optional
        The Keras counterpart, configured alike: its autodiff gradient is checked too,
        with float32 tolerances.
    eps : float
        The central-difference step.
    rtol, atol : float
        Tolerances for the central-difference comparison.
    **params
        Hyperparameters passed to `loss` and `grad`.

    Returns
    -------
    float
        The largest absolute difference from the central-difference gradient.
    """
    cases = list(regression_cases(edges=False) if cases is None else cases)
    analytic = np.concatenate(_gather(cases, lambda t, p: grad(t, p, **params)))
    numeric = np.concatenate(
        _gather(cases, lambda t, p: numerical_gradient(loss, t, p, eps=eps, **params))
    )
    label = f"{_name(grad)} matches the central-difference gradient of {_name(loss)}"
    largest = _compare(label, analytic, numeric, rtol, atol, len(cases), analytic.size)
    if keras_loss is not None:

        def keras_autodiff(y_true, y_pred):
            kt, kp = _for_keras(np.asarray(loss(y_true, y_pred, **params)), y_true, y_pred)
            return autodiff_gradient(keras_loss, kt, kp).reshape(np.shape(y_pred))

        autodiff = np.concatenate(_gather(cases, keras_autodiff))
        label = f"{_name(grad)} matches TensorFlow autodiff of keras {_name(keras_loss)}"
        _compare(label, analytic, autodiff, 1e-4, 1e-5, len(cases), analytic.size)
    return largest
