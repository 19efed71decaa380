"""Turning a learner's project into a spread plan (HTML and PDF)."""
