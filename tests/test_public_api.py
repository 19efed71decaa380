"""The flat public API: every public name resolves, `import qispread` stays light, the deep paths
the notebooks use keep working, results show as charts, and explain() has one type."""

import ast
import importlib
import json
import subprocess
import sys

import plotly.io as pio
import pytest

import qispread
from qispread import models, plots, widgets
from qispread.spc import vocabulary

NAMESPACES = [qispread, widgets, models, plots]
FALLS = [69, 70, 50, 46, 62, 53, 72, 62, 50, 62, 56, 50, 65, 64, 53, 45, 54, 52, 62, 41, 43,
         57, 47, 45, 47, 46, 48, 37, 44, 48, 41, 49, 38, 44, 42, 52]  # source_data/falls.csv


@pytest.mark.parametrize("namespace", NAMESPACES, ids=lambda m: m.__name__)
def test_every_public_name_resolves(namespace):
    for name in namespace.__all__:
        assert getattr(namespace, name) is not None, name
        assert name in dir(namespace)
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        namespace.nonsense  # noqa: B018


def test_a_name_shared_with_its_module_gives_the_function():
    from qispread import ptd_figure as top_level
    from qispread.plots import ptd_figure, qic_figure

    assert callable(qic_figure) and callable(ptd_figure) and top_level is ptd_figure


def test_importing_qispread_loads_no_heavy_library():
    code = ("import sys, qispread, qispread.errors, qispread.checks, qispread.widgets; "
            "print([m for m in ('pandas', 'plotly', 'ipywidgets', 'nbgrader', 'numpy') "
            "if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def _qispread_imports(project_root):
    """Every `from qispread... import ...` in the course's notebooks."""
    found = set()
    for folder in ("course", "solutions", "exercises"):
        for path in (project_root / folder).rglob("*.ipynb"):
            for cell in json.loads(path.read_text())["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"])
                try:
                    tree = ast.parse(source)
                except SyntaxError:
                    continue  # a learner's answer cell with `...` placeholders in prose
                for node in ast.walk(tree):
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                            "qispread"):
                        found.update((node.module, alias.name) for alias in node.names)
    return sorted(found)


def test_every_import_the_notebooks_use_works(project_root):
    imports = _qispread_imports(project_root)
    assert ("qispread", "qic") in imports  # the notebooks use the flat API
    for module, name in imports:
        namespace = {}
        exec(f"from {module} import {name}", namespace)
        assert name in namespace


def test_one_error_family():
    from qispread import errors
    from qispread.models.storage import ModelFileProblem
    from qispread.spc.errors import DataProblem

    assert DataProblem is errors.DataProblem and ModelFileProblem is errors.ModelFileProblem
    for error in (errors.DataProblem, errors.ModelFileProblem, errors.DataNotFound,
                  errors.AnswerProblem):
        assert issubclass(error, errors.QispreadError)
    assert issubclass(errors.DataProblem, ValueError)  # `except ValueError` still catches it
    assert issubclass(errors.AnswerProblem, AssertionError)  # nbgrader counts a failed test


def test_explain_has_one_type_for_both_verbs():
    from qispread import Explanation, ptd, qic

    run = qic(y=FALLS).explain()
    spc = ptd(y=FALLS, improvement_direction="decrease").explain()
    assert type(run) is type(spc) is Explanation
    for explanation in (run, spc):
        assert list(explanation) and all(isinstance(s, str) for s in explanation)
        assert str(explanation).startswith(explanation[0])
        assert explanation[0][:20] in explanation  # a phrase is found in the text
        assert explanation._repr_markdown_().startswith("- ")


def test_markdown_shows_data_labels_literally():
    from qispread import Explanation

    assert Explanation(["Ward_2 *closed*"])._repr_markdown_() == r"- Ward\_2 \*closed\*"


@pytest.fixture
def notebook_renderer():
    before = pio.renderers.default
    pio.renderers.default = "plotly_mimetype"  # what JupyterLab uses
    yield
    pio.renderers.default = before


