"""Render one PNG per chart type from the course's data sets, for the docs and for looking at.

Run from the project root: .venv/bin/python docs/images/charts/render.py
"""

from pathlib import Path

import numpy as np
import pandas as pd

from qispread import data
from qispread.plots.export import save_image
from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure
from qispread.spc import ptd, qic

HERE = Path(__file__).resolve().parent


def _subgroups() -> pd.DataFrame:
    """Five theatre lists a day: minutes late for each list (synthetic, seeded), for xbar and s."""
    rng = np.random.default_rng(2024)
    days = data.load("theatre_start_delay")["date"]
    return pd.DataFrame({"date": np.repeat(days.to_numpy(), 5),
                         "minutes": rng.gamma(4, 5.5, size=len(days) * 5).round()})


def charts():
    falls = data.load("falls")
    sepsis = data.load("sepsis_screening")
    dna = data.load("missed_appointments")
    theatre = data.load("theatre_start_delay")
    ulcers = data.load("days_between_pressure_ulcers")
    occupancy = data.load("bed_occupancy_run")
    per_month = ulcers.assign(month=ulcers["event_date"].dt.to_period("M").dt.to_timestamp())
    ulcer_counts = per_month.groupby("month").size().rename("ulcers").reset_index()
    theatre_args = {"x": "date", "y": "minutes_late", "data": theatre}
    yield "run", qic(x="week_starting", y="occupancy_percent", data=occupancy), "Bed occupancy (%)"
    yield "i", qic(chart="i", **theatre_args), "Minutes late"
    yield "mr", qic(chart="mr", **theatre_args), "Moving range (minutes)"
    sub = _subgroups()
    yield "xbar", qic(x="date", y="minutes", data=sub, chart="xbar"), "Mean minutes late"
    yield "s", qic(x="date", y="minutes", data=sub, chart="s"), "SD of minutes late"
    yield "t", qic(x="event_number", y="days_since_previous", data=ulcers.dropna(), chart="t"), \
        "Days between ulcers"
    yield "g", qic(x="event_number", y="days_since_previous", data=ulcers.dropna(), chart="g"), \
        "Days between ulcers"
    yield "p", qic(x="week_starting", y="screened_within_1h", n="eligible", data=sepsis,
                   chart="p", multiply=100), "% screened within an hour"
    yield "pp", qic(x="week_starting", y="did_not_attend", n="booked", data=dna, chart="pp",
                    multiply=100), "% did not attend"
    yield "c", qic(x="month", y="ulcers", data=ulcer_counts, chart="c"), "Pressure ulcers a month"
    yield "u", qic(x="period", y="falls", n="occupied_bed_days", data=falls, chart="u",
                   multiply=1000, freeze=19), "Falls per 1,000 bed days"
    yield "up", qic(x="period", y="falls", n="occupied_bed_days", data=falls, chart="up",
                    multiply=1000), "Falls per 1,000 bed days"


def main() -> None:
    for chart, result, ylab in charts():
        save_image(qic_figure(result, title=f"{chart} chart", ylab=ylab), HERE / f"{chart}.png")
    ae = data.load("ae_four_hour_by_month")
    england = ae[ae["org_code"] == ae["org_code"].iloc[-1]]
    result = ptd(data=england.assign(pct=england["within_4h"] / england["attendances"]),
                 x="period", y="pct", improvement_direction="increase", target=0.95)
    save_image(ptd_figure(result, title="Making Data Count: four-hour standard", percentage=True),
             HERE / "ptd.png")


if __name__ == "__main__":
    main()
