"""The reader of a learner's own table (models/spreadsheet.py and the modules it uses): the rules
the chart explorer relies on, one by one, including the cases the corpus files do not cover."""

import codecs

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qispread.errors import DataProblem
from qispread.models.date_column import as_dates
from qispread.models.number_text import mark_evidence
from qispread.models.spreadsheet import (
    ReadingChoices,
    read_pasted,
    read_saved,
    read_upload,
    rows_named,
    to_saved,
)
from qispread.models.typed_values import typed_number, typed_point_numbers, typed_whole_number


@pytest.mark.parametrize(("text", "evidence"), [
    ("4.5", "."), ("4,5", ","), ("1,234.5", "."), ("1.234,5", ","), ("1 234,5", ","),
    ("12", "same"), ("80%", "same"), ("−3", "same"), ("1,234", "ambiguous"),
    ("1.234", "ambiguous"), ("n/a", "none"), ("*", "none"), ("-", "none"),
    ("2024-01-31", "none"), ("31.01.2024", "none"),
])
def test_what_a_written_number_tells_about_the_decimal_mark(text, evidence):
    assert mark_evidence(text) == evidence


def test_rows_are_named_as_a_spreadsheet_numbers_them():
    assert rows_named([7]) == "row 7"
    assert rows_named([7, 12]) == "rows 7 and 12"
    assert rows_named([1, 2, 3]) == "rows 1 to 3"
    assert rows_named([2, 4, 6, 8, 10, 12, 14]) == "rows 2, 4, 6, 8, 10 and 2 more"


def test_the_first_data_row_is_row_2_in_messages():
    with pytest.raises(DataProblem, match=r"except in row 2 \('none'\)"):
        read_pasted("week,falls\n1,none\n2,3\n3,4\n")


def test_excel_sep_line_names_the_separator_and_keeps_the_row_numbers():
    read = read_upload("x.csv", b"sep=;\r\nWeek;Rate\r\n1;4,5\r\n2;3\r\n")
    assert read.frame["Rate"].tolist() == [4.5, 3] and read.rows == (3, 4)
    with pytest.raises(DataProblem, match="row 4"):
        read_upload("x.csv", b"sep=;\r\nWeek;Rate\r\n1;4,5\r\n2;n/a\r\n3;5\r\n4;6\r\n")


def test_a_file_two_separators_fit_asks_which_and_is_read_as_chosen():
    text = "ward;score,team\nOak;1,2\nAsh;3,4\n"
    with pytest.raises(DataProblem, match="commas or semicolons.*'Columns separated by'"):
        read_pasted(text)
    assert list(read_pasted(text, ReadingChoices(separator=";")).frame.columns) == [
        "ward", "score,team"]
    assert list(read_pasted(text, ReadingChoices(separator=",")).frame.columns) == [
        "ward;score", "team"]


def test_unquoted_decimal_commas_in_a_comma_file_are_refused_with_the_likely_cause():
    with pytest.raises(DataProblem, match=r"Rows 2 and 3 have more values than there are column "
                                          r"names in row 1.*decimal comma"):
        read_pasted("week,rate\n1,4,5\n2,3,25\n")


@pytest.mark.parametrize(("content", "words"), [
    (b"week,falls\n1,3\n", None),
    ("week,falls\n1,3\n".encode("utf-16"), None),
    (codecs.BOM_UTF8 + b"week,falls\n1,3\n", None),
    ("wärd,falls\nSt Agnès,3\n".encode("cp1252"), None),
    (b"ward,falls\nA\x81,3\n", None),  # a byte Windows-1252 leaves undefined
    (b"\x00\x01\x02\x03binary", "does not hold text"),
])
def test_encodings(content, words):
    if words:
        with pytest.raises(DataProblem, match=words):
            read_upload("f.csv", content)
    else:
        frame = read_upload("f.csv", content).frame
        assert frame.iloc[0, 1] == 3 and frame.columns[1] == "falls"


@pytest.mark.parametrize(("name", "words"), [
    ("old.xls", "save a copy as an Excel workbook"), ("sheet.ods", "save a copy"),
    ("chart.pdf", "not a CSV or Excel file"), ("broken.xlsx", "could not be opened"),
])
def test_files_that_are_not_tables_we_read_are_refused_saying_what_to_save(name, words):
    with pytest.raises(DataProblem, match=words):
        read_upload(name, b"not a spreadsheet")


