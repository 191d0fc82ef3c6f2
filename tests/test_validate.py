"""The shared argument checks: a wrong value is a ValueError, a wrong type a TypeError, and both
name the argument and say what was expected. Bad input is generated with Hypothesis."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lossviz import validate

NAMES = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True)
FINITE = st.floats(allow_nan=False, allow_infinity=False)
NON_FINITE = st.sampled_from([math.nan, math.inf, -math.inf, np.float64("nan")])
NEGATIVE = st.floats(max_value=-1e-300, allow_nan=False, allow_infinity=False)
#: Not one number: text, None, booleans, lists, arrays of more than one number, mappings.
NOT_A_NUMBER = st.one_of(
    st.text(max_size=5),
    st.none(),
    st.booleans(),
    st.just(np.True_),
    st.lists(FINITE, min_size=1, max_size=3),
    st.just(np.array([1.0, 2.0])),
    st.just({"value": 1.0}),
    st.just(1 + 2j),
)


def message(error: pytest.ExceptionInfo) -> str:
    return str(error.value)


@given(NAMES, FINITE | st.integers(-(10**6), 10**6))
def test_check_number_returns_the_number_as_a_float(name, value):
    result = validate.check_number(name, value)
    assert type(result) is float and result == value


@given(NAMES, NON_FINITE)
def test_check_number_refuses_nan_and_inf(name, value):
    with pytest.raises(ValueError) as error:
        validate.check_number(name, value)
    assert message(error) == f"{name} must be a finite number, got {float(value)!r}"


@given(NAMES, NOT_A_NUMBER)
def test_check_number_refuses_what_is_not_one_number(name, value):
    with pytest.raises(TypeError) as error:
        validate.check_number(name, value, "the learning rate")
    assert message(error).startswith(f"{name} must be the learning rate, got ")


def test_a_zero_dimensional_array_is_one_number_and_long_values_are_cut_short():
    assert validate.check_number("x", np.array(2.5)) == 2.5
    with pytest.raises(TypeError, match=r"x must be a finite number, got \[0, 1, 2, .*\.\.\.$"):
        validate.check_number("x", list(range(100)))
    with pytest.raises(TypeError, match=r"got array\(\['a'\]"):
        validate.check_number("x", np.array(["a"]))


@given(NAMES, st.floats(min_value=1e-300, allow_infinity=False))
def test_check_positive_accepts_positive_numbers(name, value):
    assert validate.check_positive(name, value) == value


@given(NAMES, NEGATIVE | st.just(0.0) | st.just(0) | st.just(-0.0))
def test_check_positive_refuses_zero_and_negative_numbers(name, value):
    with pytest.raises(ValueError) as error:
        validate.check_positive(name, value)
    assert message(error) == f"{name} must be a positive number, got {float(value)!r}"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_check_positive_refuses_nan_and_inf(bad):
    with pytest.raises(ValueError, match=f"^delta must be a positive number, got {bad!r}$"):
        validate.check_positive("delta", bad)


@given(NOT_A_NUMBER)
def test_check_positive_refuses_wrong_types(value):
    with pytest.raises(TypeError, match="^delta must be a positive number, got "):
        validate.check_positive("delta", value)


@given(NAMES, st.floats(min_value=0.0, allow_infinity=False) | st.just(0))
def test_check_nonnegative_accepts_zero_and_above(name, value):
    assert validate.check_nonnegative(name, value) == value


@given(NAMES, NEGATIVE)
def test_check_nonnegative_refuses_negative_numbers(name, value):
    with pytest.raises(ValueError) as error:
        validate.check_nonnegative(name, value)
    assert message(error) == f"{name} must be a finite number of at least 0, got {value!r}"


@given(NAMES, NON_FINITE)
def test_check_nonnegative_refuses_nan_and_inf(name, value):
    with pytest.raises(ValueError, match=f"^{name} must be a finite number of at least 0, got"):
        validate.check_nonnegative(name, value)


@given(NAMES, st.floats(min_value=0.0, max_value=1.0, exclude_min=True, exclude_max=True))
def test_check_open_unit_accepts_the_open_interval(name, value):
    assert validate.check_open_unit(name, value) == value


@given(NAMES, st.floats(max_value=0.0) | st.floats(min_value=1.0) | NON_FINITE)
def test_check_open_unit_refuses_the_rest(name, value):
    with pytest.raises(ValueError) as error:
        validate.check_open_unit(name, value)
    assert message(error) == f"{name} must lie strictly between 0 and 1, got {float(value)!r}"


def test_wrong_types_are_quoted_in_the_message():
    with pytest.raises(
        TypeError, match=r"^q must be a number strictly between 0 and 1, got '0.5'$"
    ):
        validate.check_open_unit("q", "0.5")


@given(NOT_A_NUMBER)
def test_check_open_unit_refuses_wrong_types(value):
    with pytest.raises(TypeError, match="^q must be a number strictly between 0 and 1, got "):
        validate.check_open_unit("q", value)


@given(NAMES, st.integers(-1000, 1000), st.integers(-1000, 1000))
def test_check_integer_holds_its_minimum(name, value, minimum):
    if value >= minimum:
        assert validate.check_integer(name, np.int64(value), minimum=minimum) == value
    else:
        with pytest.raises(ValueError) as error:
            validate.check_integer(name, value, minimum=minimum)
        assert message(error) == f"{name} must be an integer of at least {minimum}, got {value}"


@given(NAMES, FINITE | NOT_A_NUMBER)
def test_check_integer_refuses_floats_and_other_types(name, value):
    with pytest.raises(TypeError) as error:
        validate.check_integer(name, value)
    assert message(error).startswith(f"{name} must be an integer, got ")


def test_check_integer_without_minimum_takes_any_integer():
    assert validate.check_integer("k", -5) == -5
    assert type(validate.check_integer("k", np.int32(3))) is int


@given(st.integers(0, 2**64))
def test_check_seed_accepts_non_negative_integers(seed):
    assert validate.check_seed("seed", seed) == seed


@given(st.integers(max_value=-1))
def test_check_seed_refuses_negative_integers(seed):
    with pytest.raises(ValueError) as error:
        validate.check_seed("seed", seed)
    assert message(error) == (
        f"seed must be a non-negative integer (a seed for NumPy's random generator), got {seed}"
    )


@given(FINITE | NOT_A_NUMBER)
def test_check_seed_refuses_what_is_not_an_integer(seed):
    with pytest.raises(TypeError, match=r"^rng_seed must be a non-negative integer \(a seed for"):
        validate.check_seed("rng_seed", seed)


@given(NAMES, st.booleans())
def test_check_flag_accepts_booleans(name, value):
    assert validate.check_flag(name, value) is value
    assert validate.check_flag(name, np.bool_(value)) is value


@given(NAMES, st.integers() | st.text(max_size=3) | st.none())
def test_check_flag_refuses_the_rest(name, value):
    with pytest.raises(TypeError) as error:
        validate.check_flag(name, value)
    assert message(error) == f"{name} must be True or False, got {value!r}"


def test_check_text_and_check_callable():
    assert validate.check_text("title", "Huber") == "Huber"
    assert validate.check_text("title", None, optional=True) is None
    with pytest.raises(TypeError, match="^title must be a string, got None$"):
        validate.check_text("title", None)
    with pytest.raises(TypeError, match="^title must be a string, got 3$"):
        validate.check_text("title", 3, optional=True)
    assert validate.check_callable("loss", len) is len
    with pytest.raises(TypeError, match=r"^loss must be a function, got \[1\]$"):
        validate.check_callable("loss", [1])


def test_check_functions():
    assert validate.check_functions("losses", {"MSE": abs}) == {"MSE": abs}
    with pytest.raises(TypeError, match="^losses must be a mapping of names to functions, got "):
        validate.check_functions("losses", [abs])
    with pytest.raises(ValueError, match="^losses must name at least one function, got an empty"):
        validate.check_functions("losses", {})
    with pytest.raises(TypeError, match="^a name in losses must be a string, got 1$"):
        validate.check_functions("losses", {1: abs})
    with pytest.raises(TypeError, match=r"^losses\['MSE'\] must be a function, got 3$"):
        validate.check_functions("losses", {"MSE": 3})


@given(NAMES, st.lists(st.lists(FINITE, min_size=1, max_size=3), min_size=2, max_size=4))
def test_as_array_takes_rectangular_numbers_and_refuses_ragged_nesting(name, rows):
    ragged = len({len(row) for row in rows}) > 1
    if ragged:
        with pytest.raises(ValueError) as error:
            validate.as_array(name, rows)
        assert message(error) == (
            f"{name} must be a rectangular array of numbers, got nested lists of different lengths"
        )
    else:
        array = validate.as_array(name, rows)
        assert array.dtype == float and array.shape == (len(rows), len(rows[0]))


@pytest.mark.parametrize("bad", ["1.5", b"1", None, ["a", 1.0], [1.0, None], [1 + 1j]])
def test_as_array_refuses_what_is_not_numbers(bad):
    with pytest.raises(TypeError, match="^y_pred must be an array of numbers, got "):
        validate.as_array("y_pred", bad)


def test_as_array_takes_booleans_as_numbers():
    assert validate.as_array("mask", [True, False]).tolist() == [1.0, 0.0]


@given(
    NAMES,
    st.integers(1, 6),
    st.integers(0, 5),
    NON_FINITE,
)
def test_check_finite_says_what_and_where(name, size, index, bad):
    values = np.linspace(0.0, 1.0, size)
    index = min(index, size - 1)
    values[index] = bad
    with pytest.raises(ValueError) as error:
        validate.check_finite(name, values)
    assert message(error) == (
        f"{name} must hold finite numbers only, got {float(bad)!r} at index {index}"
    )


def test_check_finite_in_two_dimensions_and_on_a_single_number():
    text = r"^x must hold finite numbers only, got inf at index 1, 0$"
    with pytest.raises(ValueError, match=text):
        validate.check_finite("x", [[0.0, 1.0], [np.inf, 2.0]])
    with pytest.raises(ValueError, match="^x must hold finite numbers only, got nan$"):
        validate.check_finite("x", np.nan)
    assert validate.check_finite("x", [1, 2]).dtype == float


@given(
    st.lists(st.integers(1, 4), min_size=1, max_size=3),
    st.lists(st.integers(1, 4), min_size=1, max_size=3),
)
def test_shapes_must_match_exactly(shape_a, shape_b):
    a, b = np.zeros(shape_a), np.ones(shape_b)
    if shape_a == shape_b:
        validate.check_same_shape("y_true", a, "y_pred", b)
    else:
        with pytest.raises(ValueError) as error:
            validate.check_same_shape("y_true", a, "y_pred", b)
        assert message(error) == (
            f"y_true and y_pred must have the same shape, got {a.shape} and {b.shape}"
        )


@given(
    st.lists(st.floats(0.0, 1.0), min_size=1, max_size=5),
    st.integers(0, 4),
    st.floats(1.0, exclude_min=True) | NEGATIVE,
)
def test_probabilities_outside_zero_one_are_named(values, index, bad):
    assert validate.check_probabilities("probs", values).tolist() == values
    index = min(index, len(values) - 1)
    values[index] = bad
    with pytest.raises(ValueError) as error:
        validate.check_probabilities("probs", values)
    expected = f"probs must hold probabilities in [0, 1], got {bad!r} at index {index}"
    assert message(error) == expected


def test_probabilities_must_be_finite():
    with pytest.raises(ValueError, match="^probs must hold finite numbers only"):
        validate.check_probabilities("probs", [0.5, np.nan])


@given(FINITE, FINITE)
def test_range(low, high):
    if low < high:
        assert validate.check_range("delta", low, high) == (low, high)
    else:
        kind = "empty" if low == high else "reversed"
        with pytest.raises(ValueError) as error:
            validate.check_range("delta", low, high)
        assert message(error) == (
            f"delta range is {kind}: expected low < high, got ({low!r}, {high!r})"
        )


@given(NON_FINITE, FINITE)
def test_range_must_be_finite(bad, other):
    for low, high in ((bad, other), (other, bad)):
        with pytest.raises(ValueError, match=r"^delta range must be finite, got \("):
            validate.check_range("delta", low, high)


@given(NOT_A_NUMBER)
def test_range_of_wrong_types(bad):
    for low, high in ((bad, 1.0), (0.0, bad)):
        with pytest.raises(TypeError, match=r"^x range must be two numbers \(low, high\), got \("):
            validate.check_range("x", low, high)


@given(st.lists(st.integers(-3, 6), min_size=1, max_size=6), st.integers(1, 5))
def test_labels_in_range_or_named(labels, num_classes):
    if min(labels) >= 0 and max(labels) < num_classes:
        assert validate.check_labels("y_true", labels, num_classes).tolist() == labels
    else:
        with pytest.raises(ValueError) as error:
            validate.check_labels("y_true", labels, num_classes)
        assert message(error) == (
            f"y_true must hold class labels in [0, {num_classes}), "
            f"got labels from {min(labels)} to {max(labels)}"
        )


@pytest.mark.parametrize(
    ("labels", "error", "text"),
    [
        ([0.0, 1.0], ValueError, "y must hold integer class labels, got dtype float64"),
        (["a"], TypeError, "y must hold integer class labels, got ['a']"),
        ("01", TypeError, "y must be an array of integer class labels, got '01'"),
        (None, TypeError, "y must be an array of integer class labels, got None"),
        (
            [[0, 1], [1]],
            ValueError,
            "y must be a rectangular array of class labels, got nested lists of different lengths",
        ),
    ],
)
def test_bad_labels(labels, error, text):
    with pytest.raises(error) as raised:
        validate.check_labels("y", labels, 2)
    assert message(raised) == text


def test_boolean_labels_are_zero_and_one_and_empty_labels_pass():
    assert validate.check_labels("y", [True, False], 2).tolist() == [1, 0]
    assert validate.check_labels("y", np.array([], dtype=int), 2).size == 0
    with pytest.raises(ValueError, match="num_classes must be an integer of at least 1, got 0"):
        validate.check_labels("y", [0], 0)


def test_locate_names_the_first_bad_entry():
    values = np.array([[1.0, 2.0], [3.0, 4.0]])
    assert validate.locate(values, values > 2.5) == "3.0 at index 1, 0"
    assert validate.locate(np.array(7.0), np.array(True)) == "7.0"


def test_long_values_are_cut_to_sixty_characters():
    assert validate._short("a" * 58) == repr("a" * 58)  # 60 characters with the quotes: kept
    assert validate._short("a" * 59) == repr("a" * 59)[:57] + "..."
    assert len(validate._short(list(range(100)))) == 60


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (
            lambda: validate.check_seed("seed", 1.5),
            "seed must be a non-negative integer (a seed for NumPy's random generator), got 1.5",
        ),
        (
            lambda: validate.check_functions("losses", [1]),
            "losses must be a mapping of names to functions, got [1]",
        ),
        (
            lambda: validate.check_range("x", "0", 1),
            "x range must be two numbers (low, high), got ('0', 1)",
        ),
        (
            lambda: validate.check_range("x", 0, None),
            "x range must be two numbers (low, high), got (0, None)",
        ),
        (lambda: validate.as_array("x", b"1"), "x must be an array of numbers, got b'1'"),
        (lambda: validate.as_array("x", None), "x must be an array of numbers, got None"),
    ],
)
def test_a_wrong_type_is_quoted_as_given(check, text):
    with pytest.raises(TypeError) as error:
        check()
    assert message(error) == text
