"""The checks pass on correct code and raise AssertionError on code that drifted."""

import os

import keras
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

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


def test_nan_in_the_loss_is_the_loss_s_fault_even_against_itself():
    def log_residual(y_true, y_pred):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(y_pred - y_true)  # NaN for negative residuals

    for reference in (lambda t, p: np.zeros_like(p), log_residual):  # NaN is never equal to NaN
        with pytest.raises(
            AssertionError,
            match=r"^✗ log_residual returned nan at index \d+ on "
            r"cases\[0\]: every value must be finite$",
        ):
            lossviz.check_against_reference(log_residual, reference)


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


# --- No ✓ for input the check could not judge (issue 18) ------------------------------------

BAD_TOLERANCES = st.sampled_from([np.nan, np.inf, -np.inf, -1e-6, "1e-6", None, [1e-6]])


def mse(y_true, y_pred):
    return (y_pred - y_true) ** 2


def mse_grad(y_true, y_pred):
    return 2 * (y_pred - y_true)


def mae(y_true, y_pred):
    return np.abs(y_pred - y_true)


def hinge(y_true, y_pred):
    return np.maximum(0.0, 1 - y_true * y_pred)


def hinge_grad(y_true, y_pred):
    return np.where(y_true * y_pred < 1, -y_true, 0.0)


def cost(y_true, y_pred):
    return np.mean((y_pred - y_true) ** 2)


CHECKERS = {
    "reference": lambda **kw: lossviz.check_against_reference(mse, mse, **kw),
    "keras": lambda **kw: lossviz.check_against_keras(
        mse, keras.losses.MeanSquaredError(reduction=None), **kw
    ),
    "gradient": lambda **kw: lossviz.check_gradient(mse, mse_grad, **kw),
}


@given(st.sampled_from(sorted(CHECKERS)), st.sampled_from(["rtol", "atol"]), BAD_TOLERANCES)
def test_a_tolerance_that_is_not_a_finite_non_negative_number_is_refused(checker, name, bad):
    with pytest.raises(
        (ValueError, TypeError), match=f"^{name} must be a finite number of at least 0, got "
    ):
        CHECKERS[checker](**{name: bad})


@given(BAD_TOLERANCES | st.just(0.0))
def test_a_step_that_is_not_a_positive_number_is_refused(bad):
    with pytest.raises((ValueError, TypeError), match="^eps must be a positive number, got "):
        lossviz.check_gradient(mse, mse_grad, eps=bad)
    with pytest.raises((ValueError, TypeError), match="^eps must be a positive number, got "):
        lossviz.numerical_gradient(mse, np.zeros(2), np.ones(2), eps=bad)


def test_an_infinite_tolerance_no_longer_passes_a_wrong_gradient():
    with pytest.raises(ValueError, match="atol must be a finite number"):
        lossviz.check_gradient(mse, lambda t, p: 0 * p + 29.0, atol=np.inf)


def test_a_gradient_of_another_shape_fails_instead_of_being_flattened():
    with pytest.raises(
        AssertionError,
        match=r"^✗ <lambda> returned shape \(50, 1\) on cases\[0\]; "
        r"expected \(50,\)$",
    ):
        lossviz.check_gradient(mse, lambda t, p: mse_grad(t, p)[:, None])


def test_a_reference_of_another_shape_fails():
    with pytest.raises(
        AssertionError,
        match=r"^✗ <lambda> returned shape \(1, 50\) on cases\[0\]; "
        r"expected \(50,\)$",
    ):
        lossviz.check_against_reference(mse, lambda t, p: mse(t, p)[None])


def test_a_loss_reduced_to_one_number_fails_against_keras_and_the_reference():
    hint = r"expected \(50,\): one value per example, not their mean or sum$"
    with pytest.raises(AssertionError, match=r"^✗ cost returned shape \(\) on cases\[0\]; " + hint):
        lossviz.check_against_keras(cost, keras.losses.MeanSquaredError(reduction=None))
    with pytest.raises(AssertionError, match=r"^✗ cost returned shape \(\) on cases\[0\]; " + hint):
        lossviz.check_against_reference(cost, cost)


def test_a_keras_loss_that_reduces_is_named_with_the_fix():
    with pytest.raises(
        AssertionError,
        match=r"^✗ keras MeanSquaredError returned one number on "
        r"cases\[0\]; build it with reduction=None",
    ):
        lossviz.check_against_keras(mse, keras.losses.MeanSquaredError())


