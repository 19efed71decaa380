"""Finding the course's notebooks, for the tests that check them all."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("course", "solutions", "exercises")


def notebooks(*folders: str) -> list[Path]:
    found = []
    for folder in folders or FOLDERS:
        found.extend(
            p for p in sorted((ROOT / folder).rglob("*.ipynb"))
            if ".ipynb_checkpoints" not in p.parts
        )
    return found


def ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(ROOT)) for p in paths]
