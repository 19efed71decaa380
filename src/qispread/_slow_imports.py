"""Keep a kernel that draws a chart or opens a tool quick to start, in any environment.

plotly imports nbformat the first time it shows a figure or makes a FigureWidget, and nbformat
imports jsonschema, which builds the grammar of rfc3987-syntax (its optional IRI checker) if that
is installed: about 2 s of CPU in every such kernel (bench/bench_tool_import.py). JupyterLab's
server installs it; `make setup` removes it; a learner's environment built any other way keeps
it. Nothing in a qispread process validates IRIs, so the checker is left out here, exactly as if
it were not installed, unless the process has already imported it."""

import sys

IRI_CHECKER = "rfc3987_syntax"


def leave_out_iri_checker() -> None:
    # None in sys.modules makes `import rfc3987_syntax` raise ImportError, which jsonschema
    # takes as "not installed" (typeshed does not list None as a sys.modules value).
    if IRI_CHECKER not in sys.modules:
        sys.modules[IRI_CHECKER] = None  # type: ignore[assignment]
