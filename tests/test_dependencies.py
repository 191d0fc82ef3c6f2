"""pyproject.toml is the one source of versions; environment.yml, binder/, the Makefile and the
README must agree with it, and every package lossviz imports is declared there, with a reason."""

import ast
import importlib.metadata
import re
import sys
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _requirements(lines):
    """(name, specifier) of each requirement line; comments and blanks skipped."""
    out = []
    for line in lines:
        line = line.split("#")[0].strip()
        if line:
            name = re.match(r"[A-Za-z0-9_.\-\[\],]+", line.removeprefix("--editable ").strip())
            out.append((name.group(0), line))
    return out


def _conda():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    return conda, pip


def _python_pins():
    conda, _ = _conda()
    conda_python = next(d for d in conda if d.startswith("python="))
    binder_python = (ROOT / "binder" / "runtime.txt").read_text().strip()
    return conda_python.removeprefix("python="), binder_python.removeprefix("python-")


def _minor_range():
    """The lowest and highest Python minor versions requires-python allows: (10, 13)."""
    low = re.search(r">=3\.(\d+)", PROJECT["requires-python"]).group(1)
    high = re.search(r"<3\.(\d+)", PROJECT["requires-python"]).group(1)
    return int(low), int(high) - 1


def _allowed_minors():
    low, high = _minor_range()
    return {f"3.{m}" for m in range(low, high + 1)}


def test_conda_and_binder_pin_the_same_python_within_requires_python():
    conda, binder = _python_pins()
    assert conda == binder, f"environment.yml pins Python {conda}, binder/runtime.txt {binder}"
    assert conda in _allowed_minors(), f"Python {conda} is outside {PROJECT['requires-python']}"


def test_conda_and_binder_install_this_project_and_pin_no_versions_of_their_own():
    conda, pip = _conda()
    binder = (ROOT / "binder" / "requirements.txt").read_text().splitlines()
    python = next(d for d in conda if d.startswith("python="))
    assert sorted(conda) == sorted([python, "pip"]), (
        f"environment.yml's conda dependencies must be only Python and pip (every other version "
        f"lives in pyproject.toml), got {conda}"
    )
    for source, lines, expected in (
        ("environment.yml", pip, "--editable .[lab,test]"),
        ("binder/requirements.txt", binder, ".[lab]"),
    ):
        requirements = [line for _, line in _requirements(lines)]
        assert requirements == [expected], (
            f"{source} must install only the project, as {expected!r}: every version lives in "
            f"pyproject.toml, got {requirements}"
        )


def test_the_makefile_and_the_readme_state_the_python_range_of_requires_python():
    low, high = _minor_range()
    makefile = (ROOT / "Makefile").read_text()
    assert f"(3, {low}) <= v <= (3, {high})" in makefile, (
        f"the Makefile's Python check must allow 3.{low} to 3.{high}, as requires-python does"
    )
    for name, text in (("Makefile", makefile), ("README.md", (ROOT / "README.md").read_text())):
        stated = set(re.findall(r"Python (3\.\d+) to (3\.\d+)", text))
        assert stated == {(f"3.{low}", f"3.{high}")}, (
            f"{name} must say 'Python 3.{low} to 3.{high}' (requires-python "
            f"{PROJECT['requires-python']}), got {sorted(stated)}"
        )


def test_the_extras_they_install_exist():
    assert {"lab", "test"} <= set(PROJECT["optional-dependencies"])


WHY = re.compile(r"#\s*\S+(\s+\S+){2,}")  # a comment of three words or more


def _why_comments(text: str) -> list[tuple[str, bool]]:
    """Each requirement line of pyproject's dependency lists, and whether a comment of a few
    words says why it is there: after it on its line, or on the comment lines just above."""
    section = text[text.index("dependencies = [") : text.index("[tool.")]
    lines = [line.strip() for line in section.splitlines()]
    found = []
    for i, line in enumerate(lines):
        if line.startswith('"'):
            after = line[line.index('"', 1) + 1 :]
            above = lines[i - 1] if i and lines[i - 1].startswith("#") else ""
            found.append((line, bool(WHY.search(after) or WHY.search(above))))
    return found


def test_every_dependency_says_why_it_is_there():
    text = (ROOT / "pyproject.toml").read_text()
    found = _why_comments(text)
    assert len(found) >= 10
    missing = [line for line, why in found if not why]
    assert not missing, f"no comment saying why: {missing}"


def test_a_bare_hash_or_one_inside_the_requirement_is_no_reason():
    text = """dependencies = [
    "numpy>=1.26,<3",          #
    "a @ https://example.org/a.whl#sha256=0",
    "b>=1",  # why
    # the reason for c, on the line above
    "c>=1",
    "d>=1",  # the test runner
]
[tool.x]"""
    assert [why for _, why in _why_comments(text)] == [False, False, False, True, True]


def _imports(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Top-level module names imported when the module is imported, and those imported later
    (inside a function)."""
    at_import, later = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = {node.module.split(".")[0]}
        else:
            continue
        (at_import if node in tree.body else later).update(names)
    return at_import, later


def _declared(requirements) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def test_every_package_lossviz_imports_is_declared():
    """Not left to arrive with another package (IPython with ipywidgets, cycler with
    matplotlib): what lossviz imports when imported is a dependency; what a function imports
    later (Keras, TensorFlow) is a dependency or in an extra."""
    distributions = importlib.metadata.packages_distributions()
    core = _declared(PROJECT["dependencies"])
    extras = core.union(*(_declared(r) for r in PROJECT["optional-dependencies"].values()))
    undeclared = []
    for path in sorted((ROOT / "lossviz").glob("*.py")):
        at_import, later = _imports(ast.parse(path.read_text(encoding="utf-8")))
        for names, allowed, where in ((at_import, core, "dependencies"), (later, extras, "extras")):
            for module in sorted(names - set(sys.stdlib_module_names) - {"lossviz"}):
                dists = {canonicalize_name(d) for d in distributions.get(module, [module])}
                if not dists & allowed:
                    undeclared.append(f"{path.name} imports {module}, not in {where}")
    assert not undeclared, "\n".join(undeclared)


def test_the_import_scan_tells_import_time_from_later():
    tree = ast.parse(
        "import numpy as np\nfrom IPython.display import display\n"
        "def f():\n    import keras\n    from tensorflow import math\n"
    )
    assert _imports(tree) == ({"numpy", "IPython"}, {"keras", "tensorflow"})


def test_tensorflow_cpu_where_its_wheels_exist_full_tensorflow_elsewhere():
    from packaging.markers import Marker
    from packaging.requirements import Requirement

    lab = [Requirement(r) for r in PROJECT["optional-dependencies"]["lab"]]
    platforms = {
        "linux-x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
        "linux-aarch64": {"sys_platform": "linux", "platform_machine": "aarch64"},
        "windows": {"sys_platform": "win32", "platform_machine": "AMD64"},
        "macos-arm64": {"sys_platform": "darwin", "platform_machine": "arm64"},
    }
    expected = {
        "linux-x86_64": "tensorflow-cpu",
        "windows": "tensorflow-cpu",
        "linux-aarch64": "tensorflow",
        "macos-arm64": "tensorflow",
    }
    for platform, environment in platforms.items():
        chosen = [
            r.name
            for r in lab
            if r.name.startswith("tensorflow") and Marker(str(r.marker)).evaluate(environment)
        ]
        assert chosen == [expected[platform]], f"{platform}: {chosen}"
