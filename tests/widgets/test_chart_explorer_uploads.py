"""A learner's own file in the chart explorer, uploaded as she would (the corpus in tests/uploads,
described in its README): the chart shows the numbers in her file, or no chart and a plain reason.

The expected values are the numbers written in each corpus file."""

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from qispread.widgets.chart_explorer import ChartExplorer

CORPUS = Path(__file__).parents[1] / "uploads"


@pytest.fixture
def explorer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return ChartExplorer("my_chart.json", data="falls")


def upload(explorer: ChartExplorer, name: str) -> None:
    content = (CORPUS / name).read_bytes()
    explorer.ui.upload.value = ({"name": name, "type": "", "size": len(content),
                                 "content": memoryview(content),
                                 "last_modified": datetime(2024, 1, 1)},)


def charted(explorer: ChartExplorer, y: str, x: str | None = None) -> pd.DataFrame:
    """The points on the chart after choosing the columns, as the engine computed them."""
    if x is not None:
        explorer.ui.x.value = x
    explorer.ui.y.value = y
    assert explorer.outcome is not None, explorer.ui.messages.value
    return explorer.outcome.table


def problem(explorer: ChartExplorer) -> str:
    return explorer.ui.messages.value


@pytest.mark.parametrize(("name", "y", "values"), [
    ("excel_de_semicolon_decimal_comma.csv", "Quote je 1000 Bettentage",
     [4.25, 6.5, 3.1, 5.75, 2.05]),
    ("excel_fr_utf8_bom_thousands.csv", "Délai moyen (min)", [38.5, 41.25, 36, 44.75]),
    ("excel_fr_utf8_bom_thousands.csv", "Passages", [1204, 1187, 1310, 998]),
    ("excel_nl_tab_decimal_comma.txt", "Gemiddelde wachttijd", [12.5, 14.25, 11, 13.75]),
    ("libreoffice_comma_quoted_decimal_comma.csv", "Wartezeit", [4.5, 5.25, 3.75, 6]),
    ("one_column_decimal_comma.csv", "Wartezeit", [4.5, 3.25, 5]),
])
def test_numbers_with_a_decimal_comma_are_charted_as_the_numbers_in_the_file(explorer, name, y,
                                                                            values):
    upload(explorer, name)
    assert "decimal comma" in problem(explorer)  # said, not silent
    assert charted(explorer, y)["y"].tolist() == pytest.approx(values)
    assert explorer.ui.data_note.value.count("decimal comma") == 1


def test_a_decimal_comma_file_is_never_read_as_dates(explorer):
    upload(explorer, "excel_de_semicolon_decimal_comma.csv")
    table = charted(explorer, "Quote je 1000 Bettentage", x="Datum")
    assert table["x"].tolist()[:2] == [pd.Timestamp("2023-04-03"), pd.Timestamp("2023-04-10")]
    # as the course's data sets: the chart widget shows nanosecond dates as numbers (1.68×10¹⁸)
    assert table["x"].dtype == "datetime64[us]"
    assert table["cl"].iloc[0] == pytest.approx(4.25)  # the median of 4.25, 6.5, 3.1, 5.75, 2.05


@pytest.mark.parametrize(("name", "column", "texts"), [
    ("excel_uk_cp1252_pounds.csv", "Ward", ["Sainte-Thérèse", "Zoë Ward", "Renée Unit",
                                            "Sainte-Thérèse"]),
    ("excel_unicode_text.txt", "Month", ["Jan-24", "Feb-24", "Mar-24"]),
    ("excel_fr_utf8_bom_thousands.csv", "Semaine", [1, 2, 3, 4]),  # no BOM left in the name
])
def test_windows_1252_utf16_and_utf8_with_a_bom_keep_every_letter(explorer, name, column, texts):
    upload(explorer, name)
    assert explorer.frame[column].tolist() == texts


