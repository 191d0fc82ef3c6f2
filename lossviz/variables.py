"""Horizontal axes for classification losses: the logit, the probability and the margin.

Each function returns a :class:`~lossviz.explorer.Variable` for :func:`lossviz.explore`.
A binary axis fixes the class ``y_true``; pass two of them to draw both classes at once.

Examples
--------
>>> import numpy as np
>>> from lossviz import explore
>>> def binary_crossentropy(y_true, y_pred, *, from_logits=False):
...     return np.logaddexp(0.0, y_pred) - y_true * y_pred  # logits only, for brevity
>>> handle = explore(binary_crossentropy, variable=[logit(-2, 2, 3, y_true=1),
...                                                 logit(-2, 2, 3, y_true=0)])
>>> sorted(handle.artists)
['binary_crossentropy, y = 0', 'binary_crossentropy, y = 1']
>>> handle.artists["binary_crossentropy, y = 0"][0].get_ydata().round(3).tolist()
[0.127, 0.693, 2.127]
"""

from __future__ import annotations

import numpy as np

from lossviz.explorer import Variable
from lossviz.validate import check_integer, check_number, check_range


def _points(name: str, low: float, high: float, num: int) -> np.ndarray:
    num = check_integer("num", num, minimum=2)
    return np.linspace(*check_range(name, low, high), num)


def _target(y_true: float) -> float:
    what = "a class, 0 or 1, or a soft target in [0, 1]"
    if not 0 <= check_number("y_true", y_true, what) <= 1:
        raise ValueError(
            f"y_true must be a class, 0 or 1, or a soft target in [0, 1], got {y_true!r}"
        )
    return float(y_true)


def logit(low: float = -6.0, high: float = 6.0, num: int = 401, *, y_true: float = 1) -> Variable:
    """The logit axis ``z`` of a binary classifier, for the class `y_true` (0, 1, or soft).

    A point ``z`` becomes ``(y_true, z)``, and every loss that takes ``from_logits`` gets
    ``from_logits=True``: the curves are the loss of one example whose logit is ``z``.

    >>> axis = logit(-2, 2, 3, y_true=0)
    >>> [a.tolist() for a in axis.to_arguments(axis.x)], axis.keywords, axis.name
    ([[0.0, 0.0, 0.0], [-2.0, 0.0, 2.0]], {'from_logits': True}, 'y = 0')
    """
    x, y = _points("logit", low, high, num), _target(y_true)
    return Variable(
        r"logit $z$",
        x,
        lambda z: (np.full_like(z, y), z),
        grad_label=r"gradient $\partial L / \partial z$",
        keywords={"from_logits": True},
        name=f"y = {y:g}",
    )


def probability(
    low: float = 0.01, high: float = 0.99, num: int = 401, *, y_true: float = 1
) -> Variable:
    """The axis of the predicted probability ``p`` of class 1, for the class `y_true`.

    A point ``p`` becomes ``(y_true, p)``, and losses that take ``from_logits`` get
    ``from_logits=False``. The range must lie within [0, 1].

    >>> axis = probability(0.25, 0.75, 3, y_true=1)
    >>> [a.tolist() for a in axis.to_arguments(axis.x)], axis.keywords
    ([[1.0, 1.0, 1.0], [0.25, 0.5, 0.75]], {'from_logits': False})
    """
    x, y = _points("probability", low, high, num), _target(y_true)
    if not (0 <= low and high <= 1):
        raise ValueError(f"probability range must lie within [0, 1], got ({low!r}, {high!r})")
    return Variable(
        r"predicted probability $p$ of class 1",
        x,
        lambda p: (np.full_like(p, y), p),
        grad_label=r"gradient $\partial L / \partial p$",
        keywords={"from_logits": False},
        name=f"y = {y:g}",
    )


def margin(
    low: float = -3.0, high: float = 3.0, num: int = 401, *, num_classes: int | None = None
) -> Variable:
    """The margin axis: how far the score of the true class is ahead.

    Binary (``num_classes=None``): the margin ``m = y f(x)`` of a score ``f(x)`` and a label
    ``y``; a point ``m`` becomes ``(1, m)``, the label 1 meaning the same in {0, 1} and in
    {-1, 1}. With `num_classes` ``k``: the scores ``(m, 0, ..., 0)`` of an example of class 0,
    one-hot ``y_true`` of shape ``(n, k)``, so that ``m`` is the true score minus the best
    other one; the gradient drawn is the true class's. Losses that take ``from_logits`` get
    ``from_logits=True``: a score is a logit.

    >>> axis = margin(-1, 1, 3, num_classes=3)
    >>> y_true, y_pred = axis.to_arguments(axis.x)
    >>> y_true[0].tolist(), y_pred[0].tolist()
    ([1.0, 0.0, 0.0], [-1.0, 0.0, 0.0])
    >>> axis.grad_curve(y_pred).tolist()
    [-1.0, 0.0, 1.0]
    """
    x = _points("margin", low, high, num)
    keywords = {"from_logits": True}
    grad_label = r"gradient $\partial L / \partial m$"
    if num_classes is None:
        return Variable(
            r"margin $m = y\,f(x)$",
            x,
            lambda m: (np.ones_like(m), m),
            grad_label=grad_label,
            keywords=keywords,
        )
    num_classes = check_integer("num_classes", num_classes, minimum=2)

    def to_arguments(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        y_true, y_pred = np.zeros((m.size, num_classes)), np.zeros((m.size, num_classes))
        y_true[:, 0], y_pred[:, 0] = 1.0, m
        return y_true, y_pred

    return Variable(
        r"margin $m = s_y - \max_{j \neq y} s_j$",
        x,
        to_arguments,
        grad_label=grad_label,
        keywords=keywords,
        grad_curve=lambda grad: np.asarray(grad)[:, 0],
    )
