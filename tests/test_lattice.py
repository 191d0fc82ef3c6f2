"""The lattice heat maps: driven from code, they show exactly what the notebook computes."""

import numpy as np
import pytest

import lossviz
from lossviz.lattice import BLANK, state_labels

FRAMES = 7


def shares(word, *, sharpness):
    """A stand-in for a notebook's lattice: a softmax over the states at each frame, which
    favours state 2t and sharpens with `sharpness` (computed directly, to compare against)."""
    states = np.arange(2 * len(word) + 1)[:, None]
    scores = -sharpness * (states - 2 * np.arange(FRAMES)[None, :] / 3) ** 2
    weights = np.exp(scores - scores.max(axis=0))
    return weights / weights.sum(axis=0)


def compute(word, *, sharpness, shift):
    if not word.isalpha():
        raise ValueError(f"letters only, got {word!r}")
    share = shares(word, sharpness=sharpness)
    return f"{word}: sharpness {sharpness:g}", {
        "share": share,
        "shifted": np.roll(share, int(shift), axis=1),
    }


def _explorer(**kwargs):
    params = {"sharpness": (0.0, 2.0, 1.0), "shift": (0.0, 3.0, 0.0, 1.0)}
    return lossviz.explore_lattice(compute, params, word="hello", words=["abba"], **kwargs)


def test_state_labels_put_a_blank_around_every_symbol():
    assert state_labels("aab") == [BLANK, "a", BLANK, "a", BLANK, "b", BLANK]
    assert state_labels("") == [BLANK]
    with pytest.raises(TypeError, match="word must be a string"):
        state_labels(["a"])


def test_draw_lattice_shows_the_values_rows_down_frames_across():
    values = shares("ab", sharpness=1.0)
    lattice = lossviz.draw_lattice(values, state_labels("ab"), title="share", colorbar="p")
    np.testing.assert_array_equal(lattice.image.get_array(), values)
    assert [t.get_text() for t in lattice.ax.get_yticklabels()] == state_labels("ab")
    assert lattice.image.get_extent() == [0.5, FRAMES + 0.5, 4.5, -0.5]  # frame t centred on t
    assert lattice.ax.get_xlabel() and lattice.ax.get_ylabel() and lattice.ax.get_title() == "share"
    assert len(lattice.ax.figure.axes) == 2  # the heat map and its colour bar (the key)


def test_sliders_redraw_every_panel_in_place_with_the_computed_values():
    explorer = _explorer()
    images = {name: lattice.image for name, lattice in explorer.lattices.items()}
    explorer.sliders["sharpness"].value = 2.0
    explorer.set(shift=2.0)
    expected = shares("hello", sharpness=2.0)
    np.testing.assert_allclose(explorer.lattices["share"].image.get_array(), expected)
    np.testing.assert_allclose(
        explorer.lattices["shifted"].image.get_array(), np.roll(expected, 2, axis=1)
    )
    assert explorer.caption.get_text() == "hello: sharpness 2"
    assert {
        name: lattice.image for name, lattice in explorer.lattices.items()
    } == images  # not rebuilt
    assert all(len(lattice.ax.images) == 1 for lattice in explorer.lattices.values())


def test_blitting_redraws_only_the_images_and_the_caption():
    explorer = _explorer()
    expected = [lattice.image for lattice in explorer.lattices.values()] + [explorer.caption]
    assert list(explorer.handle.animated) == expected


def test_another_word_resizes_the_lattice_and_relabels_its_rows():
    explorer = _explorer(title="CTC")
    explorer.set(sharpness=0.5)
    explorer.set_word("abba")
    lattice = explorer.lattices["share"]
    np.testing.assert_allclose(lattice.image.get_array(), shares("abba", sharpness=0.5))
    assert lattice.rows == state_labels("abba")
    assert [t.get_text() for t in lattice.ax.get_yticklabels()] == state_labels("abba")
    assert lattice.ax.get_ylim() == (8.5, -0.5)
    assert explorer.caption.get_text() == "CTC: abba: sharpness 0.5"
    assert explorer.word_box.value == "abba" and explorer.word == "abba"
    explorer.set(sharpness=1.5)  # the sliders keep working on the new word
    np.testing.assert_allclose(lattice.image.get_array(), shares("abba", sharpness=1.5))


