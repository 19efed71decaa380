"""Types of the arguments qic() and ptd() accept, for annotations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, TypeAlias

import numpy as np
import pandas as pd

Values: TypeAlias = Sequence[Any] | np.ndarray | pd.Series | pd.Index
# A column name of `data`, or the values themselves.
Column: TypeAlias = str | Values
# One point (its number from 1, or its x value) or several.
Points: TypeAlias = int | str | pd.Timestamp | Sequence[Any]
AggFun = Literal["mean", "median", "sum", "sd"]
