"""Shared test set-up: Jupyter's folders kept out of the home folder, the system programs some
tests need (found wherever the distribution puts them, or skipped with the command to install
them), folders made once per run and shared by the xdist workers, and the markers, xdist groups
and starting order given by where a test lives."""

import fcntl
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
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


# --- made once per run -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core from the npm registry (tests/accessibility.py), for the site and browser tests."""
    from accessibility import installed_axe

    return installed_axe()


@pytest.fixture(scope="session")
def made_once(tmp_path_factory) -> Callable[[str, Callable[[Path], None]], Path]:
    """made_once(name, make): a folder of this test run, made by `make(folder)` in whichever test
    process asks first; the other xdist workers wait for it and reuse it. A make that failed is
    tried again by the next process that asks. Tests that change what they are given copy it."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base

    def made(name: str, make: Callable[[Path], None]) -> Path:
        folder, done = shared / name, shared / f"{name}.done"
        with open(shared / f"{name}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                make(folder)
                done.touch()
        return folder

    return made


@pytest.fixture(scope="session")
def lesson_cache(made_once) -> Path:
    """This test run's executed lessons, by content (site/sitebuild/execute.py): the test that
    every lesson runs and the website's build share it, so each lesson runs once per run."""
    return made_once("lesson-cache", lambda folder: folder.mkdir())


@functools.cache
def alembic_head() -> str:
    """The gradebook schema version nbgrader writes into a new gradebook, read in this process.

    nbgrader's own get_alembic_version() starts the `alembic` command to read the same constant
    (about 5 s each time a gradebook is created); tests/grading/test_gradebook_schema.py checks
    that both give the same answer."""
    from alembic.script import ScriptDirectory
    from nbgrader.dbutil import ALEMBIC_DIR

    return ScriptDirectory(ALEMBIC_DIR).get_current_head()


def _read_alembic_head_once() -> None:
    import nbgrader.api

    nbgrader.api.get_alembic_version = alembic_head


# --- markers, xdist groups and order by place ---------------------------------------------------

# Markers given by where a test lives (declared, like every marker, in pyproject.toml).
# `grading`: the places that run nbgrader's build or autograde, a grading kernel or the sandbox;
# `make test-fast` leaves them out. The rest of tests/grading/ is the grading logic's unit tests
# (answers, item analysis, roster, dates and penalties, output caps, ...), which need no kernel
# and run in the fast tier; one of their tests that does grade carries @pytest.mark.grading.
# A new test file under tests/grading/ that grades belongs in this list.
_MARKED_BY_PLACE = {
    "grading": (
        "grading/adversarial/",
        "grading/test_autograde_parallel.py",
        "grading/test_cohort_cli.py",
        "grading/test_cohort_states.py",
        "grading/test_feedback_no_leak.py",
        "grading/test_hostile_exchange.py",
        "grading/test_gradebook_schema.py",
        "grading/test_misconception_feedback.py",
        "grading/test_postgres.py",
        "grading/test_round_trip.py",
        "pipeline/test_release.py",
    ),
    "site": ("site/",),
}

