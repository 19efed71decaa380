"""The learners' release (exercises/), generated from a course folder's solutions/ with nbgrader.
The learner edition's builder needs the repository (it copies the Makefile), so it lives there:
scripts/learner_edition.py."""
