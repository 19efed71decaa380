"""The data scripts are deterministic, and the committed CSVs are exactly what they make."""

import subprocess
import sys

import pytest

SYNTHETIC_FILES = [
    "falls.csv",
    "sepsis_screening.csv",
    "missed_appointments.csv",
    "theatre_start_delay.csv",
    "days_between_pressure_ulcers.csv",
    "bed_occupancy_run.csv",
    "sepsis_screening_by_deprivation.csv",
    "ward_incidents.csv",
]


def _run(script, folder):
    folder.mkdir()
    subprocess.run([sys.executable, str(script), str(folder)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def synthetic_runs(project_root, tmp_path_factory):
    script = project_root / "source_data" / "make_synthetic.py"
    base = tmp_path_factory.mktemp("synthetic")
    return _run(script, base / "first"), _run(script, base / "second")


def test_synthetic_script_writes_every_set(synthetic_runs):
    first, _ = synthetic_runs
    assert sorted(path.name for path in first.iterdir()) == sorted(SYNTHETIC_FILES)


@pytest.mark.parametrize("name", SYNTHETIC_FILES)
def test_two_runs_are_byte_identical(synthetic_runs, name):
    first, second = synthetic_runs
    assert (first / name).read_bytes() == (second / name).read_bytes()


@pytest.mark.parametrize("name", SYNTHETIC_FILES)
def test_committed_csv_is_what_the_script_makes(synthetic_runs, project_root, name):
    fresh, _ = synthetic_runs
    committed = project_root / "source_data" / name
    assert committed.read_bytes() == (fresh / name).read_bytes(), (
        f"source_data/{name} differs from what make_synthetic.py makes: edit the script, not the "
        "CSV, and run `python source_data/make_synthetic.py`"
    )


def test_committed_derived_csv_is_what_its_script_makes(project_root, tmp_path):
    fresh = _run(project_root / "source_data" / "make_derived.py", tmp_path / "derived")
    name = "ae_four_hour_by_month.csv"
    committed = project_root / "source_data" / name
    assert committed.read_bytes() == (fresh / name).read_bytes(), (
        f"source_data/{name} differs from what make_derived.py makes: run "
        "`python source_data/make_derived.py`"
    )
