"""The loss explorer, driven in code and compared with a direct computation."""

import numpy as np
import pytest

import lossviz


def mse(y_true, y_pred):
    return (y_pred - y_true) ** 2


def mse_grad(y_true, y_pred):
    return 2 * (y_pred - y_true)


def huber(y_true, y_pred, *, delta=1.0):
    r = np.abs(y_pred - y_true)
    return np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))


def huber_grad(y_true, y_pred, *, delta=1.0):
    return np.clip(y_pred - y_true, -delta, delta)


def quantile(y_true, y_pred, *, q=0.5):
    r = y_true - y_pred
    return np.maximum(q * r, (q - 1) * r)


@pytest.fixture
def explorer():
    """A two-panel explorer with three curves a panel, as the benchmark measures."""
    return lossviz.explore(
        {"MSE": mse, "Huber": huber, "quantile": quantile},
        {
            "MSE": mse_grad,
            "Huber": huber_grad,
            "quantile": lambda t, p, *, q=0.5: -np.where(t > p, q, q - 1),
        },
        params={"delta": (0.1, 3.0, 1.0), "q": (0.05, 0.95, 0.5)},
        variable=lossviz.residual(-4, 4, 201),
    )


def test_curves_match_the_losses_at_the_initial_values(explorer):
    r = np.linspace(-4, 4, 201)
    loss_line, grad_line = explorer.artists["Huber"]
    np.testing.assert_allclose(loss_line.get_xdata(), r)
    np.testing.assert_allclose(loss_line.get_ydata(), huber(0 * r, r, delta=1.0))
    np.testing.assert_allclose(grad_line.get_ydata(), huber_grad(0 * r, r, delta=1.0))


def test_slider_moves_redraw_only_the_curves_that_take_that_parameter(explorer):
    r = np.linspace(-4, 4, 201)
    mse_before = explorer.artists["MSE"][0].get_ydata().copy()
    explorer.sliders["delta"].value = 2.0
    explorer.sliders["q"].value = 0.9
    np.testing.assert_allclose(explorer.artists["Huber"][0].get_ydata(), huber(0 * r, r, delta=2.0))
    np.testing.assert_allclose(explorer.artists["Huber"][1].get_ydata(), np.clip(r, -2, 2))
    np.testing.assert_allclose(
        explorer.artists["quantile"][0].get_ydata(), quantile(0 * r, r, q=0.9)
    )
    np.testing.assert_allclose(explorer.artists["MSE"][0].get_ydata(), mse_before)
    assert explorer.values == {"delta": 2.0, "q": 0.9}


def test_two_panels_share_colours_and_axes_stay_fixed(explorer):
    loss_ax, grad_ax = explorer.fig.axes
    limits = loss_ax.get_ylim(), grad_ax.get_ylim()
    explorer.set(delta=3.0, q=0.05)
    assert (loss_ax.get_ylim(), grad_ax.get_ylim()) == limits
    for loss_line, grad_line in explorer.artists.values():
        assert loss_line.get_color() == grad_line.get_color()
    # the y-range was chosen so that the curves stay in view at every slider end
    assert grad_ax.get_ylim()[1] >= 3.0


def test_single_callable_without_gradient_draws_one_panel():
    handle = lossviz.explore(mse)
    assert len(handle.fig.axes) == 1
    assert handle.artists["mse"][1] is None
    assert handle.sliders == {}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"losses": {}}, "losses must name at least one function"),
        ({"losses": {"MSE": mse}, "grads": {"Huber": huber_grad}}, r"grads names \['Huber'\]"),
        ({"losses": {"MSE": mse}, "params": {"delta": (0.1, 3, 1)}}, "no loss takes a keyword"),
        ({"losses": {"Huber": huber}, "params": {"delta": (3, 0.1, 1)}}, "delta range is reversed"),
    ],
)
def test_bad_input_is_a_value_error_naming_the_argument(kwargs, message):
    with pytest.raises(ValueError, match=message):
        lossviz.explore(**kwargs)


def test_residual_axis_refuses_an_empty_range():
    with pytest.raises(ValueError, match="residual range is empty"):
        lossviz.residual(1.0, 1.0)


def test_y_limits_hold_every_curve_at_both_ends_of_every_slider():
    """Huber alone: no MSE gradient to stretch the axes and hide a limit that is too tight."""
    handle = lossviz.explore(
        {"Huber": huber},
        {"Huber": huber_grad},
        params={"delta": (0.1, 3.0, 1.0)},
        variable=lossviz.residual(-4, 4, 81),
    )
    loss_ax, grad_ax = handle.fig.axes
    r = np.linspace(-4, 4, 81)
    for delta in (0.1, 1.0, 3.0):
        loss, grad = huber(0 * r, r, delta=delta), huber_grad(0 * r, r, delta=delta)
        assert loss_ax.get_ylim()[0] <= loss.min() and loss.max() <= loss_ax.get_ylim()[1]
        assert grad_ax.get_ylim()[0] <= grad.min() and grad.max() <= grad_ax.get_ylim()[1]
    # the largest loss (delta = 3 at r = 4: 7.5) sets the top, with a little room, no more
    assert 7.5 < loss_ax.get_ylim()[1] < 7.5 * 1.1


def test_functions_taking_kwargs_receive_every_slider():
    seen = []

    def scaled(y_true, y_pred, **kwargs):
        seen.append(dict(kwargs))
        return kwargs["scale"] * (y_pred - y_true) ** 2

    handle = lossviz.explore(scaled, params={"scale": (1.0, 3.0, 2.0)})
    handle.set(scale=3.0)
    assert seen[-1] == {"scale": 3.0}
    r = np.linspace(-3, 3, 401)
    np.testing.assert_allclose(handle.artists["scaled"][0].get_ydata(), 3.0 * r**2)
