"""An explorer's controls: round grids, labels in words, lecture-sized text, reset and play."""

import matplotlib as mpl
import numpy as np
import pytest

import lossviz
from lossviz.controls import LABELS, Controls, Slider, control_font_px, slider_spec, slider_specs

# The specs the notebooks use, and some awkward ones.
SPECS = [
    (0.1, 3.0, 1.0),
    (0.05, 0.95, 0.5),
    (0.0, 5.0, 2.0),
    (-0.5, 0.9, 0.0),
    (0.05, 1.0, 0.2),
    (0.01, 0.35, 0.1),
    (-180, 180, 60),
    (0.3, 8.0, 1.0),
    (0.0, 2000, 2000),
    (1e-4, 1e-2, 1e-3),
]


@pytest.mark.parametrize("spec", SPECS, ids=str)
def test_the_default_step_lands_on_both_ends_and_the_start(spec):
    s = slider_spec("delta", spec)
    grid = s.low + s.step * np.arange(s.points)
    for value in (s.low, s.high, s.value):
        assert np.isclose(grid, value, rtol=0, atol=1e-9 * s.step).any(), (value, s.step)
    assert s.points >= 50, "too coarse for a slider"
    mantissa = s.step / 10 ** np.floor(np.log10(s.step))
    assert round(mantissa, 9) in (1, 2, 5), "not a round step"


def test_every_grid_point_is_shown_as_a_round_number():
    s = slider_spec("delta", (0.1, 3.0, 1.0))
    shown = [s.snap(s.low + k * s.step) for k in range(s.points)]
    assert shown[:3] == [0.1, 0.12, 0.14] and shown[-1] == 3.0 and 1.0 in shown
    assert all(len(f"{v:.{s.decimals}f}") <= 4 for v in shown)


def test_a_browsers_float_is_snapped_to_the_grid_before_the_update_sees_it():
    seen = []
    fig, ax = lossviz.subplots()
    handle = lossviz.interactive(fig, lambda delta: seen.append(delta), {"delta": (0.1, 3.0, 1.0)})
    seen.clear()
    handle.sliders["delta"].value = 0.1 + 15 * 0.02  # 0.39999999999999997 in floating point
    assert seen == [0.4]
    assert handle.controls.rows["delta"].readout.value == "0.40"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ((0.0, 1.0, 0.5, 0.0), "step must be positive"),
        ((0.0, 1.0, 0.5, -0.1), "step must be positive"),
        ((0.0, 1.0, 0.5, np.nan), "step must be finite"),
        ((0.0, 1.0, 0.5, 2.0), "at most the range"),
        ((0.0, 1.0, 0.5, 0.3), "misses the end"),
        ((0.0, 1.0, 1 / 3), "no round step"),
        (("0", 1.0, 0.5), "low must be a number"),
        ((0.0, 1.0, None), "start value must be a number"),
        (lossviz.Slider(0.0, 1.0, 0.5, label=""), "label must be a non-empty string"),
    ],
)
def test_a_bad_step_or_spec_names_the_slider(spec, message):
    with pytest.raises((ValueError, TypeError), match=f"delta.*{message}|{message}.*delta"):
        slider_spec("delta", spec)


def test_labels_come_from_the_vocabulary_or_the_spec():
    assert slider_spec("delta", (0.1, 3.0, 1.0)).label == LABELS["delta"] == "Huber δ"
    assert slider_spec("outlier_y", (-10, 25, 3)).label == "outlier y"
    assert slider_spec("q", lossviz.Slider(0.05, 0.95, 0.5, label="level q")).label == "level q"


def _explorer(**kwargs):
    def huber(y_true, y_pred, *, delta=1.0):
        r = np.abs(y_pred - y_true)
        return np.where(r <= delta, 0.5 * r**2, delta * (r - 0.5 * delta))

    return lossviz.explore({"Huber": huber}, params={"delta": (0.1, 3.0, 1.0)}, **kwargs)


def test_reset_restores_the_start_and_redraws():
    handle = _explorer()
    line = handle.artists["Huber"][0]
    start = line.get_ydata().copy()
    handle.set(delta=2.5)
    assert not np.array_equal(line.get_ydata(), start)
    handle.controls.reset_button.click()
    assert handle.values == {"delta": 1.0}
    np.testing.assert_array_equal(line.get_ydata(), start)


def test_set_refuses_values_off_the_range_or_the_grid():
    handle = _explorer()
    with pytest.raises(ValueError, match="delta=5.0 lies outside"):
        handle.set(delta=5.0)
    with pytest.raises(ValueError, match="delta=1.01 is not on the slider's grid"):
        handle.set(delta=1.01)
    with pytest.raises(ValueError, match="no slider named"):
        handle.set(gamma=1.0)


def test_the_play_button_sweeps_one_slider_over_its_grid():
    handle = _explorer(play="delta")
    player, spec = handle.controls.player, handle.controls.rows["delta"].spec
    assert (player.min, player.max, player.value) == (0, spec.points - 1, 45)
    seen = []
    for k in (0, 1, player.max):
        player.value = k
        seen.append(handle.values["delta"])
    assert seen == [0.1, 0.12, 3.0]
    handle.set(delta=1.0)  # a slider moved by hand moves the play position along
    assert player.value == 45
    assert player in handle.controls.widget.children


def test_play_must_name_a_slider():
    with pytest.raises(ValueError, match="play names 'q'"):
        _explorer(play="q")


def test_controls_text_is_at_least_as_large_as_the_figures_tick_labels():
    with mpl.rc_context():
        lossviz.use_style()
        handle = _explorer()
        tick_px = mpl.rcParams["xtick.labelsize"] * handle.fig.dpi / 72
        row = handle.controls.rows["delta"]
        for text in (row.label, row.readout, handle.controls.reset_button):
            assert float(text.style.font_size.removesuffix("px")) >= tick_px
        assert row.label.value == "Huber δ"
    assert control_font_px(100) == 14  # Matplotlib's default 10 pt tick labels


def test_a_label_that_is_not_text_is_a_type_error():
    with pytest.raises(TypeError, match="delta: label must be a string, got int 3"):
        slider_spec("delta", Slider(0, 1, 0.5, label=3))


def test_nan_assigned_to_a_slider_is_refused_naming_it_and_the_last_value_kept():
    values = []
    controls = Controls(slider_specs({"delta": (0.5, 2.0, 1.0)}), lambda: values.append(1))
    with pytest.raises(ValueError, match="delta: the value must be finite, got nan"):
        controls.sliders["delta"].value = float("nan")
    assert controls.values == {"delta": 1.0}
    assert values == []  # nothing redrawn with NaN
