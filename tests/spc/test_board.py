"""board(): a board's view of many measures, each row exactly what ptd() says of that measure on
its own (variation and assurance icons, mean, limits, latest point), whatever the mix of
improvement directions and targets; and its plain-English reading."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from qispread import ptd
from qispread.errors import DataProblem
from qispread.spc.board import board

MONTHS = pd.date_range("2021-04-01", periods=36, freq="MS")
# name, improvement direction, target, level, trend per month, noise
SPEC = [("Seen within 4 hours", "increase", 0.95, 0.78, 0.0, 0.02),
        ("Falls per 1,000 bed days", "decrease", 5.0, 6.0, -0.03, 0.5),
        ("Sepsis screening", "increase", 0.90, 0.80, 0.004, 0.02),
        ("Pressure ulcers", "decrease", None, 12.0, 0.0, 2.0),
        ("Theatre utilisation", "neutral", None, 0.85, 0.0, 0.02),
        ("Cancer 62-day standard", "increase", 0.85, 0.70, -0.002, 0.02)]


@pytest.fixture(scope="module")
def measures() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    return pd.DataFrame([
        {"measure": name, "month": month, "value": level + trend * i + rng.normal(0, noise)}
        for name, _, _, level, trend, noise in SPEC for i, month in enumerate(MONTHS)])


@pytest.fixture(scope="module")
def summary(measures):
    return board(measures, y="value", x="month", measure="measure",
                 improvement_direction={s[0]: s[1] for s in SPEC},
                 target={s[0]: s[2] for s in SPEC if s[2] is not None})


def test_one_row_per_measure_in_the_order_given(summary):
    assert summary.table["measure"].tolist() == [s[0] for s in SPEC]


@pytest.mark.parametrize("spec", SPEC, ids=[s[0] for s in SPEC])
def test_each_row_is_what_ptd_says_of_that_measure_alone(summary, measures, spec):
    name, direction, target = spec[:3]
    alone = ptd(measures[measures["measure"] == name], y="value", x="month",
                improvement_direction=direction, target=target).summary().iloc[0]
    row = summary.table.set_index("measure").loc[name]
    assert row["variation_type"] == alone["variation_type"]
    assert row["assurance_type"] == alone["assurance_type"]
    for column in ("mean", "lpl", "upl"):
        assert row[column] == pytest.approx(alone[column], rel=1e-12)
    assert row["latest_x"] == MONTHS[-1]
    assert row["n_points"] == 36


def test_the_mix_covers_the_icons_a_board_meets(summary):
    """The cases above are worth their name: several icons, and a coin-toss target."""
    assert summary.table["variation_type"].nunique() >= 3
    assert set(summary.table["assurance_type"].dropna()) >= {"consistent_fail", "inconsistent"}


def test_reading_names_the_coin_toss_targets(summary):
    toss = summary.table.loc[summary.table["assurance_type"] == "inconsistent", "measure"]
    text = str(summary.explain())
    assert "by chance alone" in text and "inside the process limits" in text
    for name in toss:
        assert name in text


def test_a_misspelt_measure_gets_a_plain_message(measures):
    with pytest.raises(DataProblem, match="not in the data: Seen within four hours"):
        board(measures, y="value", x="month", measure="measure",
              target={"Seen within four hours": 0.95})


def test_rebasing_one_measure_gives_ptds_limits_for_its_new_period(measures):
    """A board rebases a measure after a sustained change, as ptd() does on that measure alone."""
    name, when = "Sepsis screening", MONTHS[18]
    rebased = board(measures, y="value", x="month", measure="measure",
                    improvement_direction={s[0]: s[1] for s in SPEC}, rebase={name: [when]})
    alone = ptd(measures[measures["measure"] == name], y="value", x="month",
                improvement_direction="increase", rebase=[when]).summary().iloc[0]
    row = rebased.table.set_index("measure").loc[name]
    assert row["mean"] == pytest.approx(alone["mean"], rel=1e-12)
    assert row["variation_type"] == alone["variation_type"]
    assert len(set(rebased.charts[name]["mean"])) == 2  # two periods, each with its own mean


def test_a_misspelt_measure_to_rebase_is_named_not_dropped(measures):
    with pytest.raises(DataProblem, match="rebase names measure"):
        board(measures, y="value", x="month", measure="measure",
              rebase={"Sepsis screen": [MONTHS[18]]})
