"""The recorded outputs really are compared, and no checked cell escapes without a sound.

Each escape the issue found is planted in a probe notebook against a deliberately wrong record:
a mistyped marker, extra words after it, a deleted marker (its record orphaned), a marked cell
edited so that it prints nothing, and the marker given as cell metadata.
"""

import json
from pathlib import Path

import nbformat
import pytest
from nbval_reference import (
    cell_problem,
    is_checked,
    near_misses,
    orphaned_records,
    record_problems,
    recorded_outputs,
)

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent  # where the plugin lives
ROOT = TESTS.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CHECK = "# NBVAL_CHECK_OUTPUT\n"


def printed(text):
    return [{"name": "stdout", "output_type": "stream", "text": text}]


def code(source, *, tags=None, cell_id):
    cell = nbformat.v4.new_code_cell(source)
    cell.id = cell_id
    if tags:
        cell.metadata["tags"] = tags
    return cell


def probe(pytester, cells, recorded):
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, pytester.path / "probe.ipynb")
    (pytester.path / "recorded").mkdir()
    (pytester.path / "recorded" / "probe.json").write_text(json.dumps(recorded))
    pytester.makeini(f"[pytest]\nnbval_outputs = recorded\npythonpath = {TESTS}\n")
    return pytester.runpytest_subprocess(
        "-p", "nbval_reference", "--nbval-lax", "--nbval-current-env", "-v", "-rf", "probe.ipynb"
    )


def test_only_an_up_to_date_matching_record_passes_and_every_escape_fails(pytester):
    cells = [
        code(CHECK + "print(42)", cell_id="matches"),
        code(CHECK + "print(43)", cell_id="other-number"),
        code(CHECK + "print(44)", cell_id="no-record"),
        code(CHECK + "print(45)", cell_id="older-source"),
        code("# NBVAL_CHECK_OUTPUTS\nprint(46)", cell_id="typo"),
        code("# NBVAL_CHECK_OUTPUT please\nprint(47)", cell_id="extra-words"),
        code("print(48)", cell_id="marker-deleted"),
        code(CHECK + "x = 49", cell_id="no-longer-prints"),
        code("print(50)", tags=["nbval-check-output"], cell_id="tag-right"),
        code("print(51)", tags=["nbval-check-output"], cell_id="tag-wrong"),
        code("print(x)", cell_id="uses-a-failed-cell"),  # the cells before still ran
    ]
    wrong = printed("0\n")
    recorded = {
        "matches": {"source": cells[0].source, "outputs": printed("42\n")},
        "other-number": {"source": cells[1].source, "outputs": printed("41\n")},
        "older-source": {"source": CHECK + "print(40 + 5)", "outputs": printed("45\n")},
        "typo": {"source": cells[4].source, "outputs": wrong},
        "extra-words": {"source": cells[5].source, "outputs": wrong},
        "marker-deleted": {"source": CHECK + "print(48)", "outputs": wrong},
        "no-longer-prints": {"source": CHECK + "print(49)", "outputs": printed("49\n")},
        "tag-right": {"source": cells[8].source, "outputs": printed("50\n")},
        "tag-wrong": {"source": cells[9].source, "outputs": wrong},
    }
    result = probe(pytester, cells, recorded)
    result.stdout.fnmatch_lines(
        [
            "*Cell 0 PASSED*",
            "*Cell 1 FAILED*",
            "*Cell 2 FAILED*",
            "*Cell 3 FAILED*",
            "*Cell 4 FAILED*",
            "*Cell 5 FAILED*",
            "*Cell 6 PASSED*",
            "*Cell 7 FAILED*",
            "*Cell 8 PASSED*",
            "*Cell 9 FAILED*",
            "*Cell 10 PASSED*",
            "*recorded outputs of probe*ipynb FAILED*",
        ]
    )
    result.stdout.fnmatch_lines(
        [
            "*cell 'no-record' is checked but has no recorded outputs; re-record with "
            "`.venv/bin/python tests/record_outputs.py notebooks/probe.ipynb`*",
            "*cell 'older-source' changed since its outputs were recorded; re-record*",
            "*cell 'typo': '# NBVAL_CHECK_OUTPUTS' is not a marker nbval honours*",
            "*cell 'extra-words': '# NBVAL_CHECK_OUTPUT please' is not a marker nbval honours*",
            "*cell 'no-longer-prints' changed since*",
            "*records of cells 'extra-words', 'marker-deleted', 'typo' belong to no checked cell*",
        ]
    )
    result.assert_outcomes(passed=4, failed=8)


