"""The one source of the words for charts, run-rule methods and improvement directions: the
analysis, the figures, the saved chart settings and the tools' menus all read these tables."""

from __future__ import annotations

from typing import Literal

ChartType = Literal["run", "i", "mr", "xbar", "s", "t", "p", "pp", "c", "u", "up", "g"]
Method = Literal["anhoej", "ihi"]
Direction = Literal["increase", "decrease", "neutral"]

# Each chart's name as a title or a menu entry.
CHART_NAMES: dict[str, str] = {
    "run": "Run chart",
    "i": "I chart (individual values)",
    "mr": "MR chart (moving ranges)",
    "xbar": "X-bar chart (subgroup averages)",
    "s": "S chart (subgroup standard deviations)",
    "t": "T chart (time between rare events)",
    "p": "P chart (proportions)",
    "pp": "P′ chart (Laney proportions, for large denominators)",
    "c": "C chart (counts)",
    "u": "U chart (rates)",
    "up": "U′ chart (Laney rates, for large denominators)",
    "g": "G chart (cases between rare events)",
}
# Charts of counts out of a denominator n (each point is a proportion or a rate).
NEEDS_DENOMINATOR = frozenset({"p", "pp", "u", "up"})

METHODS: dict[str, str] = {"anhoej": "Anhøj rules", "ihi": "IHI rules"}

# Which way is better, as a menu says it.
DIRECTIONS: dict[str, str] = {
    "increase": "Higher is better",
    "decrease": "Lower is better",
    "neutral": "Neither (no better direction)",
}


def chart_in_a_sentence(chart: str) -> str:
    """The name after its article, as a sentence uses it: "a run chart", "an I chart (...)"."""
    name = CHART_NAMES[chart]
    name = name[0].lower() + name[1:] if chart == "run" else name
    # I, MR, S and X-bar are read with a vowel sound ("an S chart").
    return ("an " if name[0] in "IMSX" else "a ") + name
