"""Writes the awkward-file corpus in this folder (run: python tests/uploads/make_corpus.py).

Each file is written byte for byte the way the program named in README.md saves such a table:
its encoding, byte-order mark, line endings, separator, decimal mark and quoting. The tables are
made up (no real patients); the NHS-style extract copies the layout of NHS England's published
statistics files (titles above, notes and a totals row below), not their numbers.
"""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

HERE = Path(__file__).parent


def write(name: str, text: str, encoding: str = "utf-8", newline: str = "\r\n",
          bom: bytes = b"") -> None:
    body = text.replace("\n", newline).encode(encoding)
    (HERE / name).write_bytes(bom + body)


def texts() -> None:
    # Excel, German locale, "CSV (Trennzeichen-getrennt)": Windows-1252, CRLF, semicolons,
    # decimal comma, dates as dd.mm.yyyy
    write("excel_de_semicolon_decimal_comma.csv",
          "Datum;Stürze;Quote je 1000 Bettentage\n"
          "03.04.2023;4;4,25\n10.04.2023;6;6,5\n17.04.2023;3;3,1\n24.04.2023;5;5,75\n"
          "01.05.2023;2;2,05\n", encoding="cp1252")
    # Excel, French locale, "CSV UTF-8": byte-order mark, CRLF, semicolons, decimal comma and a
    # narrow no-break space between thousands (as Excel writes a number formatted with them)
    write("excel_fr_utf8_bom_thousands.csv",
          "Semaine;Passages;Délai moyen (min)\n"
          "1;1\u202f204;38,5\n2;1\u202f187;41,25\n3;1\u202f310;36\n4;998;44,75\n",
          bom=codecs.BOM_UTF8)
    # Excel, UK locale, "CSV (Comma delimited)": Windows-1252, CRLF, commas, £ amounts quoted
    # because they contain the thousands comma, accented names, dates as dd/mm/yyyy
    write("excel_uk_cp1252_pounds.csv",
          "Week ending,Ward,Agency spend\n"
          '07/04/2023,Sainte-Thérèse,"£1,250.00"\n14/04/2023,Zoë Ward,£980.50\n'
          '21/04/2023,Renée Unit,"£1,105.25"\n28/04/2023,Sainte-Thérèse,£875.00\n',
          encoding="cp1252")
    # Excel "Unicode Text (*.txt)": UTF-16 little-endian with its byte-order mark, tabs, CRLF
    write("excel_unicode_text.txt",
          "Month\tReferrals\tSeen in 2 weeks\nJan-24\t120\t101\nFeb-24\t131\t118\n"
          "Mar-24\t125\t99\n", encoding="utf-16-le", bom=codecs.BOM_UTF16_LE)
    # Excel, Dutch locale, "Text (Tab delimited)": Windows-1252, tabs, decimal comma
    write("excel_nl_tab_decimal_comma.txt",
          "Week\tGemiddelde wachttijd\n1\t12,5\n2\t14,25\n3\t11\n4\t13,75\n", encoding="cp1252")
    # LibreOffice Calc (German locale) exported with comma separators: UTF-8, LF, and the
    # numbers with a decimal comma quoted because they contain the separator
    write("libreoffice_comma_quoted_decimal_comma.csv",
          'Woche,Wartezeit\n1,"4,5"\n2,"5,25"\n3,"3,75"\n4,6\n', newline="\n")
    # NHS England statistics style: title rows, a blank row, the header, thousands commas,
    # percentages, a totals row, a blank row and notes under the table
    write("nhs_extract_titles_totals_notes.csv",
          "A&E Attendances and Emergency Admissions,,,\n"
          "Provider: Example NHS Foundation Trust (synthetic),,,\n"
          "Period: April 2023 to September 2023,,,\n"
          ",,,\n"
          "Month,Total attendances,Within 4 hours,Percentage within 4 hours\n"
          'Apr-23,"5,120","3,901",76.2%\nMay-23,"5,402","4,010",74.2%\n'
          'Jun-23,"5,288","4,102",77.6%\nJul-23,"5,611","4,095",73.0%\n'
          'Aug-23,"5,377","4,161",77.4%\nSep-23,"5,190","3,960",76.3%\n'
          'Total,"31,988","24,229",75.7%\n'
          ",,,\n"
          '"Source: NHS England, A&E Attendances and Emergency Admissions (layout only)",,,\n'
          "* Figures for September are provisional,,,\n", encoding="cp1252")
    # Two rows of column names, as a sheet with merged cells ("Falls" over two columns) saves
    write("merged_header.csv",
          ",Falls,,Pressure ulcers,\nMonth,Count,Rate,Count,Rate\n"
          "Jan-24,3,1.2,2,0.8\nFeb-24,4,1.5,1,0.4\nMar-24,2,0.8,3,1.1\n")
    write("percentages.csv",
          "Week,Screened within 1 hour\n1,80%\n2,76%\n3,85.5%\n4,90%\n")
    write("one_column.csv", "Minutes to antibiotics\n45\n38\n52\n41\n")
    write("one_column_decimal_comma.csv", "Wartezeit\n4,5\n3,25\n5\n", encoding="cp1252")
    write("blank_column.csv",
          "Week,Falls,Comments,\n1,3,,\n2,5,,\n3,4,,\n")
    # Refused or asked about
    write("suppressed_values.csv",
          "Month,Falls\nJan-24,3\nFeb-24,*\nMar-24,4\nApr-24,n/a\nMay-24,5\n")
    write("mixed_decimal_marks.csv", "Week;Rate\n1;4.5\n2;3,25\n3;5\n")
    write("ambiguous_thousands.csv", "Week;Attendances\n1;1,204\n2;1,187\n3;1,310\n")
    write("no_header.csv", "1,3\n2,5\n3,4\n")
    write("dates_as_values.csv", "Week,Reviewed on\n1,03/04/2023\n2,10/04/2023\n")


def workbook() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sepsis"
    sheet["A1"] = "Sepsis screening, Emergency Department (synthetic)"
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["Week starting", "Patients screened", "Screened within 1 hour"])
    for day, screened, share in ((date(2024, 1, 1), 52, 0.81), (date(2024, 1, 8), 47, 0.765),
                                 (date(2024, 1, 15), 55, 0.9), (date(2024, 1, 22), 50, 0.84)):
        sheet.append([day, screened, share])
    for row in sheet.iter_rows(min_row=4, min_col=1, max_col=1):
        row[0].number_format = "DD/MM/YYYY"
    for row in sheet.iter_rows(min_row=4, min_col=3, max_col=3):
        row[0].number_format = "0.0%"
    sheet.append(["Total", 204, 0.83])
    book.create_sheet("Notes")["A1"] = "Made up for the course."
    book.save(HERE / "workbook.xlsx")


if __name__ == "__main__":
    texts()
    workbook()
