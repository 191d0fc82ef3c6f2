"""Self-checks for the exercises: a verdict a learner can read, never a silent pass.

Examples
--------
>>> def test():
...     assert 1 + 1 == 3, "1 + 1 should be 3 in this made-up world"
>>> verdict = self_check("Exercise 0", test)
❌ Exercise 0, not yet: 1 + 1 should be 3 in this made-up world
>>> bool(verdict)
False
>>> assert self_check("Exercise 0", lambda: None)
✅ Exercise 0: correct
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import numpy as np


class Verdict:
    """Whether an answer is right: true or false, and shown as nothing in a notebook
    (the printed line has said it already)."""

    def __init__(self, passed: bool) -> None:
        self.passed = passed

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        return f"Verdict(passed={self.passed})"

    def _ipython_display_(self) -> None:
        pass


def _check_test(title, test) -> None:
    """TypeError for an instructor's mistake: a title or a test that self_check cannot run."""
    if not isinstance(title, str) or not title.strip():
        raise TypeError(f"self_check: title must be a non-empty string, got {title!r}")
    if not callable(test):
        raise TypeError(f"self_check({title!r}, test): test must be a function, got {test!r}")
    if inspect.isgeneratorfunction(test) or inspect.isasyncgenfunction(test):
        raise TypeError(
            f"self_check({title!r}, test): test is a generator function, whose body "
            "would never run; write a plain function with asserts"
        )
    if inspect.iscoroutinefunction(test):
        raise TypeError(
            f"self_check({title!r}, test): test is an async function, whose body "
            "would never run; write a plain function with asserts"
        )
    try:
        inspect.signature(test).bind()
    except TypeError:
        raise TypeError(
            f"self_check({title!r}, test): test must take no arguments, "
            f"got {_name(test)}{inspect.signature(test)}"
        ) from None
    except ValueError:  # a builtin without a signature: calling it will tell
        pass


def _name(fn) -> str:
    return getattr(fn, "__name__", None) or type(fn).__name__


def self_check(title: str, test: Callable[[], object]) -> Verdict:
    """Run `test`, a function of no arguments that raises AssertionError (or any error) when
    the answer is wrong.

    Prints ``✅ title: correct`` only when `test` ran and returned None or True, else
    ``❌ title, not yet: <reason>`` (a test returning False is a "not yet" too), and returns
    whether the answer is right. It does not raise on a wrong answer, so a learner's
    unfinished answer does not stop the notebook; a notebook's own solution cell asserts the
    returned value. A NameError (a cell above was not run) says to run the cells above first.

    The instructor's mistakes raise TypeError instead of showing the learner a "not yet": a
    title that is not a string, a test that is not a function, that needs arguments, that is
    a generator or async function (its body would never run), or that returns anything other
    than None, True or False.

    >>> def test():
    ...     return 1 + 1 == 3
    >>> verdict = self_check("Exercise 0", test)
    ❌ Exercise 0, not yet: test returned False
    """
    _check_test(title, test)
    try:
        result = test()
    except NotImplementedError:
        print(f"❌ {title}, not yet: replace the `raise NotImplementedError` with your answer")
        return Verdict(False)
    except NameError as error:
        print(f"❌ {title}, not yet: {error}; run the cells above first")
        return Verdict(False)
    except Exception as error:  # noqa: BLE001 - any failure of the learner's code is a "not yet"
        reason = str(error) or type(error).__name__
        print(f"❌ {title}, not yet: {reason}")
        return Verdict(False)
    if inspect.isgenerator(result) or inspect.iscoroutine(result):
        result.close()  # and no warning that a coroutine was never awaited
        raise TypeError(
            f"self_check({title!r}, test): test returned {type(result).__name__}, "
            "so its body never ran; write a plain function with asserts"
        )
    if result is not None and not isinstance(result, bool | np.bool_):
        raise TypeError(
            f"self_check({title!r}, test): test must return None, True or False, got {result!r}"
        )
    if result is not None and not result:
        print(f"❌ {title}, not yet: {_name(test)} returned False")
        return Verdict(False)
    print(f"✅ {title}: correct")
    return Verdict(True)
