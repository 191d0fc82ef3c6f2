"""A notebook whose extra is missing is skipped with how to install it, and fails under CI=true."""

import re
import subprocess
import sys
from pathlib import Path

import optional_notebooks
import pytest

ROOT = Path(__file__).resolve().parent.parent
ABSENT = {"08_pytorch": ("lossviz_no_such_module", "it with pip install lossviz-no-such-module")}

PYTEST_ARGS = [
    "-p",
    "no:cacheprovider",
    "-p",
    "hide_requirement",
    "-q",
    "notebooks/08_pytorch.ipynb",
]
# A plugin for the pytest runs below: the PyTorch notebook needs a module that is never there.
HIDE_PLUGIN = """
def pytest_configure(config):
    import optional_notebooks
    optional_notebooks.REQUIRES.update({absent!r})
"""


def test_a_notebook_without_requirements_can_run():
    notebook = ROOT / "notebooks" / "01_regression.ipynb"
    assert optional_notebooks.missing_requirement(notebook) is None


def test_an_installed_requirement_is_not_missing():
    requires = {"08_pytorch": ("json", "nothing")}
    assert optional_notebooks.missing_requirement("notebooks/08_pytorch.ipynb", requires) is None


def test_the_reason_names_the_notebook_the_module_and_how_to_install_it():
    reason = optional_notebooks.missing_requirement("notebooks/08_pytorch.ipynb", ABSENT)
    assert reason == (
        "08_pytorch.ipynb needs lossviz_no_such_module, which is not installed. "
        "Install it with pip install lossviz-no-such-module"
    )


def test_the_pytorch_reason_gives_the_cpu_build():
    _, install = optional_notebooks.REQUIRES["08_pytorch"]
    assert "--index-url https://download.pytorch.org/whl/cpu" in install
    assert "pip install -e '.[torch]'" in install


def test_require_skips_locally_and_fails_in_ci(monkeypatch):
    monkeypatch.setattr(optional_notebooks, "REQUIRES", ABSENT)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="needs lossviz_no_such_module"):
        optional_notebooks.require("notebooks/08_pytorch.ipynb")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true needs every notebook to run, but 08"):
        optional_notebooks.require("notebooks/08_pytorch.ipynb")
    optional_notebooks.require("notebooks/01_regression.ipynb")  # nothing to require: returns


def run_pytest_on_the_notebook(tmp_path, ci: str) -> subprocess.CompletedProcess:
    (tmp_path / "hide_requirement.py").write_text(HIDE_PLUGIN.format(absent=ABSENT))
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(tmp_path), "CI": ci, "HOME": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", *PYTEST_ARGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(not (ROOT / "notebooks" / "08_pytorch.ipynb").exists(), reason="no notebook 08")
def test_pytest_reports_the_notebook_skipped_with_its_reason(tmp_path):
    result = run_pytest_on_the_notebook(tmp_path, ci="false")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]  # "1 passed, 47 skipped": the records are checked
    assert re.match(r"1 passed, \d+ skipped in ", summary), result.stdout
    assert "08_pytorch.ipynb needs lossviz_no_such_module, which is not installed" in result.stdout


@pytest.mark.skipif(not (ROOT / "notebooks" / "08_pytorch.ipynb").exists(), reason="no notebook 08")
def test_pytest_fails_the_notebook_under_ci(tmp_path):
    result = run_pytest_on_the_notebook(tmp_path, ci="true")
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]  # every cell fails in its setup: an error, no skip
    assert re.match(r"1 passed, \d+ errors in ", summary), result.stdout
    assert "CI=true needs every notebook to run, but 08_pytorch.ipynb" in result.stdout
