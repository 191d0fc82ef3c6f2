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

from collections.abc import Callable


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


def self_check(title: str, test: Callable[[], object]) -> Verdict:
    """Run `test`, which raises AssertionError (or any error) when the answer is wrong.

    Prints ``✅ title: correct`` or ``❌ title, not yet: <reason>`` and returns whether the
    answer is right. It does not raise, so a learner's unfinished answer does not stop the
    notebook; a notebook's own solution cell asserts the returned value.
    """
    try:
        test()
    except NotImplementedError:
        print(f"❌ {title}, not yet: replace the `raise NotImplementedError` with your answer")
        return Verdict(False)
    except Exception as error:  # noqa: BLE001 - any failure of the learner's code is a "not yet"
        reason = str(error) or type(error).__name__
        print(f"❌ {title}, not yet: {reason}")
        return Verdict(False)
    print(f"✅ {title}: correct")
    return Verdict(True)