def test_a_per_row_loss_may_drop_the_last_axis_but_no_other():
    keras_loss = keras.losses.CategoricalCrossentropy(from_logits=True, reduction=None)
    with pytest.raises(
        AssertionError,
        match=r"returned shape \(4,\) on cases\[0\]; expected "
        r"\(30, 4\) or \(30,\)$",
    ):
        lossviz.check_against_keras(
            lambda t, z: softmax_crossentropy(t, z)[:4], keras_loss, categorical_cases()
        )
    with pytest.raises(
        AssertionError,
        match=r"^✗ softmax_crossentropy returned shape \(30,\) "
        r"on cases\[0\]; expected \(4,\)$",
    ):
        lossviz.check_against_reference(
            lambda t, z: softmax_crossentropy(t, z)[:4], softmax_crossentropy, categorical_cases()
        )


def test_a_loss_over_a_batch_is_held_against_a_reference_of_its_shape(capsys):
    """InfoNCE over two views: one loss per anchor, 2n of them, for n pairs."""

    def both_views(z1, z2):
        return np.concatenate([np.sum((z1 - z2) ** 2, -1), np.sum((z2 - z1) ** 2, -1)])

    def by_loop(z1, z2):
        pairs = [*zip(z1, z2, strict=True), *zip(z2, z1, strict=True)]
        return np.array([sum((a - b) ** 2) for a, b in pairs])

    rng = np.random.default_rng(0)
    z = rng.normal(size=(6, 3))
    lossviz.check_against_reference(both_views, by_loop, [(z, z + rng.normal(size=z.shape))])
    assert "on 1 cases (12 values)" in capsys.readouterr().out


def test_an_elementwise_tensorflow_function_keeps_the_axis_it_was_given(capsys):
    import tensorflow as tf

    def tf_squared_error(y_true, y_pred):
        return tf.square(y_pred - y_true)  # no reduction over the last axis, unlike Keras

    lossviz.check_against_keras(mse, tf_squared_error)
    assert capsys.readouterr().out.startswith("✓ mse matches keras tf_squared_error on 6 cases")


@pytest.mark.parametrize(
    ("cases", "error", "text"),
    [
        ([], ValueError, "cases must hold at least one (y_true, y_pred) pair, got none"),
        (
            [(np.zeros(0), np.zeros(0))],
            ValueError,
            "cases[0] y_pred is empty: a check on no values checks nothing",
        ),
        (
            [(np.zeros(2), np.array([0.0, np.inf]))],
            ValueError,
            "cases[0] y_pred must hold finite numbers only, got inf at index 1",
        ),
        (
            [(np.ones(3), np.ones(3)), (np.array([np.nan, 0.0]), np.ones(2))],
            ValueError,
            "cases[1] y_true must hold finite numbers only, got nan at index 0",
        ),
        (
            [(np.zeros(3), np.zeros((3, 1)))],
            ValueError,
            "cases[0] y_true and y_pred must have the same shape, got (3,) and (3, 1)",
        ),
        (
            [(0.0, 1.0)],
            ValueError,
            "cases[0] y_pred must be an array (one value per example), got a single number",
        ),
        (
            [(["a", "b"], [1.0, 2.0])],
            TypeError,
            "cases[0] y_true must be an array of numbers, got ['a', 'b']",
        ),
        (
            [([[1.0, 2.0], [3.0]], [1.0, 2.0])],
            ValueError,
            "cases[0] y_true must be a rectangular array of numbers, got nested lists of different "
            "lengths",
        ),
        (
            [np.zeros(3)],
            TypeError,
            "cases[0] must be a pair (y_true, y_pred), got ndarray; pass a "
            "list of pairs: [(y_true, y_pred)]",
        ),
        (
            np.zeros((2, 3)),
            TypeError,
            "cases must be a list of (y_true, y_pred) pairs, got ndarray",
        ),
        (
            {"a": (np.zeros(2), np.zeros(2))},
            TypeError,
            "cases must be a list of (y_true, y_pred) pairs, got dict",
        ),
        (3, TypeError, "cases must be a list of (y_true, y_pred) pairs, got int"),
    ],
)
def test_cases_the_checks_cannot_judge_are_refused_naming_them(cases, error, text):
    for checker in (lossviz.check_against_reference, lossviz.check_gradient):
        with pytest.raises(error) as raised:
            checker(mse, mse_grad if checker is lossviz.check_gradient else mse, cases)
        assert str(raised.value) == text


