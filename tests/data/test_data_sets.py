"""Every course data set loads, passes its schema, and is what the data package says it is."""

import hashlib
import json
import re
import subprocess
import sys

import pandas as pd
import pytest

from qispread import data

# sha256 of /work/shared/data/ae_attendances.csv, computed once when the file was copied in.
AE_SHA256 = "fd4707312acce8ca75c9075262caaf96b9b71545abfc9d423d2d967331bf575c"

# Rows, first and last date, and spacing required by the task brief (synthetic sets) or stated in
# the source's README (ae_attendances: 12,765 rows, April 2016 to March 2019).
EXPECTED = {
    "ae_attendances": (12765, "2016-04-01", "2019-03-01", None),
    "ae_four_hour_by_month": (72, "2016-04-01", "2019-03-01", None),
    "falls": (36, None, None, "month"),
    "sepsis_screening": (52, None, None, "week"),
    "missed_appointments": (60, None, None, "week"),
    "theatre_start_delay": (40, None, None, "working day"),
    "bed_occupancy_run": (20, None, None, "week"),
}
SYNTHETIC = [
    "falls",
    "sepsis_screening",
    "missed_appointments",
    "theatre_start_delay",
    "days_between_pressure_ulcers",
    "bed_occupancy_run",
    "sepsis_screening_by_deprivation",
    "ward_incidents",
]


@pytest.fixture(scope="module")
def package(project_root):
    return json.loads((project_root / "source_data" / "datapackage.json").read_text())


@pytest.fixture(scope="module")
def resources(package):
    return {resource["name"]: resource for resource in package["resources"]}


def _dates(table: pd.DataFrame) -> pd.Series:
    return table.select_dtypes("datetime").iloc[:, 0]


def test_names_are_every_csv_in_source_data(project_root):
    on_disk = sorted(path.stem for path in (project_root / "source_data").glob("*.csv"))
    assert sorted(data.names()) == on_disk
    assert set(SYNTHETIC) | {"ae_attendances", "ae_four_hour_by_month"} == set(on_disk)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_rows_dates_and_spacing_as_the_brief_requires(name):
    rows, first, last, spacing = EXPECTED[name]
    table = data.load(name)
    dates = _dates(table)
    assert len(table) == rows
    if first:
        assert (dates.min(), dates.max()) == (pd.Timestamp(first), pd.Timestamp(last))
    steps = dates.drop_duplicates().sort_values().diff().dropna()
    if spacing == "month":
        assert list(dates) == list(pd.date_range(dates.min(), periods=rows, freq="MS"))
    elif spacing == "week":
        assert (steps == pd.Timedelta(days=7)).all() and (dates.dt.day_of_week == 0).all()
    elif spacing == "working day":
        expected = pd.bdate_range(dates.min(), periods=rows)
        assert list(dates) == list(expected)


def test_pressure_ulcers_cover_about_two_years_and_gaps_match_dates():
    table = data.load("days_between_pressure_ulcers")
    dates = table["event_date"]
    assert dates.min() >= pd.Timestamp("2022-04-01") and dates.max() <= pd.Timestamp("2024-03-31")
    assert dates.is_monotonic_increasing
    assert pd.isna(table["days_since_previous"].iloc[0])
    assert list(table["days_since_previous"].iloc[1:]) == list(dates.diff().dt.days.iloc[1:])


@pytest.mark.parametrize("name", data.names())
def test_data_package_documents_rows_and_dates(name, resources):
    resource = resources[name]
    table = data.load(name)
    dates = _dates(table)
    assert resource["rows"] == len(table)
    assert resource["temporal"] == {
        "start": dates.min().strftime("%Y-%m-%d"),
        "end": dates.max().strftime("%Y-%m-%d"),
    }


@pytest.mark.parametrize("name", data.names())
def test_csv_is_tidy_and_matches_its_schema_exactly(name, resources, project_root):
    resource = resources[name]
    path = project_root / "source_data" / resource["path"]
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    fields = resource["schema"]["fields"]
    assert list(raw.columns) == [field["name"] for field in fields]
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", column) for column in raw.columns)
    for field in fields:
        assert field["description"] and "required" in field["constraints"]
        if field["type"] == "date":
            assert raw[field["name"]].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    if name in SYNTHETIC:
        assert path.stat().st_size < 50_000


