"""Mutation testing of lossviz (``make mutate``): mutmut plants bugs, the tests must catch them.

mutmut runs in a copy of the project under ``build/mutation/``, so that the working tree, which
others edit at the same time, is never touched; its results stay there, and the next run
retests only what changed. Its settings are ``[tool.mutmut]`` in pyproject.toml: the fast unit
tests and doctests, not the notebooks or the browser. Prints the score of the whole package and
of each module, the share of mutants that a test caught (failed on, or timed out on); survivors
and mutants that no test reaches count against it::

    mutation_score_percent 88.4
    mutation_score_percent[checks] 96.2

then the time the run took. ``python tests/mutation_score.py checks validate`` (``make mutate
MODULES=checks,validate``) tests only those modules. Mutants not checked (a run stopped with
Ctrl-C still reports) are left out of the score and counted on a line of their own. To see the
survivors: ``cd build/mutation && ../../.venv/bin/mutmut results``, and ``mutmut show NAME``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ROOT / "build" / "mutation"
CAUGHT = {"killed", "timeout", "caught by type check"}


def refresh_copy() -> None:
    """Copy the package, the tests, the notebooks (some tests read them) and the settings;
    keep mutmut's earlier verdicts."""
    COPY.mkdir(parents=True, exist_ok=True)
    for name in ("lossviz", "tests", "notebooks"):
        shutil.rmtree(COPY / name, ignore_errors=True)
        shutil.copytree(
            ROOT / name, COPY / name, ignore=shutil.ignore_patterns("__pycache__", "browser")
        )
    for name in ("pyproject.toml", "conftest.py"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, COPY / name)
    # mutmut's map from functions to the tests that reach them goes stale when functions change
    # (it kept 11 of the tests reaching checks._is_sparse, and two of its mutants "survived" a
    # test that kills them): rebuild it on every run, from the tests as they are now.
    (COPY / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)


def statuses(results: str) -> dict[str, Counter]:
    """Module name -> count of mutants by status, from ``mutmut results --all true``.

    >>> statuses("    lossviz.checks.x__compare__mutmut_1: killed\\n"
    ...          "    lossviz.checks.x__compare__mutmut_2: survived\\n")
    {'checks': Counter({'killed': 1, 'survived': 1})}
    >>> statuses("    lossviz.data.x_f__mutmut_1: not checked\\n")
    {}
    """
    found: dict[str, Counter] = {}
    for line in results.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name.startswith("lossviz.") and status != "not checked":
            found.setdefault(name.split(".")[1], Counter())[status] += 1
    return found


def unchecked(results: str, modules: list[str]) -> int:
    """How many mutants of `modules` (of every module, if none is named) were not checked yet.

    >>> unchecked("    lossviz.data.x_f__mutmut_1: not checked\\n"
    ...           "    lossviz.checks.x_g__mutmut_1: not checked\\n", ["checks"])
    1
    """
    names = [line.strip().rpartition(": ") for line in results.splitlines()]
    return sum(
        status == "not checked"
        and name.startswith("lossviz.")
        and (not modules or name.split(".")[1] in modules)
        for name, _, status in names
    )


def score(counts: Counter) -> float:
    """Percent of mutants caught.

    >>> score(Counter({"killed": 9, "timeout": 1, "survived": 2, "no tests": 1}))
    76.9
    """
    return round(100 * sum(counts[s] for s in CAUGHT) / max(sum(counts.values()), 1), 1)


def report(found: dict[str, Counter], modules: list[str]) -> list[str]:
    """The lines printed: the whole package (or the modules asked for), each module, the counts.

    >>> found = {"checks": Counter(killed=3, survived=1), "data": Counter(killed=1)}
    >>> report(found, ["checks"])[:2]
    ['mutation_score_percent 75.0', 'mutation_score_percent[checks] 75.0']
    >>> report(found, [])[0]
    'mutation_score_percent 80.0'
    """
    found = {module: found[module] for module in modules or found if module in found}
    total = sum(found.values(), Counter())
    lines = [f"mutation_score_percent {score(total)}"]
    lines += [
        f"mutation_score_percent[{module}] {score(found[module])}" for module in sorted(found)
    ]
    lines += [f"mutants[{status}] {n}" for status, n in sorted(total.items())]
    return lines


def main(modules: list[str]) -> int:
    start = time.monotonic()
    refresh_copy()
    mutmut = str(Path(sys.executable).parent / "mutmut")
    environment = {**os.environ, "LOSSVIZ_MUTATION": "1"}  # fewer Hypothesis examples
    names = [f"lossviz.{module}.*" for module in modules]
    try:
        run = [mutmut, "run", "--max-children", "2", *names]
        complete = subprocess.run(run, cwd=COPY, env=environment).returncode == 0
    except KeyboardInterrupt:  # stopped by hand: report what the run reached
        complete = False
    results = subprocess.run(
        [mutmut, "results", "--all", "true"], cwd=COPY, check=True, capture_output=True, text=True
    ).stdout
    print("\n".join(report(statuses(results), modules)))
    left = unchecked(results, modules)
    if left:
        print(f"mutants[not checked] {left}")
    print(f"mutation_seconds {time.monotonic() - start:.0f}")
    if not complete or left:
        print(
            f"A partial run: {left} mutants were not checked, and the scores above count only "
            "those that were.",
            file=sys.stderr,
        )
    return 0 if complete else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
