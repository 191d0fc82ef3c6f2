"""`make bench`: every measured figure of the collection, one a line as ``name value unit``.

Budgets (see README): explorer_update_ms within 20 ms and at most half of rebuild_update_ms;
each notebook within 20 s and 800 MB of kernel memory; browser_update_ms_p50 within 100 ms.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Each script runs in its own process: the explorer benchmark selects ipympl's backend, the
# notebook benchmark starts fresh kernels, and the browser benchmark starts servers.
SCRIPTS = ["explorer.py", "notebooks.py", "browser.py"]

if __name__ == "__main__":
    for script in SCRIPTS:
        subprocess.run([sys.executable, str(HERE / script)], check=True)
