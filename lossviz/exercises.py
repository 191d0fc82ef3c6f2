"""Self-checks for the exercises: a verdict a learner can read, never a silent pass.

Examples
--------
>>> def test():
...     assert 1 + 1 == 3, "1 + 1 should be 3 in this made-up world"
>>> self_check("Exercise 0", test)
❌ Exercise 0, not yet: 1 + 1 should be 3 in this made-up world
False
>>> self_check("Exercise 0", lambda: None)
✅ Exercise 0: correct
True
"""

from __future__ import annotations

from collections.abc import Callable


def self_check(title: str, test: Callable[[], object]) -> bool:
    """Run `test`, which raises AssertionError (or any error) when the answer is wrong.

    Prints ``✅ title: correct`` or ``❌ title, not yet: <reason>`` and returns whether the
    answer is right. It does not raise, so a learner's unfinished answer does not stop the
    notebook; a notebook's own solution cell asserts the returned value.
    """
    try:
        test()
    except NotImplementedError:
        print(f"❌ {title}, not yet: replace the `raise NotImplementedError` with your answer")
        return False
    except Exception as error:  # noqa: BLE001 - any failure of the learner's code is a "not yet"
        reason = str(error) or type(error).__name__
        print(f"❌ {title}, not yet: {reason}")
        return False
    print(f"✅ {title}: correct")
    return True
