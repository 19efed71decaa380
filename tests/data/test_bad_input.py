"""A learner's own CSV with a mistake gets a message naming the column, the row and the fix."""

import shutil

import pandas as pd
import pytest

from qispread import data

GOOD_FALLS = """period,falls,occupied_bed_days,note
2024-01-01,52,9100,
2024-02-01,48,8600,
2024-03-01,50,9000,Bundle started
"""


def _problem(csv_text, name, tmp_path):
    path = tmp_path / "my_data.csv"
    path.write_text(csv_text)
    with pytest.raises(ValueError) as caught:
        data.check_table(pd.read_csv(path), name)
    return str(caught.value)


def test_a_good_learner_csv_passes_and_gets_typed_columns(tmp_path):
    path = tmp_path / "my_data.csv"
    path.write_text(GOOD_FALLS)
    table = data.check_table(pd.read_csv(path), "falls")
    assert pd.api.types.is_datetime64_any_dtype(table["period"])
    assert table["falls"].tolist() == [52, 48, 50]


def test_missing_column(tmp_path):
    message = _problem(GOOD_FALLS.replace(",occupied_bed_days", ""), "falls", tmp_path)
    assert "'occupied_bed_days'" in message and "missing" in message
    assert "Fix: add a column named 'occupied_bed_days'" in message


def test_column_name_in_capitals_is_named_for_renaming(tmp_path):
    message = _problem(GOOD_FALLS.replace("falls,", "Falls,"), "falls", tmp_path)
    assert "rename the column 'Falls' to 'falls'" in message


def test_text_in_a_number_column(tmp_path):
    message = _problem(GOOD_FALLS.replace("48,", "forty-eight,"), "falls", tmp_path)
    assert "column 'falls'" in message
    assert "row 2" in message and "'forty-eight'" in message
    assert "is not a whole number" in message and "Fix:" in message


def test_negative_count(tmp_path):
    message = _problem(GOOD_FALLS.replace("50,", "-50,"), "falls", tmp_path)
    assert "column 'falls'" in message and "row 3" in message
    assert "-50 is less than 0" in message and "Fix:" in message


@pytest.mark.parametrize(
    ("change", "column", "row", "words"),
    [
        (("2024-02-01", "01/02/2024"), "period", "row 2", "YYYY-MM-DD"),
        (("52,9100", ",9100"), "falls", "row 1", "empty"),
        (("2024-03-01", "2024-02-01"), "period", "row 3", "same period as"),
        (("8600", "0"), "occupied_bed_days", "row 2", "less than 1"),
    ],
)
def test_other_mistakes_name_column_row_and_fix(tmp_path, change, column, row, words):
    message = _problem(GOOD_FALLS.replace(*change), "falls", tmp_path)
    assert f"'{column}'" in message and row in message and words in message
    assert "Fix:" in message


def test_numerator_larger_than_denominator(tmp_path):
    csv = (
        "week,week_starting,eligible,screened_within_1h,note\n"
        "1,2024-01-01,40,38,\n"
        "2,2024-01-08,40,41,\n"
    )
    message = _problem(csv, "sepsis_screening", tmp_path)
    assert "'screened_within_1h'" in message and "row 2" in message
    assert "more than eligible" in message


def test_a_value_outside_the_allowed_list(tmp_path):
    csv = "period,org_code,type,attendances,breaches,admissions\n2024-01-01,RWE,major,10,1,1\n"
    message = _problem(csv, "ae_attendances", tmp_path)
    assert "'type'" in message and "'major'" in message and "'other'" in message


def test_not_a_table_at_all():
    with pytest.raises(ValueError, match="needs a pandas DataFrame.*read_csv"):
        data.check_table([1, 2, 3], "falls")


def test_a_hand_edited_course_file_names_the_file_and_line(project_root, tmp_path, monkeypatch):
    copy = tmp_path / "source_data"
    shutil.copytree(project_root / "source_data", copy)
    lines = (copy / "falls.csv").read_text().splitlines(keepends=True)
    lines[7] = lines[7].replace(",", ",x", 1)
    (copy / "falls.csv").write_text("".join(lines))
    monkeypatch.setenv(data.FOLDER_VARIABLE, str(copy))
    with pytest.raises(ValueError) as caught:
        data.load("falls")
    message = str(caught.value)
    assert message.startswith("source_data/falls.csv: column 'falls'")
    assert "line 8 of the file" in message
