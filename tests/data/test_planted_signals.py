"""The signals each synthetic set was made to teach are really there, as qic() finds them.

The planted changes (month 20, week 18, week 40, 1 May 2023, ...) come from the task brief and the
generating models written in source_data/make_synthetic.py; the charts come from qispread.spc.qic,
whose reference cases are checked against qicharts2 elsewhere.
"""

import pandas as pd

from qispread import data
from qispread.spc import qic


def _signal_points(result, column="sigma_signal"):
    table = result.data
    return list(table.loc[table[column], "x"])


def test_falls_bundle_gives_a_run_signal_and_no_point_outside_the_limits():
    falls = data.load("falls")
    chart = qic(x=falls.period, y=falls.falls, n=falls.occupied_bed_days, chart="u", multiply=1000)
    assert chart.data["runs_signal"].all()
    assert not chart.data["sigma_signal"].any()
    baseline = qic(
        x=falls.period, y=falls.falls, n=falls.occupied_bed_days, chart="u", freeze=19
    ).data
    assert baseline["runs_signal"].all() and not baseline["sigma_signal"].any()
    rate = falls.falls / falls.occupied_bed_days * 1000
    assert rate.iloc[19:].median() < rate.iloc[:19].median()
    bundle = falls.loc[falls["note"].str.contains("bundle", na=False), "period"]
    assert list(bundle) == [pd.Timestamp("2022-11-01")]  # month 20


def test_sepsis_ramp_improves_and_the_outage_week_is_special_cause():
    sepsis = data.load("sepsis_screening")
    share = sepsis.screened_within_1h / sepsis.eligible
    whole = qic(x=sepsis.week, y=sepsis.screened_within_1h, n=sepsis.eligible, chart="p")
    assert whole.data["runs_signal"].all()
    after_ramp = qic(
        x=sepsis.week, y=sepsis.screened_within_1h, n=sepsis.eligible, chart="p", part=[33]
    )
    second_part = after_ramp.data[after_ramp.data["part"] == 2]
    assert list(second_part.loc[second_part["sigma_signal"], "x"]) == [44]
    assert share.idxmin() == sepsis.index[sepsis.week == 44][0]
    assert "IT outage" in sepsis.loc[sepsis.week == 44, "note"].iloc[0]
    ramp = sepsis[(sepsis.week >= 18) & (sepsis.week <= 33)]
    assert (ramp.screened_within_1h / ramp.eligible).corr(ramp.week, method="spearman") > 0.5
    assert share[sepsis.week >= 34].median() - share[sepsis.week <= 17].median() > 0.15


def test_missed_appointments_need_laney_and_reminders_lower_the_rate():
    dna = data.load("missed_appointments")
    args = dict(x=dna.week, y=dna.did_not_attend, n=dna.booked, freeze=39)
    plain, laney = qic(chart="p", **args).data, qic(chart="pp", **args).data
    sigma_z = (laney.ucl - laney.cl).iloc[0] / (plain.ucl - plain.cl).iloc[0]
    assert sigma_z > 1.3, "week-to-week variation should be well beyond the binomial's"
    baseline = dna.week <= 39
    assert plain.loc[baseline, "sigma_signal"].sum() >= 2
    assert not laney.loc[baseline, "sigma_signal"].any()
    assert qic(x=dna.week, y=dna.did_not_attend, n=dna.booked, chart="pp").data.runs_signal.all()
    rate = dna.did_not_attend / dna.booked
    assert rate[~baseline].median() < rate[baseline].median()
    assert dna.booked.min() > 500


def test_theatre_delays_are_common_cause_only_around_22_minutes():
    theatre = data.load("theatre_start_delay")
    chart = qic(x=theatre.date, y=theatre.minutes_late, chart="i").data
    assert not chart["sigma_signal"].any()
    assert not chart["runs_signal"].any()
    assert abs(theatre.minutes_late.mean() - 22) < 2


def test_pressure_ulcers_long_gap_after_the_change_is_above_the_g_chart_limit():
    ulcers = data.load("days_between_pressure_ulcers").dropna(subset=["days_since_previous"])
    gaps = ulcers.days_since_previous.astype(float)
    before = int((ulcers.event_date < pd.Timestamp("2023-05-01")).sum())
    for chart in ("g", "t"):
        result = qic(x=ulcers.event_date, y=gaps, chart=chart, freeze=before)
        first_after = ulcers.event_date[ulcers.event_date >= pd.Timestamp("2023-05-01")].min()
        assert _signal_points(result) == [first_after], chart
    assert gaps[ulcers.event_date >= pd.Timestamp("2023-05-01")].iloc[0] >= 100


def test_bed_occupancy_has_values_on_the_median():
    beds = data.load("bed_occupancy_run")
    chart = qic(x=beds.week_starting, y=beds.occupancy_percent).data
    assert (beds.occupancy_percent == beds.occupancy_percent.median()).sum() >= 2
    assert chart["n_useful"].iloc[0] < len(beds)


def test_stratified_sepsis_improves_overall_but_the_most_deprived_group_lags():
    table = data.load("sepsis_screening_by_deprivation")
    whole = table.groupby("week")[["eligible", "screened_within_1h"]].sum().reset_index()
    overall = qic(x=whole.week, y=whole.screened_within_1h, n=whole.eligible, chart="run")
    assert overall.data["runs_signal"].all()  # the hospital as a whole improves
    share = table.screened_within_1h / table.eligible
    late = table.week >= 34
    deprived = table.group == "most deprived 20%"
    gap = share[late & ~deprived].median() - share[late & deprived].median()
    assert gap > 0.10
    both = qic(x=table.week, y=table.screened_within_1h, n=table.eligible, chart="run",
               facets=table.group)
    assert set(both.data["facet"]) == {"most deprived 20%", "other 80%"}


def test_weighting_incidents_by_harm_changes_the_pareto_order():
    from qispread.models.pareto import pareto

    incidents = data.load("ward_incidents")
    by_count = pareto(incidents, category="category")
    by_harm = pareto(incidents, category="category", weight="harm_weight")
    assert list(by_count.table["category"][:2]) == ["Falls", "Communication and handover"]
    assert list(by_harm.table["category"][:3]) == ["Medication", "Falls", "Pressure ulcers"]
    assert "Documentation" in by_count.vital_few and "Documentation" not in by_harm.vital_few
