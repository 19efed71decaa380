"""The cohort autograde benchmark (bench_cohort.py) on module 01's assignment, whose lessons are
heavier than module 00's: stock `nbgrader autograde` against `qispread cohort autograde --jobs 2`
on 40 submissions, scores compared cell by cell. Writes docs/bench-cohort-01.md. Run it alone on
a quiet machine:

    .venv/bin/python -m bench bench_cohort_module01
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_cohort import ROOT, main  # noqa: E402

ASSIGNMENT = "01_model_for_improvement"
SUBMISSIONS = 40

if __name__ == "__main__":
    main(["--assignment", ASSIGNMENT, "--submissions", str(SUBMISSIONS),
          "--out", str(ROOT / "docs" / "bench-cohort-01.md"), *sys.argv[1:]])
