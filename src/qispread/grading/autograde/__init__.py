"""Autograding one submission at a time: lay_out -> sanitise -> execute (sandboxed) -> recheck
(clean process) in a worker, then record in the one writer (autograder.py runs them)."""
