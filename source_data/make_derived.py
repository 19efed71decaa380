"""Make ae_four_hour_by_month.csv from the real NHS England data in ae_attendances.csv.

Derived from real data, not synthetic. For each month from April 2016 to March 2019 it gives the
type-1 (major) emergency department attendances, four-hour breaches and attendances seen within
four hours (attendances minus breaches) for:

- RWE, University Hospitals of Leicester NHS Trust: one trust with all 36 months present;
- England: the sum of every type-1 row in the month (whichever trusts reported that month).

Deterministic: the same input always gives a byte-identical output.

Usage: python source_data/make_derived.py [OUTPUT_FOLDER]   (default: this folder)
"""

import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
TRUST_CODE = "RWE"
TRUST_NAME = "University Hospitals of Leicester NHS Trust"
OUTPUT_NAME = "ae_four_hour_by_month.csv"


def _monthly_totals(rows: pd.DataFrame, code: str, name: str) -> pd.DataFrame:
    totals = rows.groupby("period", as_index=False)[["attendances", "breaches"]].sum()
    totals["within_4h"] = totals["attendances"] - totals["breaches"]
    return totals.assign(org_code=code, org_name=name)


def four_hour_by_month(attendances: pd.DataFrame) -> pd.DataFrame:
    major = attendances[attendances["type"].astype(str) == "1"]
    trust = _monthly_totals(major[major["org_code"] == TRUST_CODE], TRUST_CODE, TRUST_NAME)
    england = _monthly_totals(major, "ENGLAND", "England (all type-1 departments)")
    table = pd.concat([trust, england], ignore_index=True)
    return table[["period", "org_code", "org_name", "attendances", "breaches", "within_4h"]]


def main(output_folder: Path = HERE) -> Path:
    source = pd.read_csv(HERE / "ae_attendances.csv", dtype={"type": str})
    table = four_hour_by_month(source)
    if table[table["org_code"] == TRUST_CODE]["period"].nunique() != 36:
        raise SystemExit(
            f"{TRUST_CODE} should have 36 months of type-1 data; check the source file."
        )
    target = Path(output_folder) / OUTPUT_NAME
    table.to_csv(target, index=False, lineterminator="\n")
    return target


if __name__ == "__main__":
    print(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
