"""Each lesson fits the time it states (issue 23 §5): its core words read at 175 a minute (the
middle of 150 to 200 for this audience) plus its tools' time, and its optional "Going further:"
sections within the extra time it states for them. The lesson's introduction
states the same times as qispread.curriculum, which the course map and the website show."""

import math
import re
from pathlib import Path

import nbformat
import pytest

from qispread.curriculum import MODULES, Module

ROOT = Path(__file__).resolve().parents[1]
WORDS_A_MINUTE = 175
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# "### Going further: ...", or a numbered section "## 5. Going further: ..."
GOING_FURTHER = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?Going further:", re.IGNORECASE)
# a reference list is looked up, not read through
NOT_READ = re.compile(r"^References\b", re.IGNORECASE)


def lesson(item: Module) -> nbformat.NotebookNode:
    notebooks = sorted((ROOT / "course" / item.folder).glob("*.ipynb"))
    assert len(notebooks) == 1, f"course/{item.folder} should hold one lesson: {notebooks}"
    return nbformat.read(notebooks[0], as_version=4)


def words(line: str) -> int:
    """Words as a reader meets them: markdown's |, *, - and # alone are not words."""
    return sum(1 for token in line.split() if re.search(r"\w", token))


def counted(notebook: nbformat.NotebookNode) -> tuple[int, int]:
    """(core words, Going further words) of the lesson's markdown. An optional section runs to
    the next heading of its own level or higher."""
    core = further = 0
    skipping: tuple[str, int] | None = None  # ("further" or "unread", heading level)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            heading = HEADING.match(line)
            if heading:
                level, text = len(heading.group(1)), heading.group(2).strip()
                if skipping and level <= skipping[1]:
                    skipping = None
                if skipping is None and GOING_FURTHER.match(text):
                    skipping = ("further", level)
                elif skipping is None and NOT_READ.match(text):
                    skipping = ("unread", level)
            if skipping is None:
                core += words(line)
            elif skipping[0] == "further":
                further += words(line)
    return core, further


def test_the_counter_ends_an_optional_section_at_a_heading_of_its_level():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell(
            "## 1. Core\n\none two three\n\n"
            "### Going further: depth\n\nfour five\n\n#### Deeper\n\nsix"),
        nbformat.v4.new_markdown_cell(
            "### Back to the core\n\nseven | - *\n\n"
            "## 2. Going further: more\n\neight\n\n## References\n\nnine"),
    ])
    assert counted(notebook) == (2 + 3 + 4 + 1, 3 + 2 + 1 + 1 + 4 + 1)


@pytest.mark.parametrize("item", MODULES, ids=lambda m: m.folder)
def test_a_first_reading_fits_the_stated_time(item):
    core, further = counted(lesson(item))
    needed = core / WORDS_A_MINUTE + item.tool_minutes
    assert needed <= item.minutes, (
        f"Lesson {item.folder}: {core:,} core words ÷ {WORDS_A_MINUTE} a minute = "
        f"{core / WORDS_A_MINUTE:.1f} min, plus {item.tool_minutes} min for its tools, is "
        f"{needed:.1f} min: more than the {item.minutes} min it states. Put depth under a heading "
        "starting 'Going further:' or state a longer time in src/qispread/curriculum.py and in "
        "the lesson's introduction.")
    optional = math.ceil(further / WORDS_A_MINUTE)
    assert optional <= item.further_minutes, (
        f"Lesson {item.folder}: its 'Going further:' sections hold {further:,} words, about "
        f"{optional} min, but curriculum.py gives them {item.further_minutes} min "
        "(further_minutes). State their time there and in the lesson's introduction.")
    assert bool(further) == bool(item.further_minutes), (
        f"Lesson {item.folder}: curriculum.py gives optional sections {item.further_minutes} "
        f"min, but the lesson has {further} words under 'Going further:' headings.")


@pytest.mark.parametrize("item", MODULES, ids=lambda m: m.folder)
def test_the_lesson_states_the_curriculums_times(item):
    introduction = " ".join(lesson(item).cells[0].source.split())
    assert f"takes {item.time_text}" in introduction, (
        f"Lesson {item.folder}'s first cell should say it takes {item.time_text} "
        "(curriculum.py), as the course map and the website do.")
    if item.further_minutes:
        assert item.further_text in introduction, (
            f"Lesson {item.folder}'s first cell should say '{item.further_text}'.")
