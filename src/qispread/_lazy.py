"""Flat package namespaces whose names are imported on first use (PEP 562), so that
`import qispread` or `from qispread import checks` stays cheap while `from qispread.widgets import
ChartExplorer` still works."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def exports(package: str,
            where: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Module-level __getattr__ and __dir__ for `package`; `where` maps each public name to
    "module" or "module:attribute" (when the name differs from the module's)."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module, _, attribute = where[name].partition(":")
        value = getattr(importlib.import_module(module), attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
