"""The figure-plus-sliders primitive: sliders drive the artists, bad specs are refused."""

import numpy as np
import pytest

import lossviz


def _parabola():
    fig, ax = lossviz.subplots()
    x = np.linspace(-2, 2, 9)
    (line,) = ax.plot(x, x**2)
    calls = []

    def update(a, b):
        calls.append((a, b))
        line.set_ydata(a * x**2 + b)

    handle = lossviz.interactive(fig, update, {"a": (0.5, 3.0, 1.0), "b": (-1.0, 1.0, 0.0, 0.5)})
    return handle, line, x, calls


def test_slider_move_updates_the_existing_artist():
    handle, line, x, _ = _parabola()
    handle.sliders["a"].value = 2.5
    np.testing.assert_allclose(line.get_ydata(), 2.5 * x**2)
    assert handle.values == {"a": 2.5, "b": 0.0}
    assert list(handle.fig.axes[0].lines) == [line]  # changed in place, never rebuilt


def test_set_moves_several_sliders_with_one_update():
    handle, line, x, calls = _parabola()
    calls.clear()
    handle.set(a=2.0, b=0.5)
    assert calls == [(2.0, 0.5)]
    np.testing.assert_allclose(line.get_ydata(), 2.0 * x**2 + 0.5)


def test_slider_spec_sets_range_value_and_step():
    handle, *_ = _parabola()
    b = handle.sliders["b"]
    assert (b.min, b.max, b.value, b.step, b.description) == (-1.0, 1.0, 0.0, 0.5, "b")


def test_widget_holds_the_sliders_and_the_figure_view():
    handle, *_ = _parabola()
    controls, view = handle.widget.children
    assert list(controls.children) == list(handle.sliders.values())
    assert view is handle._output  # Agg backend: a static image re-sent after each move


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ((1.0, 1.0, 1.0), "a range is empty"),
        ((2.0, 1.0, 1.5), "a range is reversed"),
        ((0.0, 1.0, 2.0), "a starts at 2.0, outside its range"),
        ((0.0, np.nan, 0.5), "a range must be finite"),
        ((0.0, 1.0), r"a must be given as \(low, high, value\)"),
    ],
)
def test_malformed_slider_spec_is_a_value_error_naming_it(spec, message):
    fig, _ = lossviz.subplots()
    with pytest.raises(ValueError, match=message):
        lossviz.interactive(fig, lambda a: None, {"a": spec})


def test_set_refuses_unknown_names_and_values_out_of_range():
    handle, *_ = _parabola()
    with pytest.raises(ValueError, match=r"no slider named \['c'\]"):
        handle.set(c=1.0)
    with pytest.raises(ValueError, match=r"a=9.0 lies outside \[0.5, 3.0\]"):
        handle.set(a=9.0)
    assert handle.values["a"] == 1.0


def test_subplots_does_not_leave_the_figure_to_pyplot_display():
    import matplotlib.pyplot as plt

    fig, axes = lossviz.subplots(1, 2)
    assert len(axes) == 2
    assert fig.get_layout_engine() is not None
    assert not plt.isinteractive()
