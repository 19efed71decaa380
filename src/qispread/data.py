"""The course's data sets: load one by name, check a table against its schema, give provenance.

The sets are described by datapackage.json (Frictionless Data Package style: a schema, licence and
provenance for every CSV). The repository's source_data/ folder is their one source; building the
wheel copies it into the package (qispread/source_data), so an installed qispread reads them
through importlib.resources with no repository nearby. In a checkout (an editable install) the
repository's folder is read directly. The environment variable QISPREAD_SOURCE_DATA overrides both.
"""

import difflib
import json
import math
import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd

from qispread.errors import DataNotFound, DataProblem

FOLDER_NAME = "source_data"
PACKAGE_FILE = "datapackage.json"
FOLDER_VARIABLE = "QISPREAD_SOURCE_DATA"
# In a checkout, src/qispread/data.py sits two folders below the repository's root.
CHECKOUT_FOLDER = Path(__file__).resolve().parents[2] / FOLDER_NAME

__all__ = ["names", "load", "check_table", "provenance", "attribution", "source_data_folder"]


def source_data_folder() -> Traversable:
    """The folder holding datapackage.json and the CSV files: the variable's, the installed
    package's, or the checkout's."""
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        folder = Path(chosen)
        if (folder / PACKAGE_FILE).is_file():
            return folder
        raise DataNotFound(
            f"{FOLDER_VARIABLE} is set to {chosen!r}, but there is no {PACKAGE_FILE} there. "
            f"Fix: point {FOLDER_VARIABLE} at the project's {FOLDER_NAME} folder, or unset it."
        )
    packaged = files("qispread") / FOLDER_NAME
    if packaged.joinpath(PACKAGE_FILE).is_file():
        return packaged
    if (CHECKOUT_FOLDER / PACKAGE_FILE).is_file():
        return CHECKOUT_FOLDER
    raise DataNotFound(
        f"The course's data sets are missing: neither the installed package nor {CHECKOUT_FOLDER} "
        f"holds {PACKAGE_FILE}. Fix: reinstall qispread (pip install --force-reinstall qispread), "
        f"or set {FOLDER_VARIABLE} to the path of a {FOLDER_NAME} folder."
    )