def test_a_notebook_without_problems_passes_its_recorded_outputs_item(pytester):
    cells = [code(CHECK + "print(1)", cell_id="one"), code("y = 2", cell_id="two")]
    result = probe(pytester, cells, {"one": {"source": cells[0].source, "outputs": printed("1\n")}})
    result.assert_outcomes(passed=3)


@pytest.mark.parametrize(
    ("source", "tags", "checked"),
    [
        ("# NBVAL_CHECK_OUTPUT\nprint(1)", None, True),
        ("x = 1\n  #   NBVAL_CHECK_OUTPUT  \nprint(x)", None, True),  # nbval strips the line
        ("# NBVAL_CHECK_OUTPUTS\nprint(1)", None, False),
        ("# NBVAL_CHECK_OUTPUT please", None, False),
        ("print('# NBVAL_CHECK_OUTPUT')", None, False),
        ("print(1)", ["nbval-check-output"], True),
        ("print(1)", ["nbval_check_output"], False),
        ("# NBVAL_CHECK_OUTPUT\n# NBVAL_IGNORE_OUTPUT", None, False),  # the latest wins
    ],
)
def test_is_checked_is_nbvals_own_reading(source, tags, checked):
    assert is_checked(code(source, tags=tags, cell_id="c")) is checked
    assert is_checked(nbformat.v4.new_markdown_cell("# NBVAL_CHECK_OUTPUT")) is False


def test_near_misses_and_problems_are_named():
    typo = code("# nbval_check_output\nprint(1)", tags=["nbval_skip"], cell_id="typo")
    assert near_misses(typo) == ["# nbval_check_output", "tag 'nbval_skip'"]
    assert near_misses(code("# NBVAL_SKIP\n# nbval runs this cell", cell_id="ok")) == []
    checked = code(CHECK + "print(1)", cell_id="checked")
    record = {
        "checked": {"source": checked.source, "outputs": []},
        "gone": {"source": "", "outputs": []},
    }
    assert cell_problem(checked, record) is None
    assert cell_problem(code("print(2)", cell_id="plain"), {}) is None
    assert orphaned_records([checked, typo], record) == ["gone"]
    assert record_problems(Path("nb.ipynb"), [checked, typo], record) == [
        "cell 'typo': '# nbval_check_output', \"tag 'nbval_skip'\" is not a marker nbval "
        "honours; write exactly '# NBVAL_CHECK_OUTPUT' on a line of its own",
        "the record of cell 'gone' belongs to no checked cell (its marker was removed or "
        "mistyped, or the cell deleted)",
    ]


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_every_checked_cell_has_an_up_to_date_record_and_every_record_a_cell(notebook):
    """Without running anything: what the notebook run would report, a minute earlier."""
    cells = nbformat.read(notebook, as_version=4).cells
    problems = record_problems(
        notebook, cells, recorded_outputs(TESTS / "notebook_outputs", notebook)
    )
    assert not problems, (
        f"{notebook.name}:\n" + "\n".join(problems) + "\nRe-record with `.venv/bin/python "
        f"tests/record_outputs.py notebooks/{notebook.name}` and review the diff."
    )


def test_every_record_file_belongs_to_a_notebook():
    stems = {path.stem for path in NOTEBOOKS}
    records = (TESTS / "notebook_outputs").glob("*.json")
    stray = sorted(p.name for p in records if p.stem not in stems)
    assert not stray, f"tests/notebook_outputs/ holds records of no notebook: {stray}"


def test_record_outputs_records_exactly_the_cells_nbval_checks(tmp_path):
    from record_outputs import record

    cells = [
        code(CHECK + "print(1)", cell_id="marked"),
        code("print(2)", tags=["nbval-check-output"], cell_id="tagged"),
        code("print(3)", cell_id="plain"),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, tmp_path / "probe.ipynb")
    assert record(tmp_path / "probe.ipynb", tmp_path / "out") == 2
    written = json.loads((tmp_path / "out" / "probe.json").read_text())
    assert sorted(written) == ["marked", "tagged"]
    assert written["marked"]["outputs"][0]["text"] == "1\n"
    nb.cells.append(code("# NBVAL_CHECK_OUTPUTS\nprint(4)", cell_id="typo"))
    nbformat.write(nb, tmp_path / "probe.ipynb")
    with pytest.raises(SystemExit, match="not markers nbval honours.*cell 'typo'"):
        record(tmp_path / "probe.ipynb", tmp_path / "out")
