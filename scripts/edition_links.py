"""Every link a learner can follow in the learner edition leads to a file in the edition.

Two kinds are checked: relative links (``[text](path)``, ``<img src=...>``) in the Markdown files
and the notebooks' text cells, resolved from the file that holds them; and file paths the lessons
name in code style (```docs/spread-simulator.md```), resolved from the top of the edition. Files a
learner makes as they work (``my_project/``, ``my_*.json``) are not there until then.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?[^)]*\)|(?:src|href)=[\"']([^\"']+)[\"']")
NAMED_PATH = re.compile(r"`((?:[\w.-]+/)+[\w.-]+\.(?:md|ipynb|csv|json|py|png|txt))`")
ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|//)", re.IGNORECASE)  # web, mail, same page


def _texts(folder: Path) -> Iterator[tuple[Path, str, bool]]:
    """Each Markdown file's text and each notebook's text cells under folder, and whether it is a
    lesson (whose named paths count as links)."""
    for path in sorted(folder.rglob("*.md")):
        yield path, path.read_text(encoding="utf-8"), False
    for path in sorted(folder.rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        yield path, text, True


def relative_links(text: str) -> list[str]:
    links = (m.group(1) or m.group(2) for m in LINK.finditer(text))
    return [re.split(r"[#?]", link)[0] for link in links if not ELSEWHERE.match(link)]


def _learners_own(path: str) -> bool:
    return path.startswith("my_project/") or Path(path).name.startswith("my_")


def _leads_inside(target: Path, folder: Path) -> bool:
    target = target.resolve()
    return target.exists() and (target == folder or folder in target.parents)


def broken_links(folder: Path) -> list[str]:
    """'file: link' for every link or named path under folder that leads to nothing there."""
    folder = Path(folder).resolve()
    broken = []
    for path, text, lesson in _texts(folder):
        where = path.relative_to(folder)
        for link in relative_links(text):
            if not _leads_inside(path.parent / link, folder):
                broken.append(f"{where}: {link}")
        for named in NAMED_PATH.findall(text) if lesson else ():
            if not _learners_own(named) and not _leads_inside(folder / named, folder):
                broken.append(f"{where}: {named}")
    return broken
