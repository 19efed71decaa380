"""Tripwires for the nbgrader internals qispread relies on or re-implements
(qispread/grading/nbgrader_seam.py lists them): each test fails when an nbgrader (or nbclient)
upgrade changes one, so the copy in qispread is looked at again instead of silently drifting.
The values here were read from nbgrader 0.9.6 and nbclient 0.10."""

import inspect
from pathlib import Path

from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
from nbgrader.api import Gradebook
from nbgrader.converters import Autograde
from nbgrader.nbgraderformat import MetadataValidator
from nbgrader.nbgraderformat.common import BaseMetadataValidator
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    ClearHiddenTests,
    Execute,
)

from qispread.grading import nbgrader_seam
from qispread.grading.autograde.run_notebook import CappedExecute
from qispread.grading.cells import HIDDEN_REGIONS
from qispread.grading.nbgrader_seam import (
    AFTER_EXECUTE,
    READERS,
    SANITISE,
    WRITERS,
    CheckCellMetadataOnce,
    FastMetadataValidator,
    lend_gradebook,
    module_of,
)

SRC = Path(__file__).resolve().parents[2] / "src"
# every name nbgrader 0.9.6's Autograde.init_assignment uses; lay_out.py and record.py copy it
INIT_ASSIGNMENT_NAMES = {
    "Autograde", "Gradebook", "MissingEntry", "NbGraderException", "_format_dest",
    "_format_source", "append", "auto_score", "basename", "commit", "copy", "course_id",
    "coursedir", "create_student", "db", "db_url", "dirname", "error", "exclude_overwriting",
    "exists", "find_all_files", "find_assignment", "find_notebook", "find_student",
    "find_submission_notebook", "format", "format_path", "get", "get_existing_timestamp",
    "grades", "ignore", "info", "init_assignment", "join", "len", "list", "log", "makedirs",
    "name", "needs_manual_grade", "notebooks", "os", "path", "relpath", "remove", "set",
    "shutil", "source_directory", "splitext", "submitted_directory", "super",
    "total_seconds_late", "update_or_create_student", "update_or_create_submission", "utils",
    "warning",
}


def stock(preprocessor: type) -> type:
    """nbgrader's own step for one of the seam's (item 7: the metadata check compiled once)."""
    return CheckCellMetadata if preprocessor is CheckCellMetadataOnce else preprocessor


def test_the_preprocessor_lists_are_nbgrader_s_own():
    autograde = Autograde()
    assert [*map(stock, SANITISE)] == list(autograde.sanitize_preprocessors)
    assert [Execute, *map(stock, AFTER_EXECUTE[:-1]), *WRITERS, stock(AFTER_EXECUTE[-1])] == list(
        autograde.autograde_preprocessors)


def test_init_assignment_still_does_what_lay_out_and_record_copy():
    assert set(Autograde.init_assignment.__code__.co_names) == INIT_ASSIGNMENT_NAMES


# every name nbgrader 0.9.6's AssignLatePenalties.preprocess uses; penalty_now repeats it
LATE_PENALTY_NAMES = {
    "AssignLatePenalties", "Gradebook", "_check_late_penalty", "assignment_id", "commit", "db",
    "db_url", "find_submission", "find_submission_notebook", "format", "gradebook",
    "init_plugin", "late_submission_penalty", "log", "notebook_id", "plugin_inst", "preprocess",
    "score", "student_id", "super", "total_seconds_late", "warning",
}


def test_the_late_penalty_step_still_works_as_penalty_now_repeats_it():
    assert set(AssignLatePenalties.preprocess.__code__.co_names) == LATE_PENALTY_NAMES
    assert set(AssignLatePenalties._check_late_penalty.__code__.co_names) == {
        "format", "log", "score", "warning"}


def test_the_lent_preprocessors_still_open_the_module_s_gradebook():
    for preprocessor in READERS + WRITERS:
        assert "Gradebook" in preprocessor.preprocess.__code__.co_names, preprocessor
        assert module_of(preprocessor).Gradebook is Gradebook, preprocessor


def test_a_lent_gradebook_is_given_back_and_the_name_restored(tmp_path):
    closed = []
    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}") as gradebook:
        with lend_gradebook(gradebook, READERS + WRITERS, lambda: closed.append(True)):
            for preprocessor in READERS + WRITERS:
                lent = module_of(preprocessor).Gradebook("sqlite:///elsewhere.db")
                assert lent.db is gradebook.db
                lent.close()
        assert closed == [True] * len(READERS + WRITERS)
    for preprocessor in READERS + WRITERS:
        assert module_of(preprocessor).Gradebook is Gradebook


def test_capped_execute_overrides_nbclient_s_output_hook_as_it_is():
    assert list(inspect.signature(NotebookClient.output).parameters) == [
        "self", "outs", "msg", "display_id", "cell_index"]
    assert list(inspect.signature(CappedExecute.output).parameters) == [
        "self", "outs", "msg", "display_id", "cell_index"]


def test_clear_hidden_tests_delimiters_are_the_ones_cells_assumes():
    clear = ClearHiddenTests()
    assert (clear.begin_test_delimeter, clear.end_test_delimeter) == HIDDEN_REGIONS[0]


def test_no_unittest_mock_in_the_library():
    found = [str(p.relative_to(SRC)) for p in SRC.rglob("*.py")
             if "unittest.mock" in p.read_text(encoding="utf-8")
             or "from unittest import mock" in p.read_text(encoding="utf-8")]
    assert found == []


