"""hostile_files' whole-submission caps (the exchange test meets the per-file ones): a submission
over the total size or the number of entries is refused whole, and nothing of it is left."""

from __future__ import annotations

import pytest

from qispread.grading.hostile_files import Caps, UnsafeSubmission, copy_folder, inspect_folder


def _submission(folder, files: int, size: int):
    folder.mkdir()
    for n in range(files):
        (folder / f"f{n}.txt").write_bytes(b"x" * size)
    return folder


@pytest.mark.parametrize(("caps", "words"), [
    (Caps(file_bytes=100, total_bytes=25), "its files add up to more than"),
    (Caps(entries=3), "it holds more than 3 files and folders"),
])
def test_over_a_cap_the_whole_submission_is_refused(tmp_path, caps, words):
    src = _submission(tmp_path / "entry", files=5, size=10)
    with pytest.raises(UnsafeSubmission, match=words):
        inspect_folder(src, caps)
    with pytest.raises(UnsafeSubmission, match=words):
        copy_folder(src, tmp_path / "dest", caps)
    assert not (tmp_path / "dest").exists()


def test_within_the_caps_every_ordinary_file_is_copied(tmp_path):
    src = _submission(tmp_path / "entry", files=5, size=10)
    assert copy_folder(src, tmp_path / "dest", Caps(total_bytes=50, entries=5)) == []
    assert sorted(p.name for p in (tmp_path / "dest").iterdir()) == [f"f{n}.txt"
                                                                     for n in range(5)]


def test_a_file_owned_by_another_account_is_left_out(tmp_path):
    import os

    src = _submission(tmp_path / "entry", files=2, size=10)
    os.chown(src / "f1.txt", 4242, 4242)  # the test runs as root, the folder is root's
    notes = copy_folder(src, tmp_path / "dest", Caps())
    assert notes == ["left out f1.txt: it belongs to another account than the submission"]
    assert [p.name for p in (tmp_path / "dest").iterdir()] == ["f0.txt"]
