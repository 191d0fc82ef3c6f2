"""The recorded outputs really are compared: a changed number fails the notebook's test."""

import json
from pathlib import Path

import nbformat

pytest_plugins = ["pytester"]

TESTS = Path(__file__).resolve().parent  # where the plugin lives


def test_only_an_up_to_date_matching_record_passes(pytester):
    sources = [f"# NBVAL_CHECK_OUTPUT\nprint({n})" for n in (42, 43, 44, 45)]
    cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, pytester.path / "probe.ipynb")

    def record(source, printed):
        return {
            "source": source,
            "outputs": [{"name": "stdout", "output_type": "stream", "text": printed}],
        }

    recorded = {
        cells[0].id: record(sources[0], "42\n"),  # matches: passes
        cells[1].id: record(sources[1], "41\n"),  # another number: fails
        # cells[2] has no record: fails
        cells[3].id: record("# NBVAL_CHECK_OUTPUT\nprint(40 + 5)", "45\n"),  # older source: fails
    }
    (pytester.path / "recorded").mkdir()
    (pytester.path / "recorded" / "probe.json").write_text(json.dumps(recorded))
    pytester.makeini(f"[pytest]\nnbval_outputs = recorded\npythonpath = {TESTS}\n")

    result = pytester.runpytest_subprocess(
        "-p", "nbval_reference", "--nbval-lax", "--nbval-current-env", "-v", "probe.ipynb"
    )
    result.assert_outcomes(passed=1, failed=3)
    result.stdout.fnmatch_lines(["*Cell 0 PASSED*"])
