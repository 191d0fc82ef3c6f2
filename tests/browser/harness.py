"""What the browser tests and ``benchmarks/browser.py`` share: Chromium, the servers, the page.

- Chromium is Debian's (``apt-get install chromium``), driven by Playwright through its
  executable path: nothing is downloaded. ``LOSSVIZ_CHROMIUM`` names another executable.
- :func:`jupyterlab` and :func:`voila` start a server on 127.0.0.1 with a free port and a
  token, wait until it answers, and always stop it (and its kernels) on exit.
- A script installed in every page (:data:`DRAW_HOOK`) stamps each canvas with the time
  of its latest ``drawImage``: ipympl shows every new figure image that way, so a test can
  wait until a figure is drawn and quiet, and the benchmark can time a key press to the
  new image.

Playwright is imported only inside the functions that need it, so that importing this module
(pytest's doctest collection does) works without it.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_VARIABLE = "LOSSVIZ_CHROMIUM"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium keeps trying to reach Google's services.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Only the local servers resolve: the badges' images and Voila's icon font fail at once
    # instead of waiting on a network that may not be there.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SERVER_START_S = 90  # a cold start of JupyterLab on a loaded 2-core machine takes ~10 s
NOTEBOOK_RUN_MS = 300_000  # nbval's cell timeout, for a whole notebook

# Installed in every page before its own scripts: remembers on each canvas when something was
# last drawn into it, and how many times (ipympl draws each new image with drawImage). ipympl
# draws each image the kernel sends into an offscreen canvas, and that canvas into the page's:
# both are noted, so that a figure that stays blank can say where the image stopped.
DRAW_HOOK = """
(() => {
  const drawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const result = drawImage.apply(this, args);
    const canvas = this.canvas, source = args[0];
    if (canvas.isConnected) {
      canvas.lossvizDraws = (canvas.lossvizDraws || 0) + 1;
      canvas.lossvizDrawnAt = performance.now();
      if (source instanceof HTMLCanvasElement) canvas.lossvizSource = source;
    } else if (source instanceof HTMLImageElement) {
      canvas.lossvizImages = (canvas.lossvizImages || 0) + 1;
      canvas.lossvizImage = source;
      canvas.lossvizImageAt = performance.now();
    }
    return result;
  };
  const src = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
  Object.defineProperty(HTMLImageElement.prototype, 'src', {
    get() { return src.get.call(this); },
    set(value) {
      this.lossvizSrcSets = (this.lossvizSrcSets || 0) + 1;
      this.lossvizSrcSetAt = performance.now();
      return src.set.call(this, value);
    },
  });
})();
"""

# Installed in every page too: a log of the kernel messages on the page's websockets, the last
# 400, each a line "ms direction msg_type comm data", and of key presses; a failure prints the
# end of it (did the slider's message leave, did the kernel answer, was it busy?).
MESSAGE_LOG = """
(() => {
  const log = window.lossvizMessages = [];
  const keep = line => {
    log.push(`${Math.round(performance.now())} ${line}`);
    log.splice(0, log.length - 400);
  };
  const text = (data, length) => {
    if (typeof data === 'string') return data;
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer);
    return new TextDecoder('latin1').decode(bytes.slice(0, length));  // the JSON parts come first
  };
  const describe = data => {
    if (data instanceof Blob) return 'blob';
    let t = text(data, 3000);
    const find = re => (t.match(re) || [])[1] || '';
    const type = find(/"msg_type": ?"(\\w+)"/);
    if (type === 'error' || type === 'stream') {  // a kernel's error: its whole text, as sent
      t = text(data, 200000);
      return [type, find(/"comm_id": ?"(\\w{8})/), find(/"ename": ?"([^"]+)"/),
              find(/"evalue": ?"((?:[^"\\\\]|\\\\.){0,500})/),
              find(/"text": ?"((?:[^"\\\\]|\\\\.){0,1500})/)].filter(Boolean).join(' ');
    }
    const parts = [type, find(/"comm_id": ?"(\\w{8})/),
                   find(/"method": ?"(\\w+)"/), find(/\\\\?"type\\\\?": ?\\\\?"(\\w+)/),
                   find(/"execution_state": ?"(\\w+)"/), find(/"value": ?([-\\d.e]+)/)];
    return parts.filter(Boolean).join(' ');
  };
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    try { keep(`out ${describe(data)}`); } catch (error) { keep(`out ? ${error}`); }
    return send.call(this, data);
  };
  const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage');
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    get() { return onmessage.get.call(this); },
    set(handler) {
      return onmessage.set.call(this, handler && (event => {
        try { keep(`in ${describe(event.data)}`); } catch (error) { keep(`in ? ${error}`); }
        return handler.call(this, event);
      }));
    },
  });
  window.addEventListener('keydown', e => keep(`key ${e.key}`), true);
})();
"""


def message_log(page, since_ms: float | None = None, lines: int = 60) -> str:
    """The end of the page's kernel-message log (:data:`MESSAGE_LOG`), from `since_ms` on."""
    try:
        log = page.evaluate("() => window.lossvizMessages || []")
        now = page.evaluate("() => performance.now()")
    except Exception as error:
        return f"(no message log: {error})"
    if since_ms is not None:
        log = [line for line in log if float(line.split(" ", 1)[0]) >= since_ms]
    return f"kernel messages (ms, page time now {now:.0f}):\n" + "\n".join(log[-lines:])


