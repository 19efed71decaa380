"""Grading for tutors, laid out as its pipeline (docs/grading-sandbox.md says what each step
guarantees):

    cohort/     the cohort around the pipeline: roster, collect from the exchange, deadlines and
                late penalties, standings, resubmission, and the state files (store.py)
    autograde/  one submission at a time: lay out -> sanitise -> execute (sandboxed) -> re-check
                (clean process) -> record; handover.py holds what the steps pass on
    feedback/   pages for learners: hidden tests redacted, learner output inert, honest scores,
                the leak gate, release into the exchange
    reports/    for tutors: cohort tables, the cohort report, item analysis, LMS exports
    edition/    the learners' release (exercises/) from a course folder's solutions/
    service.py  the Cohort service: every `qispread cohort` step, callable from Python

Each stage imports only the ones before it (pyproject.toml's import-linter contracts). The
modules here are shared by every stage: the course folder, hostile files, what source cells
hold, where personal data may be written."""

from qispread.grading.old_names import install as _install_old_names

_install_old_names()  # an older nbgrader_config.py's class names keep working
