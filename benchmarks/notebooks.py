"""Time each notebook top to bottom in a fresh kernel, and read the kernel's peak memory.

Prints one figure a line, ``name value unit``:
``notebook_seconds[01_regression] 9.8 s`` and ``kernel_peak_mb[01_regression] 512 MB``.

Usage: python benchmarks/notebooks.py [notebooks/01_regression.ipynb ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

# Run last in the same kernel: the peak resident memory of the kernel process, in MB
# (ru_maxrss is in KiB on Linux and in bytes on macOS).
PEAK_CELL = """\
import resource, sys
_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(_peak / (2**20 if sys.platform == "darwin" else 2**10))
"""


def measure(path: Path) -> tuple[float, float]:
    """Seconds to run the notebook in a fresh kernel (start included), and peak kernel MB."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_CELL))
    client = NotebookClient(nb, timeout=600, resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - start
    peak_mb = float(nb.cells[-1].outputs[0]["text"])
    return seconds, peak_mb


def main(paths: list[str]) -> None:
    notebooks = [Path(p) for p in paths] or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    for path in notebooks:
        seconds, peak_mb = measure(path)
        print(f"notebook_seconds[{path.stem}] {seconds:.1f} s", flush=True)
        print(f"kernel_peak_mb[{path.stem}] {peak_mb:.0f} MB", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
