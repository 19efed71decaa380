"""No choice item gives its answer away by length: a test-wise learner who picks the longest, most
qualified option must not find the right one that way. For every choice item with its own list of
options, each right option has at most 1.25 times the words of the longest wrong option. A list
shared by several parts (matching a category to each story) is left out: every part points to a
different option of the same list, so no length can point to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.choice_options import ChoiceItem, choice_items
from assessment.test_misconception_map import model_answers

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "solutions").glob("*/*.ipynb"))
ITEMS = [item for path in NOTEBOOKS for item in choice_items(path, model_answers(path))]
RATIO = 1.25
# Items whose options are not text in the question: their letters name things a tool shows.
SHOWN_BY_A_TOOL = {("10_sustaining_change", "answer_q4c")}  # homes A to F in a chart


def key(item: ChoiceItem) -> tuple[str, str]:
    return item.notebook.parent.name, item.answer


def test_every_choice_item_and_its_options_are_found():
    """The parser reads every layout the notebooks use: a change of layout that it cannot read
    fails here rather than leaving items unchecked."""
    assert len(NOTEBOOKS) >= 12
    assert len(ITEMS) >= 75, f"only {len(ITEMS)} choice items found in solutions/"
    assert sum(not item.shared for item in ITEMS) >= 30
    unread = [key(item) for item in ITEMS if not item.options and key(item) not in SHOWN_BY_A_TOOL]
    assert not unread, f"choice items whose options could not be read: {unread}"
    for item in ITEMS:
        assert item.right, key(item)
        if key(item) not in SHOWN_BY_A_TOOL:
            assert item.right <= set(item.options), f"{key(item)}: its answer is not an option"
            assert len(item.options) >= 3, f"{key(item)}: options found {sorted(item.options)}"


@pytest.mark.parametrize("item", [i for i in ITEMS if not i.shared],
                         ids=lambda i: f"{i.notebook.parent.name}/{i.answer}")
def test_the_right_option_is_not_the_conspicuously_long_one(item: ChoiceItem):
    words = {letter: item.words(letter) for letter in item.options}
    longest_wrong = max(n for letter, n in words.items() if letter not in item.right)
    long_right = {letter: n for letter, n in words.items()
                  if letter in item.right and n > RATIO * longest_wrong}
    assert not long_right, (
        f"solutions/{item.notebook.parent.name}: {item.answer}'s right option(s) {long_right} "
        f"(words) are more than {RATIO} times the longest wrong option ({longest_wrong} words): "
        f"shorten the right option or give the wrong ones the same detail. Word counts: {words}")
