"""Why the peers differ: one paragraph per cause, written only when this run measured it.

Each cause names the measured rows it explains (a test on the compared rows) and, where the
mechanism is not itself measured, says it comes from reading the peer's own code or docstrings
(clinical-qikit 0.5.0: qikit/spc/signals.py, limits.py, api.py; controlchartspy 0.1.3: its
bundled chart engine and settings).
"""

from __future__ import annotations

XMR_RATIO = (3 / 1.128) / 2.66


def _differing(rows, tool, test) -> list[tuple]:
    """(row, quantity, shown value) for every check of `tool` that differs and passes `test`."""
    found = []
    for row in rows:
        for n, (quantity, *_rest) in enumerate(row["variant"].checks):
            shown, matched = row["results"][tool][n]
            if matched is False and test(row["variant"], quantity):
                found.append((row, quantity, shown))
    return found


def _value(row, tool, quantity) -> float | None:
    for n, (q, *_rest) in enumerate(row["variant"].checks):
        if q == quantity:
            try:
                return float(row["results"][tool][n][0])
            except ValueError:
                return None
    return None


def _xmr_ratios(rows, tool) -> list[float]:
    """Half-width of the peer's process limits over the reference's (qispread matches it)."""
    ratios = []
    for row, _q, _shown in _differing(rows, tool, lambda v, q: v.job["chart"] == "xmr"
                                       and q == "upl"):
        mean, ref = _value(row, "qispread", "mean"), _value(row, "qispread", "upl")
        peer = _value(row, tool, "upl")
        if None not in (mean, ref, peer) and ref != mean:
            ratios.append((peer - mean) / (ref - mean))
    return ratios


def _count(found) -> str:
    cases = sorted({row["variant"].case for row, *_ in found})
    return f"{len(found)} quantities in {len(cases)} case(s)"


def explanations(rows, tools) -> list[str]:
    out = []
    for tool in ("clinical-qikit", "controlchartspy"):
        ratios = _xmr_ratios(rows, tool)
        if not ratios:
            continue
        i_chart = _differing(rows, tool, lambda v, q: "I chart (qicharts2)" in v.label)
        flags = _differing(rows, tool, lambda v, q: q.startswith("special"))
        out.append(
            f"- **{tool}: XmR process limits at 3·MR̄/1.128, not 2.66·MR̄.** Its limits on "
            "the NHSRplotthedots cases are a fixed fraction of the reference's width: "
            f"measured {min(ratios):.6f}–{max(ratios):.6f} over {len(ratios)} charts, "
            f"which is (3/1.128)/2.66 = {XMR_RATIO:.6f}. 3/1.128 is qicharts2's I-chart "
            "constant; Making Data Count and NHSRplotthedots use 2.66. "
            + ("On the same data it matches qicharts2's I chart (the *I chart (qicharts2)* "
               "rows). " if not i_chart else "")
            + ("The gap is in the fourth or fifth significant figure; its special-cause "
               "points still matched NHSRplotthedots' in every XmR case here."
               if tool == "controlchartspy" and not flags else
               "The gap is in the fourth or fifth significant figure."))
    runs = _differing(rows, "clinical-qikit", lambda v, q: q.startswith("longest_run_max")
                      or q.startswith("n_crossings_min") or q == "table")
    if runs:
        table = [shown for _, q, shown in runs if q == "table"]
        signal = _differing(rows, "clinical-qikit", lambda v, q: q.startswith("runs_signal"))
        out.append(
            "- **clinical-qikit: different run-rule limits.** Its shortest signalling run is "
            "floor(log2 n) + 3 and a run of that length already signals (its signals.py), "
            "where qicharts2 (Anhøj) signals only when the longest run is longer than "
            "round(log2 n) + 3; below 10 useful points it never signals. Measured in qicharts2's "
            f"terms: {_count(runs)} differ"
            + (f"; on the critical-values table (n = 10–100): {table[0]}" if table else "")
            + ". A lower limit means it calls a run a signal sooner. "
            + ("The overall runs signal still agreed in every case here."
               if not signal else f"The overall runs signal differed in {_count(signal)}."))
    hidden = _differing(rows, "clinical-qikit", lambda v, q: q == "points beyond limits"
                        and v.job.get("exclude"))
    if hidden:
        out.append(
            "- **clinical-qikit: excluded points are not checked against the limits.** "
            "qicharts2 leaves excluded points out of the centre line and limits but still "
            "flags them when they fall outside; clinical-qikit's docstring says excluded "
            "(\"ghosted\") points are hidden from signal detection too. Measured: "
            + "; ".join(f"{row['variant'].label}: flagged {shown}" for row, _, shown in hidden)
            + ".")
    if _differing(rows, "clinical-qikit", lambda v, q: v.job["chart"] == "mr" and q == "lcl"):
        out.append(
            "- **clinical-qikit: no lower limit on an MR chart.** qicharts2 draws it at 0; "
            "clinical-qikit returns none (its docstring: D3 = 0 for n = 2, so no LCL).")
    g = {q: shown for _, q, shown in _differing(rows, "clinical-qikit",
                                                 lambda v, q: v.job["chart"] == "g")}
    if g:
        out.append(
            "- **clinical-qikit: G-chart limits around the median.** qicharts2 draws the "
            "median as the centre line but computes the limits from the mean "
            "(mean ± 3√(mean(mean+1))); clinical-qikit computes them from its centre line, the "
            "median (its limits.py: σ = √(CL(CL+1)))"
            + (f"; measured UCL {g['ucl']} (= 24 + 3√(24·25) with the median 24)"
               if "ucl" in g else "")
            + (f", points beyond the limits {g['points beyond limits']}"
               if "points beyond limits" in g else "") + ".")
    sub = _differing(rows, "clinical-qikit", lambda v, q: v.job["chart"] in {"xbar", "s"})
    if sub:
        out.append(
            "- **clinical-qikit: X-bar and S limits from a pooled σ̂ when subgroup sizes vary.** "
            "qicharts2 uses S̄ with A3, B3 and B4 for each subgroup size; clinical-qikit's "
            "limits.py switches to a pooled σ̂ (X-bar limits x̿ ± 3σ̂/√n; S centre line "
            "c4(n)·σ̂, varying with n, so the S chart's runs analysis changes too). Measured: "
            f"{_count(sub)} differ (values in the table above).")
    unsupported = sorted({(tool, out_["results"][tool][0][0].split(": ", 1)[1])
                          for out_ in rows for tool in tools
                          if out_["results"][tool] and out_["results"][tool][0][1] is None
                          and out_["results"][tool][0][0].startswith("unsupported")})
    for tool, reason in unsupported:
        if not reason.startswith("no Anhøj"):
            out.append(f"- **{tool}: {reason}**, so those variants are *not offered* above.")
    mdc = _differing(rows, "controlchartspy", lambda v, q: q.startswith("special"))
    out.append(
        "- **controlchartspy: no Anhøj runs analysis.** It applies Making Data Count's rules "
        "(astronomical point, shift, trend, two in three) instead, so every qicharts2 run "
        "statistic and the critical-values table are *not offered*. "
        + ("With those rules on, its special-cause points matched NHSRplotthedots' in every "
           "XmR case here." if not mdc else f"Its special-cause points differed in "
           f"{_count(mdc)}."))
    return out
