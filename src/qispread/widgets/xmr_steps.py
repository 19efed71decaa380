"""Module 06's XmR recipe worked through on a data set, step by step, beside the two engines:

    xmr_steps(theatre, "theatre_start_delay", y="minutes_late")
    xmr_limits_compared(theatre, y="minutes_late")

The recipe's arithmetic is spc's (average_moving_range); the limits to compare with it are ptd()'s
(Making Data Count, 2.66) and qic()'s (qicharts2, 3 / 1.128).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from IPython.display import HTML, display

from qispread.spc.limits import average_moving_range
from qispread.spc.ptd import ptd
from qispread.spc.qic import qic
from qispread.widgets.lesson_chart import source_note

MDC_FACTOR = 2.66
FIRST_ROWS = 6


def xmr_steps(frame: pd.DataFrame, source: str, y: str) -> None:
    values = frame[y].to_numpy(dtype=float)
    moving = np.abs(np.diff(values))
    mean = float(values.mean())
    mean_mr = average_moving_range(values, screen=False)
    spread = MDC_FACTOR * mean_mr
    display(source_note(source))
    display(_first_rows(values, moving))
    display(HTML(
        "<ol style='font-size:15px;line-height:1.6'>"
        f"<li>Mean of the {len(values)} values: <b>{mean:.2f}</b></li>"
        f"<li>Moving ranges: {len(moving)}, one fewer than the values (the first point has "
        "none)</li>"
        f"<li>Mean moving range: <b>{mean_mr:.2f}</b></li>"
        f"<li>Upper process limit: {mean:.2f} + 2.66 × {mean_mr:.2f} = <b>{mean + spread:.2f}</b>"
        f"<br>Lower process limit: {mean:.2f} − 2.66 × {mean_mr:.2f} = "
        f"<b>{mean - spread:.2f}</b></li></ol>"))


def _first_rows(values: np.ndarray, moving: np.ndarray) -> HTML:
    rows = "".join(
        f"<tr><td>{i + 1}</td><td>{values[i]:g}</td>"
        f"<td>{'—' if i == 0 else f'{moving[i - 1]:g}'}</td></tr>"
        for i in range(min(FIRST_ROWS, len(values))))
    return HTML(
        "<table style='font-size:15px'><caption style='text-align:left'>The first "
        f"{FIRST_ROWS} points</caption><tr><th>Point</th><th>Value</th>"
        f"<th>Moving range (jump from the point before)</th></tr>{rows}</table>")


def xmr_limits_compared(frame: pd.DataFrame, y: str) -> None:
    """The XmR limits from ptd() and qic(), to four decimal places, for a lesson to compare."""
    mdc = ptd(data=frame, y=y).summary()
    qicharts = qic(data=frame, y=y, chart="i").summary()
    left = "style='text-align:left'"
    display(HTML(
        f"<table style='font-size:15px'><caption {left}>The course's tools, to four decimal "
        f"places</caption><tr><th {left}>Tool</th><th>Lower limit</th><th>Upper limit</th></tr>"
        f"<tr><td {left}>Making Data Count (× 2.66)</td><td>{mdc['lpl'][0]:.4f}</td>"
        f"<td>{mdc['upl'][0]:.4f}</td></tr>"
        f"<tr><td {left}>qicharts2 (× 3 ÷ 1.128 = {3 / 1.128:.5f})</td>"
        f"<td>{qicharts['lcl'][0]:.4f}</td><td>{qicharts['ucl'][0]:.4f}</td></tr></table>"))
