"""`qispread lab`: JupyterLab on a notebook whose kernel is already running when the browser opens.

JupyterLab 4.6 asks "Select Kernel" when it opens a notebook without the server's kernel list (its
first request for the list failed on a slow first start: 1 start in 8). A notebook that already
has a kernel session on the server joins it and never needs the list. So the server starts with no
browser; once it answers, the notebook's session is created through the server's REST API
(POST /api/sessions); only then does the browser open on the notebook. Ctrl-C goes to JupyterLab,
which stops as it always does.
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import webbrowser
from pathlib import Path

START_TIMEOUT = 120  # seconds: a first start on a slow machine builds JupyterLab's settings


def register(sub) -> None:
    lab = sub.add_parser("lab", help="open the course in JupyterLab, its first notebook running")
    lab.add_argument("--notebook", required=True,
                     help="the notebook to open, relative to the server's root folder")
    lab.add_argument("--root", default=".", help="the folder JupyterLab serves (default: here)")
    lab.add_argument("jupyter_args", nargs=argparse.REMAINDER,
                     help="after --, options passed on to `jupyter lab`")
    lab.set_defaults(handler=_lab)


def _lab(args) -> int:
    root = Path(args.root).resolve()
    notebook = args.notebook.strip("/")
    extra = [arg for arg in args.jupyter_args if arg != "--"]
    command = [sys.executable, "-m", "jupyterlab", "--no-browser",
               f"--ServerApp.root_dir={root}", f"--LabApp.default_url=/lab/tree/{notebook}",
               *extra]
    server = subprocess.Popen(command)
    signal.signal(signal.SIGTERM, lambda *_: server.terminate())  # stop JupyterLab, not orphan it
    try:
        info = _server_info(server)
    except KeyboardInterrupt:
        server.send_signal(signal.SIGINT)
        return _wait(server)
    if info is None:
        return _wait(server)
    _start_kernel(info, root / notebook, notebook)
    _open_browser(f"{info['url'].rstrip('/')}/lab/tree/{urllib.parse.quote(notebook)}",
                  info.get("token", ""))
    return _wait(server)


def _server_info(server: subprocess.Popen) -> dict | None:
    """The running server's address and token (from the file Jupyter writes for each server),
    once it answers; None if it stopped or never answered."""
    from jupyter_core.paths import jupyter_runtime_dir

    info_file = Path(jupyter_runtime_dir()) / f"jpserver-{server.pid}.json"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        try:
            info = json.loads(info_file.read_text())
            _request(info, "api/status")
            return info
        except (OSError, ValueError):
            time.sleep(0.3)
    if server.poll() is None:
        print(f"JupyterLab did not answer within {START_TIMEOUT} s; open the address it printed "
              "above once it is ready.", file=sys.stderr)
    return None


def _request(info: dict, path: str, body: dict | None = None) -> dict:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        f"{info['url'].rstrip('/')}/{path}", data=data, method="GET" if data is None else "POST",
        headers={"Authorization": f"token {info.get('token', '')}",
                 "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def _start_kernel(info: dict, file: Path, notebook: str) -> None:
    """The notebook's kernel session, started on the server before any browser asks for it."""
    try:
        kernel = json.loads(file.read_text(encoding="utf-8"))["metadata"]["kernelspec"]["name"]
        _request(info, "api/sessions", {"path": notebook, "name": file.name, "type": "notebook",
                                        "kernel": {"name": kernel}})
    except (OSError, ValueError, KeyError, TypeError) as problem:
        # the notebook still opens; at worst JupyterLab asks which kernel to use, as it did before
        print(f"Could not start {notebook}'s kernel in advance ({problem}); if JupyterLab asks "
              "you to select a kernel, choose Python 3.", file=sys.stderr)


def _open_browser(address: str, token: str) -> None:
    with_token = f"{address}?token={token}" if token else address
    if not webbrowser.open(with_token):
        print(f"\nOpen the course in your browser at:\n    {with_token}\n", flush=True)


def _wait(server: subprocess.Popen) -> int:
    """JupyterLab's exit status. Ctrl-C reaches JupyterLab too (same terminal), which asks to
    confirm or stops on a second Ctrl-C; here it only must not end this process first."""
    while True:
        try:
            return server.wait()
        except KeyboardInterrupt:
            continue
