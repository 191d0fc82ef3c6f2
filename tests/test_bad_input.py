"""Every public helper refuses bad input at the door, naming the argument (issue 18).

Hypothesis generates the bad input: malformed slider specs, non-finite values, wrong types,
non-integer sizes and seeds, degenerate ranges and axes. Each test asserts the error's type and
that its message starts with the argument's name. The data helpers' promises (residuals of both
signs, margins away from the kinks) are held over many seeds, not one.
"""

import math
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lossviz

# --- strategies -------------------------------------------------------------------------------

NON_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
WRONG_TYPES = st.one_of(st.text(max_size=4), st.none(), st.just([1.0]), st.just({}))
NAMES = st.from_regex(r"[a-z][a-z_]{0,8}", fullmatch=True)


def bad_seed():
    """Seeds NumPy would refuse with its own, nameless error, or take as something else."""
    return st.one_of(
        st.integers(max_value=-1).map(lambda s: (s, ValueError)),
        st.one_of(st.floats(), WRONG_TYPES, st.booleans()).map(lambda s: (s, TypeError)),
    )


def bad_size(minimum):
    return st.one_of(
        st.integers(max_value=minimum - 1).map(lambda n: (n, ValueError)),
        st.one_of(st.floats(), WRONG_TYPES, st.booleans()).map(lambda n: (n, TypeError)),
    )


def bad_flag():
    return st.one_of(st.integers(), st.none(), st.text(max_size=3)).map(lambda f: (f, TypeError))


def bad_number():
    return st.one_of(
        NON_FINITE.map(lambda v: (v, ValueError)), WRONG_TYPES.map(lambda v: (v, TypeError))
    )


def starts_with_name(error, name):
    assert re.match(rf"{re.escape(name)}\b", str(error.value)), str(error.value)


# --- data helpers ----------------------------------------------------------------------------

DATA_ARGUMENTS = {
    "regression_cases": {"seed": bad_seed(), "edges": bad_flag()},
    "binary_cases": {"seed": bad_seed(), "from_logits": bad_flag(), "edges": bad_flag()},
    "categorical_cases": {
        "seed": bad_seed(),
        "num_classes": bad_size(2),
        "from_logits": bad_flag(),
        "sparse": bad_flag(),
        "edges": bad_flag(),
    },
    "margin_cases": {"seed": bad_seed(), "edges": bad_flag()},
    "distribution_cases": {"seed": bad_seed(), "zeros": bad_flag()},
    "linear_with_outliers": {
        "n": bad_size(1),
        "slope": bad_number(),
        "intercept": bad_number(),
        "noise": bad_number(),
        "n_outliers": bad_size(0),
        "seed": bad_seed(),
    },
    "heteroscedastic": {"n": bad_size(2), "seed": bad_seed()},
    "imbalanced_blobs": {"n": bad_size(20), "minority": bad_number(), "seed": bad_seed()},
    "two_modes": {
        "n": bad_size(1),
        "spread": bad_number(),
        "weight": bad_number(),
        "seed": bad_seed(),
    },
    "digit_strings": {
        "n": bad_size(1),
        "min_digits": bad_size(1),
        "max_gap": bad_size(0),
        "seed": bad_seed(),
    },
    "segmentation_images": {
        "n": bad_size(1),
        "size": bad_size(8),
        "contrast": bad_number(),
        "seed": bad_seed(),
    },
}
DATA_CASES = [(helper, name) for helper, arguments in DATA_ARGUMENTS.items() for name in arguments]


@pytest.mark.parametrize(("helper", "name"), DATA_CASES, ids=[f"{h}-{n}" for h, n in DATA_CASES])
@given(data=st.data())
def test_data_helpers_name_a_bad_argument(helper, name, data):
    value, error = data.draw(DATA_ARGUMENTS[helper][name], label=name)
    with pytest.raises(error) as raised:
        getattr(lossviz, helper)(**{name: value})
    starts_with_name(raised, name)


