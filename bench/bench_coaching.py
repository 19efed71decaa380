"""How long `qispread cohort projects` takes on the synthetic cohort of 30 learners at mixed
stages (tests/coaching/synthetic_cohort.py): every project copied safely, read with the
capstone's checks, each chart analysed and drawn, the page and comments sheet written. Target
under 10 s. Results go to docs/bench-coaching.md."""

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "grading"))
sys.path.insert(0, str(ROOT / "tests" / "coaching"))

from synthetic_cohort import make_cohort  # noqa: E402
from timing import timed, write_report  # noqa: E402

from qispread.coaching.review import COMMENTS_NAME, review_projects  # noqa: E402

DOC = ROOT / "docs" / "bench-coaching.md"


def main() -> None:
    course = make_cohort(Path(tempfile.mkdtemp()))
    page, comments = (course.root / "gradebook" / name for name in ("projects.html", COMMENTS_NAME))
    write_report(DOC, "Benchmark: the coaching page", "bench_coaching.py",
                 "The whole of `qispread cohort projects` for 30 learners, in one process after "
                 "the course is made.",
                 [("cohort projects: 30 learners at mixed stages", 10.0,
                   timed(lambda: review_projects(course, page, comments), 3))])


if __name__ == "__main__":
    main()