# Run in the kernel of a failing JupyterLab page: each explorer's widgets by comm id (the
# message log names comms by their first 8 characters) and the kernel's side of its figure.
KERNEL_EXPLORERS = """
import gc as _gc
from lossviz.interactive import Interactive as _Interactive
for _e in (_o for _o in _gc.get_objects() if isinstance(_o, _Interactive)):
    _c = _e.fig.canvas
    print(
        "explorer", {name: (s.model_id[:8], s.value) for name, s in _e.sliders.items()},
        "canvas", getattr(_c, "model_id", "-")[:8],
        "initialized", not getattr(_c, "syncing_data_url", True),
        "background", _e._background is not None,
        "png_is_old", getattr(_c, "_png_is_old", None),
        "size", _e._background_size, _e.fig.bbox.size.tolist(),
    )
"""

# Runs code in the kernel of JupyterLab's current notebook: what it printed and its errors.
LAB_EXECUTE = """
async ([code, timeout]) => {
  const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
  const future = kernel.requestExecute({code, silent: false, store_history: false});
  const out = [];
  future.onIOPub = msg => {
    const c = msg.content;
    if (msg.header.msg_type === 'stream') out.push(c.text);
    if (msg.header.msg_type === 'error') out.push(`${c.ename}: ${c.evalue}`);
  };
  const late = new Promise(resolve => setTimeout(() => resolve('late'), timeout));
  if (await Promise.race([future.done, late]) === 'late') out.push(`no answer in ${timeout} ms`);
  return out.join('');
}
"""


# In JupyterLab: every figure's model in the page, by comm id, and which one `canvas` shows.
LAB_FIGURES = """
async canvas => {
  const panel = window.jupyterapp.shell.currentWidget;
  const renderer = widget => {
    if (widget._manager && widget._manager.promise) return widget;  // a widget output
    for (const child of widget.children ? widget.children() : []) {
      const found = renderer(child);
      if (found) return found;
    }
    return null;
  };
  const found = panel.content.widgets.map(cell => cell.outputArea && renderer(cell.outputArea))
    .find(Boolean);
  if (!found) return 'no widget output found';
  const manager = await found._manager.promise;
  const lines = [];
  for (const [id, promise] of Object.entries(manager._models)) {
    const model = await promise;
    if (model.name !== 'MPLCanvasModel') continue;
    const views = await Promise.all(Object.values(model.views || {}));
    const mine = views.some(view => view.el && view.el.contains(canvas));
    lines.push(
      `${id.slice(0, 8)}${mine ? ' (this figure)' : ''}: ${views.length} views, waiting for ` +
      `an image ${model.waiting_for_image}, image src set ${model.image.lossvizSrcSets || 0} ` +
      `times, comm live ${model.comm_live}`
    );
  }
  return lines.join('\\n');
}
"""


# The kernel's subshell threads, one name a line: JupyterLab asked for them to run comms on.
KERNEL_SUBSHELLS = """
import threading as _threading
print(*(t.name for t in _threading.enumerate() if t.name.startswith("subshell")), sep="\\n")
"""


