"""Feedback for learners: hidden tests redacted, learner output made inert, marks still to come
shown as such, every page through the leak gate, then released into the exchange."""
