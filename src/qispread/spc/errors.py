"""Errors the analysis raises on bad input.

Every message names the problem (the column or row) and how to fix it, in plain English, because
learners see these messages directly in widgets and notebooks.
"""


class DataProblem(ValueError):
    """Input data that the analysis cannot use. The message says what is wrong and how to fix it."""
