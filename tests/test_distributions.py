"""Two distributions and their divergences: the figure driven in code, the cases, bad input."""

import math

import numpy as np
import pytest

import lossviz
from lossviz.distributions import check_distribution

X = np.linspace(-6, 6, 121)
WIDTH = X[1] - X[0]


def normal(mu, sigma):
    density = np.exp(-0.5 * ((X - mu) / sigma) ** 2)
    return density / density.sum()


def normal_at_zero():
    return normal(0.0, 1.0)


def kl(p, q):
    """KL(P || Q) by a plain loop, as independent of the module as can be."""
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True) if a > 0)


def kl_or_inf(p, q):
    return math.inf if np.any((p > 0) & (q == 0)) else kl(p, q)


def js(p, q):
    m = (p + q) / 2
    return kl(p, m) / 2 + kl(q, m) / 2


@pytest.fixture
def gaussians():
    return lossviz.compare_distributions(
        lambda mu1: normal(mu1, 1.0),
        lambda mu2, sigma2: normal(mu2, sigma2),
        {"KL": kl, "JS": js, "closed": lambda p, q, mu1, mu2, sigma2: (mu1 - mu2) ** 2 + sigma2},
        {"mu1": (-2.0, 2.0, 0.0), "mu2": (-2.0, 2.0, 1.0), "sigma2": (0.5, 2.0, 1.0)},
        x=X,
    )


def test_lines_and_bars_match_a_direct_computation_after_a_slider_move(gaussians):
    gaussians.sliders["mu2"].value = -1.5
    gaussians.set(mu1=0.5, sigma2=1.5)
    p, q = normal(0.5, 1.0), normal(-1.5, 1.5)
    np.testing.assert_allclose(gaussians.artists["P"].get_ydata(), p / WIDTH)
    np.testing.assert_allclose(gaussians.artists["Q"].get_ydata(), q / WIDTH)
    (fill,) = gaussians.fig.axes[0].collections  # the area under P follows it
    top = fill.get_paths()[0].vertices
    assert top[np.argmax(top[:, 1])].tolist() == pytest.approx([X[np.argmax(p)], p.max() / WIDTH])
    for name, expected in (("KL", kl(p, q)), ("JS", js(p, q)), ("closed", (0.5 + 1.5) ** 2 + 1.5)):
        bar, text = gaussians.artists[name, "Q"]
        assert bar.get_width() == pytest.approx(expected)
        assert text.get_text() == f" {expected:.3f}"


def test_divergences_receive_only_the_slider_values_they_name(gaussians):
    gaussians.set(mu1=-1.0, mu2=2.0, sigma2=0.5)
    assert gaussians.artists["closed", "Q"][0].get_width() == pytest.approx(9.5)


def test_bar_axis_holds_every_finite_value_seen_at_the_slider_ends(gaussians):
    _, ax_div = gaussians.fig.axes
    worst = kl(normal(-2.0, 1.0), normal(1.0, 1.0))  # mu1 at its low end
    assert ax_div.get_xlim()[1] >= worst
    gaussians.set(mu1=-2.0)
    assert gaussians.artists["KL", "Q"][0].get_width() == pytest.approx(worst)


def test_several_candidates_get_one_bar_each_per_divergence():
    handle = lossviz.compare_distributions(
        {"target": lambda: normal(0.0, 1.0)},
        {"narrow": lambda: normal(0.0, 0.5), "wide": lambda: normal(0.0, 2.0)},
        {"KL(P‖Q)": kl, "KL(Q‖P)": lambda p, q: kl(q, p)},
        x=X,
    )
    assert set(handle.artists) == {
        "target",
        "narrow",
        "wide",
        ("KL(P‖Q)", "narrow"),
        ("KL(P‖Q)", "wide"),
        ("KL(Q‖P)", "narrow"),
        ("KL(Q‖P)", "wide"),
    }
    width = handle.artists["KL(Q‖P)", "wide"][0].get_width()
    assert width == pytest.approx(kl(normal(0.0, 2.0), normal(0.0, 1.0)))
    assert handle.fig.axes[1].get_legend() is not None


