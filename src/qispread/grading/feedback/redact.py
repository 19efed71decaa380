"""Keep hidden tests out of learners' feedback (nbgrader issue #1363).

Autograding puts each test cell's full source, hidden tests included, back into the learner's
notebook, and nbgrader's feedback shows that source and any traceback. Before feedback is
rendered, this removes the hidden regions (and any mark scheme) from the cells, and replaces a
traceback that could show hidden source with just the error's name and, for a visible test, its
message (the hint the author wrote for learners)."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor

from qispread.grading.cells import DEFAULT, Delimiters

PLACEHOLDER = "# (hidden tests are not shown in feedback)"
HIDDEN_FAILURE = "A hidden test did not pass. Check your answer against the question again."
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_CELL_LINE = re.compile(r"(?:Cell In\s*\[\d*\]|Input In \[\d*\]|<ipython-input-[^>]*>), line (\d+)")


def split_hidden(source: str, delimiters: Delimiters = DEFAULT
                 ) -> tuple[str, list[int], list[str]]:
    """(source without hidden regions, 1-based line numbers hidden, text of the hidden lines)."""
    kept: list[str] = []
    hidden_numbers: list[int] = []
    hidden_text: list[str] = []
    inside = None
    for number, line in enumerate(source.splitlines(), start=1):
        begin = next((end for start, end in delimiters.hidden if start in line), None)
        if inside is None and begin:
            inside = begin
            hidden_numbers.append(number)
            if begin == delimiters.hidden_tests[1]:
                kept.append(line[: len(line) - len(line.lstrip())] + PLACEHOLDER)
            continue
        if inside is not None:
            hidden_numbers.append(number)
            if inside in line:
                inside = None
            elif line.strip():
                hidden_text.append(line.strip())
            continue
        kept.append(line)
    return "\n".join(kept), hidden_numbers, hidden_text


def distinctive(lines: list[str], shortest: int = 10) -> list[str]:
    """Hidden lines long enough that finding one elsewhere means it leaked (not `pass`, `)`)."""
    return [line for line in lines if len(line) >= shortest]


def failing_line(traceback: list[str]) -> int | None:
    """The line of the test cell (the outermost cell frame) that raised, from IPython's
    traceback; later frames belong to functions the test called."""
    for frame in traceback:
        match = _CELL_LINE.search(_ANSI.sub("", frame))
        if match:
            return int(match.group(1))
    return None


def _redacted_error(output: NotebookNode, hidden_numbers: list[int]) -> NotebookNode:
    line = failing_line(output.get("traceback", []))
    if line is None or line in hidden_numbers:
        output.evalue = HIDDEN_FAILURE
    output.traceback = [f"{output.ename}: {output.evalue}"]
    return output


def _scrub(text: str, hidden_text: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(ln for ln in lines if not any(h in _ANSI.sub("", ln) for h in hidden_text))


class RedactHiddenTests(NbGraderPreprocessor):
    """nbgrader preprocessor for GenerateFeedback: run it before the HTML is rendered."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        hidden_everywhere: list[str] = []
        delimiters = Delimiters.of(self.config)
        for cell in nb.cells:
            cell.source, numbers, text = split_hidden(cell.source, delimiters)
            hidden_everywhere.extend(distinctive(text))
            if numbers and cell.cell_type == "code":
                cell.outputs = [
                    _redacted_error(out, numbers) if out.output_type == "error" else out
                    for out in cell.outputs
                ]
        if hidden_everywhere:
            for cell in nb.cells:
                for out in cell.get("outputs", []):
                    _scrub_output(out, hidden_everywhere)
        return nb, resources


def _scrub_output(output: NotebookNode, hidden_text: list[str]) -> None:
    if output.output_type == "stream":
        output.text = _scrub(output.text, hidden_text)
    elif output.output_type == "error":
        output.traceback = [_scrub(frame, hidden_text) for frame in output.traceback]
        output.evalue = _scrub(output.evalue, hidden_text) or HIDDEN_FAILURE
    elif "data" in output:
        for kind, value in output.data.items():
            if isinstance(value, str):
                output.data[kind] = _scrub(value, hidden_text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible_text(page: str) -> str:
    """The text a reader of an HTML page sees (tags removed, entities decoded): syntax
    highlighting splits source lines over many tags, so raw HTML cannot be searched."""
    parser = _Text()
    parser.feed(page)
    return html.unescape("".join(parser.parts))
