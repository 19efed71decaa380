"""A learner reopens a lesson in a new browser while its kernel still runs, on a busy machine
(issue 24 §4), once after the first Run All has finished and once while it is still running:
JupyterLab must join the running kernel without asking which one to use, Run All must run every
cell and draw every tool, and after Kernel ▸ Restart each tool must say what to do instead of
showing ipywidgets' broken-link icons. The new browser is a new page with a JupyterLab of its own
(the session's chromium is one persistent context, which cannot open a second). Screenshots at
1366 × 900: test-artifacts/browser/reopen-*.png."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest

from browser.lab_actions import (
    NOTEBOOK_PANEL,
    open_notebook,
    run_all_from_menu,
    screenshot,
    wait_for_the_kernel,
    wait_until,
    wait_until_drawn,
)

pytestmark = pytest.mark.browser

# a copy of lesson 01 with a project folder of its own: no other test shares its kernel, its
# saved outputs or its project files
LESSON = "reopen/model_for_improvement.ipynb"
TOOL_OUTPUT = ".jp-OutputArea-output.lm-Panel"  # what ipywidgets' renderer draws in
WIDGET_OUTPUT = f"{NOTEBOOK_PANEL} {TOOL_OUTPUT}"
KERNEL_ID = "() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.id"
KERNEL_BUSY = ("() => window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status"
               " === 'busy'")


@pytest.fixture(scope="module", autouse=True)
def lesson_copy(lab_server) -> None:
    (lab_server.root / "reopen" / "my_project").mkdir(parents=True, exist_ok=True)
    shutil.copy(lab_server.root / "course/01_model_for_improvement/model_for_improvement.ipynb",
                lab_server.root / LESSON)


@pytest.fixture
def busy_machine() -> Iterator[None]:
    """Every core kept busy for the test's duration, as on a shared machine at its busiest."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"])
                for _ in range(os.cpu_count() or 2)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def _new_page(browser):
    """A page of its own: a fresh JupyterLab, as in a browser opened anew, at 1366 × 900."""
    opened = browser.new_page()
    opened.set_viewport_size({"width": 1366, "height": 900})
    opened.set_default_timeout(120_000)
    return opened


@pytest.fixture
def first_page(browser) -> Iterator:
    opened = _new_page(browser)
    yield opened
    opened.close()


def _reopen(page, server) -> None:
    """The lesson's address typed into a new browser (its workspace is the server's, as a
    learner's is)."""
    page.goto(f"{server.url}/lab/tree/{LESSON}?token={server.token}")
    page.wait_for_selector(f"{NOTEBOOK_PANEL} .jp-Cell", state="visible")
    wait_for_the_kernel(page, timeout=120_000)


def _tools_drawn(page) -> dict:
    return page.evaluate(
        """selector => {
            const outputs = [...document.querySelectorAll(selector)];
            return {
                outputs: outputs.length,
                drawn: outputs.filter(o => o.querySelector('.widget-box')).length,
                broken: outputs.filter(o => /Error displaying widget/.test(o.textContent)).length,
                disconnected: document.querySelectorAll('.jupyter-widgets-disconnected').length,
            };
        }""", WIDGET_OUTPUT)


def _what_each_tool_shows(page) -> list[dict]:
    """For each tool's output: whether it is still connected to the kernel, the note drawn over it
    (ipywidgets draws only a broken-link icon) and how many broken-link icons are visible in it."""
    return page.evaluate(
        """selector => [...document.querySelectorAll(selector)].map(output => {
            const tool = output.querySelector(':scope > .widget-box');
            const cutOff = tool?.classList.contains('jupyter-widgets-disconnected');
            const before = node => getComputedStyle(node, '::before');
            const note = cutOff ? before(tool).content
                : output.classList.contains('jupyter-widgets')  // "model not found" in its place
                ? getComputedStyle(output, '::after').content : '';
            const icons = cutOff ? [...tool.querySelectorAll('.jupyter-widgets-disconnected')]
                .filter(part => before(part).content !== 'none').length : 0;
            return {live: Boolean(tool) && !cutOff, note, icons};
        })""", WIDGET_OUTPUT)