def lab_subshells(page) -> list[str]:
    """The subshell threads in the kernel of JupyterLab's current notebook."""
    return page.evaluate(LAB_EXECUTE, [KERNEL_SUBSHELLS, 20_000]).split()


def lab_report(page, canvas) -> str:
    """In JupyterLab, every figure as the page's models (:data:`LAB_FIGURES`) and the kernel
    (:data:`KERNEL_EXPLORERS`) see it; Voila's page offers neither."""
    try:
        if not page.evaluate("() => window.jupyterapp !== undefined"):
            return "(no model report: the page is not JupyterLab)"
        figures = page.evaluate(LAB_FIGURES, canvas.element_handle())
        kernel = page.evaluate(LAB_EXECUTE, [KERNEL_EXPLORERS, 20_000])
        return f"figure models in the page:\n{figures}\nin the kernel:\n{kernel}"
    except Exception as error:
        return f"(no model report: {error})"


# True once the canvas holds something other than blank (transparent or white) pixels.
SHOWS_A_FIGURE = """
canvas => {
  if (!canvas.width || !canvas.height) return false;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250)) {
      return true;
    }
  }
  return false;
}
"""


# What a canvas and ipympl's offscreen canvas behind it went through, for a failure message.
CANVAS_REPORT = """
canvas => {
  const now = performance.now();
  const age = t => (t === undefined ? 'never' : `${Math.round(now - t)} ms ago`);
  const shows = SHOWS_A_FIGURE;
  const box = canvas.getBoundingClientRect();
  const lines = [
    `canvas ${canvas.width}x${canvas.height} px, on the page ${Math.round(box.width)}x` +
    `${Math.round(box.height)} at y ${Math.round(box.top)} (window ${innerHeight} high), ` +
    `drawn ${canvas.lossvizDraws || 0} times, last ${age(canvas.lossvizDrawnAt)}, ` +
    `shows a figure: ${shows(canvas)}`,
  ];
  const source = canvas.lossvizSource;
  if (!source) {
    lines.push('no offscreen canvas was ever drawn into it');
  } else {
    const image = source.lossvizImage;
    lines.push(
      `offscreen canvas ${source.width}x${source.height} px, ${source.lossvizImages || 0} ` +
      `images drawn into it, last ${age(source.lossvizImageAt)}, shows a figure: ${shows(source)}`
    );
    if (image) {
      lines.push(
        `its image: ${image.naturalWidth}x${image.naturalHeight} px, complete ${image.complete}, ` +
        `src set ${image.lossvizSrcSets || 0} times, last ${age(image.lossvizSrcSetAt)}`
      );
    }
  }
  return lines.join('\\n');
}
""".replace("SHOWS_A_FIGURE", SHOWS_A_FIGURE.strip())


def canvas_report(canvas) -> str:
    """Where a figure's image got to: the page's canvas, ipympl's offscreen one, its image."""
    try:
        return canvas.evaluate(CANVAS_REPORT)
    except Exception as error:  # the page may be gone: the failure itself still counts
        return f"(no report: {error})"


# True once the canvas has drawn an image and nothing new for `quiet` ms.
DRAWN_AND_QUIET = """
([canvas, quiet]) => canvas.lossvizDraws > 0 && performance.now() - canvas.lossvizDrawnAt > quiet
"""


