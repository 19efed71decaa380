"""Build a result table from columns without pandas copying every one of them.

pandas 3 copies each NumPy array handed to DataFrame() or assigned as a column; at a million rows
those copies cost more than the analysis itself. The analyses build their columns as fresh arrays,
so the table can adopt them as they are, provided no two columns share memory (editing one column
of the result must never change another) and every column is writable.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def table_of(columns: dict) -> pd.DataFrame:
    """A DataFrame (index 0..n-1) holding `columns` (arrays or Series) without needless copies.

    An array that is read-only, or that may share memory with an earlier column, is copied.
    Arrays must not share memory with anything the caller gave in (the user's own data).
    """
    adopted: dict[str, object] = {}
    owned: list[np.ndarray] = []
    for name, values in columns.items():
        if isinstance(values, np.ndarray):
            if not values.flags.writeable or any(np.may_share_memory(values, o) for o in owned):
                values = values.copy()
            owned.append(values)
        adopted[name] = values
    return pd.DataFrame(adopted, copy=False)
