"""Read and copy the files a learner hands in as hostile: every tutor-side step that copies or
looks at a submission's files (collect from the exchange, laying out the autograded folder) goes
through here.

What is copied: ordinary files and folders only, never through a link. Each file is opened
without following links and checked on the open file (so it cannot be swapped for a link between
the check and the copy): an ordinary file, one name only (not a hard link), owned by the account
that owns the submission, no larger than the course's CourseDirectory.max_file_size. Anything
else (a link, a FIFO, a device, a file with a control character in its name) is left out and
named in a plain-words note for the tutor. A submission that is not an ordinary folder, or is
larger than CourseDirectory.max_dir_size, deeper or with more entries than the caps below, is
refused whole (UnsafeSubmission), before anything is copied.
"""

from __future__ import annotations

import os
import shutil
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

MB = 1_000_000
CHUNK = 1 << 20
_OPEN_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW
_OPEN_FILE = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK  # a FIFO must not block the open


class UnsafeSubmission(Exception):
    """The whole submission is refused; the message says why in plain words."""


@dataclass(frozen=True)
class Caps:
    file_bytes: int = 100 * MB
    total_bytes: int = 100 * MB
    entries: int = 10_000
    depth: int = 20
    same_owner: bool = True  # every file owned by the account that owns the folder

    @classmethod
    def of(cls, coursedir) -> Caps:
        """The course's own limits (nbgrader gives them in kilobytes of 1000 bytes)."""
        return cls(file_bytes=1000 * coursedir.max_file_size,
                   total_bytes=1000 * coursedir.max_dir_size)


# for folders the tutor owns (the learner edition): no practical size limit, links still refused
EVERYTHING = Caps(file_bytes=10**12, total_bytes=10**13, entries=10**6, depth=64,
                  same_owner=False)

Skip = Callable[[str, bool], bool]  # (name, is a folder) -> leave it out without a note


def course_skip(coursedir, extra: tuple[str, ...] = ()) -> Skip:
    """nbgrader's CourseDirectory.ignore and .include, as its own copy applies them."""
    ignore = [*coursedir.ignore, *extra]
    include = list(coursedir.include)

    def skip(name: str, is_dir: bool) -> bool:
        if any(fnmatch(name, glob) for glob in ignore):
            return True
        return not is_dir and bool(include) and not any(fnmatch(name, g) for g in include)

    return skip


def shown(name: str) -> str:
    """A name as it can be printed safely: control characters written as escapes."""
    return "".join(ch if unicodedata.category(ch)[0] != "C" else
                   ch.encode("unicode_escape").decode("ascii") for ch in name)


def name_problem(name: str) -> str | None:
    if any(unicodedata.category(ch)[0] == "C" for ch in name):
        return "its name holds a line break or another control character"
    if len(name.encode("utf-8", "surrogateescape")) > 255:
        return "its name is too long"
    return None


@dataclass
class _Walk:
    caps: Caps
    skip: Skip | None
    owner: int
    notes: list[str] = field(default_factory=list)
    entries: int = 0
    bytes: int = 0

    def leave_out(self, path: str, why: str) -> None:
        self.notes.append(f"left out {shown(path)}: {why}")


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def inspect_folder(src: Path, caps: Caps, skip: Skip | None = None) -> list[str]:
    """What copy_folder would leave out of src (notes), or UnsafeSubmission; copies nothing."""
    return _walk_top(src, None, caps, skip)


def copy_folder(src: Path, dest: Path, caps: Caps, skip: Skip | None = None) -> list[str]:
    """Copy the ordinary files of src into dest (which must not exist yet); returns notes on
    what was left out. On UnsafeSubmission dest is removed again."""
    dest.mkdir(parents=True)
    try:
        return _walk_top(src, dest, caps, skip)
    except UnsafeSubmission:
        shutil.rmtree(dest)
        raise


