"""lossviz: the helpers every notebook of the collection imports.

The losses themselves live in the notebooks; this package holds the interactive explorer,
the checks against Keras and numerical gradients, small seeded data sets and the figure style.
Importing it changes no global state.
"""

from lossviz import validate  # argument checks for the notebooks' own losses
from lossviz.boundaries import decision_regions, precision_recall
from lossviz.checks import (
    autodiff_gradient,
    check_against_keras,
    check_against_reference,
    check_gradient,
    numerical_gradient,
)
from lossviz.controls import Slider
from lossviz.data import (
    binary_cases,
    categorical_cases,
    digit_strings,
    heteroscedastic,
    imbalanced_blobs,
    linear_with_outliers,
    margin_cases,
    regression_cases,
    segmentation_images,
    two_modes,
)
from lossviz.distributions import compare_distributions, distribution_cases
from lossviz.exercises import self_check
from lossviz.explorer import Variable, explore, residual
from lossviz.interactive import Interactive, interactive, subplots
from lossviz.lattice import draw_lattice, explore_lattice
from lossviz.style import PALETTE, use_style
from lossviz.surface import explore_surface
from lossviz.variables import logit, margin, probability

__all__ = [
    "PALETTE",
    "Interactive",
    "Slider",
    "Variable",
    "autodiff_gradient",
    "binary_cases",
    "categorical_cases",
    "check_against_keras",
    "check_against_reference",
    "check_gradient",
    "compare_distributions",
    "decision_regions",
    "digit_strings",
    "distribution_cases",
    "draw_lattice",
    "explore",
    "explore_lattice",
    "explore_surface",
    "heteroscedastic",
    "imbalanced_blobs",
    "interactive",
    "linear_with_outliers",
    "logit",
    "margin",
    "margin_cases",
    "numerical_gradient",
    "precision_recall",
    "probability",
    "regression_cases",
    "residual",
    "segmentation_images",
    "self_check",
    "subplots",
    "two_modes",
    "use_style",
    "validate",
]
