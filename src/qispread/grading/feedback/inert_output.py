"""Make everything a learner's notebook carries inert before a person views it as HTML.

A submission's outputs were produced by the learner's code and its markdown written by the
learner, so a page rendered from it (feedback, formgrader's grading view) must not run anything
from it: `display(HTML('<script>...'))`, `<img onerror=...>`, `javascript:` links, SVG with
scripts, widget state, cell tags spliced into class attributes. This preprocessor keeps an
allowlist, so that anything new is inert too:

* outputs: text/plain as text; PNG and JPEG only as well-formed base64 (the page shows them as
  data: images); HTML and markdown through Ammonia's sanitiser (nh3) with a small set of
  formatting tags (text, tables, lists, headings, links to http/https/mailto) and no script,
  style, image, frame or form, no event or style attribute; every other kind (JavaScript, SVG,
  LaTeX, widget views, plotly's JSON) is dropped, and an output left with nothing readable says
  "(interactive output, not shown here)";
* markdown and raw cells: rendered to HTML and sanitised the same way;
* metadata: the notebook keeps only its kernel and language, a cell only nbgrader's metadata,
  an output none (so no widget state, tags or image file names reach the template).

It is an nbconvert preprocessor: feedback (`GenerateFeedback.preprocessors`) and formgrader
(`HTMLExporter.preprocessors`, set in nbgrader_config.py) run it, and what is left of a
learner's content is text and plain formatting.
"""

from __future__ import annotations

import re

import nh3
from nbconvert.filters.markdown import markdown2html
from nbconvert.preprocessors import Preprocessor

TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "kbd", "li", "ol", "p", "pre", "q",
        "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "u", "ul"}
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "table": {"border", "class"},
              "th": {"colspan", "rowspan", "scope"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
AS_TEXT = ("text/plain",)
IMAGES = ("image/png", "image/jpeg")
FORMATTED = ("text/html", "text/markdown")
NOT_SHOWN = "(interactive output, not shown here)"
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]*")
_PLAIN = re.compile(r"[\w .+()-]{1,80}")


def inert_html(fragment: str) -> str:
    """HTML with only plain formatting left: nothing in it can run or fetch anything."""
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True)


def _readable(fragment: str) -> bool:
    from qispread.grading.feedback.redact import visible_text

    return bool(visible_text(fragment).strip())


def inert_output(output: dict) -> dict:
    if "data" not in output:  # stream and error outputs: the page escapes their text
        return output
    output["metadata"] = {}
    data = output["data"]
    kept = {kind: data[kind] for kind in AS_TEXT if isinstance(data.get(kind), str)}
    kept.update({kind: data[kind] for kind in IMAGES
                 if isinstance(data.get(kind), str) and _BASE64.fullmatch(data[kind])})
    html = data.get("text/html")
    if not isinstance(html, str) and isinstance(data.get("text/markdown"), str):
        html = markdown2html(data["text/markdown"])
    if isinstance(html, str) and _readable(inert_html(html)):
        kept["text/html"] = inert_html(html)
    if set(data) - set(AS_TEXT) and not set(kept) - set(AS_TEXT):  # only rich parts, all gone
        kept = {"text/plain": NOT_SHOWN}
    output["data"] = kept
    return output


def _plain(value: object) -> bool:
    return isinstance(value, str) and bool(_PLAIN.fullmatch(value))


class MakeLearnerOutputInert(Preprocessor):
    """nbconvert preprocessor: run it on any learner notebook rendered to HTML."""

    def preprocess(self, nb, resources):
        meta = nb.get("metadata", {})
        kernel = {k: v for k, v in meta.get("kernelspec", {}).items() if _plain(v)}
        language = {k: v for k, v in meta.get("language_info", {}).items()
                    if k in ("name", "pygments_lexer", "file_extension") and _plain(v)}
        # each kept only whole: nbformat requires a kernelspec's names and a language's name
        nb["metadata"] = {key: value for key, value, needed in (
            ("kernelspec", kernel, ("name", "display_name")),
            ("language_info", language, ("name",))) if all(k in value for k in needed)}
        for cell in nb.cells:
            nbgrader = cell.get("metadata", {}).get("nbgrader")
            cell["metadata"] = {"nbgrader": nbgrader} if nbgrader else {}
            cell.pop("attachments", None)
            if cell.cell_type == "markdown":
                cell.source = inert_html(markdown2html(cell.source))
            elif cell.cell_type == "raw":
                cell.source = inert_html(cell.source)
            elif cell.cell_type == "code":
                cell.outputs = [inert_output(out) for out in cell.get("outputs", [])]
        return nb, resources