@given(st.sampled_from([0.0, -1.0, math.nan]), st.sampled_from([0.0, 0.5, 0.7, -0.1]))
def test_noise_and_minority_out_of_range(noise, minority):
    with pytest.raises(ValueError, match="^noise must be a positive number"):
        lossviz.linear_with_outliers(noise=noise)
    with pytest.raises(ValueError, match="^minority must be a fraction strictly between 0 and 0.5"):
        lossviz.imbalanced_blobs(minority=minority)


def test_slope_nan_no_longer_gives_nan_data():
    with pytest.raises(ValueError, match="^slope must be a finite number, got nan$"):
        lossviz.linear_with_outliers(slope=np.nan)
    with pytest.raises(ValueError, match=r"^n_outliers must lie in \[0, n\), got 5 with n=5$"):
        lossviz.linear_with_outliers(n=5, n_outliers=5)


SEEDS = st.integers(0, 2**32 - 1)


@given(SEEDS)
def test_regression_cases_keep_their_promise_for_any_seed(seed):
    cases = lossviz.regression_cases(seed)
    for (y_true, y_pred), scale in zip(cases[:3], (0.1, 1.0, 5.0), strict=True):
        residual = y_pred - y_true
        assert residual.min() < 0 < residual.max(), "residuals of both signs in every case"
        assert np.abs(residual).min() >= 0.01 * scale * (1 - 1e-9), "away from the kink at 0"
        assert np.abs(residual).max() <= 3.0 * scale
    perfect, large, tiny = cases[3:]
    np.testing.assert_array_equal(perfect[0], perfect[1])
    assert (large[1] - large[0]).tolist() == [-1e3, -300.0, 300.0, 1e3]
    np.testing.assert_allclose(tiny[1] - tiny[0], [-1e-8, 1e-8], rtol=1e-6)
    assert len(lossviz.regression_cases(seed, edges=False)) == 3


@given(SEEDS)
def test_margin_cases_keep_their_promise_for_any_seed(seed):
    (labels, scores), (edge_labels, edge_scores) = lossviz.margin_cases(seed)
    margins = labels * scores
    assert set(labels.tolist()) == {-1.0, 1.0}
    for kink in (0.0, 1.0):
        assert np.abs(margins - kink).min() >= 0.01 - 1e-12, f"0.01 away from the kink at {kink}"
        assert margins.min() < kink < margins.max(), f"margins on both sides of {kink}"
    assert sorted(set((edge_labels * edge_scores).tolist())) == [-1e4, -1.0, 0.0, 1.0, 1e4]


@given(SEEDS, st.booleans())
def test_classification_cases_keep_their_promise_for_any_seed(seed, from_logits):
    for t, p in lossviz.binary_cases(seed, from_logits=from_logits, edges=False):
        assert t.shape == p.shape and np.all((t >= 0) & (t <= 1))
        if not from_logits:
            assert np.all((p >= 0.01) & (p <= 0.99))
    for t, p in lossviz.categorical_cases(seed, from_logits=from_logits):
        np.testing.assert_allclose(t.sum(-1), 1.0)
        if not from_logits:
            np.testing.assert_allclose(p.sum(-1), 1.0)


@given(st.integers(20, 400), st.floats(0.01, 0.49))
def test_imbalanced_blobs_hold_the_minority_asked_for(n, minority):
    X, y = lossviz.imbalanced_blobs(n, minority=minority, seed=1)
    assert X.shape == (n, 2) and y.sum() == max(1, round(n * minority))


# --- precision_recall ------------------------------------------------------------------------

LABELS = st.lists(st.integers(0, 1), min_size=1, max_size=30)


