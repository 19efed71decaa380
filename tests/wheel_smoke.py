"""Run by tests/test_wheel.py with the Python of a fresh virtual environment holding only the
installed wheel, in a folder far from the checkout. Prints one JSON report for the test to check.

Not a test module itself: it must work with nothing from the repository importable.
"""

import json
import sys
from pathlib import Path

import qispread
from qispread import data, load, ptd, qic, qic_figure, save_html, save_image
from qispread import widgets as tools
from qispread.widgets import Question

out = Path(sys.argv[1])
report: dict = {"qispread_file": qispread.__file__}

report["data_sets"] = {name: len(load(name)) for name in data.names()}
report["licences"] = sorted({data.provenance(name)["licence"] for name in data.names()})
report["attributions"] = [data.attribution(name) for name in data.names()]
report["data_guide"] = data.source_data_folder().joinpath("README.md").is_file()

falls = load("falls")
chart = qic(x="period", y="falls", data=falls, chart="i")
report["qic_explain"] = list(chart.explain())
report["qic_headline"] = chart.headline()
report["ptd_explain"] = list(ptd(data=falls, x="period", y="falls",
                                 improvement_direction="decrease").explain())

figure = qic_figure(chart, title="Falls")
report["png"] = save_image(figure, out / "falls.png").stat().st_size
report["html"] = save_html(figure, out / "falls.html").stat().st_size

made = {}
for name in tools.__all__:
    if name == "Question":
        continue
    if name == "Quiz":
        made[name] = tools.Quiz([Question("Which?", ("a", "b"), 0, "Because.")])
    elif name == "project_tool":  # the lesson's "your project" step: one part's tool
        made[name] = tools.project_tool("aim")
    else:
        made[name] = getattr(tools, name)()
report["widgets"] = {name: type(widget).__name__ for name, widget in made.items()}

print(json.dumps(report))
