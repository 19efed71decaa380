"""qispread: quality improvement and spread methods for health and care, in Jupyter."""

__version__ = "0.1.0"