@given(
    st.integers(0, 2),
    st.integers(0, 49),
    st.sampled_from([np.nan, np.inf, -np.inf]),
    st.sampled_from(["y_true", "y_pred"]),
)
def test_a_non_finite_case_is_named_wherever_it_is(case, index, bad, which):
    cases = [(t.copy(), p.copy()) for t, p in lossviz.regression_cases(edges=False)]
    cases[case][0 if which == "y_true" else 1][index] = bad
    with pytest.raises(ValueError) as raised:
        lossviz.check_against_reference(mse, mse, cases)
    assert str(raised.value) == (
        f"cases[{case}] {which} must hold finite numbers only, got {bad!r} at index {index}"
    )


def test_a_function_under_check_that_returns_no_numbers_is_named():
    with pytest.raises(
        AssertionError,
        match=r"^✗ <lambda> returned str on cases\[0\], not an "
        "array of numbers$",
    ):
        lossviz.check_against_reference(mse, lambda t, p: "mse")
    with pytest.raises(AssertionError, match=r"^✗ <lambda> returned list on cases\[0\]"):
        lossviz.check_gradient(mse, lambda t, p: [[1.0], [2.0, 3.0]])


def test_an_infinite_loss_is_its_fault_even_when_the_reference_is_infinite_too():
    def overflowing(y_true, y_pred):
        with np.errstate(over="ignore"):
            return np.log(np.cosh(y_pred - y_true))

    with pytest.raises(
        AssertionError,
        match=r"^✗ overflowing returned inf at index 0 on "
        r"cases\[4\]: every value must be finite$",
    ):
        lossviz.check_against_reference(overflowing, overflowing)


def test_a_gradient_that_is_zero_at_every_tested_point_is_refused():
    """Margins all above 1: hinge is flat there, so a wrong-sign gradient would pass."""
    flat = [(np.ones(5), np.linspace(1.5, 3.0, 5))]

    def wrong_sign(y_true, y_pred):
        return -hinge_grad(y_true, y_pred)

    with pytest.raises(
        ValueError,
        match=r"^cases: every value of the central-difference gradient "
        r"of hinge is within atol=1e-06 of 0, so wrong_sign would pass even if it "
        r"returned 0; add cases where it is not 0$",
    ):
        lossviz.check_gradient(hinge, wrong_sign, flat)
    with pytest.raises(AssertionError, match="✗ wrong_sign differs from the central-difference"):
        lossviz.check_gradient(hinge, wrong_sign, lossviz.margin_cases(edges=False))


def test_cases_below_atol_cannot_tell_mae_from_mse():
    edges = lossviz.regression_cases()[3:]
    tiny = [edges[0], edges[2]]  # a perfect prediction, and residuals of +-1e-8
    with pytest.raises(ValueError, match=r"^cases: every value of mse is within atol=1e-06 of 0"):
        lossviz.check_against_reference(mae, mse, tiny, atol=1e-6)
    with pytest.raises(AssertionError, match="✗ mae differs from mse"):
        lossviz.check_against_reference(mae, mse)


def test_a_mismatch_names_the_case_where_it_is_largest():
    cases = lossviz.regression_cases()
    with pytest.raises(AssertionError) as raised:
        lossviz.check_against_reference(lambda t, p: mse(t, p) * (1 + 1e-3), mse, cases)
    assert "on cases[4] (ours 1.001e+06, reference 1e+06)" in str(raised.value)
    assert str(raised.value).startswith("✗ <lambda> differs from mse: largest error 1.00e+03")


@given(st.floats(0.5, 2.0).filter(lambda f: abs(f - 1) > 1e-3), st.floats(-1.0, 1.0), st.booleans())
def test_a_gradient_off_by_a_factor_an_offset_or_the_sign_fails(factor, offset, flip):
    def wrong(y_true, y_pred):
        return (-1 if flip else 1) * factor * mse_grad(y_true, y_pred) + offset

    with pytest.raises(AssertionError, match="✗ wrong differs from the central-difference"):
        lossviz.check_gradient(mse, wrong)


