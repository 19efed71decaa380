"""The dotted names a course's nbgrader_config.py may still hold from before grading/ was laid out
as its pipeline (issue 22): nbgrader imports them by name when it runs (formgrader, `nbgrader
collect`, feedback), so each old module name stays an alias of the module that holds the class
now, with a DeprecationWarning naming the new one. The course's own nbgrader_config.py uses the
new names (tests/grading/test_nbgrader_seam.py checks them)."""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import warnings
from types import ModuleType

MOVED = {
    "qispread.grading.exchange_collect": "qispread.grading.cohort.collect",
    "qispread.grading.late_penalty": "qispread.grading.cohort.late_penalty",
    "qispread.grading.redact": "qispread.grading.feedback.redact",
    "qispread.grading.inert_output": "qispread.grading.feedback.inert_output",
    "qispread.grading.leak_check": "qispread.grading.feedback.leak_gate",
}


class _OldName(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path=None, target=None):
        return importlib.util.spec_from_loader(name, self) if name in MOVED else None

    def create_module(self, spec) -> ModuleType:
        new = MOVED[spec.name]
        warnings.warn(f"{spec.name} is now {new}: change the name in nbgrader_config.py "
                      "(the old one will go).", DeprecationWarning, stacklevel=2)
        return importlib.import_module(new)  # the same module, not a copy

    def exec_module(self, module: ModuleType) -> None:
        pass  # already run under its new name


def install() -> None:
    if not any(isinstance(finder, _OldName) for finder in sys.meta_path):
        sys.meta_path.append(_OldName())
