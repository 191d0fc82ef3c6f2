"""Integer class labels: validated, and accepted by the checks for sparse losses."""

import keras
import numpy as np
import pytest

import lossviz
from lossviz import validate


def log_softmax(logits):
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def sparse_crossentropy(y_true, logits):
    return -np.take_along_axis(log_softmax(logits), y_true[:, None], axis=-1)[:, 0]


def sparse_crossentropy_grad(y_true, logits):
    return np.exp(log_softmax(logits)) - np.eye(logits.shape[-1])[y_true]


def one_hot_crossentropy(y_true, logits):
    """The reference: the one-hot rows of the labels."""
    return -(np.eye(logits.shape[-1])[y_true] * log_softmax(logits)).sum(axis=-1)


def test_labels_in_range_come_back_unchanged():
    labels = validate.check_labels("y_true", np.array([0, 3, 1]), 4)
    np.testing.assert_array_equal(labels, [0, 3, 1])


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ([0, 4], r"y_true must hold class labels in \[0, 4\), got labels from 0 to 4"),
        ([-1, 2], r"y_true must hold class labels in \[0, 4\), got labels from -1 to 2"),
        ([0.0, 1.0], "y_true must hold integer class labels, got dtype float64"),
    ],
)
def test_bad_labels(labels, message):
    with pytest.raises(ValueError, match=message):
        validate.check_labels("y_true", labels, 4)


def test_sparse_loss_is_checked_against_keras_and_a_reference(capsys):
    cases = lossviz.categorical_cases(from_logits=True, sparse=True)
    keras_loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True, reduction=None)
    lossviz.check_against_keras(sparse_crossentropy, keras_loss, cases)
    lossviz.check_against_reference(sparse_crossentropy, one_hot_crossentropy, cases)
    lossviz.check_gradient(
        sparse_crossentropy,
        sparse_crossentropy_grad,
        lossviz.categorical_cases(from_logits=True, sparse=True, edges=False),
        keras_loss=keras_loss,
    )
    assert capsys.readouterr().out.count("✓") == 4


def test_a_wrong_sparse_loss_fails():
    def off_by_one(y_true, logits):
        return sparse_crossentropy((y_true + 1) % logits.shape[-1], logits)

    with pytest.raises(AssertionError, match="off_by_one differs from one_hot_crossentropy"):
        lossviz.check_against_reference(
            off_by_one,
            one_hot_crossentropy,
            lossviz.categorical_cases(from_logits=True, sparse=True),
        )


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (np.array([0, 3]), r"y_true must hold class labels in \[0, 3\)"),
        (np.array([0, 1, 2]), "y_true and y_pred must have the same shape"),
    ],
)
def test_cases_with_bad_labels_are_value_errors(labels, message):
    cases = [(labels, np.zeros((2, 3)))]
    with pytest.raises(ValueError, match=message):
        lossviz.check_against_reference(sparse_crossentropy, one_hot_crossentropy, cases)


def test_numerical_gradient_keeps_integer_labels():
    logits = np.array([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]])
    labels = np.array([2, 0])
    np.testing.assert_allclose(
        lossviz.numerical_gradient(sparse_crossentropy, labels, logits),
        sparse_crossentropy_grad(labels, logits),
        atol=1e-8,
    )