@given(LABELS, st.data())
def test_precision_recall_matches_a_direct_count_on_arrays_lists_and_booleans(y_true, data):
    predicted = data.draw(st.lists(st.integers(0, 1), min_size=len(y_true), max_size=len(y_true)))
    hits = sum(t == p == 1 for t, p in zip(y_true, predicted, strict=True))
    expected = (hits / max(sum(predicted), 1), hits / max(sum(y_true), 1))
    assert lossviz.precision_recall(y_true, predicted) == pytest.approx(expected)
    as_bool = np.array(predicted, dtype=bool)
    assert lossviz.precision_recall(np.array(y_true), as_bool) == pytest.approx(expected)


def test_a_perfect_prediction_given_as_lists_is_perfect():
    assert lossviz.precision_recall([1, 0, 1], [1, 0, 1]) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("y_true", "predicted", "error", "message"),
    [
        (
            np.array([1, 0, 1, 0]),
            np.array([[1], [0], [1], [0]]),
            ValueError,
            r"y_true and predicted must have the same shape, got \(4,\) and \(4, 1\)",
        ),
        ([0, 1], [2, 3], ValueError, r"predicted must hold class labels in \[0, 2\)"),
        ([0, 1], [0.2, 0.9], ValueError, "predicted must hold integer class labels, got dtype"),
        ([0, 1], [0, np.nan], ValueError, "predicted must hold integer class labels, got dtype"),
        (["0", "1"], [0, 1], TypeError, "y_true must hold integer class labels"),
        ([], [], ValueError, "y_true and predicted must hold at least one label each"),
        (None, [1], TypeError, "y_true must be an array of integer class labels"),
    ],
)
def test_precision_recall_refuses_what_it_cannot_count(y_true, predicted, error, message):
    with pytest.raises(error, match=f"^{message}"):
        lossviz.precision_recall(y_true, predicted)


# --- slider specs, through every explorer ----------------------------------------------------

FINITE = st.floats(-100, 100, allow_nan=False)


@st.composite
def malformed_spec(draw):
    """A slider spec that must be refused, and the error it must raise."""
    low = draw(st.floats(-10, 10))
    high = low + draw(st.floats(0.5, 10))
    value = low
    kind = draw(
        st.sampled_from(
            ["arity", "type", "non-finite", "range", "start", "step", "step type", "spec type"]
        )
    )
    if kind == "arity":
        return tuple(
            draw(st.lists(FINITE, max_size=6).filter(lambda s: len(s) not in (3, 4)))
        ), ValueError
    if kind == "spec type":
        return draw(st.one_of(st.none(), FINITE, st.text(max_size=3))), ValueError
    if kind == "type":
        spec = [low, high, value]
        spec[draw(st.integers(0, 2))] = draw(
            st.one_of(st.text(max_size=3), st.none(), st.booleans(), st.just([1.0]))
        )
        return tuple(spec), TypeError
    if kind == "non-finite":
        spec = [low, high, value]
        spec[draw(st.integers(0, 2))] = draw(NON_FINITE)
        return tuple(spec), ValueError
    if kind == "range":
        return (high, draw(st.sampled_from([low, high])), high), ValueError
    if kind == "start":
        return (low, high, draw(st.sampled_from([low - 1.0, high + 1.0]))), ValueError
    step = draw(
        st.one_of(st.just(0.0), st.floats(-5, -1e-6), NON_FINITE, st.floats(high - low + 1e-3, 1e3))
    )
    if kind == "step type":
        step = draw(st.one_of(st.text(max_size=3), st.just([0.1])))
        return (low, high, value, step), TypeError
    return (low, high, value, step), ValueError


def takes_anything(y_true, y_pred, **kwargs):
    return (y_pred - y_true) ** 2


def surface(x, y, **kwargs):
    return x + y


def classifier(points, **kwargs):
    return np.full(len(points), 0.5)


