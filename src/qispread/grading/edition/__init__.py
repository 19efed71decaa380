"""Repository tooling, run from the tutor's checkout: the learners' release (exercises/) and the
learner edition."""