@pytest.mark.parametrize("name", data.names())
def test_every_resource_has_licence_sources_and_provenance(name, resources):
    resource = resources[name]
    for key in ("name", "path", "title", "description", "licenses", "sources", "provenance"):
        assert resource[key], f"{name} has no {key}"
    origin = resource["provenance"]
    if name in SYNTHETIC:
        assert origin["type"] == "synthetic"
        assert origin["script"] == "source_data/make_synthetic.py"
        assert "synthetic" in resource["title"].lower()
        assert "synthetic" in resource["description"].lower()
        assert "planted" in resource["description"].lower()
    else:
        assert origin["type"] == "real"
        assert origin["licence"] == "OGL-UK-3.0"
        assert "Open Government Licence v3.0" in origin["attribution"]


def test_seed_in_data_package_is_the_scripts_seed(resources, project_root):
    script = (project_root / "source_data" / "make_synthetic.py").read_text()
    seed = int(re.search(r"^SEED = (\d+)$", script, re.MULTILINE).group(1))
    assert {resources[name]["provenance"]["seed"] for name in SYNTHETIC} == {seed}


def test_ae_attendances_is_the_shared_original_byte_for_byte(project_root):
    content = (project_root / "source_data" / "ae_attendances.csv").read_bytes()
    assert hashlib.sha256(content).hexdigest() == AE_SHA256


def test_ae_attendances_matches_its_readme():
    table = data.load("ae_attendances")
    assert table["org_code"].nunique() == 274
    assert set(table["type"]) == {"1", "2", "other"}
    assert table["period"].nunique() == 36


def test_four_hour_by_month_adds_up_from_the_source_rows():
    source = data.load("ae_attendances")
    derived = data.load("ae_four_hour_by_month").set_index(["org_code", "period"])
    major = source[source["type"] == "1"]
    leicester = major[major["org_code"] == "RWE"].set_index("period")
    assert len(leicester) == 36
    for period, row in leicester.iterrows():
        assert derived.loc[("RWE", period), "attendances"] == row["attendances"]
        assert derived.loc[("RWE", period), "breaches"] == row["breaches"]
    national = major.groupby("period")[["attendances", "breaches"]].sum()
    for period, row in national.iterrows():
        assert derived.loc[("ENGLAND", period), "attendances"] == row["attendances"]
        assert derived.loc[("ENGLAND", period), "breaches"] == row["breaches"]
    assert (derived["within_4h"] == derived["attendances"] - derived["breaches"]).all()


def test_attribution_lines():
    assert data.attribution("ae_attendances") == (
        "Contains public sector information licensed under the Open Government Licence v3.0. "
        "Source: NHS England A&E Attendances and Emergency Admissions."
    )
    assert data.attribution("ae_four_hour_by_month") == data.attribution("ae_attendances")
    for name in SYNTHETIC:  # in words, under every chart; the script and seed are in the guide
        assert data.attribution(name) == "Synthetic data made for this course, not real patients."


def test_the_data_guide_says_how_each_synthetic_set_was_made():
    guide = data.guide().read_text()
    assert "make_synthetic.py" in guide and all(f"`{name}`" in guide for name in SYNTHETIC)


def test_provenance_says_real_or_synthetic():
    real = data.provenance("ae_attendances")
    assert real["synthetic"] is False and real["script"] is None
    assert real["licence"] == "Open Government Licence v3.0"
    assert any("NHS England" in source["title"] for source in real["sources"])
    made = data.provenance("falls")
    assert made["synthetic"] is True and made["script"] == "source_data/make_synthetic.py"
    for key in ("title", "description", "licence", "attribution", "sources"):
        assert made[key]


def test_unknown_name_suggests_the_closest_and_lists_all():
    with pytest.raises(ValueError) as caught:
        data.load("fals")
    message = str(caught.value)
    assert "'fals'" in message and "Did you mean 'falls'?" in message
    assert all(name in message for name in data.names())


def test_loads_from_a_notebook_in_another_folder(project_root, tmp_path):
    folder = project_root / "course"
    code = "from qispread import data; print(len(data.load('falls')))"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "36"


def test_a_wrong_data_folder_gets_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv(data.FOLDER_VARIABLE, str(tmp_path))
    with pytest.raises(FileNotFoundError, match="QISPREAD_SOURCE_DATA.*datapackage.json"):
        data.names()