X2 = np.array([[0.0, 0.0], [1.0, 1.0]])
EXPLORERS = {
    "explore": lambda params, **options: lossviz.explore(takes_anything, params=params, **options),
    "explore_surface": lambda params, **options: lossviz.explore_surface(
        surface, (0, 1), (0, 1), params=params, num=5, **options
    ),
    "compare_distributions": lambda params, **options: lossviz.compare_distributions(
        lambda **kw: np.array([0.5, 0.5]),
        lambda **kw: np.array([0.5, 0.5]),
        {"d": lambda p, q, **kw: 0.0},
        params,
        x=np.arange(2),
        **options,
    ),
    "decision_regions": lambda params, **options: lossviz.decision_regions(
        {"c": classifier}, X2, np.array([0, 1]), params=params, **options
    ),
}


@pytest.mark.parametrize("explorer", sorted(EXPLORERS))
def test_every_explorer_gives_the_slider_named_by_play_its_button(explorer):
    handle = EXPLORERS[explorer]({"delta": (0.0, 1.0, 0.5)}, play="delta")
    assert handle.controls.player in handle.controls.widget.children
    assert EXPLORERS[explorer]({"delta": (0.0, 1.0, 0.5)}).controls.player is None
    with pytest.raises(ValueError, match="^play names 'q', which is not a slider"):
        EXPLORERS[explorer]({"delta": (0.0, 1.0, 0.5)}, play="q")


@pytest.mark.parametrize("explorer", sorted(EXPLORERS))
@given(name=NAMES, spec=malformed_spec())
def test_every_explorer_refuses_a_malformed_slider_spec_naming_it(explorer, name, spec):
    spec, error = spec
    with pytest.raises(error) as raised:
        EXPLORERS[explorer]({name: spec})
    starts_with_name(raised, name)


UNSETTABLE = st.one_of(
    NON_FINITE.map(lambda v: (v, ValueError, "delta: the value must be finite")),
    WRONG_TYPES.map(lambda v: (v, TypeError, "delta: the value must be a number")),
    st.floats(1.01, 1e6).map(lambda v: (v, ValueError, r"delta=\S+ lies outside \[0.0, 1.0\]")),
)


@pytest.mark.parametrize("explorer", sorted(EXPLORERS))
def test_set_refuses_a_value_the_slider_cannot_take_and_keeps_the_last(explorer):
    """``handle.set`` is the checked path: NaN from code no longer turns every curve to NaN."""
    handle = EXPLORERS[explorer]({"delta": (0.0, 1.0, 0.5)})  # built once: a figure is slow
    handle.set(delta=0.25)

    @given(UNSETTABLE)
    def refused(bad):
        value, error, text = bad
        with pytest.raises(error, match=f"^{text}"):
            handle.set(delta=value)
        assert handle.values == {"delta": 0.25}

    refused()


@pytest.mark.parametrize("explorer", sorted(EXPLORERS))
def test_every_explorer_refuses_params_that_are_not_a_mapping_or_badly_named(explorer):
    with pytest.raises(TypeError, match="^params must be a mapping"):
        EXPLORERS[explorer]([("delta", (0, 1, 0.5))])
    with pytest.raises(ValueError, match="^params: a slider name must be a keyword name"):
        EXPLORERS[explorer]({"not a name": (0, 1, 0.5)})


# --- the explorer's axis and curves ------------------------------------------------------------


@given(
    st.one_of(
        st.integers(max_value=1).map(lambda n: (n, ValueError)),
        st.one_of(st.floats(), WRONG_TYPES).map(lambda n: (n, TypeError)),
    )
)
def test_every_axis_refuses_fewer_than_two_points(bad):
    num, error = bad
    for axis in (lossviz.residual, lossviz.logit, lossviz.probability, lossviz.margin):
        with pytest.raises(error, match="^num must be an integer of at least 2"):
            axis(num=num)


@given(bad_number(), st.sampled_from(["residual", "logit", "margin"]))
def test_every_axis_names_a_bad_end(bad, axis):
    value, error = bad
    with pytest.raises(error, match=f"^{axis} range must be"):
        getattr(lossviz, axis)(value, 3.0)