def _restart_kernel(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Kernel").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel…").first.click()
    page.locator(".jp-Dialog button", has_text="Restart").click()
    wait_until(
        page,
        """() => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel;
            return kernel?.status === 'idle';
        }""")


def _choose_run_all(page) -> None:
    """Run ▸ Run All Cells, not waiting for the cells to finish."""
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    wait_until(page, KERNEL_BUSY)


@pytest.mark.parametrize("first_run", ["finished", "still-running"])
def test_a_lesson_reopened_in_a_new_browser_under_load_runs_and_says_what_to_do_after_a_restart(
        lab_server, browser, busy_machine, first_page, artifacts, first_run):
    open_notebook(first_page, lab_server, LESSON)
    if first_run == "finished":
        run_all_from_menu(first_page)
        assert _tools_drawn(first_page)["drawn"] >= 4
    else:
        _choose_run_all(first_page)
    first_kernel = first_page.evaluate(KERNEL_ID)

    second_page = _new_page(browser)
    try:
        _reopen(second_page, lab_server)
        assert second_page.evaluate(KERNEL_ID) == first_kernel, (
            "the reopened lesson is not on the kernel that was running")
        assert first_kernel in {kernel["id"] for kernel in lab_server.api("kernels")}
        run_all_from_menu(second_page)
        wait_until_drawn(second_page)
        tools = _tools_drawn(second_page)
        screenshot(second_page, artifacts, f"reopen-{first_run}-after-run-all")
        assert tools["outputs"] >= 4 and tools["drawn"] == tools["outputs"], tools

        _restart_kernel(second_page)
        wait_until_drawn(second_page)
        screenshot(second_page, artifacts, f"reopen-{first_run}-after-restart")
        first_tool = second_page.locator(WIDGET_OUTPUT).first
        first_tool.scroll_into_view_if_needed()
        first_tool.screenshot(path=str(artifacts / f"reopen-{first_run}-first-tool-restarted.png"))
        after_restart = _what_each_tool_shows(second_page)
        assert len(after_restart) == tools["outputs"], after_restart
        for shown in after_restart:
            assert shown["live"] or "press Shift+Enter" in shown["note"], after_restart
            assert shown["icons"] == 0, after_restart
    finally:
        second_page.close()


def test_a_lesson_opened_afresh_after_a_restart_says_what_to_do_once_one_tool_is_run_again(
        lab_server, browser, first_page, artifacts):
    """A page opened after the kernel restarted (or the next day) has no widget models:
    ipywidgets writes "Error displaying widget: model not found" for each tool, before any of the
    course's code runs. Once the learner runs one tool's cell, the others say what to do."""
    open_notebook(first_page, lab_server, LESSON)
    run_all_from_menu(first_page)
    _restart_kernel(first_page)
    first_page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    first_page.close()

    page = _new_page(browser)
    try:
        _reopen(page, lab_server)
        # ipywidgets' own words, which no code of ours can change
        wait_until(
            page,
            """selector => [...document.querySelectorAll(selector)]
                .filter(o => /model not found/.test(o.textContent)).length >= 4""",
            arg=WIDGET_OUTPUT)
        tool_cell = page.locator(f"{NOTEBOOK_PANEL} .jp-CodeCell", has=page.locator(TOOL_OUTPUT))
        tool_cell.first.locator(".jp-InputArea-editor").click()
        page.keyboard.press("Shift+Enter")
        wait_until(
            page,
            "selector => document.querySelector(selector)?.querySelector('.widget-box')",
            arg=WIDGET_OUTPUT)
        wait_until_drawn(page)
        shown = _what_each_tool_shows(page)
        assert shown[0]["live"], shown
        assert all("press Shift+Enter" in other["note"] for other in shown[1:]), shown
        missing = page.locator(WIDGET_OUTPUT).nth(1)
        missing.scroll_into_view_if_needed()
        screenshot(page, artifacts, "reopen-afresh-after-restart-one-tool-run")
    finally:
        page.close()
