"""The checks pass on correct code and raise AssertionError on code that drifted."""

import keras
import numpy as np
import pytest

import lossviz


def huber(y_true, y_pred, *, delta=1.0):
    r = np.abs(y_pred - y_true)
    return np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))


def huber_grad(y_true, y_pred, *, delta=1.0):
    return np.clip(y_pred - y_true, -delta, delta)


def softmax_crossentropy(y_true, logits):
    """Reduces over the last axis: one loss per row."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    return -(y_true * log_probs).sum(axis=-1)


def softmax_crossentropy_grad(y_true, logits):
    probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return probs / probs.sum(axis=-1, keepdims=True) - y_true


def categorical_cases(seed=0):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 4, 30)
    return [(np.eye(4)[labels], rng.normal(0, 3, (30, 4)))]


def test_correct_loss_passes_against_keras_and_prints_one_verdict(capsys):
    error = lossviz.check_against_keras(
        huber, keras.losses.Huber(delta=0.5, reduction=None), delta=0.5
    )
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert out.startswith("✓ huber matches keras Huber on 6 cases (314 values)")
    assert 0 <= error < 1e-3


def test_drifted_loss_fails_against_keras():
    with pytest.raises(AssertionError, match="✗ huber differs from keras Huber: largest error"):
        lossviz.check_against_keras(huber, keras.losses.Huber(delta=1.0, reduction=None), delta=2.0)


def test_per_row_loss_is_compared_without_an_extra_axis(capsys):
    keras_loss = keras.losses.CategoricalCrossentropy(from_logits=True, reduction=None)
    lossviz.check_against_keras(softmax_crossentropy, keras_loss, categorical_cases())
    assert "on 1 cases (30 values)" in capsys.readouterr().out


def test_gradient_checks_numerically_and_by_autodiff(capsys):
    lossviz.check_gradient(
        huber, huber_grad, keras_loss=keras.losses.Huber(delta=0.7, reduction=None), delta=0.7
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("✓ huber_grad matches the central-difference gradient of huber")
    assert lines[1].startswith("✓ huber_grad matches TensorFlow autodiff of keras Huber")


def test_per_row_gradient_is_checked_column_by_column():
    keras_loss = keras.losses.CategoricalCrossentropy(from_logits=True, reduction=None)
    lossviz.check_gradient(
        softmax_crossentropy, softmax_crossentropy_grad, categorical_cases(), keras_loss=keras_loss
    )
    with pytest.raises(AssertionError, match="differs from the central-difference gradient"):
        lossviz.check_gradient(
            softmax_crossentropy,
            lambda t, z: softmax_crossentropy_grad(t, z) * 1.01,
            categorical_cases(),
        )


def test_gradient_that_only_matches_numerics_fails_autodiff():
    """A gradient right for our loss but wrong for Keras' delta fails the autodiff comparison."""
    with pytest.raises(AssertionError, match="differs from TensorFlow autodiff"):
        lossviz.check_gradient(
            huber, huber_grad, keras_loss=keras.losses.Huber(delta=2.0, reduction=None), delta=0.7
        )


def test_reference_check_and_its_failure():
    def huber_loop(y_true, y_pred, *, delta=1.0):
        out = []
        for t, p in zip(y_true, y_pred, strict=True):
            r = abs(p - t)
            out.append(0.5 * r * r if r <= delta else delta * (r - 0.5 * delta))
        return np.array(out)

    def huber_loop_wrong_delta(y_true, y_pred, *, delta=1.0):
        return huber_loop(y_true, y_pred, delta=delta + 0.1)

    assert lossviz.check_against_reference(huber, huber_loop, delta=1.3) < 1e-9
    with pytest.raises(AssertionError, match="differs from huber_loop_wrong_delta"):
        lossviz.check_against_reference(huber, huber_loop_wrong_delta, delta=1.3)


def test_nan_in_the_loss_is_a_mismatch():
    def log_residual(y_true, y_pred):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(y_pred - y_true)  # NaN for negative residuals

    with pytest.raises(AssertionError, match="✗ log_residual differs from"):
        lossviz.check_against_reference(log_residual, lambda t, p: np.zeros_like(p))


def test_mismatched_case_shapes_are_a_value_error():
    cases = [(np.zeros(3), np.zeros(4))]
    with pytest.raises(
        ValueError, match=r"y_true and y_pred must have the same shape, got \(3,\) and \(4,\)"
    ):
        lossviz.check_against_reference(huber, huber, cases)


def test_numerical_gradient_of_an_elementwise_loss():
    y_pred = np.array([0.5, -2.0, 3.0])
    grad = lossviz.numerical_gradient(huber, np.zeros(3), y_pred, delta=1.0)
    np.testing.assert_allclose(grad, [0.5, -1.0, 1.0], atol=1e-8)