@given(st.sampled_from([math.nan, 2.0, -0.5, "1", None]))
def test_a_binary_axis_names_a_bad_class(y_true):
    error = TypeError if isinstance(y_true, str) or y_true is None else ValueError
    for axis in (lossviz.logit, lossviz.probability):
        with pytest.raises(error, match="^y_true must be a class, 0 or 1, or a soft target"):
            axis(y_true=y_true)


@pytest.mark.parametrize(
    ("x", "error", "message"),
    [
        (np.array([0.0, np.nan, 1.0]), ValueError, "Variable x must hold finite numbers only"),
        (
            np.array([0.0, 2.0, 1.0]),
            ValueError,
            "Variable x must increase from point to point, got 2 then 1 at index 1",
        ),
        (
            np.array([1.0]),
            ValueError,
            r"Variable x must be a 1-D array of two points or more, got \(1,\)",
        ),
        (
            np.zeros((2, 2)),
            ValueError,
            r"Variable x must be a 1-D array of two points or more, got \(2, 2\)",
        ),
        ("0 to 1", TypeError, "Variable x must be an array of numbers"),
    ],
)
def test_a_variable_whose_axis_cannot_be_drawn_is_refused(x, error, message):
    with pytest.raises(error, match=f"^{message}"):
        lossviz.Variable("r", x, lambda r: (0 * r, r))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"label": None}, "Variable label must be a string"),
        ({"to_arguments": None}, "Variable to_arguments must be a function"),
        ({"grad_label": 1}, "Variable grad_label must be a string"),
        ({"name": None}, "Variable name must be a string"),
        ({"keywords": ["from_logits"]}, "Variable keywords must be a mapping"),
        ({"grad_curve": "first"}, "Variable grad_curve must be a function"),
    ],
)
def test_a_variable_of_wrong_types_is_refused(fields, message):
    arguments = {
        "label": "r",
        "x": np.linspace(-1, 1, 3),
        "to_arguments": lambda r: (0 * r, r),
        **fields,
    }
    with pytest.raises(TypeError, match=f"^{message}"):
        lossviz.Variable(**arguments)


def test_to_arguments_must_return_a_pair():
    axis = lossviz.Variable("r", np.linspace(-1, 1, 3), lambda r: r)
    with pytest.raises(TypeError, match=r"^the to_arguments of the axis 'r' must return a pair"):
        lossviz.explore(takes_anything, variable=axis)


@given(
    st.integers(0, 400),
    st.integers(1, 401),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.booleans(),
)
def test_a_curve_with_nan_or_inf_inside_the_axis_is_refused(start, length, bad, in_gradient):
    x = np.linspace(-3, 3, 401)
    broken = np.zeros(401, dtype=bool)
    broken[start : start + length] = True
    interior = broken[1:-1].any() or (bad != bad)  # NaN is refused anywhere, inf only inside

    def mse(y_true, y_pred):
        return y_pred**2 if in_gradient else np.where(broken, bad, y_pred**2)

    def mse_grad(y_true, y_pred):
        return np.where(broken, bad, 2 * y_pred) if in_gradient else 2 * y_pred

    if not interior:
        lossviz.explore(mse, {"mse": mse_grad})
        return
    culprit = "mse_grad" if in_gradient else "mse"
    first = x[np.argmax(broken & (np.isnan(bad) | (np.arange(401) % 400 != 0)))]
    with pytest.raises(ValueError) as raised:
        lossviz.explore(mse, {"mse": mse_grad})
    assert str(raised.value).startswith(f"{culprit} returned {bad!r} at {first:g} on the axis ")
    assert str(raised.value).endswith("must be finite (infinite only at an end of the axis)")


def test_a_curve_that_goes_bad_at_a_slider_end_names_the_slider_values():
    def root(y_true, y_pred, *, shift=0.0):
        with np.errstate(invalid="ignore"):
            return np.sqrt(y_pred + 3 + shift)

    with pytest.raises(
        ValueError,
        match=r"^root returned nan at -3 on the axis .* with "
        r"\{'shift': -1.0\}, at 67 of 401 points",
    ):
        lossviz.explore(root, params={"shift": (-1.0, 1.0, 0.0)})


