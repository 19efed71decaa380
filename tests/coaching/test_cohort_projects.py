"""`qispread cohort projects` on a synthetic cohort of 30 learners at mixed stages, one with a
damaged project, one who submitted none, one whose project links into another learner's: the
page's states are the capstone checks' own, no learner's data reaches another's comment page."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from synthetic_cohort import CAPSTONE, DAMAGED, LINKED, MISSING, make_cohort, own

from qispread.cli_cohort import main
from qispread.models.project import PARTS, Project, example_project
from qispread.models.project_checks import COMPLETE, part_state


@pytest.fixture(scope="module")
def cohort(tmp_path_factory):
    course = make_cohort(tmp_path_factory.mktemp("coaching"))
    assert main(["cohort", "projects", "--root", str(course.root)]) == 0
    return course


def _page(course) -> str:
    return (course.root / "gradebook" / "projects.html").read_text()


def test_the_example_made_ones_own_is_complete_in_every_part(tmp_path):
    project = example_project().copy_to(tmp_path / "mine")
    own(project.folder, 1)
    assert [part_state(project, p.key) for p in PARTS] == [COMPLETE] * len(PARTS)


def test_every_learner_is_on_the_page_with_the_capstone_checks_states(cohort):
    from qispread.coaching.glance import glance

    page = _page(cohort)
    for number in range(30):
        assert f"id='learner-learner{number:02d}'" in page
    for number in (0, 3, 5, len(PARTS)):  # nothing made, early, middle, every part
        project = Project(cohort.root / "gradebook/submitted" / f"learner{number:02d}" /
                          CAPSTONE / "my_spread_plan/project")
        seen = glance(project)
        assert [p.state for p in seen.parts] == [part_state(project, p.key) for p in PARTS]
        assert seen.count(COMPLETE) == sum(part_state(project, p.key) == COMPLETE for p in PARTS)
    assert "not started" in page and f"{len(PARTS)} of {len(PARTS)} parts complete" in page


def test_a_damaged_part_is_shown_as_damaged_and_the_rest_still_read(cohort, capsys):
    from qispread.coaching.glance import glance

    project = Project(cohort.root / "gradebook/submitted" / DAMAGED / CAPSTONE /
                      "my_spread_plan/project")
    seen = glance(project)
    aim = seen.parts[0]
    assert aim.state == "damaged" and "aim.json cannot be read" in aim.problems[0]
    assert seen.count(COMPLETE) >= 1  # the parts after the aim are read as usual
    main(["cohort", "projects", "--root", str(cohort.root)])
    out = capsys.readouterr().out
    assert f"{DAMAGED}: " in out and "damaged: Aim" in out
    assert f"{MISSING}: no project submitted yet" in out


def test_a_project_reached_through_a_link_is_not_read(cohort, capsys):
    main(["cohort", "projects", "--root", str(cohort.root)])
    out = capsys.readouterr().out
    assert f"{LINKED}: the submitted project is a link, and links are never followed" in out


def _comment(course, rows: list[tuple[str, str, str]]) -> Path:
    path = course.root / "gradebook" / "coaching-comments.csv"
    with path.open(newline="", encoding="utf-8-sig") as f:
        kept = list(csv.reader(f))
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows(kept + [list(r) for r in rows])
    return path


def test_comments_reach_only_their_learner_escaped_and_survive_a_rerun(cohort):
    from qispread.coaching.returned import return_comments

    sheet = (cohort.root / "gradebook" / "coaching-comments.csv").read_text(encoding="utf-8-sig")
    assert "learner10,Aim," in sheet and MISSING not in sheet  # rows only for parts made
    path = _comment(cohort, [("learner10", "Aim", "Say by when. <script>alert(1)</script>"),
                             ("learner11", "PDSA cycles", "COMMENT_FOR_ELEVEN only")])
    for student in ("learner10", "learner11"):
        pages = cohort.folder("feedback", student, CAPSTONE)
        pages.mkdir(parents=True, exist_ok=True)
        (pages / "spread_plan_assignment.html").write_text("<html><body>marks</body></html>")
    assert return_comments(cohort, CAPSTONE, path) == ["learner10", "learner11"]
    assert return_comments(cohort, CAPSTONE, path) == ["learner10", "learner11"]  # idempotent
    ten = (cohort.folder("feedback", "learner10", CAPSTONE) / "spread_plan_assignment.html"
           ).read_text()
    assert "Say by when. &lt;script&gt;" in ten and "<script>" not in ten
    assert "COMMENT_FOR_ELEVEN" not in ten and ten.count("Your tutor's coaching") == 1
    main(["cohort", "projects", "--root", str(cohort.root)])
    assert "COMMENT_FOR_ELEVEN only" in path.read_text(encoding="utf-8-sig")  # kept as typed
    assert "COMMENT_FOR_ELEVEN only" in _page(cohort)


def test_a_comment_on_a_part_that_does_not_exist_is_refused_with_its_row(cohort):
    from qispread.coaching.comments import read_comments
    from qispread.errors import DataProblem

    path = cohort.root / "gradebook" / "bad-comments.csv"
    path.write_text("learner,part,comment\nlearner10,Aim,fine\nlearner10,Budget,more money\n")
    with pytest.raises(DataProblem, match="Row 3 .* 'Budget'"):
        read_comments(path)


def test_the_cohort_report_links_the_coaching_page(cohort):
    assert main(["cohort", "report", "--root", str(cohort.root)]) == 0
    report = (cohort.root / "gradebook" / "cohort-report.html").read_text()
    assert "<a href='projects.html'>Every learner's project at a glance</a>" in report
