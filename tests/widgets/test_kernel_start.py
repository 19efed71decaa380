"""A kernel that opens a tool or shows a chart never builds rfc3987-syntax's grammar (about 2 s of
CPU), whatever else is installed: plotly imports nbformat, whose jsonschema imports that IRI
checker whenever it is installed (src/qispread/_slow_imports.py; docs/bench-tool-import.md).
Here a stand-in for it, found first on the path, records whether anything imported it."""

import os
import subprocess
import sys

OPEN_A_TOOL_AND_SHOW_A_CHART = """
from qispread import load, qic
from qispread.widgets import ChartExplorer

ChartExplorer("my_chart.json", "falls")
qic(x="period", y="falls", data=load("falls"))._repr_mimebundle_()
"""


def imports_the_iri_checker(code: str, folder) -> bool:
    stand_in = folder / "path" / "rfc3987_syntax"
    stand_in.mkdir(parents=True)
    imported = folder / "imported"
    (stand_in / "__init__.py").write_text(f"open({str(imported)!r}, 'w').close()\n")
    subprocess.run([sys.executable, "-c", code], cwd=folder, check=True,
                   env=dict(os.environ, PYTHONPATH=str(folder / "path")))
    return imported.exists()


def test_the_stand_in_is_what_jsonschema_finds(tmp_path):
    assert imports_the_iri_checker("import jsonschema", tmp_path)


def test_opening_a_tool_and_showing_a_chart_leave_the_iri_checker_out(tmp_path):
    assert not imports_the_iri_checker(OPEN_A_TOOL_AND_SHOW_A_CHART, tmp_path)


def test_importing_a_chart_tool_leaves_pandas_and_the_analysis_to_its_opening(tmp_path):
    """The import a lesson's first cell runs stays quick (bench/bench_tool_import.py): pandas,
    the analysis and plotly's renderers are imported when the tool opens, which still works."""
    code = ("import sys\nfrom qispread.widgets import ChartExplorer\n"
            "heavy = ('pandas', 'qispread.spc', 'plotly.io')\n"
            "print(sorted(m for m in heavy if m in sys.modules))\n"
            "ChartExplorer('my_chart.json', 'falls')\n"
            "print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, cwd=tmp_path)
    assert done.stdout.split("\n")[:2] == ["[]", "True"]