# Where the slow tests live, longest first: with `--dist loadgroup --no-loadscope-reorder` xdist
# hands work out in this order, so the longest start first and the short tests fill in behind
# them (longest-first list scheduling). A place marked True runs on one worker as one unit of
# work: its tests share a server, or a fixture that takes a minute to make, which would
# otherwise be made once on each worker. A place marked False spreads its tests over the
# workers one by one (or one assignment at a time, _BY_ASSIGNMENT). Every other test file is one
# unit of work, so that its module-scoped fixtures are made once; it starts after these.
# The order follows the seconds each unit took in docs/test-suite.md's profile (run one folder
# at a time with `-n 0 --durations=0`): re-measure and re-order when a place grows.
_SLOW = [
    # JupyterLab in chromium: the longest part of the suite (25 min one at a time, loaded). Its
    # three longest files are units of their own, so that both workers run browser tests, each
    # with its own lab server (one more server start, instead of one worker running them all)
    ("browser/test_tools_accessible.py", True),
    ("browser/test_project_walkthrough.py", True),
    ("browser/test_readable_in_lab.py", True),
    ("browser/", True),
    ("site/", True),
    ("grading/adversarial/test_course_is_trusted.py", True),  # one 58 s module fixture
    ("hub/", True),
    ("grading/test_inert_output.py", True),
    ("grading/adversarial/test_adversarial.py", True),
    ("grading/adversarial/test_stock_nbgrader.py", True),
    ("grading/test_cohort_cli.py", True),
    ("grading/test_postgres.py", True),
    ("grading/test_cohort_states.py", True),
    ("grading/test_misconception_feedback.py", True),
    ("pipeline/test_release.py", True),
    ("test_wheel.py", True),
    ("grading/test_round_trip.py", False),
    ("grading/test_feedback_no_leak.py", False),
    ("grading/test_autograde_parallel.py", False),
    ("assessment/test_guessing_guard.py", False),
    ("pipeline/test_execute.py", False),
    ("grading/test_cohort_parts.py", True),
    ("grading/adversarial/test_sandbox_limits.py", True),
    ("grading/test_hostile_exchange.py", True),
    ("grading/test_pipeline_rules.py", True),
    ("grading/test_gradebook_writer.py", True),
    ("grading/test_gradebook_schema.py", True),
    ("grading/test_custom_delimiters.py", True),
]


# Tests that share an assignment's grading (tests/grading/graded_assignments.py): each assignment's
# tests run on one worker, which grades it once.
_BY_ASSIGNMENT = ("grading/test_round_trip.py", "grading/test_feedback_no_leak.py")


def _rank(place: str) -> int:
    """A place's position in _SLOW (after every slow place if it is not there)."""
    return next((n for n, (prefix, _) in enumerate(_SLOW) if place.startswith(prefix)), len(_SLOW))


def _place(item) -> str:
    try:
        return Path(item.path).resolve().relative_to(TESTS).as_posix()
    except ValueError:
        return ""


# The tiers, each test's given here once from what it needs (`make test-fast` runs `-m unit`):
# system: a real server and its clients; integration: a kernel, nbgrader, papermill, Chromium, a
# website or wheel build, or many generated cases (Hypothesis); unit: everything else.
_TIERS = (
    ("system", ("browser", "hub", "postgres")),
    ("integration", ("grading", "sandbox", "notebooks", "site", "wheel", "chromium",
                     "hypothesis")),
)


def tier(item) -> str:
    # Hypothesis marks its tests after this hook has run: ask it directly
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        return "integration"
    return next((name for name, markers in _TIERS
                 if any(item.get_closest_marker(m) for m in markers)), "unit")


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: _rank(_place(item)))  # stable: each file's tests stay in order
    for item in items:
        for marker, places in _MARKED_BY_PLACE.items():
            if _place(item).startswith(places):
                item.add_marker(marker)
        item.add_marker(tier(item))
    if any(_place(item).startswith(("grading/", "hub/")) for item in items):
        _read_alembic_head_once()


def pytest_xdist_make_scheduler(config, log):
    """xdist's loadgroup scheduling, each test's group read from where it lives (_SLOW).

    Not from xdist_group marks: with pytest 9.2, xdist 3.8 silently drops them (it renames the
    test's node id, which pytest no longer reads; pytest-dev/pytest-xdist#1386), so a group's
    tests were spread over both workers and its fixture made on each."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ByPlace(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            place = nodeid.split("::")[0].removeprefix(f"{TESTS.name}/")
            if place.startswith(_BY_ASSIGNMENT) and nodeid.endswith("]"):
                return "assignment " + nodeid[nodeid.rindex("[") + 1:-1]
            rank = _rank(place)
            if rank < len(_SLOW):
                return _SLOW[rank][0] if _SLOW[rank][1] else nodeid
            # a file's tests share its module-scoped fixtures: one worker makes each once
            return place

    return ByPlace(config, log)
