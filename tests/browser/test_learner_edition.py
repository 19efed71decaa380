"""What learners receive: the learner edition, opened with its own `make lab`, in chromium.

`make lab` lands on the start notebook (`/` redirects there); there is no solutions/ folder and
none of nbgrader's tutor tools (Create Assignment, formgrader, Validate), while the learners'
Assignments list is still there. The tutor's repository, opened the same way, keeps its tools."""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from learner_edition import build_learner_edition
from playwright.sync_api import expect

from browser.conftest import ROOT, _free_port, _wait_until_up
from browser.lab_actions import (
    KERNEL_CHOOSER,
    NOTEBOOK_PANEL,
    fail_if_kernel_chooser,
    screenshot,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

START = "/lab/tree/course/00_start_here/start_here.ipynb"


class MakeLab:
    """`make lab` in a folder, on a free port, with a known token; stopped by its process group."""

    def __init__(self, folder: Path, log: Path):
        self.port, self.token = _free_port(), secrets.token_hex(16)
        env = {**os.environ, "JUPYTER_TOKEN": self.token, "BROWSER": "true"}
        env.pop("JUPYTER_CONFIG_PATH", None)
        self.log = log
        with log.open("w") as out:
            self.process = subprocess.Popen(["make", "-C", str(folder), "lab", f"PORT={self.port}"],
                                            stdout=out, stderr=subprocess.STDOUT, env=env,
                                            start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"
        try:
            _wait_until_up(self, self.process, log)
        except RuntimeError:
            self.stop()
            raise

    def api(self, path: str) -> dict:
        request = urllib.request.Request(f"{self.url}/api/{path}",
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def first_redirect(self, path: str) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        connection.close()
        assert response.status in (301, 302, 303, 307, 308), response.status
        return response.getheader("Location")

    def stop(self) -> None:
        """SIGTERM to make and JupyterLab, then SIGKILL to whatever of the group is left (a
        JupyterLab still shutting down its kernels outlived make and the test run)."""
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                continue
            except ProcessLookupError:
                break  # make and jupyter have already stopped
            if sig == signal.SIGTERM:
                time.sleep(2)  # JupyterLab's own shutdown, before the group is killed


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = build_learner_edition(ROOT, tmp_path_factory.mktemp("learners") / "qispread")
    (folder / ".venv").symlink_to(ROOT / ".venv")  # the tutor's venv, already set up
    # make lab's setup step must find that venv up to date: were the copies newer than its stamp,
    # it would reinstall qispread into the tutor's venv from this temporary folder
    stamp = (ROOT / ".venv" / ".installed").stat().st_mtime
    for name in ("pyproject.toml", "constraints.txt"):
        os.utime(folder / name, (stamp - 60, stamp - 60))
    return folder


@pytest.fixture(scope="module")
def learner_lab(edition, tmp_path_factory):
    lab = MakeLab(edition, tmp_path_factory.mktemp("lab") / "make-lab.log")
    yield lab
    lab.stop()


def test_no_kernel_list_never_makes_a_learner_choose_a_kernel(learner_lab, page, artifacts):
    """JupyterLab asks "Select Kernel" when it opens a notebook without its kernel list (seen in
    1 fresh start in 8): JupyterLab 4.6 waits for the list's request but carries on with no list
    when the request fails. `make lab` starts the start notebook's kernel before the browser
    opens, so the notebook joins that kernel and never needs the list. Here every request for the
    list fails until the notebook has opened, and this is the first page to open the notebook:
    without that kernel, the dialog appears. (A list that is only slow, held back 3 s, does not
    bring the dialog: JupyterLab waits for it.)"""
    failed = []

    def kernel_list(route):
        if opening:
            failed.append(route.request.url)
            route.abort("failed")
        else:
            route.continue_()

    opening = True
    page.route("**/api/kernelspecs*", kernel_list)
    page.goto(f"{learner_lab.url}{START}?token={learner_lab.token}")
    idle = page.locator(".jp-StatusBar-Widget", has_text="| Idle").first
    idle.or_(page.locator(KERNEL_CHOOSER)).first.wait_for(timeout=60_000)
    opening = False
    screenshot(page, artifacts, "make_lab_no_kernel_list")
    assert failed, "the kernel list was never requested: the test did not hold it back"
    fail_if_kernel_chooser(page)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    wait_until_idle(page)
    prompts = page.locator(
        f"{NOTEBOOK_PANEL} .jp-CodeCell .jp-InputArea-prompt").all_text_contents()
    assert prompts and all(re.fullmatch(r"\[\d+\]:", text.strip()) for text in prompts), prompts
    expect(idle).to_be_visible()
    assert page.locator(f"{NOTEBOOK_PANEL} [data-mime-type='application/vnd.jupyter.stderr']"
                        ).count() == 0


def test_root_and_the_printed_address_open_the_start_notebook(learner_lab):
    assert learner_lab.first_redirect("/").rstrip("?") == START
    printed = f"http://127.0.0.1:{learner_lab.port}{START}?token="  # token hidden when set
    assert printed in learner_lab.log.read_text()


def test_the_edition_holds_what_learners_get_and_no_solutions(learner_lab):
    names = {item["name"] for item in learner_lab.api("contents")["content"]}
    assert {"course", "exercises", "source_data", "src"} <= names
    assert "solutions" not in names and "tests" not in names


def _get(lab: MakeLab, path: str) -> int:
    request = urllib.request.Request(f"{lab.url}{path}",
                                     headers={"Authorization": f"token {lab.token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_tutor_server_tools_are_off_and_the_assignment_list_on(learner_lab):
    assert _get(learner_lab, "/formgrader") == 404
    assert _get(learner_lab, "/assignments") != 404  # answers (it wants a course id)


def test_a_learner_sees_the_start_page_without_tutor_tools(learner_lab, page, artifacts):
    page.goto(f"{learner_lab.url}/?token={learner_lab.token}")
    page.wait_for_url(f"**{START}*")
    expect(page.locator(".lm-TabBar-tabLabel", has_text="start_here.ipynb").first).to_be_visible(
        timeout=60_000)
    expect(page.locator(".jp-RenderedMarkdown").first).to_be_visible(timeout=60_000)
    listing = page.locator(".jp-DirListing-content")
    # the file browser first follows the notebook to its folder; only then go to the top folder
    expect(listing.locator(".jp-DirListing-itemText", has_text="start_here.ipynb")).to_be_visible(
        timeout=30_000)
    page.locator(".jp-BreadCrumbs-home").first.click()
    expect(listing.locator(".jp-DirListing-itemText", has_text="exercises")).to_be_visible(
        timeout=30_000)
    assert listing.locator(".jp-DirListing-itemText", has_text="solutions").count() == 0
    page.wait_for_timeout(1500)  # a pop-up or a late toolbar button would have appeared by now
    assert page.locator(".jp-Notification-Toast, .Toastify__toast").count() == 0  # no news
    assert page.get_by_title("Create Assignment").count() == 0
    assert page.locator("button", has_text="Validate").count() == 0
    screenshot(page, artifacts, "learner_edition")
    page.get_by_role("menuitem", name="Nbgrader").click()
    items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
    assert any("Assignment List" in item for item in items)
    assert not any("Formgrader" in item or "Course List" in item for item in items)
    screenshot(page, artifacts, "learner_edition_menu")


def test_the_tutors_make_lab_lands_on_the_start_notebook_with_tutor_tools(tmp_path, page):
    lab = MakeLab(ROOT, tmp_path / "make-lab.log")
    try:
        assert lab.first_redirect("/").rstrip("?") == START
        assert _get(lab, "/formgrader") == 200
        # the same checks as the learner's, seen to find the tools here
        page.goto(f"{lab.url}/?token={lab.token}")
        page.wait_for_url(f"**{START}*")
        expect(page.get_by_title("Create Assignment").first).to_be_attached(timeout=60_000)
        page.get_by_role("menuitem", name="Nbgrader").click()
        items = page.locator(".lm-Menu-itemLabel").all_inner_texts()
        assert any("Formgrader" in item for item in items)
    finally:
        lab.stop()
