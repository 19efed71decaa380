"""How a qic() or ptd() result shows in a notebook, without spc importing plots (which builds on
spc): the results ask here, and the package's front (qispread/__init__.py) names the function
that draws them, which imports the figure builders the first time a result is shown."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# (result, include, exclude) -> the notebook's mime bundle, as in IPython's _repr_mimebundle_
Draw = Callable[[Any, Any, Any], dict[str, Any]]


def _headline_only(result: Any, include: Any, exclude: Any) -> dict[str, Any]:
    return {"text/plain": result.headline()}


draw: Draw = _headline_only


def mimebundle(result: Any, include: Any = None, exclude: Any = None) -> dict[str, Any]:
    return draw(result, include, exclude)


def _escaped_headline(result: Any) -> str:
    from html import escape

    return f"<p>{escape(result.headline())}</p>"


# result -> an HTML table, for results that show as a table (the board of many measures)
draw_html: Callable[[Any], str] = _escaped_headline


def html(result: Any) -> str:
    return draw_html(result)
