"""lossviz: the helpers every notebook of the collection imports.

The losses themselves live in the notebooks; this package holds the interactive explorer,
the checks against Keras and numerical gradients, small seeded data sets and the figure style.
Importing it changes no global state.
"""

from lossviz.checks import (
    autodiff_gradient,
    check_against_keras,
    check_against_reference,
    check_gradient,
    numerical_gradient,
)
from lossviz.data import heteroscedastic, linear_with_outliers, regression_cases
from lossviz.exercises import self_check
from lossviz.explorer import Variable, explore, residual
from lossviz.interactive import Interactive, interactive, subplots
from lossviz.style import PALETTE, use_style

__all__ = [
    "PALETTE",
    "Interactive",
    "Variable",
    "autodiff_gradient",
    "check_against_keras",
    "check_against_reference",
    "check_gradient",
    "explore",
    "heteroscedastic",
    "interactive",
    "linear_with_outliers",
    "numerical_gradient",
    "regression_cases",
    "residual",
    "self_check",
    "subplots",
    "use_style",
]
