"""What the assignments show a learner besides their questions: data tables, example charts and
diagrams, and read-backs of the work a tool saved. Each is one call in a notebook cell, so that no
assignment shows its code. Grouped by module; everything heavy is imported on use."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any


def _display(*objects: Any) -> None:
    from IPython.display import display

    display(*objects)


# Module 01
def missed_appointments_baseline() -> None:
    """The clinic's missed-appointment rate in weeks 1 to 26."""
    from qispread import data
    from qispread.models.rates import between, pooled_rate

    dna = data.load("missed_appointments")
    first_26 = pooled_rate(between(dna, "week", 1, 26), "did_not_attend", "booked")
    print(data.attribution("missed_appointments"))
    print(f"Weeks 1 to 26: {first_26.denominator:,.0f} appointments booked, "
          f"{first_26.rate:.1f}% not attended")


# Module 02 (understanding the system)
def referral_map_tool(path: str) -> Any:
    """The clinic's referral map, open in the process map tool."""
    from qispread.models.process_map import load_process_map
    from qispread.widgets import ProcessMapper

    return ProcessMapper(path, example=load_process_map("referral_map.json"))


def dna_fishbone() -> None:
    """The clinic's fishbone of missed appointments, and what its notes audit found."""
    import pandas as pd

    from qispread.models.fishbone import load_fishbone
    from qispread.plots.fishbone import fishbone_figure

    diagram = load_fishbone("dna_fishbone.json")
    audit = pd.DataFrame({
        "reason found in the notes or by phone": [
            "Letter arrived after the appointment date", "Letter went to an old address",
            "Forgot the date", "No transport that morning", "Could not be reached"],
        "patients (of 20)": [9, 4, 3, 2, 2]})
    _display(fishbone_figure(diagram, title="Why do patients miss their first appointment?"),
             audit)


def incidents_pareto() -> Any:
    """The ward's incidents in the Pareto chart tool."""
    from qispread import data
    from qispread.widgets import ParetoExplorer

    print(data.attribution("ward_incidents"))
    return ParetoExplorer(data.load("ward_incidents"), category="category",
                          weight="harm_weight", title="Incidents on the ward, 2023 to 2024")


def waiting_list_model() -> Any:
    """The waiting-list model, with the lesson's settings to change."""
    from qispread.widgets import WaitingListModel

    return WaitingListModel()


# Module 03
def discharge_driver_diagram() -> Any:
    """The discharge team's driver diagram, drawn."""
    from qispread.models import DriverDiagram
    from qispread.plots import driver_diagram_figure

    discharge = DriverDiagram(aim="By June 2027, 40% of patients discharged home from Ward 7 at "
                                  "Kingsway Hospital will leave before midday (currently 15%).")
    for level, text, parents, measure in [
        ("primary", "Discharge is planned from the day of admission", None,
         "% of patients with an expected discharge date within 24 hours"),
        ("primary", "Medicines to take home are ready in time", None,
         "% of take-home prescriptions ready by 10 am"),
        ("primary", "Transport and support at home are arranged early", None,
         "% of discharges delayed by transport"),
        ("primary", "Decisions to discharge are made early in the morning", None,
         "% of discharge decisions made before 10 am"),
        ("secondary", "Expected discharge date set and shared with the patient", ["P1"],
         "% of patients who know their expected date"),
        ("secondary", "Take-home prescriptions written the day before", ["P2"],
         "% written by 5 pm the day before"),
        ("secondary", "Pharmacy knows which patients are going home tomorrow", ["P2"], None),
        ("secondary", "Family or carers told the day before", ["P3", "P1"],
         "% of families contacted the day before"),
        ("secondary", "Likely discharges seen first on the ward round", ["P4"],
         "% of ward rounds starting with likely discharges"),
        ("change", "Board round every morning at 8.30", ["S1", "S5"], None),
        ("change", "Email tomorrow's discharges to pharmacy at 4 pm", ["S3"], None),
        ("change", "Discharge lounge open from 8 am", None, None),
        ("change", "Phone the family on the afternoon before discharge", ["S4"], None),
        ("change", "Write take-home prescriptions on the afternoon ward round", ["S2"], None),
    ]:
        discharge.add(level, text, parents or (), measure=measure or "")
    return driver_diagram_figure(discharge)


def diagram_summary(path: str) -> None:
    """The saved driver diagram, in words."""
    from qispread.models import load_diagram
    from qispread.plots.driver_diagram import summary

    if Path(path).exists():
        print(summary(load_diagram(path)))
    else:
        print("No diagram saved yet: build it in question 3 first.")