def test_a_typed_word_is_shown_and_a_refused_one_is_reported_beside_the_box():
    explorer = _explorer()
    explorer.word_box.value = "cat"
    assert explorer.lattices["share"].image.get_array().shape == (7, FRAMES)
    explorer.word_box.value = "c4t"
    assert explorer.word == "cat" and "letters only" in explorer.message.value
    np.testing.assert_allclose(
        explorer.lattices["share"].image.get_array(), shares("cat", sharpness=1.0)
    )
    assert "abba" in explorer.word_box.options and "hello" in explorer.word_box.options
    with pytest.raises(ValueError, match="letters only"):
        explorer.set_word("c4t")


def test_the_word_box_and_the_sliders_sit_in_one_explorer_widget():
    explorer = _explorer()
    word_row, controls, _ = explorer.handle.widget.children
    assert explorer.word_box in word_row.children
    assert controls is explorer.handle.controls.widget
    assert "lossviz-explorer" in explorer.handle.widget._dom_classes


@pytest.mark.parametrize(
    ("values", "rows", "error", "message"),
    [
        (np.ones((2, 3)), ["ε", "a", "ε"], ValueError, r"shape \(states, frames\) = \(3, T\)"),
        (np.full((3, 3), np.nan), ["ε", "a", "ε"], ValueError, "finite numbers only"),
        (np.full((3, 3), 1.5), ["ε", "a", "ε"], ValueError, r"must lie in \[0, 1\]"),
        (np.ones((3, 3)) / 3, "εaε", TypeError, "rows must be a list"),
        (np.ones((3, 3)) / 3, ["ε", 1, "ε"], TypeError, "a row label must be a string"),
        ("abc", ["ε"], TypeError, "array of numbers"),
    ],
)
def test_draw_lattice_refuses_bad_input(values, rows, error, message):
    with pytest.raises(error, match=message):
        lossviz.draw_lattice(values, rows)


def test_set_refuses_a_new_shape_without_new_rows():
    lattice = lossviz.draw_lattice(np.ones((3, 4)) / 3, state_labels("a"))
    with pytest.raises(ValueError, match="pass rows to change its size"):
        lattice.set(np.ones((3, 5)) / 3)
    lattice.set(np.ones((3, 5)) / 3, state_labels("b"))
    assert lattice.image.get_extent() == [0.5, 5.5, 2.5, -0.5]


def test_explore_lattice_refuses_bad_arguments():
    params = {"sharpness": (0.0, 2.0, 1.0), "shift": (0.0, 3.0, 0.0, 1.0)}
    with pytest.raises(TypeError, match="compute must be a function"):
        lossviz.explore_lattice("compute", params, word="ab")
    with pytest.raises(TypeError, match="word must be a string"):
        lossviz.explore_lattice(compute, params, word=3)
    with pytest.raises(TypeError, match="words must be a list"):
        lossviz.explore_lattice(compute, params, word="ab", words="abba")
    with pytest.raises(ValueError, match="vmax must be a positive number"):
        lossviz.explore_lattice(compute, params, word="ab", vmax=0)
    with pytest.raises(TypeError, match=r"compute must return \(caption, panels\)"):
        lossviz.explore_lattice(lambda word, **_: shares(word, sharpness=1.0), params, word="ab")


def test_compute_must_keep_its_panels_and_their_shape():
    params = {"n": (1.0, 3.0, 1.0, 1.0)}

    def changing(word, *, n):
        panels = {"a": np.zeros((2 * len(word) + 1, int(n) + 2))}
        return word, panels | ({"b": panels["a"]} if n == 3 else {})

    explorer = lossviz.explore_lattice(changing, params, word="ab")
    with pytest.raises(ValueError, match="pass rows to change its size"):
        explorer.set(n=2.0)
    with pytest.raises(ValueError, match=r"compute must return the panels \['a'\]"):
        explorer.set(n=3.0)