def _package() -> dict[str, Any]:
    text = source_data_folder().joinpath(PACKAGE_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def names() -> list[str]:
    """The names of all the data sets, in the order the data package lists them."""
    return [resource["name"] for resource in _package()["resources"]]


def _resource(name) -> dict:
    resources = {resource["name"]: resource for resource in _package()["resources"]}
    if name in resources:
        return resources[name]
    everything = ", ".join(resources)
    close = difflib.get_close_matches(str(name).removesuffix(".csv").lower(), resources, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise DataProblem(
        f"There is no data set called {name!r}.{hint} The data sets are: {everything}."
    )


def load(name: str) -> pd.DataFrame:
    """Read a data set by name, check it against its schema and return it with dates parsed."""
    resource = _resource(name)
    with source_data_folder().joinpath(resource["path"]).open("rb") as handle:
        raw = pd.read_csv(handle, dtype=str, keep_default_na=False, na_values=[])
    return _checked(raw, resource, where=f"{FOLDER_NAME}/{resource['path']}", from_file=True)


def check_table(table: pd.DataFrame, name: str) -> pd.DataFrame:
    """Check your own table against a data set's schema; return a copy with the columns converted.

    Raises DataProblem naming the column, the first bad row and how to fix it.
    """
    if not isinstance(table, pd.DataFrame):
        raise DataProblem(
            f"check_table needs a pandas DataFrame, not {type(table).__name__}. "
            "Fix: read your CSV first, e.g. table = pandas.read_csv('my_data.csv')."
        )
    return _checked(table, _resource(name), where="your table", from_file=False)


def provenance(name: str) -> dict:
    """Where a data set came from: title, description, licence, attribution, sources, synthetic
    (True or False), script and seed."""
    resource = _resource(name)
    origin = resource["provenance"]
    synthetic = origin["type"] == "synthetic"
    return {
        "name": resource["name"],
        "title": resource["title"],
        "description": resource["description"],
        "licence": "; ".join(licence["title"] for licence in resource["licenses"]),
        "attribution": _attribution(origin),
        "sources": resource["sources"],
        "synthetic": synthetic,
        "script": origin.get("script") or origin.get("derived_by"),
        "seed": origin.get("seed"),
        "rows": resource.get("rows"),
    }


def attribution(name: str) -> str:
    """A one-line credit to print under a chart of this data set."""
    return _attribution(_resource(name)["provenance"])


def guide() -> Path | None:
    """The course's guide to its data (docs/data.md; README.md in the installed package's data
    folder): where each set comes from, and how the synthetic ones were made."""
    packaged = Path(str(source_data_folder())) / "README.md"
    if packaged.is_file():
        return packaged
    checkout = CHECKOUT_FOLDER.parent / "docs" / "data.md"
    return checkout if checkout.is_file() else None


def _attribution(origin: dict) -> str:
    if origin["type"] == "synthetic":
        # the script and its seed are in the data guide (guide()), not under every chart
        return "Synthetic data made for this course, not real patients."
    return origin["attribution"]


def _shown(value) -> str:
    """A value as a learner would type it: text in quotes, numbers and dates plain."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value.item() if hasattr(value, "item") else value)


# --- checking a table against a schema -------------------------------------------------------


class _Place:
    """Says where a problem is, in the words a learner needs to find it."""

    def __init__(self, table: pd.DataFrame, where: str, from_file: bool):
        self.table, self.where, self.from_file = table, where, from_file

    def row(self, position: int) -> str:
        if self.from_file:
            return f"row {position + 1} (line {position + 2} of the file, counting the header)"
        label = _shown(self.table.index[position])
        return f"the row with index {label} (row {position + 1} counting from 1)"

    def problem(self, column: str, position: int | None, what: str, fix: str) -> DataProblem:
        at = f", {self.row(position)}" if position is not None else ""
        return DataProblem(f"{self.where}: column {column!r}{at}: {what} Fix: {fix}")


def _checked(table: pd.DataFrame, resource: dict, where: str, from_file: bool) -> pd.DataFrame:
    place = _Place(table, where, from_file)
    schema = resource["schema"]
    _check_columns_present(table, schema["fields"], place)
    result = table.reset_index(drop=True).copy()
    for field in schema["fields"]:
        result[field["name"]] = _converted(result[field["name"]], field, place)
    for field in schema["fields"]:
        if "atMostColumn" in field:
            _check_at_most(result, field["name"], field["atMostColumn"], place)
    _check_key(result, schema.get("primaryKey", []), place)
    result.index = table.index
    return result


def _check_columns_present(table: pd.DataFrame, fields: list[dict], place: _Place) -> None:
    present = [str(column) for column in table.columns]
    for field in fields:
        wanted = field["name"]
        if wanted in present:
            continue
        lowered = {column.strip().lower(): column for column in present}
        close = difflib.get_close_matches(wanted, list(lowered), n=1, cutoff=0.6)
        meaning = field["description"].rstrip(".")
        hint = (
            f"rename the column {lowered[close[0]]!r} to {wanted!r}"
            if close
            else f"add a column named {wanted!r} ({meaning[0].lower() + meaning[1:]})"
        )
        raise place.problem(
            wanted,
            None,
            f"this column is missing; the table has columns {', '.join(map(repr, present))}.",
            f"{hint}. Column names must match exactly, in lower case.",
        )


def _is_blank(values: pd.Series) -> pd.Series:
    return values.isna() | values.astype(str).str.strip().eq("")


def _first(mask: pd.Series) -> int | None:
    hits = mask.to_numpy().nonzero()[0]
    return int(hits[0]) if len(hits) else None


def _converted(values: pd.Series, field: dict, place: _Place) -> pd.Series:
    name, kind = field["name"], field["type"]
    constraints = field.get("constraints", {})
    blank = _is_blank(values)
    if constraints.get("required") and (row := _first(blank)) is not None:
        raise place.problem(name, row, "this value is empty.", "fill it in, or remove the row.")
    converted, bad, what, fix = _CONVERTERS[kind](values, blank)
    if (row := _first(bad)) is not None:
        raise place.problem(name, row, f"{_shown(values.iloc[row])} {what}", fix)
    _check_constraints(converted, blank, field, place)
    return converted


def _as_numbers(values: pd.Series, blank: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(values):
        return pd.Series(math.nan, index=values.index)
    text = values.where(~blank).astype(object)
    return pd.to_numeric(
        text.map(lambda v: v.strip() if isinstance(v, str) else v), errors="coerce"
    )


def _integers(values: pd.Series, blank: pd.Series):
    numbers = _as_numbers(values, blank)
    bad = ~blank & (numbers.isna() | ~numbers.map(lambda v: math.isfinite(v) and v == int(v)))
    if bad.any():
        converted = numbers
    else:
        converted = numbers.astype("Int64" if blank.any() else "int64")
    return (
        converted,
        bad,
        "is not a whole number.",
        "use digits only, e.g. 12: no decimal point, commas, spaces, units or words.",
    )


def _numbers(values: pd.Series, blank: pd.Series):
    numbers = _as_numbers(values, blank).astype(float)
    bad = ~blank & ~numbers.map(math.isfinite)
    return numbers, bad, "is not a number.", "use digits and at most one decimal point, e.g. 6.5."


def _dates(values: pd.Series, blank: pd.Series):
    if pd.api.types.is_datetime64_any_dtype(values):
        return values, pd.Series(False, index=values.index), "", ""
    text = values.where(~blank).astype(object).map(lambda v: v if pd.isna(v) else str(v).strip())
    dates = pd.to_datetime(text, format="ISO8601", errors="coerce")
    return (
        dates,
        ~blank & dates.isna(),
        "is not a date written year-month-day.",
        "write dates as YYYY-MM-DD, e.g. 2023-04-03 for 3 April 2023.",
    )


def _strings(values: pd.Series, blank: pd.Series):
    text = values.where(~blank).astype(object).map(lambda v: v if pd.isna(v) else str(v))
    return text.astype("str"), pd.Series(False, index=values.index), "", ""


_CONVERTERS = {"integer": _integers, "number": _numbers, "date": _dates, "string": _strings}


def _check_constraints(values: pd.Series, blank: pd.Series, field: dict, place: _Place) -> None:
    name = field["name"]
    constraints = field.get("constraints", {})
    present = values.where(~blank)
    if "minimum" in constraints:
        low = constraints["minimum"]
        row = _first(~blank & (present < low).fillna(False).astype(bool))
        if row is not None:
            raise place.problem(
                name,
                row,
                f"{_shown(values.iloc[row])} is less than {low}.",
                f"{name} cannot be below {low}; check for a typing error or a minus sign.",
            )
    if "maximum" in constraints:
        high = constraints["maximum"]
        row = _first(~blank & (present > high).fillna(False).astype(bool))
        if row is not None:
            raise place.problem(
                name,
                row,
                f"{_shown(values.iloc[row])} is more than {high}.",
                f"{name} cannot be above {high}; check for a typing error.",
            )
    if "enum" in constraints:
        allowed = constraints["enum"]
        row = _first(~blank & ~values.astype(str).isin(allowed))
        if row is not None:
            raise place.problem(
                name,
                row,
                f"{_shown(values.iloc[row])} is not one of the allowed values.",
                f"use one of {', '.join(map(repr, allowed))}.",
            )
    if constraints.get("unique"):
        row = _first(~blank & present.duplicated())
        if row is not None:
            raise place.problem(
                name,
                row,
                f"{_shown(values.iloc[row])} appears more than once.",
                "each value may appear only once; remove or correct the repeated row.",
            )


def _check_at_most(table: pd.DataFrame, name: str, limit: str, place: _Place) -> None:
    over = (table[name] > table[limit]).fillna(False).astype(bool)
    if (row := _first(over)) is not None:
        raise place.problem(
            name,
            row,
            f"{table[name].iloc[row]} is more than {limit} ({table[limit].iloc[row]}).",
            f"{name} counts part of {limit}, so it cannot be larger; check the two values.",
        )


def _check_key(table: pd.DataFrame, key: list[str], place: _Place) -> None:
    if not key:
        return
    if (row := _first(table.duplicated(subset=key))) is not None:
        same = (table[key] == table[key].iloc[row]).all(axis=1)
        what = " and ".join(key)
        raise place.problem(
            " + ".join(key),
            row,
            f"this row has the same {what} as {place.row(int(same.to_numpy().argmax()))}.",
            f"each row must be for a different {what}; remove the repeated row or correct it.",
        )