def test_columns_without_a_name_or_with_the_same_name_are_refused_naming_them():
    with pytest.raises(DataProblem, match="Column B has values but no name in row 1"):
        read_pasted("week,,falls\n1,2,3\n2,3,4\n")
    with pytest.raises(DataProblem, match="Two columns are called 'falls'"):
        read_pasted("week,falls,falls\n1,2,3\n2,3,4\n")


def test_a_short_title_with_a_number_is_not_taken_for_data():
    read = read_pasted("Year,2024,,\nweek,falls,beds,ward\n1,3,400,Oak\n2,5,410,Ash\n")
    assert list(read.frame.columns) == ["week", "falls", "beds", "ward"]
    assert read.rows == (3, 4)


def test_only_real_notes_and_totals_are_left_out():
    read = read_pasted("procedure,cases\nTotal hip replacement,12\nKnee,9\nWeek 52\n"
                       "Total,21\n")
    assert read.frame["procedure"].tolist() == ["Total hip replacement", "Knee", "Week 52"]
    assert any("row 5 (totals)" in note for note in read.notes)


def test_negative_numbers_and_spaces_are_numbers():
    frame = read_pasted("week;change\n1;-3\n2; 4 \n3;−2,5\n").frame
    assert frame["change"].tolist() == [-3, 4, -2.5]


def test_a_saved_table_reads_back_as_it_was_read():
    read = read_upload("f.csv", b"Month;Rate;Ward\nJan-24;4,5;Oak\nFeb-24;;Ash\n")
    again = read_saved(to_saved(read.frame))
    assert again["Rate"].tolist()[0] == 4.5 and pd.isna(again["Rate"].tolist()[1])
    assert again["Month"].tolist() == ["Jan-24", "Feb-24"]


@settings(max_examples=40, deadline=None)
@given(values=st.lists(st.integers(-10**6, 10**6), min_size=2, max_size=30),
       export=st.sampled_from([(";", ","), (",", "."), ("\t", ","), ("\t", ".")]))
def test_any_locales_export_of_numbers_reads_back_as_the_same_numbers(values, export):
    separator, mark = export
    numbers = [value / 100 for value in values]  # two decimal places, as spreadsheets show
    frame = pd.DataFrame({"week": range(1, len(numbers) + 1), "rate": numbers})
    text = frame.to_csv(sep=separator, decimal=mark, index=False)
    assert read_upload("f.csv", text.encode("utf-8")).frame["rate"].tolist() == pytest.approx(
        numbers)


@pytest.mark.parametrize(("texts", "first"), [
    (["2024-01-31", "2024-02-01"], "2024-01-31"), (["31/01/2024", "01/02/2024"], "2024-01-31"),
    (["31.01.2024"], "2024-01-31"), (["Jan-24", "Feb-24"], "2024-01-01"),
    (["January 2024"], "2024-01-01"), (["31-Jan-2024"], "2024-01-31"),
    (["2024-01"], "2024-01-01"),
])
def test_time_columns_in_uk_and_european_ways_of_writing_dates(texts, first):
    assert as_dates(pd.Series(texts, dtype=object)).iloc[0] == pd.Timestamp(first)


def test_numbers_and_half_dates_are_never_dates():
    assert as_dates(pd.Series([4.25, 6.5])) is None
    assert as_dates(pd.Series(["31/01/2024", "soon"], dtype=object)) is None


@pytest.mark.parametrize(("typed", "value", "note"), [
    ("95", 95, None), ("80%", 80, "read as 80."), ("92,5", 92.5, "a decimal comma"),
    ("", None, None),
])
def test_a_typed_number(typed, value, note):
    read = typed_number(typed, "The target", "95")
    assert read.value == value
    assert (note is None and read.note is None) or note in (read.note or "")


@pytest.mark.parametrize(("typed", "words"), [
    ("ninety", "The target 'ninety' is not a number. Type a number such as 95"),
    ("1,000", "Leave out the thousands separator"),
])
def test_a_typed_number_that_cannot_be_read_says_what_to_type(typed, words):
    with pytest.raises(DataProblem, match=words):
        typed_number(typed, "The target", "95")


def test_typed_whole_numbers_and_point_numbers_name_the_allowed_range():
    assert typed_whole_number(" 7 ", "Run number", 0, 10) == 7
    with pytest.raises(DataProblem, match="Run number: 11 is more than this tool allows. Type a "
                                          "whole number from 0 to 10."):
        typed_whole_number("11", "Run number", 0, 10)
    assert typed_point_numbers("3, 7 10", last=10) == [3, 7, 10]
    with pytest.raises(DataProblem, match="from 1 to 10"):
        typed_point_numbers("3, 11", last=10)
