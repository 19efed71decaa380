"""The check both figure builders make before drawing: the analysis result still has its columns."""

import pandas as pd

from qispread.errors import DataProblem


def require_columns(data: pd.DataFrame, required, analysis: str) -> None:
    """Raise a plain-English DataProblem naming any column the builder needs but cannot find."""
    missing = [c for c in required if c not in data.columns]
    if missing:
        raise DataProblem(
            f"The {analysis}() result has no column(s) {', '.join(missing)}: rebuild it with "
            f"{analysis}() rather than editing result.data by hand."
        )
