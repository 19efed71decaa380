"""The last gate before a learner sees feedback: a page (or the notebook it is made from) that
holds anything the learner must not see is refused. Checked against the whole course, not just
the graded assignment: any line of ANY assignment's hidden tests, mark schemes or model answers;
any other learner's id or email; any value of the grader's environment (a database password, a
token).

Used by `qispread cohort feedback` and, through the course's nbgrader_config.py, by nbgrader's
own `generate_feedback` (formgrader's buttons)."""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor

from qispread.errors import DataProblem
from qispread.grading.cells import DEFAULT, Delimiters, region_lines
from qispread.grading.feedback.redact import distinctive, visible_text

SHORTEST_ENV_VALUE = 8
SHORTEST_ID = 3


@dataclass
class Secrets:
    lines: list[str]  # hidden test, mark scheme and model answer lines of every assignment
    people: list[str]  # every learner's id and email
    environment: list[str]  # the grader's environment values worth keeping secret

    def found_in(self, text: str, own: frozenset[str] | set[str] = frozenset()) -> list[str]:
        """What of these stands in `text`. `own` is the learner's own: their id, email and the
        lines they typed, which are theirs to see (a secret inside what they typed included)."""
        typed = "\n".join(own)
        found = [line for line in self.lines if line in text and line not in typed]
        for person in self.people:
            if person in own:
                continue
            if "@" in person:
                hit = person.lower() in text.lower()
            else:
                as_word = rf"(?<![\w.@-]){re.escape(person)}(?![\w@-])"
                # an id that is also a word of the assignment or of the learner's own answers
                # (a classmate called "rose"; "the rate rose") tells the page's reader nothing
                hit = re.search(as_word, text) is not None and re.search(as_word, typed) is None
            if hit:
                found.append(person)
        found += [value for value in self.environment if value in text]
        return found


def assignment_lines(source_root: Path, delimiters: Delimiters = DEFAULT) -> list[str]:
    """Secret lines of every assignment's source notebooks, less any line that a visible part
    of some notebook shows too, whole or within a longer line (an import, an example answer in
    the instructions, is no secret)."""
    hidden, shown = [], []
    for path in sorted(source_root.glob("*/*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            inside, outside = region_lines(cell.source, delimiters)
            hidden += inside
            shown += outside
    visible = "\n".join(shown)
    return sorted(set(distinctive([line for line in hidden if line not in visible])))


def environment_values(db_url: str | None = None) -> list[str]:
    """Values of the grader's environment that could be secrets. Left out: short values, paths
    (the sandbox shows the Python environment at its own path, so warnings name it) and plain
    lower-case words (`noninteractive`), which are no secret and could stand in any text."""
    values = set()
    for value in os.environ.values():
        if len(value) < SHORTEST_ENV_VALUE or "/" in value or value.isalpha() and value.islower():
            continue
        values.add(value)
    if db_url:
        password = urlsplit(db_url).password
        if password:
            values.add(password)
    return sorted(values)


def people(coursedir) -> list[str]:
    from nbgrader.api import Gradebook

    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        found = []
        for student in gb.students:
            if len(student.id) >= SHORTEST_ID:
                found.append(student.id)
            if student.email:
                found.append(student.email)
    return found


def course_secrets(coursedir) -> Secrets:
    source = Path(coursedir.format_path(coursedir.source_directory, ".", "."))
    return Secrets(assignment_lines(source, Delimiters.of(coursedir.config)), people(coursedir),
                   environment_values(coursedir.db_url))


def own_lines(coursedir, student: str, assignment: str) -> set[str]:
    """What the learner typed in their submitted notebooks, the released assignment's own text,
    and their own id and email."""
    from nbgrader.api import Gradebook, MissingEntry

    own = {student}
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        try:
            email = gb.find_student(student).email
        except MissingEntry:
            email = None
    if email:
        own.add(email)
    released = Path(coursedir.format_path(coursedir.release_directory, ".", assignment))
    for path in released.glob("*.ipynb"):  # the assignment's own words, which every learner has
        for cell in nbformat.read(path, as_version=4).cells:
            own.update(line.strip() for line in cell.source.splitlines())
    folder = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
    for path in folder.glob("*.ipynb"):
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in nb.cells:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                own.update(line.strip() for line in cell.source.splitlines())
    return own


class LeakFound(DataProblem):
    pass


def refuse(found: list[str], student: str) -> None:
    if found:
        raise LeakFound(
            f"Feedback for {student} would have shown text a learner must not see (for example "
            f"{found[0][:60]!r}); it was not written or released. Look at that learner's graded "
            f"notebook, and report this if it is not the learner's own text.")


class RefuseLeaks(NbGraderPreprocessor):
    """nbgrader preprocessor for GenerateFeedback, after RedactHiddenTests: refuses a notebook
    that still holds anything of `course_secrets`."""

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        student = resources["nbgrader"]["student"]
        assignment = resources["nbgrader"]["assignment"]
        text = notebook_text(nb)
        found = course_secrets(coursedir).found_in(
            text, own_lines(coursedir, student, assignment))
        refuse(found, student)
        return nb, resources


def page_leaks(coursedir, student: str, assignment: str, page: str,
               secrets: Secrets | None = None) -> list[str]:
    """What a rendered feedback page shows that it must not."""
    secrets = secrets or course_secrets(coursedir)
    own = own_lines(coursedir, student, assignment)
    raw = html.unescape(page)  # syntax highlighting splits lines over tags; raw HTML does not
    found = secrets.found_in(visible_text(page), own)
    typed = "\n".join(own)
    return found + [s for s in [*secrets.lines, *secrets.environment]
                    if s not in typed and s not in found and s in raw]


def notebook_text(nb) -> str:
    """Everything a feedback page is made from: each cell's source and outputs."""
    parts = []
    for cell in nb.cells:
        parts.append(cell.source)
        for out in cell.get("outputs", []):
            parts += [out.get("text", ""), out.get("evalue", ""), *out.get("traceback", [])]
            parts += [v for v in out.get("data", {}).values() if isinstance(v, str)]
    return "\n".join(parts)

