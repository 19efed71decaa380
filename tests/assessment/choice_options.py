"""The options of every choice item in the solutions notebooks, read from their markdown.

An item is an `answer_*` variable that a test cell checks with `checks.choice` or `checks.choices`.
Its question is the markdown between the solution cell before it and its own solution cell; when a
solution cell holds several answers (parts 5a, 5b, ...), each part runs from its bold label
(`**5a.**`) to the next part's. Options are written in several layouts, all read here: bullets
(`* **A** text`, `* **A.** text`, indented under a part), inline lists (`**A** text · **B** text`,
`**A** text, **B** text`), table cells (`| **A** | text |`) and numbered lines (`1. text`). A part
with no options of its own uses the list before the first part: a list shared by several parts.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from qispread.grading.feedback.misconceptions import choice_calls

MARKER = re.compile(r"\*\*([A-Z0-9])\.?\*\*|^[ \t]*(\d)\.[ \t]", re.M)
# Where an option's text ends, short of the next marker: a blank line, the next bullet or numbered
# line; inline (`**A** text · **B** text`, `**E** Review. Then prose`) also a separator or a stop.
END = re.compile(r"\n[ \t]*\n|\n[ \t]*(?:[*-]|\d\.)[ \t]|\n[ \t]*\|")
INLINE_END = re.compile(r"\s·\s|\.\s|\s\|")
AT_LINE_START = re.compile(r"(?:(?:^|\n)[ \t]*(?:[*-][ \t]+)?|\|[ \t]*)$")
LABEL = r"\*\*(?:Question\s+)?{}[.:]|^#+\s+Question\s+{}\b"


@dataclass(frozen=True)
class ChoiceItem:
    notebook: Path
    answer: str  # the answer variable, e.g. answer_q5a
    right: frozenset[str]  # the right options' letters
    options: dict[str, str]  # letter: text, for the letters the check accepts
    shared: bool  # the options are a list shared by several parts (matching)

    def words(self, letter: str) -> int:
        return len(re.sub(r"[*_`\"“”]", " ", self.options[letter]).split())


def options_in(text: str, letters: str) -> dict[str, str]:
    found: dict[str, str] = {}
    markers = list(MARKER.finditer(text))
    for marker, after in zip(markers, [*markers[1:], None][:len(markers)], strict=True):
        letter = marker.group(1) or marker.group(2)
        stop = after.start() if after else len(text)
        body = text[marker.end():stop]
        inline = not AT_LINE_START.search(text[:marker.start()])
        ends = [e.start() for e in (END.search(body), inline and INLINE_END.search(body)) if e]
        body = body[:min(ends)] if ends else body
        body = re.sub(r"\s+", " ", body).strip(" ,|·")
        if letter in letters and body and letter not in found:
            found[letter] = body
    return found


def parts(block: str, answers: list[str]) -> tuple[str, dict[str, str]]:
    """The block's text before its first part label, and each answer's part of it."""
    if len(answers) == 1:
        return "", {answers[0]: block}
    starts = {}
    for answer in answers:
        label = re.escape(answer.removeprefix("answer_q"))
        hit = re.search(LABEL.format(label, label), block, re.M)
        if hit:
            starts[answer] = hit.start()
    ordered = sorted(starts.items(), key=lambda kv: kv[1])
    bounds = [*(s for _, s in ordered[1:]), len(block)][:len(ordered)]
    first = ordered[0][1] if ordered else len(block)
    return block[:first], {a: block[s:e] for (a, s), e in zip(ordered, bounds, strict=True)}


def assigned(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)
                      and t.id.startswith("answer_") and t.id not in names]
    return names


def choice_items(notebook: Path, answers: dict) -> list[ChoiceItem]:
    """Every choice item of the notebook; `answers` are its model answers."""
    cells = nbformat.read(notebook, as_version=4).cells
    checked = {call.answer: call for cell in cells if cell.cell_type == "code"
               for call in choice_calls(cell.source) if call.kind in ("choice", "choices")}
    items: list[ChoiceItem] = []
    block: list[str] = []
    last: dict[str, str] = {}  # the latest list of options, for a part that uses an earlier list
    for cell in cells:
        if cell.cell_type == "markdown":
            block.append(cell.source)
            continue
        if not cell.metadata.get("nbgrader", {}).get("solution"):
            continue
        names = assigned(cell.source)
        preamble, texts = parts("\n\n".join(block), names)
        for name in names:
            call = checked.get(name)
            if call is None:
                continue
            own = options_in(texts.get(name, ""), call.options)
            options = own or options_in(preamble, call.options)
            if not options and set(call.options) <= set(last):
                options = {k: v for k, v in last.items() if k in call.options}
            last = options or last
            right = frozenset(re.findall(r"[A-Z0-9]", str(answers[name]).upper()))
            items.append(ChoiceItem(notebook, name, right, options, shared=not own))
        block = []
    return items
