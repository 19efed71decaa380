"""nbgrader's collect step with every inbound entry handled as hostile.

On a shared hub the exchange's inbound folder is writable by every learner, so an entry there may
be hand-made: links to the tutor's files, a FIFO, a huge file, a deep tree, a name meant to
escape the submitted folder, or a submission in another learner's name. nbgrader's own collect
copies with shutil.copytree, which follows links with the tutor's rights. This collect, selected
by `c.ExchangeFactory.collect` in nbgrader_config.py (so `nbgrader collect` and formgrader's
Collect button use it too), copies through hostile_files instead:

* a learner id that could name another folder (``..``, a slash, a control character) or the
  entry itself being a link or not a folder, a missing submission_secret.txt or timestamp.txt
  (not made by the Assignments tab's Submit; its feedback could never be released), or an entry
  over the course's size caps: that learner's newest entry is not collected, their earlier
  submission (if any) is kept;
* a link, FIFO, hard link, oversized file or unprintable name inside an entry: left out, the rest
  collected;
* an entry owned by another account than the learner it names: collected, and nbgrader's
  impersonation warning kept.

Each collect writes what it found to <state folder>/<assignment>/collect.json, which
`qispread cohort collect` prints and `qispread cohort status` shows until a clean entry replaces
it. Other learners are collected as usual whatever one entry holds.
"""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect

from qispread.grading.cohort.store import collect_notes_path, read_json, write_json
from qispread.grading.course import state_folder_of
from qispread.grading.hostile_files import (
    Caps,
    UnsafeSubmission,
    copy_folder,
    course_skip,
    inspect_folder,
    shown,
)

PLUGIN = "qispread.grading.cohort.collect.HostileFilesCollect"
REQUIRED = ("timestamp.txt", "submission_secret.txt")
UNREADABLE_TIME = "the time in its name cannot be read"
_UNSAFE_ID_CHARS = set("/\\<>&\"'`")


def learner_id_problem(student: str) -> str | None:
    """Why a learner id taken from an inbound entry's name cannot be used as a folder name."""
    if not student or student.startswith((".", "-")):
        return "its learner id is empty or starts with a dot or a dash"
    if any(ch in _UNSAFE_ID_CHARS or ch.isspace() or not ch.isprintable() for ch in student):
        return "its learner id holds a slash, a space, a line break or another unsafe character"
    return None


def read_notes(state_folder: Path, assignment: str) -> dict[str, dict]:
    """{learner: {"collected": bool, "notes": [plain-words lines]}} from the last collect."""
    return read_json(collect_notes_path(state_folder, assignment)) or {}


def describe(student: str, found: dict) -> list[str]:
    """One line per note, naming the learner, for the tutor's terminal."""
    lines = [f"{shown(student)}: {note}" for note in found["notes"]]
    if not found["collected"]:
        lines.append(f"{shown(student)}: their newest submission was not collected (any earlier "
                     "one is kept); ask them to submit again from the Assignments tab.")
    return lines


class HostileFilesCollect(ExchangeCollect):
    def _path_to_record(self, path):
        """nbgrader's, except that a name whose time cannot be read is refused later (naming
        the learner) instead of stopping the whole collect."""
        try:
            return super()._path_to_record(path)
        except Exception:  # dateutil's errors for any unreadable time
            filename = os.path.basename(path)
            return {"username": filename.rsplit("+", 3)[0], "filename": filename,
                    "timestamp": datetime.min, "unreadable": True}

    def init_src(self):
        super().init_src()
        self.caps = Caps.of(self.coursedir)
        self.skip = course_skip(self.coursedir)
        self.found: dict[str, dict] = {}
        kept = []
        for record in self.src_records:
            student = record["username"]
            entry = Path(self.inbound_path) / record["filename"]
            notes: list[str] = []
            try:
                why = (learner_id_problem(student) or self._entry_problem(entry)
                       or (UNREADABLE_TIME if record.get("unreadable") else None))
                if why is None:
                    notes = self._owner_notes(student, entry)
                    notes += inspect_folder(entry, self.caps, self.skip)
            except UnsafeSubmission as refused:
                why = str(refused)
            except OSError:  # removed or made unreadable while being looked at
                why = "it could not be read"
            if why:
                notes.append(f"not collected: the entry {shown(record['filename'])} in the "
                             f"exchange was refused because {why}")
                self.log.warning("%s", notes[-1])
            else:
                kept.append(record)
            self.found[student] = {"collected": why is None, "notes": notes}
        self.src_records = kept

    def _entry_problem(self, entry: Path) -> str | None:
        info = entry.lstat()
        if not stat.S_ISDIR(info.st_mode):
            return "it is not an ordinary folder (it is a link, or another kind of file)"
        for name in REQUIRED:
            try:
                if stat.S_ISREG((entry / name).lstat().st_mode):
                    continue
            except OSError:
                pass
            return (f"it has no {name} (it was not made by the Assignments tab's Submit "
                    "button, so feedback could never be returned to it)")
        return None

    def _owner_notes(self, student: str, entry: Path) -> list[str]:
        if not self.check_owner:
            return []
        import pwd

        uid = entry.lstat().st_uid
        try:
            owner = pwd.getpwuid(uid).pw_name
        except KeyError:
            owner = f"an unknown account (uid {uid})"
        if owner == student:
            return []
        return [f"the submission claims to be by {shown(student)} but is owned by {owner}: "
                "someone may have submitted in another learner's name (nbgrader's "
                "impersonation warning). Check with the learner before marking."]

    def do_copy(self, src, dest, log=None):
        student = Path(src).name.rsplit("+", 3)[0]
        found = self.found.setdefault(student, {"collected": True, "notes": []})
        try:
            extra = copy_folder(Path(src), Path(dest), self.caps, self.skip)
        except UnsafeSubmission as refused:  # changed since init_src looked at it
            found["collected"] = False
            found["notes"].append(f"not collected: {refused}")
            return
        found["notes"] += [note for note in extra if note not in found["notes"]]
        if self.coursedir.groupshared:
            for folder, _, files in os.walk(dest):
                os.chmod(folder, 0o2775)
                for name in files:
                    os.chmod(os.path.join(folder, name), 0o664)

    def copy_files(self):
        super().copy_files()
        flagged = {s: f for s, f in sorted(self.found.items()) if f["notes"]}
        write_json(collect_notes_path(state_folder_of(self.coursedir),
                                      self.coursedir.assignment_id), flagged)
