"""A tool writes its file as soon as it opens, so a check that reads the file never blames the
learner for a file the tool had not written yet."""

from collections.abc import Callable
from pathlib import Path

from qispread.widgets.common import MessageArea


def save_on_creation(path: Path, save: Callable[[], object], messages: MessageArea) -> None:
    """Save a new tool's (empty) work at once; an existing file is left exactly as it is."""
    if path.exists():
        return
    try:
        save()
    except ValueError as err:  # e.g. a folder that cannot be written: say so, keep going
        messages.show(str(err))