def test_infinite_divergence_is_a_full_bar_marked_infinity():
    def disjoint(shift):
        p = np.zeros(4)
        p[int(shift)] = 1.0
        return p

    handle = lossviz.compare_distributions(
        lambda: np.array([1.0, 0.0, 0.0, 0.0]),
        disjoint,
        {"KL": kl_or_inf},
        {"shift": (0.0, 3.0, 0.0, 1.0)},
        x=np.arange(4),
        limit=2.0,
        marks={"log 2": np.log(2)},
    )
    bar, text = handle.artists["KL", "Q"]
    assert (bar.get_width(), text.get_text()) == (0.0, " 0.000")
    handle.sliders["shift"].value = 2.0
    assert (bar.get_width(), text.get_text()) == (2.0, " ∞")
    assert handle.fig.axes[0].get_ylabel() == "probability"  # categories one apart
    (mark,) = handle.fig.axes[1].get_lines()
    assert mark.get_xdata()[0] == pytest.approx(np.log(2))
    assert [t.get_text() for t in handle.fig.axes[1].texts if t.get_text() == "log 2"] == ["log 2"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"q": lambda: np.full(121, 2 / 121)}, "q 'Q' must sum to 1"),
        ({"p": lambda: np.full(121, -1 / 121)}, r"p must hold probabilities in \[0, 1\]"),
        ({"q": lambda: np.full(121, np.nan)}, "q 'Q' must hold finite numbers"),
        ({"q": lambda: np.full(120, 1 / 120)}, "q 'Q' must hold 121 probabilities"),
        ({"q": lambda: np.full((2, 121), 1 / 121)}, "must each return a 1-D array"),
        ({"x": X[::-1]}, "x must be a 1-D increasing array"),
        ({"x": np.array([0.0])}, "x must be a 1-D increasing array"),
        ({"x": np.full(121, np.inf)}, "x must hold finite numbers"),
        ({"limit": -1.0}, "limit must be a positive number"),
        ({"marks": {"log 2": np.nan}}, r"marks\['log 2'\] must be a finite number"),
        ({"params": {"nope": (0.0, 1.0, 0.5)}}, "params names 'nope'"),
        ({"params": {"mu": (1.0, 0.0, 0.5)}}, "mu range is reversed"),
        ({"divergences": {}}, "divergences must name at least one function"),
        ({"divergences": {"KL": lambda p, q: np.zeros(2)}}, "must return one number"),
        ({"p": {"P": normal_at_zero, "R": normal_at_zero}}, "p must be one distribution"),
        ({"q": {"P": normal_at_zero}}, "p and q must have different names"),
        ({"divergences": {"KL": lambda p, q: np.nan}}, "divergence 'KL' returned nan"),
        ({"divergences": {"KL": lambda p, q: -0.5}}, "divergence 'KL' returned -0.5"),
        ({"divergences": {"KL": lambda p, q: -np.inf}}, "divergence 'KL' returned -inf"),
    ],
)
def test_bad_input_raises_a_value_error_naming_the_argument(kwargs, message):
    arguments = {
        "p": normal_at_zero,
        "q": lambda mu=0.0: normal(mu, 1.0),
        "divergences": {"KL": kl},
        "x": X,
        **kwargs,
    }
    with pytest.raises(ValueError, match=message):
        lossviz.compare_distributions(**arguments)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"q": "not a function"}, "q must be a mapping of names to functions"),
        ({"divergences": {"KL": lambda p, q: "0"}}, "divergence 'KL' must return a number"),
        ({"marks": [0.7]}, "marks must be a mapping of labels to numbers"),
        ({"xlabel": None}, "xlabel must be a string"),
    ],
)
def test_wrong_types_raise_a_type_error_naming_the_argument(kwargs, message):
    arguments = {
        "p": normal_at_zero,
        "q": lambda mu=0.0: normal(mu, 1.0),
        "divergences": {"KL": kl},
        "x": X,
        **kwargs,
    }
    with pytest.raises(TypeError, match=message):
        lossviz.compare_distributions(**arguments)


def test_a_divergence_below_zero_by_rounding_is_drawn_as_zero():
    handle = lossviz.compare_distributions(
        normal_at_zero, normal_at_zero, {"JS": lambda p, q: -1e-12}, x=X
    )
    bar, text = handle.artists["JS", "Q"]
    assert (bar.get_width(), text.get_text()) == (0.0, " 0.000")


def test_a_distribution_gone_bad_at_a_slider_end_is_caught_when_the_figure_is_built():
    with pytest.raises(ValueError, match="q 'Q' must sum to 1"):
        lossviz.compare_distributions(
            normal_at_zero,
            lambda w: np.array([w, 0.5] + [0.0] * 119),
            {"KL": kl_or_inf},
            {"w": (0.0, 1.0, 0.5)},
            x=X,
        )


def test_a_distribution_gone_bad_between_the_ends_is_caught_on_the_move():
    def lopsided(w):
        return normal_at_zero() * (1.5 if abs(w - 0.5) < 0.1 else 1.0)

    handle = lossviz.compare_distributions(
        normal_at_zero, lopsided, {"KL": kl}, {"w": (0.0, 1.0, 0.0)}, x=X
    )
    with pytest.raises(ValueError, match="q 'Q' must sum to 1 .*got a total of 1.5"):
        handle.sliders["w"].value = 0.5


def test_check_distribution_accepts_batches_and_names_the_argument():
    batch = check_distribution("p", [[0.5, 0.5], [1.0, 0.0]])
    assert batch.shape == (2, 2)
    with pytest.raises(ValueError, match="got a single number"):
        check_distribution("p", 1.0)
    with pytest.raises(ValueError, match=r"probs must sum to 1 .* total of 0.9"):
        check_distribution("probs", [[0.5, 0.5], [0.4, 0.5]])


def test_distribution_cases_are_distributions_with_the_promised_edges():
    cases = lossviz.distribution_cases()
    for p, q in cases:
        assert p.shape == q.shape
        check_distribution("p", p)
        check_distribution("q", q)
    for p, q in lossviz.distribution_cases(zeros=False):
        assert min(p.min(), q.min()) >= 0.01 / p.shape[-1] - 1e-15
    (one_hot, _), (sparse, near_zero), (same_p, same_q) = cases[3:]
    assert np.all(np.sort(one_hot, axis=-1)[:, :-1] == 0)
    assert np.all((sparse == 0).sum(-1) == 4) and np.all(near_zero[sparse == 0] < 1e-11)
    assert np.all(near_zero[sparse > 0] > 1e-4)  # q is tiny only where p is zero
    assert np.array_equal(same_p, same_q) and np.any(same_p == 1.0)


def test_distribution_cases_are_seeded():
    first, again, other = (lossviz.distribution_cases(seed) for seed in (0, 0, 1))
    assert all(np.array_equal(a[0], b[0]) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[0][0], other[0][0])
