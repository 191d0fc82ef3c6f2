"""The classification axes (logit, probability, margin) and the explorer drawing several of them:
driven in code and compared with a direct computation."""

import functools

import numpy as np
import pytest

import lossviz


def bce(y_true, y_pred, *, from_logits=False):
    if from_logits:
        return np.logaddexp(0.0, y_pred) - y_true * y_pred
    return -(y_true * np.log(y_pred) + (1 - y_true) * np.log(1 - y_pred))


def bce_grad(y_true, y_pred, *, from_logits=False):
    if from_logits:
        return 1 / (1 + np.exp(-y_pred)) - y_true
    return (y_pred - y_true) / (y_pred * (1 - y_pred))


def focal(y_true, y_pred, *, gamma=2.0, from_logits=False):
    probs = 1 / (1 + np.exp(-y_pred)) if from_logits else y_pred
    p_t = y_true * probs + (1 - y_true) * (1 - probs)
    return (1 - p_t) ** gamma * bce(y_true, y_pred, from_logits=from_logits)


def softmax_crossentropy(y_true, logits, *, from_logits=True):
    assert from_logits
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return -(y_true * (shifted - np.log(np.exp(shifted).sum(-1, keepdims=True)))).sum(-1)


def softmax_crossentropy_grad(y_true, logits, *, from_logits=True):
    probs = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return probs / probs.sum(-1, keepdims=True) - y_true


def hinge(y_true, y_pred):
    return np.maximum(0.0, 1 - y_true * y_pred)


def test_logit_axis_feeds_logits_for_one_class():
    axis = lossviz.logit(-3, 3, 7, y_true=0)
    y_true, y_pred = axis.to_arguments(axis.x)
    np.testing.assert_array_equal(y_true, np.zeros(7))
    np.testing.assert_array_equal(y_pred, np.linspace(-3, 3, 7))
    assert axis.keywords == {"from_logits": True}
    assert axis.name == "y = 0"


def test_both_classes_are_drawn_and_follow_the_slider():
    handle = lossviz.explore(
        {"BCE": bce, "focal": focal},
        {"BCE": bce_grad},
        params={"gamma": (0.0, 5.0, 2.0)},
        variable=[lossviz.logit(-4, 4, 81, y_true=1), lossviz.logit(-4, 4, 81, y_true=0)],
    )
    z = np.linspace(-4, 4, 81)
    assert sorted(handle.artists) == ["BCE, y = 0", "BCE, y = 1", "focal, y = 0", "focal, y = 1"]
    for y in (0, 1):
        loss_line, grad_line = handle.artists[f"BCE, y = {y}"]
        np.testing.assert_allclose(loss_line.get_ydata(), bce(y, z, from_logits=True))
        np.testing.assert_allclose(grad_line.get_ydata(), bce_grad(y, z, from_logits=True))
        assert handle.artists[f"focal, y = {y}"][1] is None
    handle.sliders["gamma"].value = 0.5
    for y in (0, 1):
        np.testing.assert_allclose(
            handle.artists[f"focal, y = {y}"][0].get_ydata(),
            focal(y, z, gamma=0.5, from_logits=True),
        )
    solid, dashed = handle.artists["BCE, y = 1"][0], handle.artists["BCE, y = 0"][0]
    assert solid.get_color() == dashed.get_color()
    assert solid.get_linestyle() != dashed.get_linestyle()


def test_probability_axis_feeds_probabilities():
    axis = lossviz.probability(0.1, 0.9, 5, y_true=1)
    handle = lossviz.explore({"BCE": bce}, {"BCE": bce_grad}, variable=axis)
    p = np.linspace(0.1, 0.9, 5)
    np.testing.assert_allclose(handle.artists["BCE"][0].get_ydata(), -np.log(p))
    np.testing.assert_allclose(handle.artists["BCE"][1].get_ydata(), (p - 1) / (p * (1 - p)))
    assert axis.keywords == {"from_logits": False}


def test_binary_margin_axis_uses_label_one():
    handle = lossviz.explore(hinge, variable=lossviz.margin(-2, 2, 5))
    np.testing.assert_allclose(handle.artists["hinge"][0].get_ydata(), [3, 2, 1, 0, 0])