def chromium_path() -> Path:
    """Debian's Chromium, or the executable named by ``LOSSVIZ_CHROMIUM``."""
    return Path(os.environ.get(CHROMIUM_VARIABLE, "/usr/bin/chromium"))


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    path = chromium_path()
    if not (path.is_file() and os.access(path, os.X_OK)):
        return (
            f"no Chromium at {path}: install it (Debian/Ubuntu: `apt-get install chromium`) "
            f"or set {CHROMIUM_VARIABLE} to a Chromium executable"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed: pip install -e '.[test]'"
    return None


def launch(playwright):
    """Chromium through its executable path, headless."""
    return playwright.chromium.launch(executable_path=str(chromium_path()), args=CHROMIUM_ARGS)


def new_context(browser):
    """A browser context whose pages carry the draw hook; one per session keeps the cache warm."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(60_000)  # Playwright's 30 s is short on a loaded 2-core machine
    context.set_default_navigation_timeout(120_000)
    context.add_init_script(DRAW_HOOK)
    context.add_init_script(MESSAGE_LOG)
    return context


def record_console(page) -> list[str]:
    """The page's console errors, as they come (failed loads from elsewhere left out)."""
    errors = []

    def keep(message) -> None:
        if message.type == "error" and "ERR_NAME_NOT_RESOLVED" not in message.text:
            errors.append(f"console error: {message.text[:500]}")

    page.on("console", keep)
    page.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    return errors


@dataclass
class Server:
    """A running server: ``url(path)`` gives an address with the token."""

    base: str
    token: str
    process: subprocess.Popen
    log: Path

    def url(self, path: str, **query: str) -> str:
        query = "".join(f"&{key}={value}" for key, value in query.items())
        return f"{self.base}/{path}?token={self.token}{query}"

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the server is told not to try another)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """SIGTERM: the server shuts its kernels down. Then make sure its whole group is gone."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # a kernel left behind, or a hung server
    except ProcessLookupError:
        pass
    process.wait()


@contextmanager
def _serve(
    args: list[str], ready_path: str, workdir: Path, env: Mapping[str, str] | None = None
) -> Iterator[Server]:
    port, token = free_port(), secrets.token_hex(16)
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "server.log"
    env = {
        **os.environ,
        # Cookie secrets, connection files and config of this server stay in workdir.
        "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"),
        "JUPYTER_CONFIG_DIR": str(workdir / "config"),
        **(env or {}),
    }
    args = [a.format(port=port, token=token) for a in args]
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = Server(f"http://127.0.0.1:{port}", token, process, log)
    try:
        deadline = time.monotonic() + SERVER_START_S
        while True:
            if process.poll() is not None:
                raise RuntimeError(
                    f"{args[0]} exited with {process.returncode}:\n{server.log_tail()}"
                )
            try:
                with urllib.request.urlopen(server.url(ready_path), timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"{args[0]} did not answer within {SERVER_START_S} s:\n{server.log_tail()}"
                    ) from None
                time.sleep(0.25)
        yield server
    finally:
        _stop(process)


def copy_notebooks(destination: Path) -> Path:
    """Copy notebooks/ into `destination`/notebooks: JupyterLab may save what it opens (autosave,
    checkpoints), and must never write into the repository."""
    shutil.copytree(
        ROOT / "notebooks",
        destination / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
    )
    return destination


# JupyterLab's settings for the tests: no news prompt over the page, no autosave.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": '{"fetchNews": "false"}',
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": '{"autosave": false}',
}


@contextmanager
def jupyterlab(root: Path, workdir: Path, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """JupyterLab serving `root`, with ``window.jupyterapp`` exposed for the tests to drive;
    `env` adds to the environment of the server and its kernels."""
    settings = workdir / "settings"
    for name, text in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(text)
    args = [
        "jupyterlab",
        "--no-browser",
        "--allow-root",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        "--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={workdir}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    with _serve(args, "api/status", workdir, env) as server:
        yield server


@contextmanager
def voila(root: Path, workdir: Path, env: Mapping[str, str] | None = None) -> Iterator[Server]:
    """Voila serving every notebook under `root` at ``voila/render/<path>``, as on mybinder.org,
    configured by the repository's ``voila.json`` as ``make present`` and Binder are;
    `env` adds to the environment of the server and its kernels."""
    args = [
        "voila",
        str(root),
        "--no-browser",
        f"--Voila.config_file_paths={ROOT}",  # voila.json: progressive rendering
        "--Voila.ip=127.0.0.1",
        "--port={port}",
        "--Voila.port_retries=0",
        "--token={token}",
    ]
    with _serve(args, "", workdir, env) as server:
        yield server


# Opens a notebook in JupyterLab and starts running all its cells; the promise of the run,
# window.lossvizRun, resolves to the problems found: errors, cells that did not run.
LAB_START = """
async ([path, timeout]) => {
  const app = window.jupyterapp;
  await app.restored;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.sessionContext.ready;
  app.shell.activateById(panel.id);
  const run = app.commands.execute('notebook:run-all-cells');
  const late = new Promise(resolve => setTimeout(() => resolve('late'), timeout));
  window.lossvizRun = Promise.race([run, late]).then(result => {
    const problems = result === 'late' ? [`run all did not finish within ${timeout} ms`] : [];
    panel.content.widgets.forEach((cell, index) => {
      if (cell.model.type !== 'code') return;
      if (cell.model.executionCount === null) problems.push(`cell ${index} did not run`);
      for (const output of cell.model.outputs.toJSON()) {
        if (output.output_type === 'error') {
          problems.push(`cell ${index}: ${output.ename}: ${output.evalue}`);
        }
      }
    });
    return problems;
  });
}
"""

LAB_CLOSE = """
async () => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.sessionContext) return;  // no notebook was opened
  panel.context.model.dirty = false;  // close without saving
  await panel.sessionContext.shutdown();
  panel.dispose();
}
"""


# True once JupyterLab has applied its settings for comms over subshells (the collection's
# binder/overrides.json turns them off; before the settings load, JupyterLab's default is on).
SUBSHELL_SETTING_LOADED = """
() => window.jupyterapp !== undefined
      && window.jupyterapp.serviceManager.kernels.commsOverSubshells === 'disabled'