def test_amounts_in_pounds_are_numbers_with_a_note(explorer):
    upload(explorer, "excel_uk_cp1252_pounds.csv")
    assert "amounts of money" in problem(explorer)
    assert charted(explorer, "Agency spend", x="Week ending")["y"].tolist() == [
        1250, 980.5, 1105.25, 875]


def test_a_one_column_file_keeps_its_header_whole_and_is_charted_at_once(explorer):
    upload(explorer, "one_column.csv")
    assert list(explorer.frame.columns) == ["Minutes to antibiotics"]
    assert (explorer.model.x, explorer.model.y) == (None, "Minutes to antibiotics")
    assert explorer.outcome is not None
    assert explorer.outcome.table["y"].tolist() == [45, 38, 52, 41]


def test_new_data_the_chart_cannot_yet_use_never_leaves_the_old_chart_on_screen(explorer):
    explorer.ui.paste.value = "Ward,Lead\nOak,Sam\nAsh,Jo\n"
    explorer.ui.use_paste.click()
    assert explorer.outcome is None and len(explorer.ui.figure.shown.data) == 0
    assert "choose the columns" in explorer.ui.figure.shown.layout.annotations[0].text


def test_an_empty_column_is_left_out_with_a_message(explorer):
    upload(explorer, "blank_column.csv")
    assert list(explorer.frame.columns) == ["Week", "Falls"]
    assert [value for _label, value in explorer.ui.y.options] == [None, "Week", "Falls"]
    assert "Left out column C ('Comments'): it is empty." in problem(explorer)


def test_an_nhs_extract_loses_its_titles_totals_and_notes_each_named(explorer):
    upload(explorer, "nhs_extract_titles_totals_notes.csv")
    said = problem(explorer)
    assert list(explorer.frame.columns) == [
        "Month", "Total attendances", "Within 4 hours", "Percentage within 4 hours"]
    table = charted(explorer, "Total attendances", x="Month")
    assert table["y"].tolist() == [5120, 5402, 5288, 5611, 5377, 5190]
    assert table["x"].tolist()[0] == pd.Timestamp("2023-04-01")
    assert "Left out rows 1 to 3 above the column names (titles)" in said
    assert "Left out row 12 (totals): 'Total" in said
    assert "Left out rows 14 and 15 (notes under the table): 'Source: NHS England" in said


def test_percentages_written_with_a_percent_sign_are_read_as_the_number_with_a_note(explorer):
    upload(explorer, "percentages.csv")
    assert "percentages (80%) were read as the numbers (80)" in problem(explorer)
    assert charted(explorer, "Screened within 1 hour")["y"].tolist() == [80, 76, 85.5, 90]


def test_column_names_on_two_rows_are_joined_with_a_message(explorer):
    upload(explorer, "merged_header.csv")
    assert list(explorer.frame.columns) == ["Month", "Falls Count", "Falls Rate",
                                            "Pressure ulcers Count", "Pressure ulcers Rate"]
    assert "The column names are on two rows (1 and 2) and were joined" in problem(explorer)
    assert charted(explorer, "Falls Rate")["y"].tolist() == [1.2, 1.5, 0.8]


def test_an_excel_workbook_with_a_title_dates_percentages_and_a_total(explorer):
    upload(explorer, "workbook.xlsx")
    said = problem(explorer)
    table = charted(explorer, "Screened within 1 hour", x="Week starting")
    assert table["y"].tolist() == pytest.approx([81, 76.5, 90, 84])
    assert table["x"].tolist()[0] == pd.Timestamp("2024-01-01")
    assert "Left out row 1 above the column names" in said and "Left out row 8 (totals)" in said
    assert "the first, 'Sepsis', was read" in said


def test_a_value_column_with_words_is_refused_naming_the_rows_as_a_spreadsheet_counts(explorer):
    upload(explorer, "suppressed_values.csv")
    assert ("Column B ('Falls') holds numbers, except in rows 3 and 5 ('*', 'n/a')"
            in problem(explorer))


