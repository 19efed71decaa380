"""Where a sandbox's cgroup is made, on fake cgroup file systems laid out as the kernel lays them
out (the layout and the v2 "no internal process" rule are as Linux's cgroup-v2 guide describes
them, Documentation/admin-guide/cgroup-v2.rst; not re-read against the guide this session):
always inside the grader's own cgroup, and with cgroup v2 only where that cgroup was delegated
to the grader."""

from __future__ import annotations

import pytest

from qispread.grading.autograde import sandbox_cgroup
from qispread.grading.autograde.sandbox_cgroup import LEAF, SandboxCgroup, own_cgroups


def fake_v2(tmp_path, monkeypatch, own: str, controllers: str, subtree: str = "",
            procs: str = "101\n102\n"):
    root = tmp_path / "cgroup"
    base = root / own.lstrip("/")
    base.mkdir(parents=True)
    (root / "cgroup.controllers").write_text("cpu io memory pids\n")
    (base / "cgroup.controllers").write_text(controllers)
    (base / "cgroup.subtree_control").write_text(subtree)
    (base / "cgroup.procs").write_text(procs)
    proc = tmp_path / "proc-self-cgroup"
    proc.write_text(f"0::{own}\n")
    monkeypatch.setattr(sandbox_cgroup, "ROOT", root)
    monkeypatch.setattr(sandbox_cgroup, "PROC_SELF", proc)
    return base


def test_reads_the_graders_own_cgroups():
    assert own_cgroups("12:pids:/user.slice\n4:memory:/academy/tutor\n0::/x.scope\n") == {
        "pids": "/user.slice", "memory": "/academy/tutor", "": "/x.scope"}
    assert own_cgroups("3:cpu,cpuacct:/a\n") == {"cpu": "/a", "cpuacct": "/a"}


def test_v2_sandboxes_go_inside_a_cgroup_that_gives_them_controllers(tmp_path, monkeypatch):
    base = fake_v2(tmp_path, monkeypatch, "/academy.slice/tutor.scope", "memory pids",
                   subtree="memory pids")
    cgroup = SandboxCgroup(256, 1024)
    assert [f.parent for f in cgroup.folders] == [base]
    assert (cgroup.folders[0] / "pids.max").read_text() == "256"
    assert (cgroup.folders[0] / "memory.max").read_text() == str(1024 * 1024 * 1024)


def test_v2_delegated_cgroup_moves_the_grader_into_a_leaf_first(tmp_path, monkeypatch):
    base = fake_v2(tmp_path, monkeypatch, "/academy.slice/grading.scope", "memory pids")
    cgroup = SandboxCgroup(256, None)
    assert (base / LEAF / "cgroup.procs").read_text() == "102"  # each pid written in turn
    assert (base / "cgroup.subtree_control").read_text() == "+memory +pids"
    assert [f.parent for f in cgroup.folders] == [base]


def test_a_worker_inside_the_leaf_uses_the_delegated_cgroup(tmp_path, monkeypatch):
    base = fake_v2(tmp_path, monkeypatch, "/grading.scope", "memory pids", subtree="memory pids")
    (base / LEAF).mkdir()
    sandbox_cgroup.PROC_SELF.write_text(f"0::/grading.scope/{LEAF}\n")
    assert [f.parent for f in SandboxCgroup(256, None).folders] == [base]


@pytest.mark.parametrize("controllers", ["cpu io", ""])
def test_v2_without_delegation_makes_no_cgroup_outside_its_own(tmp_path, monkeypatch,
                                                               controllers):
    """Not delegated (no pids or memory controller to give): the per-process limits hold, and
    nothing is made higher up, where the tutor's slice's limits would not count."""
    base = fake_v2(tmp_path, monkeypatch, "/user.slice/session-3.scope", controllers)
    assert SandboxCgroup(256, 1024).folders == []
    assert sorted(p.name for p in base.parent.iterdir()) == ["session-3.scope"]
    assert sorted(p.name for p in base.iterdir()) == ["cgroup.controllers", "cgroup.procs",
                                                     "cgroup.subtree_control"]


def test_v1_sandboxes_go_inside_the_graders_cgroup_of_each_controller(tmp_path, monkeypatch):
    root = tmp_path / "cgroup"
    for folder in ("pids/user.slice", "memory/academy/tutor"):
        (root / folder).mkdir(parents=True)
    proc = tmp_path / "proc-self-cgroup"
    proc.write_text("12:pids:/user.slice\n4:memory:/academy/tutor\n0::/\n")
    monkeypatch.setattr(sandbox_cgroup, "ROOT", root)
    monkeypatch.setattr(sandbox_cgroup, "PROC_SELF", proc)
    cgroup = SandboxCgroup(256, 512)
    assert [f.parent for f in cgroup.folders] == [root / "pids/user.slice",
                                                 root / "memory/academy/tutor"]
    assert (cgroup.folders[1] / "memory.limit_in_bytes").read_text() == str(512 * 1024 * 1024)
