"""pyproject.toml is the one source of versions; environment.yml and binder/ must agree with it."""

import re
import sys
from pathlib import Path

import yaml

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


def _allowed_minors():
    low = re.search(r">=3\.(\d+)", PROJECT["requires-python"]).group(1)
    high = re.search(r"<3\.(\d+)", PROJECT["requires-python"]).group(1)
    return {f"3.{m}" for m in range(int(low), int(high))}


def test_conda_and_binder_pin_the_same_python_within_requires_python():
    conda, binder = _python_pins()
    assert conda == binder, f"environment.yml pins Python {conda}, binder/runtime.txt {binder}"
    assert conda in _allowed_minors(), f"Python {conda} is outside {PROJECT['requires-python']}"


def test_conda_and_binder_install_this_project_and_pin_no_versions_of_their_own():
    _, pip = _conda()
    binder = (ROOT / "binder" / "requirements.txt").read_text().splitlines()
    for source, lines, extras in (
        ("environment.yml", pip, "[lab,test]"),
        ("binder", binder, "[lab]"),
    ):
        requirements = _requirements(lines)
        assert requirements == [(f".{extras}", requirements[0][1])], (
            f"{source} must install only the project with {extras}: every version lives in "
            f"pyproject.toml, got {requirements}"
        )


def test_the_extras_they_install_exist():
    assert {"lab", "test"} <= set(PROJECT["optional-dependencies"])


def test_every_dependency_says_why_it_is_there():
    text = (ROOT / "pyproject.toml").read_text()
    section = text[text.index("dependencies = [") : text.index("[tool.")]
    lines = [line.strip() for line in section.splitlines()]
    for before, line in zip(lines, lines[1:], strict=False):
        if line.startswith('"'):
            assert "#" in line or before.startswith("#"), f"no comment saying why: {line}"


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
