"""One real JupyterLab server and one headless chromium for the whole browser session.

The server runs from the project's venv on 127.0.0.1 with a token, serving a temporary copy of the
course (so nothing the tests do lands in the repository). Chromium is the system's (found by
tests/conftest.py), driven through Playwright's Python API: no browser is ever downloaded.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
# Plugins that pop up toasts over the notebook and fetch from the internet (news, update checks).
QUIET_PLUGINS = {"@jupyterlab/apputils-extension:announcements": True}


@dataclass
class LabServer:
    url: str
    token: str
    root: Path

    def api(self, path: str) -> dict:
        request = urllib.request.Request(
            f"{self.url}/api/{path}", headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def start_session(self, notebook: str, kernel_id: str | None = None) -> str:
        """Give a notebook its kernel on the server before it is opened (as `make lab` does for
        the start notebook): a new one, or the running kernel_id. JupyterLab then joins that
        kernel instead of waiting for one to start."""
        kernel = {"id": kernel_id} if kernel_id else {"name": "python3"}
        body = json.dumps({"path": notebook, "name": Path(notebook).name, "type": "notebook",
                           "kernel": kernel}).encode()
        request = urllib.request.Request(
            f"{self.url}/api/sessions", data=body, method="POST",
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["kernel"]["id"]

    def import_in(self, kernel_id: str, modules: str) -> None:
        """Have a running kernel import modules, in a thread of the tests (silently: no history,
        no execution count), so that a lesson's first cells do not wait for them."""
        from jupyter_client import BlockingKernelClient

        def run() -> None:
            client = BlockingKernelClient()
            client.load_connection_file(
                Path(os.environ["JUPYTER_RUNTIME_DIR"]) / f"kernel-{kernel_id}.json")
            client.start_channels()
            try:
                client.execute_interactive(f"import {modules}", silent=True,
                                           store_history=False, timeout=120)
            except TimeoutError:
                pass  # the lesson then imports them itself
            finally:
                client.stop_channels()

        threading.Thread(target=run, daemon=True).start()

    def lab_url(self, notebook: str | None = None) -> str:
        # reset: open only this notebook, not the tabs a previous test left in the workspace
        tree = f"/tree/{notebook}" if notebook else ""
        return f"{self.url}/lab{tree}?reset&token={self.token}"

    def write_notebook(self, relative: str, *sources: str) -> str:
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3 (ipykernel)",
            "language": "python",
        }
        notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)
        return relative


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(server: LabServer, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"jupyter lab stopped at start-up:\n{log.read_text()[-3000:]}")
        try:
            server.api("status")
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"jupyter lab did not answer within 90 s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def lab_server() -> Iterator[LabServer]:
    work = Path(tempfile.mkdtemp(prefix="qispread-lab-"))
    root = work / "course_copy"
    shutil.copytree(ROOT / "course", root / "course", ignore=shutil.ignore_patterns("my_*.json"))
    labconfig = Path(os.environ["JUPYTER_CONFIG_DIR"]) / "labconfig"
    labconfig.mkdir(parents=True, exist_ok=True)
    (labconfig / "page_config.json").write_text(json.dumps({"disabledExtensions": QUIET_PLUGINS}))
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.port_retries=0",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        # window.jupyterapp, so that tests open a notebook only once the kernel list is loaded
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = work / "jupyter.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, cwd=root)
    server = LabServer(f"http://127.0.0.1:{port}", token, root)
    try:
        _wait_until_up(server, process, log)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture
def page(browser) -> Iterator:
    page = browser.new_page()
    page.set_default_timeout(60_000)
    yield page
    page.close()


@pytest.fixture(scope="module")
def lab_page(browser) -> Iterator:
    """One page for a module's tests: JupyterLab loads once, and each test's notebook replaces
    the one before (lab_actions.open_widget), instead of a page load per test."""
    page = browser.new_page()
    page.set_default_timeout(60_000)
    yield page
    page.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
