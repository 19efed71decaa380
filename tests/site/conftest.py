"""The course website, built once per test run, served on 127.0.0.1, read in headless chromium.

The build takes executed lessons from this test run's cache (lesson_cache), which the test that
every lesson runs shares, so each lesson is executed once per run. Under pytest-xdist the first
worker builds and the others wait for it and reuse the result.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_pages import HUB, REPO

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
SITE_OUT = BUILD / "site-test"
ARTIFACTS = ROOT / "test-artifacts" / "site"


@pytest.fixture(scope="session")
def site(testrun_uid, lesson_cache) -> Path:
    """build/site-test, built by `python -m sitebuild` once for this test run."""
    BUILD.mkdir(exist_ok=True)
    stamp = SITE_OUT / ".testrun"
    with open(BUILD / "site-test.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == testrun_uid):
            shutil.rmtree(SITE_OUT, ignore_errors=True)
            env = dict(os.environ, QISPREAD_SITE_HUB=HUB, QISPREAD_SITE_REPO=REPO)
            result = subprocess.run(
                [sys.executable, "-m", "sitebuild", "--out", str(SITE_OUT),
                 "--cache", str(lesson_cache)],
                cwd=ROOT / "site", env=env, capture_output=True, text=True,
            )
            if result.returncode:
                pytest.fail(f"the site did not build:\n{result.stdout[-3000:]}\n"
                            f"{result.stderr[-5000:]}", pytrace=False)
            stamp.write_text(testrun_uid)
    return SITE_OUT


@pytest.fixture(scope="session")
def site_url(site) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
