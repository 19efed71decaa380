"""The cohort around the grading pipeline: roster, collect, deadlines and late penalties,
standings, resubmission, and qispread's state files (store.py, their one owner)."""
