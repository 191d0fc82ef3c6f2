"""The figure-plus-sliders primitive: sliders drive the artists, bad specs are refused."""

import sys

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
    assert (b.min, b.max, b.value, b.step) == (-1.0, 1.0, 0.0, 0.5)
    assert handle.controls.rows["b"].label.value == "b"  # no word for it in the vocabulary


def test_widget_holds_the_sliders_and_the_figure_view():
    handle, *_ = _parabola()
    controls, view = handle.widget.children
    assert controls is handle.controls.widget
    rows = [row.widget for row in handle.controls.rows.values()]
    assert list(controls.children) == [*rows, handle.controls.reset_button]
    assert [row.children[1] for row in rows] == list(handle.sliders.values())
    assert view is handle._output  # Agg backend: a static image re-sent after each move


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ((1.0, 1.0, 1.0), "a range is empty"),
        ((2.0, 1.0, 1.5), "a range is reversed"),
        ((0.0, 1.0, 2.0), "a starts at 2.0, outside its range"),
        ((0.0, np.nan, 0.5), "a: high must be finite"),
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


def test_the_static_view_is_sent_again_after_each_move_once_shown(monkeypatch):
    """Without ipympl (nbval, the inline backend) the figure is an image in an Output widget:
    nothing is sent before the handle is displayed, then one image per move."""
    shown = []
    monkeypatch.setattr(sys.modules["lossviz.interactive"], "display", shown.append)
    handle, line, x, _ = _parabola()
    handle.sliders["a"].value = 2.0
    assert shown == []
    handle._ipython_display_()
    assert shown == [handle.widget, handle.fig]
    shown.clear()
    handle.sliders["a"].value = 2.5
    handle.set(a=1.5, b=0.5)
    assert shown == [handle.fig, handle.fig]
    np.testing.assert_allclose(line.get_ydata(), 1.5 * x**2 + 0.5)


def test_the_layout_is_solved_once_then_frozen():
    """Constrained layout runs once when the handle is made, then is switched off: a slider move
    never pays for the layout solve (about half of a full draw)."""
    import matplotlib.pyplot as plt

    default = plt.figure().add_subplot().get_position().bounds  # where no layout engine puts it
    handle, *_ = _parabola()
    engine = handle.fig.get_layout_engine()
    assert engine is None or type(engine).__name__ == "PlaceHolderLayoutEngine"
    assert handle.fig.axes[0].get_position().bounds != default  # the one solve happened


def test_subplots_shows_nothing_even_in_pyplots_interactive_mode(monkeypatch):
    """Under ``plt.ion()`` pyplot shows each new figure at once (ipympl would put a second,
    bare canvas in the cell); lossviz.subplots makes its figure with interactive mode off."""
    import matplotlib.pyplot as plt

    made_interactively = []
    pyplot_subplots = plt.subplots

    def spy(*args, **kwargs):
        made_interactively.append(plt.isinteractive())
        return pyplot_subplots(*args, **kwargs)

    monkeypatch.setattr(plt, "subplots", spy)
    with plt.ion():
        lossviz.subplots()
        assert plt.isinteractive()  # and pyplot's mode is back as it was
    assert made_interactively == [False]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"nrows": 1.5}, TypeError, "nrows must be an integer of at least 1"),
        ({"ncols": 0}, ValueError, "ncols must be an integer of at least 1"),
    ],
)
def test_subplots_names_a_bad_grid(kwargs, error, message):
    with pytest.raises(error, match=message):
        lossviz.subplots(**kwargs)


def test_interactive_names_a_figure_or_an_update_of_the_wrong_kind():
    fig, _ = lossviz.subplots()
    with pytest.raises(TypeError, match="fig must be a Matplotlib Figure"):
        lossviz.interactive("x", lambda **values: None, {"delta": (0.5, 2.0, 1.0)})
    with pytest.raises(TypeError, match="update must be a function, got None"):
        lossviz.interactive(fig, None, {"delta": (0.5, 2.0, 1.0)})