def test_multiclass_margin_draws_the_true_class_gradient():
    axis = lossviz.margin(-2, 3, 11, num_classes=4)
    y_true, scores = axis.to_arguments(axis.x)
    assert y_true.shape == scores.shape == (11, 4)
    np.testing.assert_array_equal(scores[:, 0], axis.x)
    np.testing.assert_array_equal(scores[:, 1:], 0)
    handle = lossviz.explore(
        {"CE": softmax_crossentropy}, {"CE": softmax_crossentropy_grad}, variable=axis
    )
    m = np.linspace(-2, 3, 11)
    loss_line, grad_line = handle.artists["CE"]
    np.testing.assert_allclose(loss_line.get_ydata(), np.log1p(3 * np.exp(-m)))
    np.testing.assert_allclose(grad_line.get_ydata(), np.exp(m) / (np.exp(m) + 3) - 1)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: lossviz.logit(2, -2), "logit range is reversed"),
        (lambda: lossviz.logit(num=1), "num must be an integer of at least 2"),
        (lambda: lossviz.logit(y_true=2), "y_true must be a class, 0 or 1, or a soft target"),
        (lambda: lossviz.probability(-0.5, 0.5), r"probability range must lie within \[0, 1\]"),
        (lambda: lossviz.probability(0.5, 0.5), "probability range is empty"),
        (lambda: lossviz.margin(num_classes=1), "num_classes must be an integer of at least 2"),
    ],
)
def test_bad_axes_are_value_errors(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(
    ("variable", "message"),
    [
        ([], "variable must be a Variable or a non-empty sequence"),
        ([lossviz.logit(-4, 4), lossviz.logit(-3, 3, y_true=0)], "must share one axis"),
        ([lossviz.logit(y_true=1), lossviz.probability(y_true=0)], "must share one axis"),
        ([lossviz.logit(y_true=1), lossviz.logit(y_true=1)], "need distinct, non-empty names"),
    ],
)
def test_variables_drawn_together_must_match(variable, message):
    with pytest.raises(ValueError, match=message):
        lossviz.explore(bce, variable=variable)


def test_a_loss_of_the_wrong_shape_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r"hinge returned shape \(401, 3\) on the axis"):
        lossviz.explore(hinge, variable=lossviz.margin(num_classes=3))
    with pytest.raises(ValueError, match=r"softmax_crossentropy_grad returned shape \(401, 3\)"):
        lossviz.explore(
            {"CE": softmax_crossentropy},
            {"CE": softmax_crossentropy_grad},
            variable=lossviz.Variable(
                "margin", np.linspace(-1, 1, 401), lossviz.margin(num_classes=3).to_arguments
            ),
        )


def test_a_fractional_number_of_classes_is_a_type_error():
    with pytest.raises(TypeError, match="num_classes must be an integer of at least 2, got 2.5"):
        lossviz.margin(num_classes=2.5)


@pytest.mark.parametrize(
    ("make", "label", "grad_label", "ends", "keywords"),
    [
        (
            lossviz.residual,
            r"residual $r = \hat{y} - y$",
            r"gradient $\partial L / \partial \hat{y}$",
            (-3.0, 3.0),
            {},
        ),
        (
            lossviz.logit,
            r"logit $z$",
            r"gradient $\partial L / \partial z$",
            (-6.0, 6.0),
            {"from_logits": True},
        ),
        (
            lossviz.probability,
            r"predicted probability $p$ of class 1",
            r"gradient $\partial L / \partial p$",
            (0.01, 0.99),
            {"from_logits": False},
        ),
        (
            lossviz.margin,
            r"margin $m = y\,f(x)$",
            r"gradient $\partial L / \partial m$",
            (-3.0, 3.0),
            {"from_logits": True},
        ),
        (
            functools.partial(lossviz.margin, num_classes=3),
            r"margin $m = s_y - \max_{j \neq y} s_j$",
            r"gradient $\partial L / \partial m$",
            (-3.0, 3.0),
            {"from_logits": True},
        ),
    ],
    ids=["residual", "logit", "probability", "margin", "multiclass-margin"],
)
def test_each_axis_has_the_documented_defaults_labels_and_keywords(
    make, label, grad_label, ends, keywords
):
    """What the notebooks' explorers rely on: the range, 401 points, the words, from_logits."""
    axis = make()  # built in the test, so that mutation testing sees the test reach it
    assert (axis.label, axis.grad_label, axis.keywords) == (label, grad_label, keywords)
    assert (axis.x[0], axis.x[-1], len(axis.x)) == (*ends, 401)


def test_a_probability_axis_may_reach_zero_and_one_but_not_beyond():
    np.testing.assert_array_equal(lossviz.probability(0.0, 1.0, 3).x, [0.0, 0.5, 1.0])
    with pytest.raises(ValueError, match=r"^probability range must lie within \[0, 1\]"):
        lossviz.probability(0.0, 1.5)
