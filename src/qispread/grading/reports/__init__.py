"""What tutors read: the cohort's tables, the cohort report, item analysis and LMS exports."""
