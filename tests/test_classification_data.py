"""The classification cases and the imbalanced data set: seeded, shaped as documented, holding
the edge cases they promise, and refusing bad arguments."""

import numpy as np
import pytest

import lossviz


@pytest.mark.parametrize("from_logits", [False, True])
def test_binary_cases_hold_labels_soft_targets_and_edges(from_logits):
    cases = lossviz.binary_cases(from_logits=from_logits)
    (labels, _), (soft, _), (edge_labels, edges) = cases
    assert all(t.shape == p.shape and t.ndim == 1 for t, p in cases)
    assert set(labels.tolist()) == {0.0, 1.0}
    assert np.all((soft >= 0) & (soft <= 1)) and len(set(soft.tolist())) > 2
    extremes = {-1e4, -50.0, 50.0, 1e4} if from_logits else {0.0, 1.0}
    assert set(edges.tolist()) == extremes
    assert {(t, p) for t, p in zip(edge_labels, edges, strict=True)} == {
        (t, p) for t in (0.0, 1.0) for p in extremes
    }
    if not from_logits:
        assert all(np.all((p > 0) & (p < 1)) for _, p in cases[:2])
    assert len(lossviz.binary_cases(from_logits=from_logits, edges=False)) == 2


def test_binary_cases_are_seeded():
    a, b, c = (lossviz.binary_cases(seed=s)[0][1] for s in (0, 0, 1))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


@pytest.mark.parametrize("from_logits", [False, True])
def test_categorical_cases_hold_one_hot_soft_and_edge_rows(from_logits):
    (one_hot, p1), (soft, p2), (edge_targets, edges) = lossviz.categorical_cases(
        num_classes=5, from_logits=from_logits
    )
    assert one_hot.shape == p1.shape == (100, 5) and soft.shape == p2.shape == (50, 5)
    assert set(one_hot.ravel().tolist()) == {0.0, 1.0}
    np.testing.assert_allclose(one_hot.sum(-1), 1)
    np.testing.assert_allclose(soft.sum(-1), 1)
    assert np.all(soft > 0) and np.all(soft < 1)
    if from_logits:
        assert set(edges.ravel().tolist()) == {-1e4, 1e4}
    else:
        np.testing.assert_allclose(p1.sum(-1), 1)
        assert set(edges.ravel().tolist()) == {0.0, 1.0}
    # every class against every corner: 5 x 5 rows
    assert edge_targets.shape == edges.shape == (25, 5)
    assert np.sum(np.all(edge_targets == (edges > 0), axis=-1)) == 5  # the right corners


def test_sparse_cases_hold_integer_labels_in_range():
    cases = lossviz.categorical_cases(num_classes=3, sparse=True)
    for labels, y_pred in cases:
        assert labels.dtype.kind == "i" and labels.shape == y_pred.shape[:-1]
        assert labels.min() >= 0 and labels.max() <= 2
    assert set(cases[0][0].tolist()) == {0, 1, 2}


def test_margin_cases_avoid_the_kinks_unless_asked():
    (labels, scores), (edge_labels, edge_scores) = lossviz.margin_cases()
    assert set(labels.tolist()) == {-1.0, 1.0}
    margins = labels * scores
    assert np.abs(margins).min() >= 0.01 - 1e-12 and np.abs(margins - 1).min() >= 0.01 - 1e-12
    edge_margins = set((edge_labels * edge_scores).tolist())
    assert {0.0, 1.0, -1.0, 1e4, -1e4} <= edge_margins
    assert len(lossviz.margin_cases(edges=False)) == 1


def test_imbalanced_blobs_are_imbalanced_and_seeded():
    X, y = lossviz.imbalanced_blobs(2000, minority=0.1, seed=3)
    assert X.shape == (2000, 2) and y.shape == (2000,) and y.dtype.kind == "i"
    assert np.sum(y == 1) == 200 and set(y.tolist()) == {0, 1}
    assert y[:200].sum() not in (0, 200)  # shuffled, not sorted by class
    # class 1 sits up and to the right of class 0
    assert np.all(X[y == 1].mean(axis=0) > X[y == 0].mean(axis=0) + 1)
    np.testing.assert_array_equal(
        lossviz.imbalanced_blobs(seed=3)[0], lossviz.imbalanced_blobs(seed=3)[0]
    )
    assert not np.array_equal(lossviz.imbalanced_blobs(seed=3)[0], lossviz.imbalanced_blobs()[0])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: lossviz.categorical_cases(num_classes=1), "num_classes must be an integer"),
        (lambda: lossviz.imbalanced_blobs(10), "n must be an integer of at least 20"),
        (lambda: lossviz.imbalanced_blobs(minority=0.5), "minority must be a fraction"),
        (lambda: lossviz.imbalanced_blobs(minority=0.0), "minority must be a fraction"),
    ],
)
def test_bad_arguments_are_value_errors(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_a_float_number_of_classes_is_a_type_error():
    with pytest.raises(TypeError, match="num_classes must be an integer of at least 2, got 3.0"):
        lossviz.categorical_cases(num_classes=3.0)
