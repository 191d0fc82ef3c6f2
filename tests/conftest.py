"""Shared test settings: figures render off-screen, and every test starts with none open.

Hypothesis draws the same examples on every run (derandomized, no example database), so a
failure is reproducible and the suite's time does not vary; under ``make mutate``
(LOSSVIZ_MUTATION=1) it draws fewer, as each test runs for each of thousands of mutants.
"""

import os

import matplotlib
import matplotlib.pyplot as plt
import pytest
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

settings.register_profile(
    "lossviz",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=30,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("mutation", settings.get_profile("lossviz"), max_examples=10)
settings.load_profile("mutation" if os.environ.get("LOSSVIZ_MUTATION") else "lossviz")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
