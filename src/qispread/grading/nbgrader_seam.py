"""Where qispread meets nbgrader's internals: everything qispread relies on, or re-implements,
that nbgrader does not document as an extension point. Each is listed here with the tripwire
test (tests/grading/test_nbgrader_seam.py) that fails when an nbgrader upgrade changes it.

1. `Autograde.sanitize_preprocessors` and `Autograde.autograde_preprocessors`: the steps and
   their order, which autograde/sanitise.py (SANITISE), autograde/worker.py (AFTER_EXECUTE) and
   autograde/record.py (WRITERS) run. Tripwire: the lists still equal nbgrader's.
2. `Autograde.init_assignment`, re-implemented in two halves: the files in
   autograde/lay_out.py (the learner's files, then the source's over them less
   `exclude_overwriting`, found with `nbgrader.utils.find_all_files` and the course's `ignore`)
   and the gradebook in autograde/record.py (`update_or_create_student`,
   `update_or_create_submission` with `CourseDirectory.get_existing_timestamp`, zero for a
   missing notebook). Tripwire: init_assignment still makes exactly those calls.
3. The name `Gradebook`, looked up when they run, in the modules of OverwriteCells and
   OverwriteKernelspec (read by the workers) and SaveAutoGrades and AssignLatePenalties
   (written by the one writer): `lend_gradebook` gives them an open gradebook instead of a new
   connection per notebook. Tripwire: each one's `preprocess` still calls the module's
   `Gradebook`.
4. nbclient's `NotebookClient.output(outs, msg, display_id, cell_index)`, which
   autograde/run_notebook.py's CappedExecute overrides to bound what a cell may send.
   Tripwire: the signature.
5. `ClearHiddenTests` (its `begin_test_delimeter`/`end_test_delimeter` traits, spelt as
   nbgrader spells them), which autograde/sanitise.py runs with the course's configuration;
   grading/cells.py reads these traits (and ClearMarkScheme's, ClearSolutions') for the
   course's delimiters. Tripwire: the traits and their defaults, cells.DEFAULT.
6. `AssignLatePenalties.preprocess`, whose arithmetic cohort/late_penalty.py's `penalty_now`
   repeats without writing (so that status, export and report write nothing): per notebook, the
   plug-in's `late_submission_penalty(student, notebook score, submission's total_seconds_late)`
   limited by `_check_late_penalty`, after `init_plugin`. Tripwire: the names the step uses.
7. `CheckCellMetadata.preprocess`, repeated by `CheckCellMetadataOnce` (in SANITISE and
   AFTER_EXECUTE in its place) to use a validator whose schema is compiled once per process:
   `BaseMetadataValidator.validate_cell` calls `jsonschema.validate`, which checks the schema
   itself for every cell (0.12 s of CPU a submission, about a tenth of grading one). Tripwires:
   the names both use, and the same verdict and message as nbgrader's on good and bad metadata.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from jsonschema import exceptions, validators
from nbconvert.preprocessors import ClearMetadataPreprocessor
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearOutput,
    DeduplicateIds,
    IgnorePattern,
    LimitOutput,
    OverwriteCells,
    OverwriteKernelspec,
    SaveAutoGrades,
)

# 7. the metadata check with its schema compiled once per process, by schema version
_COMPILED: dict[int, Any] = {}


class _SchemaCompiledOnce(BaseMetadataValidator):
    """Comes after nbgrader's validator in the method order (below), so its `validate_cell`
    runs where nbgrader's own calls its base class's: what `jsonschema.validate` does, less
    checking the schema again."""

    def validate_cell(self, cell) -> None:
        meta = cell.metadata.get("nbgrader")
        if meta is None or meta.get("schema_version", 0) != self.schema_version:
            return super().validate_cell(cell)  # nothing to check, or nbgrader's version error
        if self.schema_version not in _COMPILED:
            _COMPILED[self.schema_version] = validators.validator_for(self.schema)(self.schema)
        error = exceptions.best_match(_COMPILED[self.schema_version].iter_errors(meta))
        if error is not None:
            raise error


class FastMetadataValidator(MetadataValidator, _SchemaCompiledOnce):
    pass


class CheckCellMetadataOnce(CheckCellMetadata):
    def preprocess(self, nb, resources):
        try:
            FastMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            msg = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(msg)
            raise ValidationError(msg) from None
        return nb, resources


# 1. nbgrader's Autograde.sanitize_preprocessors (7: the metadata check compiled once)
SANITISE = [ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells,
            CheckCellMetadataOnce]
# Autograde.autograde_preprocessors after Execute, less the two that write the gradebook
AFTER_EXECUTE = [IgnorePattern, ClearMetadataPreprocessor, LimitOutput, CheckCellMetadataOnce]
# the two that write it, run by the parent's one writer
WRITERS = [SaveAutoGrades, AssignLatePenalties]

# 3. the preprocessors that open their own Gradebook, read-only (workers) or writing (parent)
READERS = [OverwriteCells, OverwriteKernelspec]


def module_of(preprocessor: type) -> ModuleType:
    import sys

    return sys.modules[preprocessor.__module__]


@contextmanager
def lend_gradebook(gradebook, preprocessors: list[type],
                   after_use: Callable[[], None]) -> Iterator:
    """Within the block, `Gradebook(...)` as each of `preprocessors` calls it gives back
    `gradebook` as it is now; closing it (they use it in a `with` block) calls `after_use`
    instead of closing the connection. Single-threaded use only: the name is swapped in the
    preprocessors' own modules (item 3 above) and put back on the way out."""
    from nbgrader.api import Gradebook

    class Lent(Gradebook):
        def __init__(self, *args, **kwargs) -> None:
            self.__dict__.update(gradebook.__dict__)

        def close(self) -> None:
            after_use()

    modules = list({id(m): m for m in map(module_of, preprocessors)}.values())
    before = [m.Gradebook for m in modules]
    try:
        for module in modules:
            module.Gradebook = Lent  # type: ignore[attr-defined]
        yield
    finally:
        for module, original in zip(modules, before, strict=True):
            module.Gradebook = original  # type: ignore[attr-defined]
