"""The tutor's coaching comments: one spreadsheet (CSV) with a row per learner and project part.

`qispread cohort projects` writes the rows for every part a learner has made something in, and
keeps every comment already typed; the tutor fills the comment column in any spreadsheet program;
`qispread cohort feedback` sends each learner their own rows. It lives with the gradebook's private
files (git-ignored), since it names learners.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from qispread.errors import DataProblem
from qispread.models.project import PARTS

COLUMNS = ("learner", "part", "comment")
Comments = dict[str, dict[str, str]]  # learner -> part title -> comment


def _text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # saved by Excel on Windows
        return raw.decode("cp1252", errors="replace")


def read_comments(path: Path) -> Comments:
    """Every non-empty comment, by learner and part; a row naming no known part is refused with
    its row number as a spreadsheet counts it."""
    if not path.is_file():
        return {}
    titles = {p.title.casefold(): p.title for p in PARTS} | {p.key: p.title for p in PARTS}
    rows = list(csv.DictReader(io.StringIO(_text(path))))
    if rows and not set(COLUMNS) <= set(rows[0]):
        raise DataProblem(f"{path.name} needs the columns {', '.join(COLUMNS)} in its first row. "
                          "Put them back (qispread cohort projects writes them).")
    found: Comments = {}
    for number, row in enumerate(rows, start=2):
        comment = (row.get("comment") or "").strip()
        if not comment:
            continue
        title = titles.get((row.get("part") or "").strip().casefold())
        if title is None:
            raise DataProblem(f"Row {number} of {path.name} names the part '{row.get('part')}', "
                              f"which a project does not have. Use one of: "
                              f"{', '.join(p.title for p in PARTS)}.")
        found.setdefault((row.get("learner") or "").strip(), {})[title] = comment
    return found


def write_comments(path: Path, made: dict[str, list[str]]) -> Path:
    """Rows for every (learner, part title) in made plus every comment already in the file,
    which are kept as typed."""
    kept = read_comments(path)
    rows = {(learner, title): "" for learner, titles in made.items() for title in titles}
    rows |= {(learner, title): text for learner, parts in kept.items()
             for title, text in parts.items()}
    order = {p.title: i for i, p in enumerate(PARTS)}
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for (learner, title), text in sorted(rows.items(),
                                             key=lambda r: (r[0][0], order.get(r[0][1], 99))):
            writer.writerow((learner, title, text))
    return path