# Module 04
def falls_months() -> Any:
    """Two months of the falls data."""
    from qispread import data

    falls = data.load("falls").set_index("period")
    print(data.attribution("falls"))
    return falls.loc[["2022-02-01", "2023-01-01"], ["falls", "occupied_bed_days"]]


def sepsis_week_20() -> Any:
    """Week 20 of the sepsis screening data."""
    from qispread import data

    sepsis = data.load("sepsis_screening").set_index("week")
    print(data.attribution("sepsis_screening"))
    return sepsis.loc[[20], ["week_starting", "eligible", "screened_within_1h"]]


def screening_by_deprivation() -> Any:
    """Sepsis screening as run charts for the whole hospital and for each deprivation group, with
    the engine's reading of each (the lesson's stratified chart)."""
    from qispread import data, qic, qic_figure
    from qispread.models.rates import with_total_group

    groups = with_total_group(data.load("sepsis_screening_by_deprivation"), group="group",
                              keys=["week", "week_starting"],
                              sums=["eligible", "screened_within_1h"], label="whole hospital")
    chart = qic(x="week_starting", y="screened_within_1h", n="eligible", data=groups,
                chart="run", multiply=100, facets="group")
    print(data.attribution("sepsis_screening_by_deprivation"))
    mean_eligible = groups.groupby("group")["eligible"].mean()
    print("Eligible adults a week, on average: " + "; ".join(
        f"{group} {count:.0f}" for group, count in mean_eligible.items()))
    for sentence in chart.explain():
        print("•", sentence)
    return qic_figure(chart, title="Adults screened for sepsis within one hour, by deprivation "
                                   "group (synthetic)", ylab="% of eligible adults screened")


def measures_summary(path: str) -> None:
    """The saved measures, with their definitions."""
    from qispread.models import OperationalDefinition, load_measures

    if not Path(path).exists():
        print("No measures saved yet: add your measure in the sorter above first.")
        return
    for measure in load_measures(path).measures:
        print(f"{measure.name} (type: {measure.type or 'not chosen'})")
        for part, label in OperationalDefinition.LABELS.items():
            print(f"  {label}: {getattr(measure.definition, part) or '(empty)'}")
        print(" ", measure.completeness())


# Module 05
def _occupancy() -> Any:
    from qispread import data

    occupancy = data.load("bed_occupancy_run")
    occupancy.insert(0, "week", range(1, len(occupancy) + 1))
    return occupancy


def bed_occupancy() -> Any:
    """The weekly bed occupancy table."""
    from qispread import data

    print(data.attribution("bed_occupancy_run"))
    return _occupancy()


def occupancy_explorer(path: str) -> Any:
    """The chart explorer with the weekly bed occupancy."""
    from qispread.widgets import ChartExplorer

    return ChartExplorer(path, data=_occupancy()[["week", "occupancy_percent"]])


def discharge_summaries(csv: str = "discharge_summaries.csv") -> Any:
    """The discharge summaries table beside the assignment."""
    import pandas as pd

    return pd.read_csv(csv)


def discharge_explorer(path: str, csv: str = "discharge_summaries.csv") -> Any:
    """The chart explorer with the discharge summaries."""
    from qispread.widgets import ChartExplorer

    return ChartExplorer(path, data=discharge_summaries(csv))


# Module 06
ANTIBIOTIC_MINUTES = [58, 64, 55, 61, 70, 59, 66, 62, 57, 68, 60, 63]


def antibiotic_minutes() -> None:
    """The 12 weeks of minutes to antibiotics."""
    for week, minutes in enumerate(ANTIBIOTIC_MINUTES, start=1):
        print(f"Week {week:2d}: {minutes} minutes")


def trust_four_hour_chart() -> Any:
    """Trust RC1's four-hour performance as a Making Data Count chart, without the icons (the
    question asks for them)."""
    from qispread import data, ptd, ptd_figure

    ae = data.load("ae_attendances")
    trust = ae[(ae["org_code"] == "RC1") & (ae["type"] == "1")].copy()
    trust["percent_within_4h"] = (100 * (trust["attendances"] - trust["breaches"])
                                  / trust["attendances"])
    chart = ptd(data=trust, x="period", y="percent_within_4h", improvement_direction="increase",
                target=95)
    print(data.attribution("ae_attendances"))
    return ptd_figure(chart, title="Trust RC1, type-1 A&E: % seen within four hours (real data)",
                      ylab="% within 4 hours", icons=False)


FUNNEL_MONTH = "2018-12-01"


def four_hour_funnel(month: str = FUNNEL_MONTH) -> Any:
    """Every type-1 A&E department's share of attendances seen within four hours in one month, as
    a funnel() result with both the unadjusted and the overdispersion-adjusted 99.8% limits (the
    lesson's section 9; outliers judged by the adjusted limits)."""
    import pandas as pd

    from qispread import funnel
    from qispread.widgets.funnel_explorer import type1_departments

    rows = type1_departments()
    return funnel(rows[rows["period"] == pd.Timestamp(month)], numerator="within_4h",
                  denominator="attendances", group="org_code", data_type="PR", multiplier=100,
                  draw_adjusted=True, draw_unadjusted=True)


