"""The home page: an introduction, the course map (a table of modules) and the table of contents
that gives every page its place in the navigation: lessons then assignments, module by module."""

from __future__ import annotations

from dataclasses import dataclass, field

from qispread.curriculum import module

SITE_TITLE = "Quality improvement and the spread of improvements"

Page = tuple[str, str]  # (path of the page's notebook in the site, title)


@dataclass
class Module:
    folder: str                                  # e.g. "05_run_charts"
    lessons: list[Page] = field(default_factory=list)
    assignments: list[Page] = field(default_factory=list)

    @property
    def number(self) -> str:
        return self.folder.split("_", 1)[0]

    @property
    def time(self) -> str:
        """How long the lesson takes, and its optional sections, as the curriculum states."""
        return module(int(self.number)).duration


def home_page(modules: list[Module], intro: str) -> str:
    rows = "\n".join(f"| {m.number} | {_links(m.lessons)} | {m.time} | {_links(m.assignments)} |"
                     for m in modules)
    pages = "\n".join(path.removesuffix(".ipynb")
                      for m in modules for path, _ in m.lessons + m.assignments)
    return (f"# {SITE_TITLE}\n\n{intro.strip()}\n\n## Course map\n\n"
            f"| Module | Lesson | Time | Assignment |\n|---|---|---|---|\n{rows}\n\n"
            f"```{{toctree}}\n:hidden:\n\n{pages}\n```\n")


def _links(pages: list[Page]) -> str:
    return " · ".join(f"[{title.replace('|', '-')}]({path})" for path, title in pages) or "none"
