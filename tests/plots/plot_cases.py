"""Reference data copied into tests/plots/data/reference_cases.json, with their provenance."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

CASES_FILE = Path(__file__).parent / "data" / "reference_cases.json"


@cache
def _cases() -> dict:
    return {c["id"]: c for c in json.loads(CASES_FILE.read_text())["cases"]}


def case(case_id: str) -> dict:
    return _cases()[case_id]