def test_a_loss_infinite_at_an_end_of_the_axis_is_drawn():
    def log_loss(y_true, y_pred):
        with np.errstate(divide="ignore"):
            return -np.log(y_pred)

    handle = lossviz.explore(log_loss, variable=lossviz.probability(0.0, 1.0, 11))
    assert np.isinf(handle.artists["log_loss"][0].get_ydata()[0])
    assert np.all(np.isfinite(handle.fig.axes[0].get_ylim()))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"losses": [takes_anything]}, TypeError, "losses must be a mapping of names to functions"),
        (
            {"losses": {"a": takes_anything}, "grads": {"a": 1}},
            TypeError,
            r"grads\['a'\] must be a function",
        ),
        ({"losses": {1: takes_anything}}, TypeError, "a name in losses must be a string"),
        ({"losses": takes_anything, "title": 3}, TypeError, "title must be a string"),
        (
            {"losses": takes_anything, "variable": "residual"},
            ValueError,
            "variable must be a Variable or a non-empty sequence",
        ),
    ],
)
def test_explore_names_arguments_of_the_wrong_type(kwargs, error, message):
    with pytest.raises(error, match=f"^{message}"):
        lossviz.explore(**kwargs)


def test_explore_takes_a_callable_without_a_name_and_a_builtin_without_a_signature():
    import functools

    from lossviz.explorer import accepted_params

    handle = lossviz.explore(functools.partial(takes_anything), {"partial": np.subtract})
    assert set(handle.artists) == {"partial"}
    assert accepted_params(max, {"delta": 1.0}) == {}  # no signature to read: no keywords


# --- decision regions -----------------------------------------------------------------------


def test_decision_regions_of_identical_points_cover_an_area():
    X = np.ones((4, 2))
    handle = lossviz.decision_regions({"c": classifier}, X, np.array([0, 1, 0, 1]), num=5)
    left, right, bottom, top = handle.artists["c"][0].get_extent()
    assert (left, right, bottom, top) == pytest.approx((0.5, 1.5, 0.5, 1.5))


def test_decision_regions_of_points_on_a_vertical_line_pad_only_that_axis():
    X = np.array([[2.0, 0.0], [2.0, 10.0]])
    handle = lossviz.decision_regions({"c": classifier}, X, np.array([0, 1]), num=5)
    assert handle.artists["c"][0].get_extent() == pytest.approx((1.5, 2.5, -0.5, 10.5))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"X": np.zeros((0, 2)), "y": np.zeros(0, dtype=int)},
            ValueError,
            r"X must have shape \(n, 2\), at least one point",
        ),
        ({"X": "points"}, TypeError, "X must be an array of numbers"),
        ({"num": 20.0}, TypeError, "num must be an integer of at least 2"),
        ({"threshold": "0.5"}, TypeError, "threshold must be a number strictly between 0 and 1"),
        ({"threshold": np.nan}, ValueError, "threshold must lie strictly between 0 and 1"),
        ({"title": ["a"]}, TypeError, "title must be a string"),
        ({"xlabel": None}, TypeError, "xlabel must be a string"),
        ({"ylabel": 2}, TypeError, "ylabel must be a string"),
        ({"y": np.array([0.0, 1.0])}, ValueError, "y must hold integer class labels"),
    ],
)
def test_decision_regions_names_a_bad_argument(kwargs, error, message):
    arguments = {"classifiers": {"c": classifier}, "X": X2, "y": np.array([0, 1]), **kwargs}
    with pytest.raises(error, match=f"^{message}"):
        lossviz.decision_regions(
            arguments.pop("classifiers"), arguments.pop("X"), arguments.pop("y"), **arguments
        )
