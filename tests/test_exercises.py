"""self_check: ✅ only for a test that ran and returned None or True; an instructor's mistake is a
TypeError, never a "not yet" shown to the learner."""

import functools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lossviz


def verdict_of(capsys, test):
    verdict = lossviz.self_check("Exercise 1", test)
    return bool(verdict), capsys.readouterr().out


def test_a_test_that_passes_is_correct(capsys):
    def test_answer():
        assert 1 + 1 == 2

    assert verdict_of(capsys, test_answer) == (True, "✅ Exercise 1: correct\n")
    assert verdict_of(capsys, lambda: True) == (True, "✅ Exercise 1: correct\n")
    assert verdict_of(capsys, lambda: np.True_) == (True, "✅ Exercise 1: correct\n")


def test_a_failed_assert_shows_its_message_or_else_its_type(capsys):
    def test_answer():
        raise AssertionError("the loss at 0 should be 0")  # pytest would rewrite an assert

    def test_silent():
        raise ValueError

    assert verdict_of(capsys, test_answer) == (
        False,
        "❌ Exercise 1, not yet: the loss at 0 should be 0\n",
    )
    assert verdict_of(capsys, test_silent) == (False, "❌ Exercise 1, not yet: ValueError\n")


def test_a_test_returning_false_is_not_yet(capsys):
    answer, expected = np.array([1.0, 2.0]), np.array([1.0, 2.5])

    def test_close():
        return np.allclose(answer, expected)

    assert verdict_of(capsys, test_close) == (
        False,
        "❌ Exercise 1, not yet: test_close returned False\n",
    )
    assert verdict_of(capsys, lambda: np.False_)[0] is False
    nameless = functools.partial(test_close)  # a partial has no __name__: its type's name
    assert verdict_of(capsys, nameless) == (
        False,
        "❌ Exercise 1, not yet: partial returned False\n",
    )


def test_a_wrong_answer_is_a_verdict_that_is_false_not_just_falsy(capsys):
    def test_unfinished():
        raise NotImplementedError

    def test_undefined():
        return undefined_answer  # noqa: F821

    def test_wrong():
        raise AssertionError("wrong")

    for test in (test_unfinished, test_undefined, test_wrong, lambda: False):
        assert lossviz.self_check("Ex", test).passed is False
    capsys.readouterr()


def test_an_unfinished_answer_says_what_to_replace(capsys):
    def test_answer():
        raise NotImplementedError

    assert verdict_of(capsys, test_answer) == (
        False,
        "❌ Exercise 1, not yet: replace the `raise NotImplementedError` with your answer\n",
    )


def test_a_name_from_a_cell_not_run_says_to_run_the_cells_above(capsys):
    def test_answer():
        return undefined_answer == 1  # noqa: F821 - as when the answer cell was skipped

    assert verdict_of(capsys, test_answer) == (
        False,
        "❌ Exercise 1, not yet: name 'undefined_answer' is not defined; "
        "run the cells above first\n",
    )


def generator_test():
    raise AssertionError("never runs")
    yield


async def async_test():
    raise AssertionError("never runs")


async def async_generator_test():
    raise AssertionError("never runs")
    yield


@pytest.mark.parametrize(
    ("test", "text"),
    [
        (generator_test, "test is a generator function, whose body would never run"),
        (async_generator_test, "test is a generator function, whose body would never run"),
        (async_test, "test is an async function, whose body would never run"),
        (functools.partial(async_test), "test is an async function"),
        (None, "test must be a function, got None"),
        (np.allclose, r"test must take no arguments, got allclose\(a, b"),
        (lambda answer: None, r"test must take no arguments, got <lambda>\(answer\)"),
        (lambda: 0.5, "test must return None, True or False, got 0.5"),
        (lambda: "yes", "test must return None, True or False, got 'yes'"),
        (lambda: generator_test(), "test returned generator, so its body never ran"),
        (lambda: async_test(), "test returned coroutine, so its body never ran"),
    ],
)
def test_an_instructors_mistake_is_a_type_error(capsys, test, text):
    """Nothing is shown to the learner; a returned generator or coroutine is closed."""
    with pytest.raises(TypeError, match=r"^self_check\('Ex', test\): " + text):
        lossviz.self_check("Ex", test)
    assert capsys.readouterr().out == ""  # nothing shown to the learner


@given(st.one_of(st.none(), st.integers(), st.just(""), st.just("   "), st.lists(st.text())))
def test_a_title_must_be_a_non_empty_string(title):
    with pytest.raises(TypeError, match="^self_check: title must be a non-empty string, got "):
        lossviz.self_check(title, lambda: None)


@given(st.one_of(st.integers(), st.floats(allow_nan=False), st.text(), st.lists(st.booleans())))
def test_only_none_true_and_false_are_answers_a_test_may_return(result):
    if isinstance(result, bool):
        return
    with pytest.raises(TypeError, match="test must return None, True or False"):
        lossviz.self_check("Ex", lambda: result)


def test_tests_with_defaults_and_builtins_without_a_signature_run(capsys):
    assert lossviz.self_check("Ex", lambda tolerance=1e-6: None)
    with pytest.raises(TypeError, match=r"test must return None, True or False, got \{\}"):
        lossviz.self_check("Ex", dict)  # no signature to read; called, it returns {}
    capsys.readouterr()


def test_the_verdict_is_truthy_only_when_correct_and_shows_nothing():
    verdict = lossviz.self_check("Ex", lambda: None)
    assert verdict.passed is True and repr(verdict) == "Verdict(passed=True)"
    assert verdict._ipython_display_() is None


@pytest.mark.parametrize("make", [generator_test, async_test])
def test_a_returned_generator_or_coroutine_is_closed(make):
    made = []
    with pytest.raises(TypeError, match="so its body never ran"):
        lossviz.self_check("Ex", lambda: made.append(make()) or made[-1])
    frame = getattr(made[0], "gi_frame", getattr(made[0], "cr_frame", "open"))
    assert frame is None  # closed: no "coroutine was never awaited" warning
