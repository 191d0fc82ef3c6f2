"""The lecture view keeps a slow notebook: Voila's websocket ping timeout is longer than any
notebook may take to run.

Voila's progressive rendering runs the whole notebook while it handles one websocket message,
and Tornado reads no pong meanwhile, so the server's default timeout (90 s) closes the socket of
a notebook that runs longer and the page waits for ever (voila-dashboards/voila#1541): seen here
with 05 under load on a slow 2-core machine. ``voila.json`` sets the timeout for ``voila`` itself
(``make present``, the browser tests); ``binder/jupyter_server_config.json``, installed in the
environment by ``make`` and ``binder/postBuild``, for Voila inside a Jupyter server
(mybinder.org's lecture badge, ``make lab``)."""

import json
import sys
from pathlib import Path

from browser.harness import NOTEBOOK_RUN_MS  # the longest the browser tests let a notebook run
from jupyter_server.serverapp import ServerApp

ROOT = Path(__file__).resolve().parent.parent
SERVER_CONFIG = ROOT / "binder" / "jupyter_server_config.json"


def ping_timeout_ms(path: Path, app: str) -> int:
    return json.loads(path.read_text(encoding="utf-8"))[app]["tornado_settings"]["ws_ping_timeout"]


def test_voila_waits_longer_for_a_pong_than_a_notebook_may_run():
    voila = ping_timeout_ms(ROOT / "voila.json", "Voila")
    assert voila == ping_timeout_ms(SERVER_CONFIG, "ServerApp")
    assert voila > NOTEBOOK_RUN_MS


def test_the_installed_jupyter_server_reads_the_timeout():
    installed = Path(sys.prefix, "etc", "jupyter", "jupyter_server_config.json")
    assert installed.read_text(encoding="utf-8") == SERVER_CONFIG.read_text(encoding="utf-8"), (
        "binder/jupyter_server_config.json is not installed in the environment: run make"
    )
    app = ServerApp()
    app.load_config_file()
    assert app.tornado_settings.get("ws_ping_timeout") == ping_timeout_ms(
        SERVER_CONFIG, "ServerApp"
    )
