"""lossviz.segmentation_images: seeded, shaped as documented, small objects, bad input refused."""

import numpy as np
import pytest

import lossviz


def test_same_seed_same_images_other_seed_other_images():
    a, b, c = (lossviz.segmentation_images(8, seed=s) for s in (0, 0, 1))
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[1], c[1])


def test_shapes_values_and_binary_masks():
    images, masks = lossviz.segmentation_images(5, size=24, seed=3)
    assert images.shape == masks.shape == (5, 24, 24)
    assert images.min() >= 0 and images.max() <= 1
    assert set(np.unique(masks).tolist()) == {0.0, 1.0}


def test_each_image_holds_one_small_object_of_the_asked_share():
    images, masks = lossviz.segmentation_images(300, foreground=(0.01, 0.03), seed=0)
    share = masks.mean(axis=(1, 2))
    assert share.min() > 0.005 and share.max() < 0.04, (share.min(), share.max())
    assert 0.017 < share.mean() < 0.023  # the middle of (0.01, 0.03)
    for mask in masks[:20]:  # one compact blob: its bounding box is a few pixels wide
        rows, cols = np.nonzero(mask)
        assert np.ptp(rows) < 12 and np.ptp(cols) < 12
    larger = lossviz.segmentation_images(300, foreground=(0.05, 0.1), seed=0)[1]
    assert larger.mean() > 2 * masks.mean()


def test_the_object_is_brighter_than_its_background_by_about_the_contrast():
    for contrast in (0.2, 0.5):
        images, masks = lossviz.segmentation_images(100, contrast=contrast, noise=0.0, seed=1)
        gap = images[masks == 1].mean() - images[masks == 0].mean()
        assert contrast * 0.7 < gap < contrast * 1.3, (contrast, gap)


def test_noise_sets_the_pixel_noise():
    quiet = lossviz.segmentation_images(20, noise=0.0, seed=2)[0]
    noisy = lossviz.segmentation_images(20, noise=0.2, seed=2)[0]
    roughness = [np.abs(np.diff(im, axis=-1)).mean() for im in (quiet, noisy)]
    assert roughness[1] > 5 * roughness[0]


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"n": 0}, ValueError, "n must be an integer of at least 1"),
        ({"n": 2.0}, TypeError, "n must be an integer"),
        ({"size": 4}, ValueError, "size must be an integer of at least 8"),
        ({"foreground": 0.02}, TypeError, "foreground must be two fractions"),
        ({"foreground": (0.03, 0.01)}, ValueError, "0 < low <= high <= 0.2"),
        ({"foreground": (0.0, 0.01)}, ValueError, "0 < low <= high <= 0.2"),
        ({"foreground": (0.01, 0.5)}, ValueError, "0 < low <= high <= 0.2"),
        ({"foreground": (0.01, float("nan"))}, ValueError, "foreground\\[1\\]"),
        ({"size": 8, "foreground": (0.01, 0.02)}, ValueError, "at least 4"),
        ({"contrast": 0.0}, ValueError, "contrast must be a positive number"),
        ({"noise": -0.1}, ValueError, "noise must be a finite number of at least 0"),
        ({"seed": -1}, ValueError, "seed must be a non-negative integer"),
        ({"seed": "a"}, TypeError, "seed must be a non-negative integer"),
    ],
)
def test_bad_arguments_are_refused_by_name(kwargs, error, message):
    with pytest.raises(error, match=message):
        lossviz.segmentation_images(**kwargs)