def four_hour_funnel_chart() -> Any:
    """The funnel plot of December 2018, with both sets of limits and no reading (the questions
    ask for it)."""
    from qispread import data
    from qispread.plots.funnel_figure import funnel_figure

    print(data.attribution("ae_attendances"))
    return funnel_figure(four_hour_funnel(), units="departments", ylab="% seen within 4 hours",
                         title="Type-1 A&E departments, December 2018: % seen within four hours "
                               "(real data)")


# Module 07
def pdsa_log_summary(path: str) -> None:
    """The saved PDSA log."""
    from qispread.models import load_pdsa_log

    if Path(path).exists():
        print(load_pdsa_log(path).to_markdown())
    else:
        print("No PDSA log saved yet: record your cycles in question 4 first.")


# Module 08
def readiness_summary(path: str) -> None:
    """The saved readiness ratings, suggested next steps and their radar."""
    import pandas as pd

    from qispread.models import load_readiness
    from qispread.plots import readiness_radar

    if not Path(path).exists():
        print("No readiness assessment saved yet: rate your project in the tool above first.")
        return
    record = load_readiness(path)
    _display(pd.read_csv(io.StringIO(record.to_csv()), dtype=str, keep_default_na=False))
    for assessment in record.assessments:
        print(f"{assessment.label}: lowest-rated principles and suggested next steps:")
        for principle, suggestion in assessment.suggestions(2):
            print(f"  • {principle.name}: {suggestion}")
    _display(readiness_radar(record))


# Module 10
def sustainability_summary(path: str) -> None:
    """The saved sustainability ratings and their chart."""
    import pandas as pd

    from qispread.models.sustainability import load_sustainability
    from qispread.plots import sustainability_figure

    if not Path(path).exists():
        print("No sustainability rating saved yet: rate your project in the tool above first.")
        return
    rating = load_sustainability(path)
    print("Project:", rating.project or "(no name given)")
    _display(pd.read_csv(io.StringIO(rating.to_csv()), dtype=str, keep_default_na=False))
    for factor in rating.weakest(3):
        print(f"Weak: {factor.name} (rated {rating.score(factor.key)})")
    for group, mean in rating.group_means().items():
        print(f"{group}: average rating", "not rated" if mean is None else f"{mean:.2f}")
    _display(sustainability_figure(rating))


HYDRATION_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug")
HYDRATION_HOMES = (  # made up: home, month signed up (None: not signed up), uptake % each month
    ("Ash House", "Jan", (40, 55, 62, 70, 74, 78, 80, 81)),
    ("Birch Court", "Jan", (20, 35, 48, 55, 45, 52, 40, 58)),
    ("Cedar Lodge", "Feb", (None, 30, 52, 58, 61, 64, 66, 70)),
    ("Elm View", "Mar", (None, None, 10, 15, 12, 20, 18, 22)),
    ("Hazel Grange", "Jul", (None, None, None, None, None, None, 45, 60)),
    ("Oak Manor", None, ()),
)


def hydration_programme() -> Any:
    """The made-up hydration round spreading to six care homes (module 10, question 4c): in use
    means uptake at or above 50% for three months running, as in the lesson's tool."""
    from qispread.models.spread_measures import Site, SpreadMeasures

    return SpreadMeasures(
        innovation="Hydration round in care homes", months=HYDRATION_MONTHS,
        sites=tuple(Site(name, None if signed is None else HYDRATION_MONTHS.index(signed), uptake)
                    for name, signed, uptake in HYDRATION_HOMES))


def hydration_homes() -> Any:
    """The six homes' sign-up month and monthly uptake, lettered for question 4c (without the
    status the question asks for)."""
    import pandas as pd

    table = pd.DataFrame(
        [{"home": name, "signed up": signed or "not signed up",
          **{month: "" if value is None else f"{value}%"
             for month, value in zip(HYDRATION_MONTHS, uptake, strict=False)}}
         for name, signed, uptake in HYDRATION_HOMES], index=list("ABCDEF"))
    return table.fillna("")


def hydration_on_paper() -> list[str]:
    """Question 4c's key, read by the spread measures model from the homes shown: the letters of
    the homes that signed up a run of months ago or more and are not in use."""
    programme = hydration_programme()
    on_paper = set(programme.on_paper())
    return [letter for letter, site in zip("ABCDEF", programme.sites, strict=True)
            if site.name in on_paper]