"""


def start_in_lab(page, server: Server, path: str, comms_over_subshells: str | None = None) -> None:
    """Open `path` in JupyterLab and start running all its cells; returns once they run.

    `comms_over_subshells` sets JupyterLab's setting of that name for this page alone, once the
    installed settings have loaded: "perCommTarget" is JupyterLab's own default.
    """
    page.goto(server.url("lab", reset=""))
    page.wait_for_function("window.jupyterapp !== undefined")
    if comms_over_subshells is not None:
        page.wait_for_function(SUBSHELL_SETTING_LOADED)
        page.evaluate(
            "value => { window.jupyterapp.serviceManager.kernels.commsOverSubshells = value; }",
            comms_over_subshells,
        )
    page.evaluate(LAB_START, [path, NOTEBOOK_RUN_MS])


def finish_in_lab(page) -> list[str]:
    """Wait for the run that :func:`start_in_lab` started; the problems found."""
    return page.evaluate("() => window.lossvizRun")


def close_in_lab(page) -> None:
    """Shut the notebook's kernel down, close the notebook unsaved, close the page."""
    try:
        page.evaluate(LAB_CLOSE)
    finally:
        page.close()


# Whether the page's configuration asks for progressive rendering.
PROGRESSIVE = """
() => JSON.parse(document.getElementById('jupyter-config-data').textContent).progressiveRendering
"""

# True once Voila's progressive rendering has replaced every cell's placeholder.
ALL_CELLS_RUN = """
() => document.querySelector('[cell-index]') !== null
      && document.querySelector('.voila-skeleton-container') === null
"""


def start_in_voila(page, server: Server, path: str) -> None:
    """Ask Voila for `path`: it starts running every cell, streaming the page as it goes."""
    response = page.goto(server.url(f"voila/render/{path}"), wait_until="commit")
    if not response.ok:
        raise AssertionError(f"Voila answered {response.status} for {path}")


def finish_in_voila(page, n_cells: int) -> list[str]:
    """Wait until Voila has run every cell and shows its output; the problems found.

    The lecture view renders progressively (``voila.json``): the page shows a placeholder for
    every cell at once, and each is replaced by the cell's output once the cell has run.
    """
    page.wait_for_selector("#rendered_cells", state="visible", timeout=NOTEBOOK_RUN_MS)
    page.wait_for_function(ALL_CELLS_RUN, timeout=NOTEBOOK_RUN_MS, polling=200)
    problems = [
        text
        for text in page.locator(".jp-OutputArea-output").all_inner_texts()
        if "There was an error when executing cell" in text
    ]
    rendered = page.locator("#rendered_cells [cell-index]").count()
    if rendered != n_cells:
        problems.append(f"Voila rendered {rendered} of {n_cells} cells")
    if page.locator(".jp-CodeCell .jp-InputArea").count():
        problems.append("Voila shows code: the lecture view must hide it")
    if not page.evaluate(PROGRESSIVE):
        problems.append("Voila renders after running every cell: voila.json was not read")
    return problems


