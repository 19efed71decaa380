"""Make the synthetic teaching data sets in source_data/. Not real patients: every number is drawn
from the models below with numpy's default_rng, so every run writes the same files.

Seeding: each set has its own generator, ``numpy.random.default_rng((SEED, k))`` with SEED = 19
and k its number below, so changing one set's model leaves the others untouched. The seed was
picked so that every planted signal shows as designed; tests/data/ check each one.

1. falls.csv: monthly inpatient falls and occupied bed days for a 320-bed hospital, April 2021 to
   March 2024 (36 months), for a u chart of falls per 1,000 occupied bed days.
   Model: bed days = 320 x days in month x occupancy, occupancy ~ Normal(0.90, 0.015) plus 0.03 in
   December to March; falls ~ Poisson(rate x bed days / 1000).
   Planted: rate 6.6 per 1,000 bed days in months 1-19; a falls prevention bundle introduced at
   month 20 (November 2022) lowers it to 5.2 from then on: a sustained shift down that the Anhøj run
   rules detect, with no point outside the u chart's 3-sigma limits.

2. sepsis_screening.csv: weekly patients screened for sepsis within one hour of arrival out of those
   eligible, 52 weeks from 3 April 2023, for a p chart.
   Model: eligible ~ Poisson(48); screened ~ Binomial(eligible, p).
   Planted: p = 0.60 in weeks 1-17; a PDSA ramp starting week 18 raises p in a straight line to 0.86
   by week 33, where it stays; in week 44 an IT outage (the electronic screening prompt was down,
   paper tool used) gives p = 0.30, a single special-cause low point below the p chart's lower
   limit.

3. missed_appointments.csv: weekly outpatient appointments booked and did not attend (DNA) for a
   large outpatient clinic, 60 weeks from 5 September 2022.
   Model: booked ~ round(Normal(1150, 60)); the week's true DNA rate is
   logistic(logit(p0) + Normal(0, 0.13)); DNAs ~ Binomial(booked, that rate). The week-to-week
   variation of the rate is larger than the binomial allows (overdispersion: Laney's sigma_z is
   well above 1), so with about 1,150 appointments a week a plain p chart's limits are too narrow
   and flag many ordinary weeks; Laney's p' chart is the right chart.
   Planted: p0 = 0.085 in weeks 1-39; SMS reminders from week 40 lower it to p0 = 0.062.

4. theatre_start_delay.csv: minutes late for the first theatre case of the day, 40 working days from
   Monday 8 January 2024 (no bank holidays in the period), for an I (XmR) chart.
   Model: minutes ~ round(Normal(22, 7)), at least 0. Planted: nothing. Common cause variation only,
   to teach that not every rise and fall is a signal.

5. days_between_pressure_ulcers.csv: dates of hospital-acquired pressure ulcers on one ward, April
   2022 to March 2024, with days since the previous one (g chart; t chart of time between events).
   Model: days between ulcers ~ Geometric(1/16) before the change; from 1 May 2023 the ward
   introduced an SSKIN care bundle with two-hourly repositioning prompts and the gaps become
   ~ Geometric(1/50).
   Planted: the first gap after the change is set to 140 days: a long gap above the g chart's upper
   limit. The first ulcer's days_since_previous is empty (no previous ulcer in the record).

6. bed_occupancy_run.csv: a ward's weekly bed occupancy (per cent, whole numbers), 20 weeks from
   1 January 2024, for run-chart exercises. Model: round(Normal(93, 2)), at most 100.
   Planted: several values lie exactly on the median, so learners must leave them out when counting
   useful observations, runs and crossings.

7. sepsis_screening_by_deprivation.csv: another hospital's weekly sepsis screening within one hour,
   52 weeks from 3 April 2023, stratified by the deprivation of the patient's home area: the most
   deprived 20% (Index of Multiple Deprivation quintile 1, "Core20") and the other 80%. One row per
   week and group, for run or p charts with one panel per group (module 04: who benefits?).
   Model: eligible ~ Poisson(12) for the most deprived 20% and Poisson(36) for the other 80%;
   screened ~ Binomial(eligible, p).
   Planted: the other 80% follow a ramp from p = 0.60 (weeks 1-17) to 0.88 (week 33 on). The most
   deprived 20% start at 0.58 and improve later and less: a ramp from week 30 to 0.70 by week 45.
   The whole hospital's rate improves, while from week 34 the most deprived group's median is more
   than 10 percentage points below the others'.

8. ward_incidents.csv: a year of patient safety incidents reported on one medical ward, 1 April 2023
   to 31 March 2024, one row per incident, for Pareto charts by frequency and by harm (module 02).
   Model: a fixed number of incidents per category (falls 80, communication and handover 45,
   documentation 40, medication 35, pressure ulcers 20, equipment 15, other 5), each on a day drawn
   uniformly from the year, with a harm level drawn from that category's own probabilities (no
   harm, low, moderate, severe). harm_weight is a teaching scale a team might agree (no harm 1, low
   2, moderate 5, severe 10), not a national one.
   Planted: falls are the most frequent category, but medication incidents, a third as many, are
   more often moderate or severe, so weighting by harm puts medication first and pressure ulcers
   third: the order changes.

Usage: python source_data/make_synthetic.py [OUTPUT_FOLDER]   (default: this folder)
"""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 19