def test_a_failed_upload_clears_the_chart_and_says_so(explorer):
    upload(explorer, "percentages.csv")
    assert explorer.outcome is not None and len(explorer.ui.figure.shown.data) > 0
    upload(explorer, "suppressed_values.csv")
    assert explorer.outcome is None and explorer.frame is None
    assert len(explorer.ui.figure.shown.data) == 0
    assert "No chart" in explorer.ui.explanation.value
    assert "suppressed_values.csv" in explorer.ui.data_note.value
    assert "could not be read" in explorer.ui.data_note.value
    assert explorer.ui.point.options == ()


def test_dates_are_read_only_in_the_column_chosen_for_time(explorer):
    upload(explorer, "dates_as_values.csv")
    assert explorer.frame["Reviewed on"].tolist() == ["03/04/2023", "10/04/2023"]
    explorer.ui.x.value = "Week"
    explorer.ui.y.value = "Reviewed on"
    assert ("The column 'Reviewed on' holds words or dates, not numbers (rows 2 and 3"
            in problem(explorer))


@pytest.mark.parametrize(("name", "choice", "values"), [
    ("ambiguous_thousands.csv", ".", [1204, 1187, 1310]),
    ("ambiguous_thousands.csv", ",", [1.204, 1.187, 1.31]),
    ("mixed_decimal_marks.csv", ",", None),  # '4.5' is then not a number: refused, row named
])
def test_a_file_that_cannot_tell_its_decimal_mark_asks_and_is_read_as_chosen(explorer, name,
                                                                             choice, values):
    upload(explorer, name)
    assert "Decimal mark" in problem(explorer) and explorer.outcome is None
    explorer.ui.decimal.value = choice
    if values is None:
        assert "except in row 2 ('4.5')" in problem(explorer)
    else:
        assert charted(explorer, explorer.frame.columns[1])["y"].tolist() == pytest.approx(values)


def test_a_file_without_column_names_is_refused_in_plain_words(explorer):
    upload(explorer, "no_header.csv")
    assert "Row 1 holds numbers, not column names" in problem(explorer)


def test_a_table_pasted_from_a_european_spreadsheet(explorer):
    explorer.ui.paste.value = "Woche\tWartezeit\n1\t4,5\n2\t5,25\n3\t3,75\n"
    explorer.ui.use_paste.click()
    assert "The pasted table was read" in problem(explorer)
    assert charted(explorer, "Wartezeit")["y"].tolist() == [4.5, 5.25, 3.75]


def test_a_target_written_as_a_percentage_is_read_with_a_note(explorer):
    explorer.ui.making_data_count.value = True
    explorer.ui.target.value = "80%"
    assert explorer.model.target == 80
    assert "The target '80%' is read as 80." in problem(explorer)


def test_a_target_for_a_chart_of_proportions_says_what_to_type(explorer):
    explorer.ui.paste.value = "Week,Share\n1,0.81\n2,0.77\n3,0.9\n"
    explorer.ui.use_paste.click()
    explorer.ui.y.value = "Share"
    explorer.ui.making_data_count.value = True
    explorer.ui.target.value = "80%"
    assert "if they are proportions, type 0.8 for 80%" in problem(explorer)


def test_a_point_beyond_the_data_cannot_be_left_out(explorer):
    upload(explorer, "percentages.csv")
    explorer.ui.exclude.value = "2, 9"
    assert ("The chart has 4 points, so there is no point 9. Type point numbers from 1 to 4."
            in problem(explorer))
    assert explorer.model.exclude == [] and explorer.ui.exclude.value == "2, 9"


def test_what_was_left_out_and_the_files_row_numbers_survive_a_restart(explorer):
    upload(explorer, "nhs_extract_titles_totals_notes.csv")
    reopened = ChartExplorer("my_chart.json")
    assert "Left out row 12 (totals)" in reopened.ui.data_note.value
    reopened.ui.x.value = "Total attendances"
    reopened.ui.y.value = "Month"
    assert "'Month' holds words or dates, not numbers (rows 6 to 11" in problem(reopened)