def close_in_voila(page) -> None:
    """Close the page; its beforeunload handler asks Voila to shut the kernel down."""
    page.close(run_before_unload=True)


def widget_errors(page) -> list[str]:
    """Widgets that failed to display (JupyterLab and Voila show this text in their place)."""
    return [
        t
        for t in page.locator(".jp-OutputArea-output").all_inner_texts()
        if "Error displaying widget" in t
    ]


def explorers(page, timeout_ms: float = 60_000) -> list:
    """Every lossviz explorer with a slider in the page, once the first has appeared."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    found = page.locator(".lossviz-explorer:has(.widget-slider)")
    try:
        found.first.wait_for(state="attached", timeout=timeout_ms)
    except PlaywrightTimeout:
        raise AssertionError(
            f"no lossviz explorer with a slider appeared in {timeout_ms / 1000:.0f} s"
        ) from None
    return found.all()


def show_explorer(page, explorer):
    """Scroll `explorer` into view as a person would, and wait until its figure shows:
    (its first slider's handle, its figure's canvas).

    ipympl may draw a figure only once it is on screen, so the figure is looked at first.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    explorer.scroll_into_view_if_needed(timeout=60_000)
    handle = explorer.locator(".widget-slider .noUi-handle").first
    canvas = explorer.locator(".jupyter-matplotlib-canvas-div canvas").first
    try:
        page.wait_for_function(
            SHOWS_A_FIGURE, arg=canvas.element_handle(), timeout=60_000, polling=100
        )
    except PlaywrightTimeout:
        raise AssertionError(
            f"an explorer's figure stayed blank for 60 s\n{canvas_report(canvas)}\n"
            f"{message_log(page, lines=200)}\n{lab_report(page, canvas)}"
        ) from None
    return handle, canvas


def first_explorer(page):
    """The first explorer with a slider, shown: (its slider's handle, its canvas)."""
    return show_explorer(page, explorers(page)[0])


def font_px(locator) -> float:
    """The computed font size of an element, in CSS pixels."""
    return float(locator.evaluate("e => getComputedStyle(e).fontSize").removesuffix("px"))


def wait_drawn(page, canvas, quiet_ms: float = 250, timeout_ms: float = 60_000) -> None:
    """Wait until the canvas shows an image and has drawn nothing new for `quiet_ms`.

    `canvas` is a locator, found again now, or an element handle found once before."""
    element = canvas.element_handle() if hasattr(canvas, "element_handle") else canvas
    page.wait_for_function(DRAWN_AND_QUIET, arg=[element, quiet_ms], timeout=timeout_ms, polling=50)


def press_arrow(page, handle) -> tuple[str, str]:
    """Focus the slider and press ArrowRight as a person would, or ArrowLeft at the right end.

    Returns the slider's value before and after, as the slider tells screen readers.
    """
    before = handle.get_attribute("aria-valuetext")
    handle.focus()
    page.keyboard.press("ArrowRight")
    if handle.get_attribute("aria-valuetext") == before:  # noUiSlider moves on keydown
        page.keyboard.press("ArrowLeft")
    return before, handle.get_attribute("aria-valuetext")


def press_and_see_change(page, handle, canvas, timeout_ms: float = 20_000) -> tuple[str, str]:
    """Move the slider with the keyboard and wait until the figure image changes.

    Returns the slider's value before and after; AssertionError if the image has not changed
    within `timeout_ms`.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    wait_drawn(page, canvas)
    image = canvas.evaluate("canvas => canvas.toDataURL()")
    pressed = page.evaluate("() => performance.now()")
    before, after = press_arrow(page, handle)
    try:
        page.wait_for_function(
            "([canvas, before]) => canvas.toDataURL() !== before",
            arg=[canvas.element_handle(), image],
            timeout=timeout_ms,
            polling=50,
        )
    except PlaywrightTimeout:
        raise AssertionError(
            f"the slider moved from {before} to {after}, but the figure "
            f"image did not change in {timeout_ms / 1000:.0f} s\n{canvas_report(canvas)}\n"
            f"{message_log(page, since_ms=pressed - 2000, lines=200)}\n{lab_report(page, canvas)}"
        ) from None
    return before, after