def test_the_verdict_counts_cases_and_values(capsys):
    assert lossviz.check_gradient(mse, mse_grad) < 1e-6
    assert capsys.readouterr().out.startswith(
        "✓ mse_grad matches the central-difference gradient of mse on 3 cases (300 values): "
        "largest error "
    )


@pytest.mark.parametrize(
    ("y_true", "y_pred", "error", "text"),
    [
        (
            np.zeros((1, 3)),
            np.zeros((3, 1)),
            ValueError,
            "y_true and y_pred must have the same shape, got (1, 3) and (3, 1)",
        ),
        (
            np.zeros(2),
            np.array([0.0, np.nan]),
            ValueError,
            "y_pred must hold finite numbers only, got nan at index 1",
        ),
        (
            np.array([np.inf, 0.0]),
            np.zeros(2),
            ValueError,
            "y_true must hold finite numbers only, got inf at index 0",
        ),
        (
            np.array([0, 3]),
            np.zeros((2, 3)),
            ValueError,
            "y_true must hold class labels in [0, 3), got labels from 0 to 3",
        ),
        ("abc", np.zeros(3), TypeError, "y_true must be an array of numbers, got 'abc'"),
    ],
)
def test_gradient_helpers_refuse_what_the_checks_refuse(y_true, y_pred, error, text):
    with pytest.raises(error) as raised:
        lossviz.numerical_gradient(mse, y_true, y_pred)
    assert str(raised.value) == text
    with pytest.raises(error) as raised:
        lossviz.autodiff_gradient(keras.losses.MeanSquaredError(reduction=None), y_true, y_pred)
    assert str(raised.value) == text


def test_numerical_gradient_names_a_loss_that_goes_bad():
    with (
        np.errstate(invalid="ignore"),
        pytest.raises(AssertionError, match=r"^✗ <lambda> returned nan at index 0 on y_pred: "),
    ):
        lossviz.numerical_gradient(lambda t, p: np.sqrt(p - 1), np.zeros(2), np.ones(2) * 0.5)
    with pytest.raises(AssertionError, match=r"^✗ cost returned shape \(\) on y_pred; "):
        lossviz.numerical_gradient(cost, np.zeros(2), np.ones(2))
    with pytest.raises(TypeError, match="^loss must be a function, got 'mse'$"):
        lossviz.numerical_gradient("mse", np.zeros(2), np.ones(2))


def test_numerical_gradient_names_a_loss_that_goes_bad_only_when_nudged():
    def sqrt_loss(y_true, y_pred):
        with np.errstate(invalid="ignore"):
            return np.sqrt(y_pred)

    with pytest.raises(
        AssertionError,
        match=r"^✗ sqrt_loss returned nan at index 0 on "
        r"y_pred nudged by eps: every value must be finite$",
    ):
        lossviz.numerical_gradient(sqrt_loss, np.zeros(1), np.zeros(1))


def test_autodiff_of_a_loss_without_a_tensorflow_gradient_is_named():
    def numpy_loss(y_true, y_pred):
        return keras.ops.convert_to_tensor(np.zeros(np.shape(y_pred)[:-1]))

    with pytest.raises(AssertionError, match="^✗ numpy_loss gave TensorFlow no gradient"):
        lossviz.autodiff_gradient(numpy_loss, np.zeros((2, 1)), np.ones((2, 1)))
    with pytest.raises(TypeError, match="^keras_loss must be a function, got None$"):
        lossviz.autodiff_gradient(None, np.zeros(2), np.ones(2))


def test_the_checkers_name_a_function_argument_that_is_not_one():
    with pytest.raises(TypeError, match="^loss must be a function, got 1$"):
        lossviz.check_against_reference(1, mse)
    with pytest.raises(TypeError, match="^reference must be a function, got None$"):
        lossviz.check_against_reference(mse, None)
    with pytest.raises(TypeError, match="^keras_loss must be a function, got 'mse'$"):
        lossviz.check_against_keras(mse, "mse")
    with pytest.raises(TypeError, match="^grad must be a function, got 2$"):
        lossviz.check_gradient(mse, 2)
    with pytest.raises(TypeError, match="^keras_loss must be a function, got 3$"):
        lossviz.check_gradient(mse, mse_grad, keras_loss=3)


# --- what mutation testing found unpinned -----------------------------------------------------