def test_a_qic_result_shows_as_its_chart_with_a_headline(notebook_renderer):
    from qispread import qic

    result = qic(y=FALLS, chart="i")
    bundle = result._repr_mimebundle_()
    figure = bundle["application/vnd.plotly.v1+json"]
    assert figure["layout"]["title"]["text"] == vocabulary.CHART_NAMES["i"]
    assert figure["layout"]["title"]["subtitle"]["text"] == result.headline()
    assert bundle["text/plain"] == result.headline()
    outside = int(result.data["sigma_signal"].sum())
    runs = bool(result.data["runs_signal"].any())
    assert result.headline().startswith(f"{len(FALLS)} points. ")
    assert ("Runs signal" in result.headline()) == runs
    assert (f" {outside} point" in result.headline()) == (outside > 0)


def test_a_ptd_result_shows_as_its_chart(notebook_renderer):
    from qispread import ptd

    result = ptd(y=FALLS, improvement_direction="decrease", target=40)
    bundle = result._repr_mimebundle_()
    assert "application/vnd.plotly.v1+json" in bundle
    latest = result.summary().iloc[0]
    assert bundle["text/plain"] == result.headline()
    assert latest["assurance_type"] is not None and "Target: " in result.headline()


def test_one_table_of_chart_names_methods_and_directions():
    from qispread.models import chart_spec
    from qispread.spc import inputs
    from qispread.spc.ptd import arguments
    from qispread.widgets.chart_explorer_controls import ExplorerControls

    # modules that share their names with the functions the packages export
    qic_figure = importlib.import_module("qispread.plots.qic_figure")
    qic = importlib.import_module("qispread.spc.qic")
    assert qic_figure.CHART_NAMES is vocabulary.CHART_NAMES
    assert chart_spec.CHART_TYPES is vocabulary.CHART_NAMES
    assert chart_spec.METHODS is vocabulary.METHODS
    assert list(inputs.CHART_NAMES) == list(vocabulary.CHART_NAMES)
    assert inputs.CHART_NAMES["mr"] == "an MR chart (moving ranges)"
    assert qic.METHODS == tuple(vocabulary.METHODS)
    assert chart_spec.IMPROVEMENT_DIRECTIONS == tuple(vocabulary.DIRECTIONS)
    assert list(arguments.DIRECTIONS) == list(vocabulary.DIRECTIONS)
    menu = ExplorerControls([]).direction.options
    assert menu == tuple((label, code) for code, label in vocabulary.DIRECTIONS.items())


def test_a_widget_shows_qispread_errors_and_lets_bugs_surface():
    from qispread.errors import DataProblem
    from qispread.widgets.common import MessageArea, guarded

    messages = MessageArea()

    def bad_input():
        raise DataProblem("The target 'abc' is not a number.")

    def bug():
        raise ValueError("cannot reindex on an axis with duplicate labels")  # e.g. from pandas

    assert guarded(messages, bad_input) is False
    assert "The target 'abc' is not a number." in messages.value
    with pytest.raises(ValueError, match="duplicate labels"):
        guarded(messages, bug)


def test_every_tool_is_in_the_flat_namespace():
    """A widget class added to qispread/widgets/ must be exported from qispread.widgets too."""
    import pkgutil

    import ipywidgets

    tools = set()
    for module_info in pkgutil.iter_modules(widgets.__path__):
        module = importlib.import_module(f"qispread.widgets.{module_info.name}")
        tools.update(name for name, value in vars(module).items()
                     if isinstance(value, type) and issubclass(value, ipywidgets.Box)
                     and value.__module__ == module.__name__ and not name.startswith("_")
                     and name[0].isupper() and name not in INTERNAL_PARTS)
    assert "ChartExplorer" in tools  # the search finds the tools
    assert tools <= set(widgets.__all__), f"not exported: {sorted(tools - set(widgets.__all__))}"


# Pieces the tools are built from, not tools a notebook shows.
INTERNAL_PARTS = {"StageBox", "RatingRow", "ExplorerControls", "StepRow", "CauseRow",
                  "StakeholderRow"}


def test_learner_facing_errors_are_qispread_errors(project_root):
    """Widgets show only qispread's errors as messages, so models and widgets raise those for
    anything a learner can cause: a bare ValueError would reach the learner as a traceback."""
    offenders = [f"{path.relative_to(project_root)}:{number}"
                 for folder in ("models", "widgets")
                 for path in sorted((project_root / "src" / "qispread" / folder).glob("*.py"))
                 for number, line in enumerate(path.read_text().splitlines(), 1)
                 if "raise ValueError(" in line or "raise TypeError(" in line]
    assert not offenders, f"raise DataProblem (qispread.errors) instead: {offenders}"
