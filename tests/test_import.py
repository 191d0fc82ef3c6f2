"""Importing lossviz changes no global state: not matplotlib's settings, not the seeds."""

import subprocess
import sys

PROBE = """
import os, random
import matplotlib as mpl
import numpy as np

before = (dict(mpl.rcParams), mpl.get_backend(), np.random.get_state()[1].tolist(),
          random.getstate(), dict(os.environ), sorted(m for m in __import__("sys").modules))
import lossviz
after = (dict(mpl.rcParams), mpl.get_backend(), np.random.get_state()[1].tolist(),
         random.getstate(), dict(os.environ))
assert before[:5] == after, "importing lossviz changed global state"
heavy = {"tensorflow", "keras"} & set(__import__("sys").modules)
assert not heavy, f"importing lossviz imported {heavy}: TensorFlow loads only when a check runs"
print("clean")
"""


def test_import_changes_no_global_state_and_loads_no_tensorflow():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True)
    assert result.stdout.strip() == "clean", result.stderr
