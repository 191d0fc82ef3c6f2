"""The digit strings: seeded, laid out as documented, made of the right part's images."""

import numpy as np
import pytest
from sklearn.datasets import load_digits

import lossviz

SOURCE = load_digits()
POOL = SOURCE.images / 16.0


def _matches(window: np.ndarray, digit: int) -> np.ndarray:
    """The indices of scikit-learn's images of `digit` equal to an 8 x 8 window."""
    same = np.all(POOL == window, axis=(1, 2)) & (SOURCE.target == digit)
    return np.flatnonzero(same)


def test_same_seed_same_strings_other_seed_other_strings():
    a, b, c = (lossviz.digit_strings(20, seed=s) for s in (0, 0, 1))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])


def test_shapes_lengths_and_padding():
    images, digits = lossviz.digit_strings(300, min_digits=3, max_digits=5, max_gap=3, seed=2)
    assert images.shape == (300, 8, 5 * (8 + 3)) and digits.shape == (300, 5)
    assert images.min() == 0 and images.max() == 1
    lengths = (digits >= 0).sum(axis=1)
    assert set(lengths.tolist()) == {3, 4, 5}
    for row, length in zip(digits, lengths, strict=True):
        assert np.all(row[:length] >= 0) and np.all(row[:length] <= 9)
        assert np.all(row[length:] == -1), f"padding only after the last digit: {row}"


def test_without_gaps_each_block_of_eight_columns_is_one_image_of_its_digit():
    images, digits = lossviz.digit_strings(50, min_digits=3, max_digits=3, max_gap=0, seed=3)
    for image, row in zip(images, digits, strict=True):
        for j, digit in enumerate(row):
            assert _matches(image[:, 8 * j : 8 * j + 8], digit).size, f"digit {j} is not a {digit}"


@pytest.mark.parametrize(("part", "first", "stop"), [("train", 0, 1200), ("test", 1200, 1797)])
def test_a_part_uses_only_its_own_images(part, first, stop):
    images, digits = lossviz.digit_strings(
        100, min_digits=1, max_digits=1, max_gap=0, part=part, seed=4
    )
    for image, (digit,) in zip(images, digits, strict=True):
        found = _matches(image, digit)
        assert found.size and np.all((first <= found) & (found < stop)), found


def test_gaps_lie_between_zero_and_max_gap_columns():
    images, digits = lossviz.digit_strings(100, min_digits=1, max_digits=1, max_gap=3, seed=5)
    gaps = set()
    for image, (digit,) in zip(images, digits, strict=True):
        shifts = [
            g
            for g in range(4)
            if _matches(image[:, g : g + 8], digit).size
            and not image[:, :g].any()
            and not image[:, g + 8 :].any()
        ]
        assert shifts, "the image is not one digit after a gap of 0 to 3 columns"
        gaps.update(shifts)
    assert gaps == {0, 1, 2, 3}


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n": 0}, ValueError, "n must be an integer of at least 1"),
        ({"n": 2.5}, TypeError, "n must be an integer"),
        (
            {"min_digits": 4, "max_digits": 3},
            ValueError,
            "max_digits must be an integer of at least 4",
        ),
        ({"max_gap": -1}, ValueError, "max_gap must be an integer of at least 0"),
        ({"part": "validation"}, ValueError, r"part must be one of \['test', 'train'\]"),
        ({"seed": -1}, ValueError, "seed must be a non-negative integer"),
    ],
)
def test_bad_arguments_name_themselves(kwargs, error, message):
    with pytest.raises(error, match=message):
        lossviz.digit_strings(**kwargs)
