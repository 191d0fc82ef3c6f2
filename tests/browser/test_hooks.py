"""What the browser tests find in a page: the explorer's CSS class (no browser needed)."""

import lossviz


def test_an_explorer_carries_the_class_the_browser_tests_look_for():
    fig, ax = lossviz.subplots()
    (line,) = ax.plot([0.0, 1.0], [0.0, 1.0])
    handle = lossviz.interactive(fig, lambda a: line.set_ydata([0.0, a]), {"a": (0.5, 2.0, 1.0)})
    assert "lossviz-explorer" in handle.widget._dom_classes
