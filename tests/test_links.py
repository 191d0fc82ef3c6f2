"""Links that stay true: badges, the index, the README's map, and every relative link.

Every ``notebooks/NN_*.ipynb`` opens with its two Binder badges (JupyterLab and the lecture
view, each pointing at the notebook itself), is linked from the index notebook and from the
README's map; every relative link in the README and in the notebooks' markdown points to a
file that exists, and every Binder link to a notebook that exists.
"""

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
INDEX = ROOT / "notebooks" / "00_index.ipynb"
README = ROOT / "README.md"
BINDER = "https://mybinder.org/v2/gh/lossviz/loss-functions/HEAD"
BADGES = (
    "[![Open in Binder](https://mybinder.org/badge_logo.svg)]"
    f"({BINDER}?urlpath=lab/tree/notebooks/{{name}})",
    "[![Lecture view](https://img.shields.io/badge/lecture_view-Voil%C3%A0-F37626)]"
    f"({BINDER}?urlpath=voila/render/notebooks/{{name}})",
)

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)  # code is not a link
TARGETS = [
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](target) and ![alt](target)
    re.compile(r"^\s*\[[^\]]+\]:\s*<?([^\s>]+)", re.MULTILINE),  # [label]: target
    re.compile(r"""(?:href|src)\s*=\s*["']([^"']+)"""),  # HTML
]


def markdown(path: Path) -> str:
    """The markdown of a README, or of a notebook's markdown cells, without code."""
    if path.suffix == ".ipynb":
        cells = nbformat.read(path, as_version=4).cells
        text = "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    return CODE.sub("", text)


def links(text: str) -> list[str]:
    return [match for pattern in TARGETS for match in pattern.findall(text)]


def local_target(source: Path, link: str) -> Path | None:
    """The file a relative link points to, or None for a web address or an in-page anchor."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (source.parent / unquote(parts.path)).resolve()


def binder_notebook(link: str) -> str | None:
    """The repository file a Binder link opens (``notebooks/01_regression.ipynb``), or None
    when the link is not of the collection's form ``BINDER?urlpath=lab/tree/<file>`` (or
    ``voila/render/<file>``)."""
    if not link.startswith(f"{BINDER}?"):
        return None
    urlpath = parse_qs(urlsplit(link).query).get("urlpath", [""])[0]
    match = re.fullmatch(r"(?:lab/tree|voila/render)/(.+)", urlpath)
    return match and match.group(1)


def links_to(source: Path, text: str) -> set[Path]:
    targets = {local_target(source, link) for link in links(text)}
    return targets - {None}


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ holds no NN_name.ipynb notebook"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_opens_with_its_two_badges(notebook: Path):
    first = nbformat.read(notebook, as_version=4).cells[0]
    assert first.cell_type == "markdown", f"{notebook.name} should open with a markdown cell"
    for badge in BADGES:
        expected = badge.format(name=notebook.name)
        assert expected in first.source, f"{notebook.name}'s first cell lacks the badge {expected}"


def test_the_index_notebook_exists():
    assert INDEX in NOTEBOOKS, "notebooks/00_index.ipynb, the index notebook, is missing"


@pytest.mark.parametrize(
    "notebook", [nb for nb in NOTEBOOKS if nb != INDEX], ids=lambda path: path.stem
)
def test_notebook_is_in_the_index(notebook: Path):
    assert notebook.resolve() in links_to(INDEX, markdown(INDEX)), (
        f"the index notebook does not link to {notebook.name}"
    )


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_in_the_readme_map(notebook: Path):
    text = markdown(README)
    found = re.search(r"^## The notebooks$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, "README.md has no '## The notebooks' section, the map of the collection"
    assert notebook.resolve() in links_to(README, found.group(1)), (
        f"README.md's map does not link to notebooks/{notebook.name}"
    )


@pytest.mark.parametrize("source", [README, *NOTEBOOKS], ids=lambda path: path.name)
def test_every_link_points_to_a_file_that_exists(source: Path):
    broken = []
    for link in links(markdown(source)):
        target = local_target(source, link)
        if target is not None and not target.exists():
            broken.append(f"{link} (no such file: {os.path.relpath(target, ROOT)})")
        if link.startswith("https://mybinder.org/v2/"):  # a Binder launch link
            notebook = binder_notebook(link)
            if notebook is None:
                broken.append(
                    f"{link} (expected {BINDER}?urlpath=lab/tree/<file> or voila/render/<file>)"
                )
            elif not (ROOT / notebook).is_file():
                broken.append(f"{link} (Binder would open {notebook}, which does not exist)")
    assert not broken, f"{source.name} has broken links:\n" + "\n".join(broken)


def test_the_link_finder_finds_what_a_reader_clicks():
    text = (
        "[![Open in Binder](https://mybinder.org/badge_logo.svg)](https://mybinder.org/x) "
        'see [01](01_regression.ipynb#huber), ![plot](img/a.png) and <a href="b.html">b</a>\n'
        "[ref]: docs/c.md\n`[not](a_link.md)`\n```\n[nor](this.md)\n```\n"
    )
    assert sorted(links(CODE.sub("", text))) == sorted(
        [
            "https://mybinder.org/badge_logo.svg",
            "https://mybinder.org/x",
            "01_regression.ipynb#huber",
            "img/a.png",
            "docs/c.md",
            "b.html",
        ]
    )
    assert local_target(README, "notebooks/01_regression.ipynb#huber") == (
        ROOT / "notebooks" / "01_regression.ipynb"
    )
    assert local_target(README, "#quick-start") is None
    assert binder_notebook(f"{BINDER}?urlpath=voila/render/notebooks/x.ipynb") == (
        "notebooks/x.ipynb"
    )
    assert binder_notebook(f"{BINDER}?urlpath=lab") is None
    assert binder_notebook("https://mybinder.org/v2/gh/someone/else/HEAD") is None