def plain_file_problem(path: Path, caps: Caps) -> str | None:
    """Why a file in a folder only the tutor writes (submitted/) is not safe to read as a
    learner's ordinary file; None if it is."""
    try:
        info = path.lstat()
    except OSError:
        return "it cannot be read"
    if stat.S_ISLNK(info.st_mode):
        return "it is a link (links are never followed)"
    return _file_problem(info, info.st_uid, caps)


def _walk_top(src: Path, dest: Path | None, caps: Caps, skip: Skip | None) -> list[str]:
    try:
        top = os.open(src, _OPEN_DIR)
    except OSError:
        raise UnsafeSubmission("it is not an ordinary folder (it is a link, or another kind "
                               "of file)") from None
    try:
        walk = _Walk(caps, skip, os.fstat(top).st_uid)
        _walk_dir(top, dest, "", 1, walk)
    finally:
        os.close(top)
    return walk.notes


def _walk_dir(fd: int, dest: Path | None, rel: str, depth: int, walk: _Walk) -> None:
    with os.scandir(fd) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        path = rel + entry.name
        walk.entries += 1
        if walk.entries > walk.caps.entries:
            raise UnsafeSubmission(f"it holds more than {walk.caps.entries} files and folders")
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:  # gone since it was listed
            continue
        is_dir = stat.S_ISDIR(info.st_mode)
        if walk.skip and walk.skip(entry.name, is_dir):
            continue
        problem = name_problem(entry.name)
        if problem:
            walk.leave_out(path, problem)
        elif stat.S_ISLNK(info.st_mode):
            walk.leave_out(path, "it is a link (links are never followed)")
        elif is_dir:
            if depth >= walk.caps.depth:
                raise UnsafeSubmission(f"its folders are nested more than {walk.caps.depth} deep")
            try:
                sub = os.open(entry.name, _OPEN_DIR, dir_fd=fd)
            except OSError:  # no permission to read it, or replaced since it was listed
                walk.leave_out(path, "it is a folder that could not be opened")
                continue
            try:
                target = None
                if dest is not None:
                    target = dest / entry.name
                    target.mkdir()
                _walk_dir(sub, target, path + "/", depth + 1, walk)
            finally:
                os.close(sub)
        elif stat.S_ISREG(info.st_mode):
            _file(fd, entry.name, dest, path, walk)
        else:
            walk.leave_out(path, "it is not an ordinary file (a pipe, socket or device)")


def _file(fd: int, name: str, dest: Path | None, path: str, walk: _Walk) -> None:
    try:
        source = os.open(name, _OPEN_FILE, dir_fd=fd)
    except OSError:
        walk.leave_out(path, "it could not be opened as an ordinary file")
        return
    try:
        info = os.fstat(source)
        why = _file_problem(info, walk.owner, walk.caps)
        if why:
            walk.leave_out(path, why)
            return
        walk.bytes += info.st_size
        if walk.bytes > walk.caps.total_bytes:
            raise UnsafeSubmission(f"its files add up to more than "
                                   f"{_megabytes(walk.caps.total_bytes)}")
        if dest is not None and not _copy_bytes(source, dest / name, walk.caps.file_bytes):
            walk.leave_out(path, "it grew while it was being copied")
    finally:
        os.close(source)


def _file_problem(info: os.stat_result, owner: int, caps: Caps) -> str | None:
    if not stat.S_ISREG(info.st_mode):
        return "it is not an ordinary file (a pipe, socket or device)"
    if info.st_nlink > 1:
        return "it is a hard link to another file"
    if caps.same_owner and info.st_uid != owner:
        return "it belongs to another account than the submission"
    if info.st_size > caps.file_bytes:
        return (f"it is too large ({_megabytes(info.st_size)}; the course's limit is "
                f"{_megabytes(caps.file_bytes)} a file)")
    return None


def _copy_bytes(source: int, target: Path, limit: int) -> bool:
    """Copy at most limit bytes; False (and no file) if there were more."""
    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    copied = 0
    with open(out, "wb") as fh:
        while chunk := os.read(source, CHUNK):
            copied += len(chunk)
            if copied > limit:
                break
            fh.write(chunk)
    if copied > limit:
        target.unlink()
        return False
    return True

