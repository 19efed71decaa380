"""Shared test set-up: Jupyter's folders kept out of the home folder, the system programs some
tests need (found wherever the distribution puts them, or skipped with the command to install
them), and markers and xdist groups given by where a test lives."""

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"

_jupyter_home = Path(tempfile.mkdtemp(prefix="qispread-jupyter-"))
for _name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
    os.environ[_name] = str(_jupyter_home / _name.lower())
os.environ.setdefault("MPLBACKEND", "Agg")
# nbgrader's gradebook runs `alembic` in a subprocess: the venv's bin/ must be on PATH.
_venv_bin = str(Path(sys.executable).parent)
if _venv_bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _venv_bin + os.pathsep + os.environ.get("PATH", "")


# --- system programs ------------------------------------------------------------------------

CHROMIUM_VARIABLE = "QISPREAD_CHROMIUM"


def find_chromium() -> str | None:
    """QISPREAD_CHROMIUM, else Debian's `chromium`, else Ubuntu's `chromium-browser`."""
    chosen = os.environ.get(CHROMIUM_VARIABLE)
    if chosen:
        return chosen if os.access(chosen, os.X_OK) else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def find_postgres_bin() -> Path | None:
    """PostgreSQL's server programs, whatever the major version (the newest if several)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if found:
        return found[-1].parent
    if shutil.which("pg_config"):
        folder = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
        if (Path(folder.stdout.strip()) / "initdb").exists():
            return Path(folder.stdout.strip())
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


# kaleido (chart images) finds its browser through BROWSER_PATH: point it at the one found here.
if find_chromium() and "BROWSER_PATH" not in os.environ:
    os.environ["BROWSER_PATH"] = str(find_chromium())


def _missing(what: str, package: str) -> None:
    """Skip, naming the install command; in CI (run as root, which installs everything) a
    missing program is a broken set-up, so fail instead."""
    message = (f"{what} is not installed. Install it with: sudo apt-get install {package} "
               "(or run `make system-deps` as root)")
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """A Chromium to drive headless (skips, naming the package, when there is none)."""
    found = find_chromium()
    if not found:
        release = Path("/etc/os-release")
        ubuntu = release.exists() and "ID=ubuntu" in release.read_text(errors="replace")
        _missing(f"Chromium (or the program {CHROMIUM_VARIABLE} names)",
                 "chromium-browser" if ubuntu else "chromium")
    return str(found)


@pytest.fixture(scope="session")
def postgres_bin() -> Path:
    """The folder of PostgreSQL's initdb and pg_ctl (skips, naming the package, without them)."""
    found = find_postgres_bin()
    if found is None:
        _missing("PostgreSQL", "postgresql")
    return found


# Debian's chromium, headless, with no traffic beyond the pages a test opens (see DESIGN.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# One headless chromium per test process, shared by the browser and the site tests (two
# sync Playwright sessions cannot live in one process).
@pytest.fixture(scope="session")
def browser(chromium_executable) -> Iterator:
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="qispread-chromium-")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium_executable,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


# --- markers and xdist groups by place --------------------------------------------------------

# Tests that start servers or build nbgrader courses share expensive session or module fixtures.
# Under `--dist loadgroup` a group runs on one worker, so its fixtures are made once, not once per
# worker that happens to draw one of its tests. Place (a folder/ or a file) -> (marker, group);
# "{stem}" makes one group per file.
_PLACES = {
    "browser/": (None, "jupyterlab"),
    "hub/": (None, "jupyterhub"),
    "grading/": ("grading", "grading-{stem}"),
    "pipeline/test_release.py": ("grading", "release"),  # builds every assignment with nbgrader
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        try:
            place = Path(item.path).resolve().relative_to(TESTS)
        except ValueError:
            continue
        for prefix, (marker, group) in _PLACES.items():
            if place.as_posix().startswith(prefix):
                if marker:
                    item.add_marker(marker)
                item.add_marker(pytest.mark.xdist_group(group.format(stem=place.stem)))
