"""Build the course website: execute the lessons (cached), write the pages, run Sphinx.

    python -m sitebuild [--out build/site] [--jobs N]

Takes whatever notebooks exist in course/ and exercises/: a new module needs no configuration.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import plotly
from sphinx.cmd.build import build_main

from sitebuild.course_map import Module, home_page
from sitebuild.execute import ROOT, SITE, executed_lessons
from sitebuild.links import lab_link
from sitebuild.pages import DATA_PAGE, PageLinks, assignment_page, lesson_page, title

BUILD = ROOT / "build"
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
DOWNLOADS = "notebooks"  # folder of the site holding the notebooks as learners get them
DATA_GUIDE = ROOT / "docs" / "data.md"  # where the course's data come from: a page of the site


def course_notebooks(folder: str) -> list[Path]:
    return [p for p in sorted((ROOT / folder).glob("*/*.ipynb"))
            if ".ipynb_checkpoints" not in p.parts]


def build_site(out: Path = BUILD / "site", jobs: int | None = None,
               cache: Path = BUILD / "site-cache") -> Path:
    lessons = course_notebooks("course")
    assignments = course_notebooks("exercises")
    executed = executed_lessons(lessons, cache, jobs)
    source = BUILD / "site-src"
    shutil.rmtree(source, ignore_errors=True)
    modules: dict[str, Module] = {}
    for notebook in lessons + assignments:
        relative = notebook.relative_to(ROOT).as_posix()
        links = PageLinks(lab=lab_link(relative), download=_download_href(relative),
                          data_guide=_up(relative) + DATA_PAGE)
        if notebook in executed:
            page = lesson_page(executed[notebook], notebook.stem, links)
        else:
            page = assignment_page(nbformat.read(notebook, as_version=4), links)
        target = source / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(page, target)
        module = modules.setdefault(notebook.parent.name, Module(notebook.parent.name))
        pages = module.lessons if notebook in executed else module.assignments
        pages.append((relative, title(page)))
    intro = (SITE / "intro.md").read_text(encoding="utf-8")
    ordered = [modules[name] for name in sorted(modules)]
    (source / "index.md").write_text(home_page(ordered, intro), encoding="utf-8")
    # reached from the home page's introduction and every data set's credit, not the page order
    (source / DATA_PAGE).with_suffix(".md").write_text(
        "---\norphan: true\n---\n\n" + DATA_GUIDE.read_text(encoding="utf-8"), encoding="utf-8")
    status = build_main(["-b", "html", "-q", "-c", str(SITE), "-d", str(BUILD / "site-doctrees"),
                         str(source), str(out)])
    if status:
        raise SystemExit(f"Sphinx could not build the site (exit status {status}); see above.")
    shutil.copy2(PLOTLY_JS, out / "_static" / "plotly.min.js")
    for notebook in lessons + assignments:
        copy = out / DOWNLOADS / notebook.relative_to(ROOT)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(notebook, copy)
    return out


def _download_href(relative: str) -> str:
    """From the page (at the notebook's own path in the site) to its downloadable copy."""
    return f"{_up(relative)}{DOWNLOADS}/{relative}"


def _up(relative: str) -> str:
    """From the page of a notebook (at its own path in the site) to the site's top folder."""
    return "../" * relative.count("/")
