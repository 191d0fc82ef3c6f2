"""A figure style readable from the back of a lecture hall. Importing it changes nothing;
call :func:`use_style` to apply it.

Examples
--------
>>> import matplotlib as mpl
>>> with mpl.rc_context():
...     use_style()
...     mpl.rcParams["font.size"]
16.0
"""

from __future__ import annotations

import matplotlib as mpl
from cycler import cycler

#: Okabe and Ito's palette, distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")

LECTURE_STYLE = {
    "font.size": 16,
    "axes.titlesize": 18,
    "axes.labelsize": 17,
    "legend.fontsize": 14,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "lines.linewidth": 3,
    "axes.prop_cycle": cycler(color=PALETTE),
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
}


def use_style() -> None:
    """Apply the lecture style to every figure made after this call (matplotlib's rcParams)."""
    mpl.rcParams.update(LECTURE_STYLE)