def test_the_seam_is_where_the_steps_take_nbgrader_s_lists_from():
    from qispread.grading.autograde import record, sanitise, worker

    assert sanitise.SANITISE is nbgrader_seam.SANITISE
    assert worker.AFTER_EXECUTE is nbgrader_seam.AFTER_EXECUTE
    assert record.WRITERS is nbgrader_seam.WRITERS


def test_every_class_the_course_s_nbgrader_config_names_exists():
    """nbgrader imports these by name when it runs (formgrader, `nbgrader collect`, ...): a
    module moved without its name changed here would break the course only then."""
    import re

    from traitlets.utils.importstring import import_item

    config = (SRC.parent / "nbgrader_config.py").read_text(encoding="utf-8")
    names = re.findall(r'"(qispread\.[\w.]+)"', config)
    assert len(names) >= 5
    for name in names:
        assert isinstance(import_item(name), type), name


# The class names the course's nbgrader_config.py held before grading/ was laid out as its
# pipeline (nbgrader_config.py at commit 937366f^), and where each class is now.
OLD_CONFIG_NAMES = {
    "qispread.grading.exchange_collect.HostileFilesCollect":
        "qispread.grading.cohort.collect.HostileFilesCollect",
    "qispread.grading.late_penalty.PercentPerDay":
        "qispread.grading.cohort.late_penalty.PercentPerDay",
    "qispread.grading.redact.RedactHiddenTests":
        "qispread.grading.feedback.redact.RedactHiddenTests",
    "qispread.grading.inert_output.MakeLearnerOutputInert":
        "qispread.grading.feedback.inert_output.MakeLearnerOutputInert",
    "qispread.grading.leak_check.RefuseLeaks": "qispread.grading.feedback.leak_gate.RefuseLeaks",
}


def test_an_older_course_config_s_class_names_still_load_the_same_classes():
    """A course that kept its nbgrader_config.py from before the move still grades: nbgrader
    imports each old name as it does a new one, and gets the very same class, with a warning
    naming the new one."""
    import sys

    import pytest
    from traitlets.utils.importstring import import_item

    for old, new in OLD_CONFIG_NAMES.items():
        sys.modules.pop(old.rpartition(".")[0], None)  # imported afresh, as by a new process
        with pytest.warns(DeprecationWarning, match=new.rpartition(".")[0]):
            assert import_item(old) is import_item(new), old


# every name nbgrader 0.9.6's CheckCellMetadata.preprocess and the base validate_cell use;
# CheckCellMetadataOnce repeats the first and its validator the second, less the schema check
CHECK_METADATA_NAMES = {"MetadataValidator", "ValidationError", "error", "format_exc", "log",
                        "traceback", "validate_nb"}
VALIDATE_CELL_NAMES = {"SchemaTooNewError", "SchemaTooOldError", "format", "get", "jsonschema",
                       "metadata", "schema", "schema_version", "validate"}


def _grade(cell, **meta):
    cell.metadata["nbgrader"] = {"schema_version": 3, "grade": True, "solution": False,
                                 "locked": True, "grade_id": "q1", "points": 1, **meta}
    return cell


# good metadata, then every way the checks refuse it: a wrong type, a missing field, an unknown
# schema version, an empty id, and nbgrader's own rules on markdown and duplicate ids
METADATA_CASES = {
    "good": [_grade(new_code_cell("x = 1"))],
    "points as text": [_grade(new_code_cell("x = 1"), points="one")],
    "grade as text": [_grade(new_code_cell("x = 1"), grade="yes")],
    "no locked": [new_code_cell("x = 1", metadata={"nbgrader": {
        "schema_version": 3, "grade": False, "solution": True}})],
    "old schema": [_grade(new_code_cell("x = 1"), schema_version=2)],
    "new schema": [_grade(new_code_cell("x = 1"), schema_version=4)],
    "empty id": [_grade(new_code_cell("x = 1"), grade_id="")],
    "markdown grade only": [_grade(new_markdown_cell("Why?"))],
    "duplicate id": [_grade(new_code_cell("x = 1")), _grade(new_code_cell("y = 2"))],
}


def _verdict(validator, cells) -> str:
    try:
        validator.validate_nb(new_notebook(cells=cells))
    except Exception as error:  # nbgrader raises its own errors for a schema version
        return f"{type(error).__name__}: {error}"
    return "valid"


def test_the_metadata_check_compiled_once_gives_nbgrader_s_verdict_and_message():
    verdicts = {name: _verdict(FastMetadataValidator(), cells)
                for name, cells in METADATA_CASES.items()}
    assert verdicts == {name: _verdict(MetadataValidator(), cells)
                        for name, cells in METADATA_CASES.items()}
    assert verdicts["good"] == "valid"
    assert sum(verdict != "valid" for verdict in verdicts.values()) == len(METADATA_CASES) - 1


def test_the_metadata_check_still_works_as_checkcellmetadataonce_repeats_it():
    assert set(CheckCellMetadata.preprocess.__code__.co_names) == CHECK_METADATA_NAMES
    assert set(BaseMetadataValidator.validate_cell.__code__.co_names) == VALIDATE_CELL_NAMES
    assert CheckCellMetadataOnce().preprocess(new_notebook(cells=METADATA_CASES["good"]), {})