def _rng(k: int) -> np.random.Generator:
    return np.random.default_rng((SEED, k))


def _mondays(first: str, count: int) -> pd.DatetimeIndex:
    return pd.date_range(first, periods=count, freq="7D")


def falls() -> pd.DataFrame:
    rng = _rng(1)
    months = pd.date_range("2021-04-01", periods=36, freq="MS")
    winter = np.isin(months.month, [12, 1, 2, 3])
    occupancy = rng.normal(0.90, 0.015, size=36) + 0.03 * winter
    bed_days = np.round(320 * months.days_in_month * occupancy).astype(int)
    month_number = np.arange(1, 37)
    rate = np.where(month_number < 20, 6.6, 5.2)
    count = rng.poisson(rate * bed_days / 1000)
    note = np.where(month_number == 20, "Falls prevention bundle introduced", "")
    return pd.DataFrame(
        {"period": months, "falls": count, "occupied_bed_days": bed_days, "note": note}
    )


def sepsis_screening() -> pd.DataFrame:
    rng = _rng(2)
    week = np.arange(1, 53)
    eligible = rng.poisson(48, size=52)
    ramp = np.clip((week - 17) / (33 - 17), 0, 1)
    p = 0.60 + (0.86 - 0.60) * ramp
    p[week == 44] = 0.30
    screened = rng.binomial(eligible, p)
    note = np.full(52, "", dtype=object)
    note[week == 18] = "PDSA ramp starts: screening prompt tested on one ward"
    note[week == 44] = "IT outage: electronic screening prompt down, paper tool used"
    return pd.DataFrame(
        {
            "week": week,
            "week_starting": _mondays("2023-04-03", 52),
            "eligible": eligible,
            "screened_within_1h": screened,
            "note": note,
        }
    )


def missed_appointments() -> pd.DataFrame:
    rng = _rng(3)
    week = np.arange(1, 61)
    booked = np.round(rng.normal(1150, 60, size=60)).astype(int)
    p0 = np.where(week < 40, 0.085, 0.062)
    logit = np.log(p0 / (1 - p0)) + rng.normal(0, 0.13, size=60)
    did_not_attend = rng.binomial(booked, 1 / (1 + np.exp(-logit)))
    note = np.where(week == 40, "SMS reminders start", "")
    return pd.DataFrame(
        {
            "week": week,
            "week_starting": _mondays("2022-09-05", 60),
            "booked": booked,
            "did_not_attend": did_not_attend,
            "note": note,
        }
    )


def theatre_start_delay() -> pd.DataFrame:
    rng = _rng(4)
    days = pd.bdate_range("2024-01-08", periods=40)
    minutes = np.maximum(np.round(rng.normal(22, 7, size=40)), 0).astype(int)
    return pd.DataFrame({"date": days, "minutes_late": minutes})


