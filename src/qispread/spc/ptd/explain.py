"""Plain-English reading of one chart of a ptd() result, for learners (UK English)."""

from __future__ import annotations

import pandas as pd

from qispread.spc.ptd.wording import chart_name, number, x_value

_MEANING = {
    "improvement": "special cause improvement",
    "concern": "special cause concern",
    "neutral": "special cause variation (neither direction is marked as better)",
}


# For each rule: how the latest point breaks it, with the words for a high and a low signal.
_REASONS = {
    "outside_limits": ("lies {side} process limit", ("above the upper", "below the lower")),
    "trend": (
        "is part of a run of {trend} or more points, each {side} than the one before",
        ("higher", "lower"),
    ),
    "two_in_three": (
        "is one of two out of three points close to the {side} process limit (beyond two sigma)",
        ("upper", "lower"),
    ),
    "shift": ("is part of a run of {shift} or more points {side} the mean", ("above", "below")),
}


def _is_high(variation: str) -> bool:
    return variation.endswith("_high")


def _latest_point(result, last: pd.Series, variation: str) -> str:
    when = x_value(last["x"])
    rule = last["special_cause_type"]
    if rule is None:
        return (
            f"The latest point ({when}) is within the process limits and shows no special cause: "
            "the variation is common cause."
        )
    high = _is_high(variation)
    template, (high_word, low_word) = _REASONS[rule]
    reason = template.format(
        side=high_word if high else low_word,
        trend=result.trend_length,
        shift=result.shift_length,
    )
    kind = variation.removeprefix("special_cause_").rsplit("_", 1)[0]
    return f"The latest point ({when}) {reason}: a signal of {_MEANING[kind]}."


def _limits(chart: pd.DataFrame, summary_row: pd.Series) -> str:
    text = (
        f"The mean is {number(summary_row['mean'])} and the process limits run from "
        f"{number(summary_row['lpl'])} to {number(summary_row['upl'])}"
    )
    latest_period = chart[chart["rebase_group"] == summary_row["rebase_group"]]
    if len(latest_period) < len(chart):
        text += f" (for the latest period, which starts at {x_value(latest_period['x'].iloc[0])})"
    return text + "."


def _assurance(summary_row: pd.Series) -> str:
    kind = summary_row["assurance_type"]
    if kind is None:
        return ""
    target = number(summary_row["target"])
    where = "above the upper" if summary_row["target"] > summary_row["upl"] else "below the lower"
    if kind == "inconsistent":
        return (
            f" The target of {target} lies within the process limits, so the process will "
            "sometimes meet it and sometimes not (inconsistent assurance)."
        )
    if kind == "consistent_pass":
        return (
            f" The target of {target} lies {where} process limit, so unless something changes "
            "the process will consistently meet it (consistent pass)."
        )
    return (
        f" The target of {target} lies {where} process limit, so unless the process itself "
        "changes it will consistently miss it (consistent fail)."
    )


def explain_chart(result, chart: pd.DataFrame, summary_row: pd.Series) -> str:
    last = chart.iloc[-1]
    prefix = f"{chart_name(last['facet'], True)}: " if result.has_facet else ""
    text = prefix + _latest_point(result, last, summary_row["variation_type"])
    text += " " + _limits(chart, summary_row) + _assurance(summary_row)
    if summary_row["warning"]:
        text += " " + summary_row["warning"]
    return text
