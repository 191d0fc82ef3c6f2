"""The browser tests, repeated while this machine is made busy on purpose: CPU, memory and disk.

A lecturer's server is rarely idle. This script starts, for the whole run and never longer than
``--seconds``, one busy-looping process per core, one that holds and keeps touching a quarter
of the memory, and one that writes, syncs and reads back a file in a temporary folder; it stops
them itself when the runs end (or fail). Meanwhile it runs the browser tests ``--runs`` times:
every notebook in JupyterLab and in Voila's lecture view, every widget displayed, every
explorer's slider moved and its figure redrawn.

Prints one figure a line, ``name value unit``: ``load_runs``, ``load_failed_runs``,
``load_failed_tests`` and ``load_run_seconds`` (the median run).

Usage: python benchmarks/under_load.py [--runs 5] [--seconds 3600]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 8 << 20  # bytes written or read at a time


def spin(until: float) -> None:
    """Keep one core busy."""
    while time.time() < until:
        pass


def hold_memory(until: float, megabytes: int) -> None:
    """Hold `megabytes` of memory and touch every page of it, again and again."""
    blocks = [bytearray(64 << 20) for _ in range(megabytes // 64)]
    while time.time() < until:
        for block in blocks:
            block[::4096] = bytes(len(range(0, len(block), 4096)))
        time.sleep(0.1)


def churn_disk(until: float, folder: str) -> None:
    """Write 256 MB, sync it to disk, read it back; again, until `until`."""
    path, data = os.path.join(folder, "load.bin"), os.urandom(CHUNK)
    while time.time() < until:
        with open(path, "wb") as out:
            for _ in range(32):
                out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with open(path, "rb") as back:
            while back.read(CHUNK):
                pass


def total_memory_mb() -> int:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20


@contextmanager
def busy(seconds: float):
    """CPU, memory and disk kept busy for at most `seconds`, and stopped on leaving."""
    until = time.time() + seconds
    with tempfile.TemporaryDirectory() as folder:
        workers = [mp.Process(target=spin, args=(until,)) for _ in range(os.cpu_count() or 1)]
        workers.append(mp.Process(target=hold_memory, args=(until, total_memory_mb() // 4)))
        workers.append(mp.Process(target=churn_disk, args=(until, folder)))
        for worker in workers:
            worker.daemon = True
            worker.start()
        try:
            yield
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.join()


def browser_tests() -> tuple[int, float]:
    """Run the browser tests once; the number that failed, and the seconds taken."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "tests/browser"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CI": "true"},
    )
    seconds = time.perf_counter() - start
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    failed = sum(int(n) for n in re.findall(r"(\d+) (?:failed|error)", summary))
    if result.returncode and not failed:
        raise SystemExit(f"the browser tests did not run:\n{result.stdout}\n{result.stderr}")
    for line in result.stdout.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            print(f"# {line[:300]}", flush=True)
    return failed, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3600, help="the load's time limit")
    args = parser.parse_args()
    failures, times = [], []
    with busy(args.seconds):
        for _ in range(args.runs):
            failed, seconds = browser_tests()
            failures.append(failed)
            times.append(seconds)
    print(f"load_runs {args.runs} runs", flush=True)
    print(f"load_failed_runs {sum(1 for f in failures if f)} runs", flush=True)
    print(f"load_failed_tests {sum(failures)} tests", flush=True)
    print(f"load_run_seconds {statistics.median(times):.0f} s", flush=True)


if __name__ == "__main__":
    main()