def test_keras_is_imported_quietly_on_tensorflow(monkeypatch):
    from lossviz import checks

    monkeypatch.delenv("TF_CPP_MIN_LOG_LEVEL", raising=False)
    monkeypatch.delenv("KERAS_BACKEND", raising=False)
    assert checks._keras() is keras
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "2"
    assert os.environ["KERAS_BACKEND"] == "tensorflow"


def per_row_squares(y_true, y_pred):
    return np.sum((y_pred - y_true) ** 2, axis=-1)


def test_a_per_row_loss_on_three_axes_reduces_only_the_last():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 3, 4))
    grad = lossviz.numerical_gradient(per_row_squares, y_true, y_pred)
    np.testing.assert_allclose(grad, 2 * (y_pred - y_true), atol=1e-6)


def test_sparse_labels_on_three_axes_are_checked_against_the_last():
    rng = np.random.default_rng(0)
    labels, logits = rng.integers(0, 4, (2, 3)), rng.normal(size=(2, 3, 4))
    one_hot = lossviz.numerical_gradient(per_row_squares, np.eye(4)[labels], logits)
    sparse = lossviz.numerical_gradient(
        lambda t, z: per_row_squares(np.eye(4)[t], z), labels, logits
    )
    np.testing.assert_allclose(sparse, one_hot)
    with pytest.raises(ValueError, match=r"y_true must hold class labels in \[0, 4\)"):
        lossviz.numerical_gradient(per_row_squares, np.full((2, 3), 4), logits)


def test_integer_targets_of_the_shape_of_y_pred_are_values_not_class_labels(capsys):
    """Counts as regression targets: 5 and 7 are not labels of two classes."""
    y_true, y_pred = np.array([5, 7]), np.array([1.0, 2.5])
    np.testing.assert_allclose(lossviz.numerical_gradient(mse, y_true, y_pred), [-8.0, -9.0])
    lossviz.check_against_reference(mse, mse, [(y_true, y_pred)])
    assert capsys.readouterr().out.startswith("✓ mse matches mse on 1 cases (2 values)")


def test_a_case_given_as_an_array_of_two_rows_is_not_a_pair():
    with pytest.raises(
        TypeError,
        match=r"^cases\[0\] must be a pair \(y_true, y_pred\), got "
        "ndarray",
    ):
        lossviz.check_against_reference(mse, mse, [np.zeros((2, 3))])


def test_the_first_non_finite_value_is_named_where_it_is():
    y_true, y_pred = np.zeros(5), np.array([1.0, 2.0, -1.0, 3.0, -2.0])

    def log_residual(t, p):
        with np.errstate(invalid="ignore"):
            return np.log(p - t)

    with pytest.raises(
        AssertionError,
        match=r"^✗ log_residual returned nan at index 2 on "
        r"cases\[0\]: every value must be finite$",
    ):
        lossviz.check_against_reference(log_residual, log_residual, [(y_true, y_pred)])


def test_the_tolerances_given_are_the_ones_used():
    off_relative = lambda t, p: mse(t, p) * (1 + 1e-4)  # noqa: E731
    off_absolute = lambda t, p: mse(t, p) + 1e-4  # noqa: E731
    lossviz.check_against_reference(off_relative, mse, rtol=1e-3, atol=0.0)
    with pytest.raises(AssertionError):
        lossviz.check_against_reference(off_relative, mse, rtol=1e-5, atol=0.0)
    lossviz.check_against_reference(off_absolute, mse, rtol=0.0, atol=1e-3)
    with pytest.raises(AssertionError):
        lossviz.check_against_reference(off_absolute, mse, rtol=0.0, atol=1e-5)


def test_the_default_tolerances_are_tight():
    with pytest.raises(AssertionError, match="✗ <lambda> differs from keras MeanSquaredError"):
        lossviz.check_against_keras(
            lambda t, p: mse(t, p) + 1e-5, keras.losses.MeanSquaredError(reduction=None)
        )
    with pytest.raises(AssertionError, match="✗ <lambda> differs from mse"):
        lossviz.check_against_reference(lambda t, p: mse(t, p) + 1e-10, mse)
    with pytest.raises(AssertionError, match="✗ <lambda> differs from the central-difference"):
        lossviz.check_gradient(mse, lambda t, p: mse_grad(t, p) + 1e-5)


def test_a_reference_exactly_at_atol_everywhere_could_not_tell_either():
    tiny = lambda t, p: np.full_like(p, 1e-6)  # noqa: E731
    with pytest.raises(ValueError, match="every value of <lambda> is within atol=1e-06 of 0"):
        lossviz.check_against_reference(tiny, tiny, atol=1e-6)