def days_between_pressure_ulcers() -> pd.DataFrame:
    rng = _rng(5)
    start, change, end = (pd.Timestamp(d) for d in ("2022-04-01", "2023-05-01", "2024-03-31"))
    dates = [start + pd.Timedelta(days=int(rng.geometric(1 / 16)))]
    while True:
        after_change = dates[-1] >= change
        gap = rng.geometric(1 / 50 if after_change else 1 / 16)
        if not after_change and dates[-1] + pd.Timedelta(days=int(gap)) >= change:
            gap = 140  # planted: the first gap after the change
        following = dates[-1] + pd.Timedelta(days=int(gap))
        if following > end:
            break
        dates.append(following)
    event_date = pd.DatetimeIndex(dates)
    gaps = pd.Series(event_date).diff().dt.days.astype("Int64")
    return pd.DataFrame(
        {
            "event_number": np.arange(1, len(dates) + 1),
            "event_date": event_date,
            "days_since_previous": gaps,
        }
    )


def sepsis_screening_by_deprivation() -> pd.DataFrame:
    rng = _rng(7)
    week = np.arange(1, 53)

    def ramp(start: int, end: int) -> np.ndarray:
        return np.clip((week - start) / (end - start), 0, 1)

    groups = {  # group: (mean eligible a week, p for each week)
        "most deprived 20%": (12, 0.58 + (0.70 - 0.58) * ramp(30, 45)),
        "other 80%": (36, 0.60 + (0.88 - 0.60) * ramp(17, 33)),
    }
    frames = []
    for group, (mean_eligible, p) in groups.items():
        eligible = rng.poisson(mean_eligible, size=52)
        frames.append(pd.DataFrame({
            "week": week, "week_starting": _mondays("2023-04-03", 52), "group": group,
            "eligible": eligible, "screened_within_1h": rng.binomial(eligible, p),
        }))
    return pd.concat(frames).sort_values(["week", "group"]).reset_index(drop=True)


def bed_occupancy_run() -> pd.DataFrame:
    rng = _rng(6)
    percent = np.minimum(np.round(rng.normal(93, 2, size=20)), 100).astype(int)
    return pd.DataFrame({"week_starting": _mondays("2024-01-01", 20), "occupancy_percent": percent})


HARM_WEIGHTS = {"no harm": 1, "low": 2, "moderate": 5, "severe": 10}
INCIDENTS = {  # category: (count, probabilities of no harm, low, moderate, severe)
    "Falls": (80, (0.60, 0.35, 0.04, 0.01)),
    "Communication and handover": (45, (0.70, 0.25, 0.05, 0.0)),
    "Documentation": (40, (0.85, 0.15, 0.0, 0.0)),
    "Medication": (35, (0.20, 0.30, 0.35, 0.15)),
    "Pressure ulcers": (20, (0.0, 0.30, 0.60, 0.10)),
    "Equipment": (15, (0.70, 0.30, 0.0, 0.0)),
    "Other": (5, (0.80, 0.20, 0.0, 0.0)),
}


def ward_incidents() -> pd.DataFrame:
    rng = _rng(8)
    days = pd.date_range("2023-04-01", "2024-03-31")
    rows = []
    for category, (count, chances) in INCIDENTS.items():
        harms = rng.choice(list(HARM_WEIGHTS), size=count, p=chances)
        dates = days[rng.integers(0, len(days), size=count)]
        rows += [(d, category, h, HARM_WEIGHTS[h]) for d, h in zip(dates, harms, strict=True)]
    table = pd.DataFrame(rows, columns=["date", "category", "harm", "harm_weight"])
    return table.sort_values(["date", "category"], kind="stable").reset_index(drop=True)


MAKERS = {
    "falls": falls,
    "sepsis_screening": sepsis_screening,
    "missed_appointments": missed_appointments,
    "theatre_start_delay": theatre_start_delay,
    "days_between_pressure_ulcers": days_between_pressure_ulcers,
    "bed_occupancy_run": bed_occupancy_run,
    "sepsis_screening_by_deprivation": sepsis_screening_by_deprivation,
    "ward_incidents": ward_incidents,
}


def main(output_folder: Path = HERE) -> list[Path]:
    written = []
    for name, make in MAKERS.items():
        target = Path(output_folder) / f"{name}.csv"
        make().to_csv(target, index=False, lineterminator="\n", date_format="%Y-%m-%d")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(path)
