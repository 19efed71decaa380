"""Time one analysis in a fresh process and print one JSON line; run by bench/bench_spc.py.

Stand-alone on purpose: it runs in the project's .venv (qispread) or in the peers' venv
(clinical-qikit, controlchartspy), which do not share packages.

    python worker.py TOOL CHART SIZE DATA.npz REPEATS

TOOL: qispread | clinical-qikit | controlchartspy.  CHART: run, i, p, u, or ptd (NHS Making Data
Count XmR analysis). Input is built before timing; only the analysis call is timed. Memory: the
resident set just before the first call (where the peak is reset) and the peak (VmHWM) after.
"""

from __future__ import annotations

import gc
import json
import sys
import time
import warnings
from importlib.metadata import version

import numpy as np

DISTRIBUTIONS = {"qispread": "qispread", "clinical-qikit": "clinical-qikit",
                 "controlchartspy": "controlchartspy"}
# A run slower than this is not repeated: the best of 3 would add minutes and change nothing.
REPEAT_ONLY_UNDER_S = 30.0
# Making Data Count's four rules, all switched on so controlchartspy does comparable work.
MDC_RULES = {"astronomical": True, "shift": True, "trend": True, "two_in_three": True,
             "improvement_direction": "increase"}


def columns(chart: str, data: np.lib.npyio.NpzFile, size: int) -> dict[str, np.ndarray]:
    if chart in {"p", "u"}:
        return {"y": data[f"{chart}_count"][:size], "n": data[f"{chart}_n"][:size]}
    return {"y": data["y"][:size]}


def qispread_call(chart, cols):
    from qispread.spc import ptd, qic

    if chart == "ptd":
        return lambda: ptd(y=cols["y"])
    return lambda: qic(chart=chart, **cols)


def qikit_call(chart, cols):
    from qikit import qic

    if chart == "ptd":
        return None  # no Making Data Count rules (its methods: anhoej, ihi, weco, nelson)
    return lambda: qic(chart=chart, **cols)


def controlchartspy_call(chart, cols):
    import pandas as pd
    from controlchartspy import spc

    # Its SPC keys must be dates or strings; numbered strings keep every point distinct.
    frame = pd.DataFrame({"key": [f"t{i:07d}" for i in range(len(cols["y"]))], **cols})
    denominators = "n" if "n" in cols else None
    kind = "i" if chart == "ptd" else chart
    return lambda: spc(frame, keys="key", numerators="y", denominators=denominators,
                       spc_settings={"chart_type": kind}, outlier_settings=MDC_RULES,
                       return_objs="limits")


CALLS = {"qispread": qispread_call, "clinical-qikit": qikit_call,
         "controlchartspy": controlchartspy_call}


def _status_mib(field: str) -> float:
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise LookupError(field)


def reset_peak() -> float:
    """Reset the process's peak resident set to what it holds now (Linux: clear_refs 5), so
    building the input leaves no earlier peak behind; returns the resident set now (MiB)."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return _status_mib("VmRSS")


def peak_rss_mib() -> float:
    return _status_mib("VmHWM")


def main(tool: str, chart: str, size: int, data_path: str, repeats: int) -> dict:
    report = {"tool": tool, "chart": chart, "size": size, "version": version(DISTRIBUTIONS[tool]),
              "numpy": version("numpy"), "pandas": version("pandas"),
              "python": sys.version.split()[0]}
    call = CALLS[tool](chart, columns(chart, np.load(data_path), size))
    if call is None:
        return report | {"status": "unsupported"}
    gc.collect()
    report["rss_before_mib"] = reset_peak()
    times = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(repeats):
                started = time.perf_counter()
                call()
                times.append(time.perf_counter() - started)
                gc.collect()
                if times[-1] > REPEAT_ONLY_UNDER_S:
                    break
    except Exception as error:  # a peer failing at a size is a result, not a crash
        return report | {"status": "failed", "error": f"{type(error).__name__}: {error}"[:300],
                         "times": times}
    return report | {"status": "ok", "times": times, "best_s": min(times),
                     "rss_peak_mib": peak_rss_mib()}


if __name__ == "__main__":
    tool, chart, size, data_path, repeats = sys.argv[1:6]
    print(json.dumps(main(tool, chart, int(size), data_path, int(repeats))))
