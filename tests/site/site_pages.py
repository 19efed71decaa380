"""The pages the website must have: one per notebook in course/ and exercises/, the home page,
the search page and the page on the course's data."""

from pathlib import Path

# The academy settings the built site is given (example addresses, never contacted).
HUB = "https://hub.example.nhs.uk"
REPO = "https://git.example.nhs.uk/academy/qi-course.git"

ROOT = Path(__file__).resolve().parents[2]


def notebook_pages() -> list[str]:
    return [p.relative_to(ROOT).with_suffix(".html").as_posix()
            for folder in ("course", "exercises")
            for p in sorted((ROOT / folder).glob("*/*.ipynb"))]


def lesson_pages() -> list[str]:
    return [page for page in notebook_pages() if page.startswith("course/")]


def assignment_pages() -> list[str]:
    return [page for page in notebook_pages() if page.startswith("exercises/")]


def all_pages() -> list[str]:
    return ["index.html", "search.html", "data.html", *notebook_pages()]
