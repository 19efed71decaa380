"""The built wheel works on its own: installed into a fresh virtual environment in a temporary
folder far from the checkout, it loads every data set, analyses, draws and exports a chart, and
builds every tool. Slow (it installs from the package index), so marked `wheel`."""

import json
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.wheel


def _run(*command, cwd: Path) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True)
    assert done.returncode == 0, (
        f"{command[:3]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    into = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "--wheel-dir", into, ROOT, cwd=ROOT)
    (found,) = into.glob("qispread-*.whl")
    return found


@pytest.fixture(scope="module")
def far_away():
    """A folder with no qispread checkout above it (the system temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="qispread-wheel-") as folder:
        where = Path(folder)
        assert not any((parent / "source_data").exists() for parent in (where, *where.parents))
        yield where


def test_the_wheel_carries_the_data_and_its_provenance(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    package = json.loads(zipfile.ZipFile(wheel).read("qispread/source_data/datapackage.json"))
    for resource in package["resources"]:
        assert f"qispread/source_data/{resource['path']}" in names
        assert resource["licenses"] and resource["provenance"]
    assert "qispread/source_data/README.md" in names  # the data guide: sources and licences
    assert "qispread/py.typed" in names


def test_the_wheel_holds_no_tooling_that_needs_the_checkout(wheel):
    """The learner edition's builder copies the repository (its Makefile, src/, README for
    learners): it is repository tooling (scripts/), not part of the library."""
    wheel_zip = zipfile.ZipFile(wheel)
    modules = [n for n in wheel_zip.namelist() if n.endswith(".py")]
    assert "qispread/grading/service.py" in modules
    assert [n for n in modules if "learner_edition" in n or "edition_links" in n] == []
    copies_the_checkout = [n for n in modules if '"Makefile"' in wheel_zip.read(n).decode()]
    assert copies_the_checkout == []


def test_the_installed_wheel_works_far_from_the_checkout(chromium_executable, wheel, far_away):
    environment = far_away / "venv"
    venv.create(environment, with_pip=False)  # this pip installs into it: no bootstrap needed
    python = environment / "bin" / "python"
    # --no-compile: byte-compiling every module installed (plotly alone has thousands) took more
    # time than the whole check; the few modules the check imports compile as they load
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile",
         "-c", ROOT / "constraints.txt", f"qispread[images] @ {wheel.as_uri()}", cwd=far_away)
    work = far_away / "work"
    work.mkdir()
    smoke = work / "smoke.py"
    smoke.write_text((HERE / "wheel_smoke.py").read_text())
    report = json.loads(_run(python, smoke, work, cwd=work).splitlines()[-1])

    assert report["qispread_file"].startswith(str(environment))
    expected_rows = {r["name"]: r["rows"] for r in json.loads(
        (ROOT / "source_data" / "datapackage.json").read_text())["resources"]}
    assert report["data_sets"] == expected_rows
    assert "Open Government Licence v3.0" in report["licences"]
    assert any("Synthetic data made for this course" in a for a in report["attributions"])
    assert report["data_guide"]
    assert report["qic_explain"] and report["ptd_explain"] and report["qic_headline"]
    assert report["png"] > 10_000 and report["html"] > 1_000_000  # plotly.js embedded: offline
    from qispread import widgets

    assert sorted(report["widgets"]) == sorted(set(widgets.__all__) - {"Question"})