def test_every_checker_names_its_loss_argument():
    with pytest.raises(TypeError, match="^loss must be a function, got 1$"):
        lossviz.check_against_keras(1, keras.losses.MeanSquaredError(reduction=None))
    with pytest.raises(TypeError, match="^loss must be a function, got 1$"):
        lossviz.check_gradient(1, mse_grad)


def test_keras_gets_float32_and_a_bad_keras_result_is_named():
    seen = []

    def spy(y_true, y_pred):
        seen.append((str(y_true.dtype), str(y_pred.dtype)))
        return np.mean((y_pred - y_true) ** 2, axis=-1)

    lossviz.check_against_keras(mse, spy)
    assert set(seen) == {("float32", "float32")}

    def two_columns(y_true, y_pred):
        return np.concatenate([y_pred, y_pred], axis=-1)

    with pytest.raises(
        AssertionError,
        match=r"^✗ keras two_columns returned shape \(50, 2\) on "
        r"cases\[0\]; expected \(50,\) or \(50, 1\)$",
    ):
        lossviz.check_against_keras(mse, two_columns)


def test_autodiff_runs_in_float32_and_names_a_gradient_that_is_not_finite():
    import tensorflow as tf

    seen = []

    def spy(y_true, y_pred):
        seen.append((y_true.dtype, y_pred.dtype))
        return tf.reduce_sum(tf.square(y_pred - y_true), axis=-1)

    lossviz.autodiff_gradient(spy, np.zeros((2, 1)), np.ones((2, 1)))
    assert seen == [(tf.float32, tf.float32)]

    def sqrt_loss(y_true, y_pred):
        return tf.reduce_sum(tf.sqrt(y_pred), axis=-1)

    with pytest.raises(
        AssertionError,
        match=r"^✗ TensorFlow's gradient of sqrt_loss returned "
        r"inf at index 0, 0 on y_pred: every value must be finite$",
    ):
        lossviz.autodiff_gradient(sqrt_loss, np.zeros((2, 1)), np.zeros((2, 1)))

    def numpy_loss(y_true, y_pred):
        return tf.constant(np.zeros(2))

    with pytest.raises(AssertionError) as raised:
        lossviz.autodiff_gradient(numpy_loss, np.zeros((2, 1)), np.ones((2, 1)))
    assert str(raised.value) == (
        "✗ numpy_loss gave TensorFlow no gradient with respect to y_pred: build it from "
        "keras.ops or TensorFlow operations"
    )


def scaled(y_true, y_pred, *, scale):
    return scale * mse(y_true, y_pred)


def scaled_grad(y_true, y_pred, *, scale):
    return scale * mse_grad(y_true, y_pred)


def test_hyperparameters_reach_the_loss_at_every_step():
    """A keyword without a default: a step that forgot to pass it would raise TypeError."""
    lossviz.check_gradient(
        scaled, scaled_grad, keras_loss=keras.losses.MeanSquaredError(reduction=None), scale=1.0
    )
    with pytest.raises(AssertionError, match="differs from TensorFlow autodiff"):
        lossviz.check_gradient(
            scaled, scaled_grad, keras_loss=keras.losses.MeanSquaredError(reduction=None), scale=2.0
        )


def test_a_loss_that_goes_bad_when_nudged_is_named_with_its_case():
    def kinked(y_true, y_pred):
        with np.errstate(invalid="ignore"):
            return np.where(y_pred > 0, np.sqrt(np.abs(y_pred)), np.sqrt(y_pred))

    cases = [(np.zeros(2), np.array([1.0, 2.0])), (np.zeros(1), np.zeros(1))]
    with pytest.raises(
        AssertionError,
        match=r"^✗ kinked returned nan at index 0 on cases\[1\] "
        r"nudged by eps: every value must be finite$",
    ):
        lossviz.check_gradient(kinked, lambda t, p: 0.5 / np.sqrt(np.abs(p) + 1e-300), cases)


def test_a_loss_that_returns_no_values_is_named():
    empty = lambda t, p: np.zeros(0)  # noqa: E731
    with pytest.raises(AssertionError, match=r"^✗ <lambda> returned no values on cases\[0\]$"):
        lossviz.check_against_reference(empty, empty)
