"""The selection guide of 10_choosing.ipynb links to sections that exist.

The guide is one data structure in the notebook, ``GUIDE`` (cells whose id starts with
``guide-data``); each row links to the sections that teach it, as ``NN_name.ipynb#Heading-text``.
These tests run those cells alone, as the notebook defines them, and check every link against the
headings of the notebook it points to; then every other section link in the notebook (its
markdown, and the string literals of its code, such as the quick rules and the mismatch table).

An anchor is a heading's text with spaces replaced by hyphens: the id JupyterLab gives a rendered
heading (its text content, ``replace(/ /g, '-')``) and nbconvert's ``add_anchor`` gives it in
Voila.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHOOSING = NOTEBOOKS / "10_choosing.ipynb"
TASKS = {  # the task types issue 16 asks the guide for
    "regression",
    "robust regression",
    "prediction intervals",
    "binary classification",
    "multi-class classification",
    "multi-label classification",
    "imbalanced classes",
    "similarity learning",
    "segmentation",
    "image restoration",
    "sequence alignment",
    "generative models",
    "probabilistic outputs",
}

HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
FENCE = re.compile(r"```.*?```", re.DOTALL)
MARKDOWN_LINK = re.compile(r"\]\(((?:[^()\s]|\([^()\s]*\))+)\)")  # one level of (...) inside
QUOTED_LINK = re.compile(r"""["']((?:\d\d_\w+\.ipynb)?#[^"'\s]+)["']""")


def heading_text(markdown: str) -> str:
    """What a reader sees of a heading: no code ticks, emphasis or link targets."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return re.sub(r"[`*]", "", text).strip()


def anchor(heading: str) -> str:
    return heading_text(heading).replace(" ", "-")


def anchors(notebook: Path) -> set[str]:
    """The anchors of every heading in a notebook's markdown cells."""
    cells = nbformat.read(notebook, as_version=4).cells
    text = "\n".join(FENCE.sub("", c.source) for c in cells if c.cell_type == "markdown")
    return {anchor(heading) for heading in HEADING.findall(text)}


def broken(link: str, source: Path = CHOOSING) -> str | None:
    """Why a section link is broken, or None if it points to a heading that exists."""
    path, hashmark, fragment = link.partition("#")
    target = source if not path else source.parent / unquote(path)
    if not target.is_file():
        return f"{link}: no such notebook {target.name}"
    if hashmark and unquote(fragment) not in anchors(target):
        return f"{link}: {target.name} has no heading whose anchor is {unquote(fragment)!r}"
    return None


def guide(notebook: Path = CHOOSING) -> list:
    """GUIDE as the notebook builds it: its guide-data cells, run on their own."""
    cells = nbformat.read(notebook, as_version=4).cells
    sources = [c.source for c in cells if c.cell_type == "code" and c.id.startswith("guide-data")]
    assert sources, f"{notebook.name} has no code cell whose id starts with 'guide-data'"
    namespace = {"dataclass": dataclass}
    for source in sources:
        exec(compile(source, str(notebook), "exec"), namespace)
    return namespace["GUIDE"]


def section_links(notebook: Path = CHOOSING) -> list[str]:
    """Every link to a section (a '#' in it) in a notebook: markdown links and quoted strings."""
    found = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            found += [link for link in MARKDOWN_LINK.findall(cell.source) if "#" in link]
        elif cell.cell_type == "code":
            found += QUOTED_LINK.findall(cell.source)
    return [link for link in found if not link.startswith("http")]


def test_the_guide_has_a_row_for_every_task_and_every_row_links():
    rows = guide()
    assert TASKS <= {row.task for row in rows}, f"missing rows: {TASKS - {r.task for r in rows}}"
    for row in rows:
        assert row.links, f"the row {row.task!r} links to nothing"
        for field in ("loss", "output", "keras", "pytorch", "watch"):
            assert getattr(row, field).strip(), f"the row {row.task!r} has an empty {field}"


@pytest.mark.parametrize("row", guide(), ids=lambda row: row.task.replace(" ", "-"))
def test_every_link_of_the_guide_points_to_a_heading(row):
    problems = [broken(target) for _, target in row.links]
    assert not any(problems), "\n".join(p for p in problems if p)


def test_every_section_link_in_the_notebook_points_to_a_heading():
    links = section_links()
    assert len(links) > 20, f"found only {len(links)} section links: is the link finder broken?"
    problems = [problem for link in links if (problem := broken(link))]
    assert not problems, "\n".join(problems)


def test_the_checker_fails_on_a_heading_that_does_not_exist(tmp_path):
    page = nbformat.v4.new_notebook()
    page.cells = [
        nbformat.v4.new_markdown_cell("# 01 · Title\n## 3. Huber loss\n### `from_logits`: who?"),
        nbformat.v4.new_markdown_cell("```\n## Not a heading\n```"),
    ]
    nbformat.write(page, tmp_path / "01_page.ipynb")
    source = tmp_path / "10_here.ipynb"
    assert broken("01_page.ipynb#3.-Huber-loss", source) is None
    assert broken("01_page.ipynb#from_logits:-who?", source) is None
    assert "no heading" in broken("01_page.ipynb#3.-Huber", source)
    assert "no heading" in broken("01_page.ipynb#Not-a-heading", source)
    assert "no such notebook" in broken("02_missing.ipynb#3.-Huber-loss", source)


def test_the_link_finder_sees_markdown_links_and_quoted_links(tmp_path):
    page = nbformat.v4.new_notebook()
    page.cells = [
        nbformat.v4.new_markdown_cell(
            "[a](01_x.ipynb#1.-Mean-(MSE)) [b](#5.1-Here) [c](02_y.ipynb) [d](https://e.org/#f)"
        ),
        nbformat.v4.new_code_cell('ROW = ("label", "03_z.ipynb#5.-Poisson")  # see #comment'),
    ]
    nbformat.write(page, tmp_path / "10_page.ipynb")
    assert section_links(tmp_path / "10_page.ipynb") == [
        "01_x.ipynb#1.-Mean-(MSE)",
        "#5.1-Here",
        "03_z.ipynb#5.-Poisson",
    ]
