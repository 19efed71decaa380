"""What a learner does in JupyterLab, as Playwright steps: open a notebook, run every cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

NOTEBOOK_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"

# The first cell of a notebook whose cells must not meet each other's files: a cell that starts
# with own_folder("name") works in a folder of that name beside the notebook.
OWN_FOLDERS = """import os
HERE = os.getcwd()

def own_folder(name):
    os.makedirs(os.path.join(HERE, name), exist_ok=True)
    os.chdir(os.path.join(HERE, name))"""


KERNEL_CHOOSER = ".jp-Dialog:has(.jp-Dialog-header:text-is('Select Kernel'))"


def wait_until(page, predicate: str, arg=None, timeout: int = 60_000) -> None:
    """Wait until the JavaScript predicate is true, checking it every 100 ms. Playwright's default
    checks on every animation frame, which kept a waiting page's renderer busy (1.7 s of CPU in
    10 s for a trivial check) while the kernels it waits for need the same two cores."""
    page.wait_for_function(predicate, arg=arg, timeout=timeout, polling=100)


def open_notebook(page, server, relative: str) -> None:
    """Open a notebook as a learner does, once JupyterLab knows the installed kernels.

    JupyterLab 4.6 picks a notebook's kernel from the kernel list it fetches at start-up; a
    notebook opened before that list arrives gets no kernel and the "Select Kernel" dialog, which
    blocks Run All (seen once in 8 starts of a fresh server). So the notebook is opened from inside
    the app after the list is loaded, never from the page's URL.
    """
    page.goto(server.lab_url())
    wait_until(page, "() => window.jupyterapp !== undefined")
    page.evaluate(
        """async path => {
            const app = window.jupyterapp;
            await app.restored;
            await app.serviceManager.kernelspecs.ready;
            if (app.serviceManager.kernelspecs.specs === null) throw new Error("no kernel list");
            await app.commands.execute("docmanager:open", {path});
        }""", relative)
    page.wait_for_selector(f"{NOTEBOOK_PANEL} .jp-Cell", state="visible")
    wait_for_the_kernel(page)


def switch_notebook(page, relative: str) -> None:
    """Open another notebook in the JupyterLab already on the page (no reload), closing the
    notebook shown. Its kernel keeps running, as it did when each notebook got a page load of its
    own (shutting it down makes its widgets' last messages fail). Quicker than open_notebook,
    which loads JupyterLab afresh."""
    page.evaluate(
        """async path => {
            const app = window.jupyterapp;
            const before = [...app.shell.widgets("main")].filter(w => w.sessionContext);
            const opened = await app.commands.execute("docmanager:open", {path});
            // its session started before anything closes it (a notebook disposed while its
            // session is still starting throws "Disposed" in the page); a kernel that never
            // starts is reported by wait_for_the_kernel, not left hanging here
            const ready = Promise.all([opened.context.ready, opened.sessionContext.ready]);
            await Promise.race([ready, new Promise(resolve => setTimeout(resolve, 60000))]);
            before.forEach(widget => widget.dispose());  // after: no Launcher fills the gap
        }""", relative)
    page.locator(f"{NOTEBOOK_PANEL} .jp-Cell").first.wait_for(state="visible")
    wait_for_the_kernel(page)


def wait_for_the_kernel(page, timeout: int = 60_000) -> None:
    """Wait until the notebook's kernel is idle; fail at once on the kernel chooser, and with
    what the status bar shows if the kernel is not idle in time."""
    idle = page.locator(".jp-StatusBar-Widget", has_text="| Idle").first
    try:
        idle.or_(page.locator(KERNEL_CHOOSER)).first.wait_for(timeout=timeout)
    except PlaywrightTimeout:
        shown = page.locator(".jp-StatusBar-Widget").all_inner_texts()
        raise AssertionError(f"The notebook's kernel was not idle after {timeout // 1000} s; "
                             f"the status bar showed {shown}.") from None
    fail_if_kernel_chooser(page)


# Resolves once nothing on the page has changed for a moment (plotly and the widgets have finished
# drawing), or after 3 s whatever happens: quicker than a fixed pause, and never a long one.
_SETTLED = """() => new Promise(resolve => {
    let quiet;
    const observer = new MutationObserver(() => {
        clearTimeout(quiet);
        quiet = setTimeout(done, 150);
    });
    function done() {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(resolve));
    }
    observer.observe(document.body, {subtree: true, childList: true, attributes: true,
                                     characterData: true});
    quiet = setTimeout(done, 150);
    setTimeout(done, 3000);
})"""


def wait_until_drawn(page) -> None:
    page.evaluate(_SETTLED)


def fail_if_kernel_chooser(page) -> None:
    """A clear failure, not a 60-second timeout, if JupyterLab asks which kernel to use."""
    if page.locator(KERNEL_CHOOSER).count():
        raise AssertionError(
            "JupyterLab showed its 'Select Kernel' dialog: the notebook's kernel (python3) was "
            "not in the kernel list JupyterLab had loaded, so Run All would be blocked. Check "
            "`jupyter kernelspec list` in the venv and the notebook's metadata.kernelspec.name.")


def run_all_cells(page) -> None:
    """Run every cell with the keyboard, as a learner does: Shift+Enter on each in turn."""
    cells = page.locator(f"{NOTEBOOK_PANEL} .jp-Cell")
    fail_if_kernel_chooser(page)
    cells.first.click()
    for _ in range(cells.count()):
        page.keyboard.press("Shift+Enter")


def wait_until_idle(page, timeout: int = 90_000) -> None:
    wait_until(
        page,
        """() => {
            const prompts = [...document.querySelectorAll('.jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => !p.textContent.includes('*'))
                && prompts.some(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=timeout,
    )


_LAST_RUN = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.widgets
        .filter(cell => cell.model.type === "code");
    return Math.max(0, ...cells.map(cell => cell.model.executionCount || 0));
}"""


def run_all_from_menu(page, timeout: int = 240_000) -> None:
    """Run > Run All Cells from the menu bar, as a learner does, then wait until every cell has
    run (or the run stopped at an error): the kernel is idle and no cell is waiting."""
    before = page.evaluate(_LAST_RUN)
    fail_if_kernel_chooser(page)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    wait_until(
        page,
        """before => {
            const notebook = window.jupyterapp.shell.currentWidget;
            const kernel = notebook.sessionContext.session?.kernel;
            const cells = notebook.content.widgets.filter(cell => cell.model.type === "code");
            const last = Math.max(0, ...cells.map(cell => cell.model.executionCount || 0));
            // the model's state, not the prompt: cells scrolled out of view have no prompt drawn
            const waiting = cells.some(cell => cell.model.executionState === "running");
            return kernel?.status === "idle" && !waiting && last > before;
        }""", arg=before, timeout=timeout)


def show_cell(page, index: int, name: str):
    """The notebook's cell at index, made the active one at the top of the window and marked with
    name, so that its locator stays on it when focus or the active cell moves on."""
    page.evaluate(
        """([index, name]) => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            notebook.activeCellIndex = index;
            notebook.scrollToItem(index, "start");
            notebook.widgets[index].node.dataset.shown = name;
        }""", [index, name])
    return page.locator(f"{NOTEBOOK_PANEL} .jp-Cell[data-shown='{name}']")


def move_the_month_with_the_keys(page, simulator) -> None:
    """The spread simulator's slider, found by its name "Show month" and moved by the keys as a
    keyboard user moves it (Home, then the right arrow): the network's title follows."""
    slider = simulator.get_by_role("slider", name="Show month")
    slider.scroll_into_view_if_needed()
    expect(slider).to_have_value("60", timeout=60_000)
    slider.focus()
    page.keyboard.press("Home")
    expect(simulator.locator(".gtitle", has_text="month 0,")).to_have_count(1, timeout=30_000)
    page.keyboard.press("ArrowRight")
    expect(simulator.locator(".gtitle", has_text="month 1,")).to_have_count(1, timeout=30_000)


def screenshot(page, artifacts: Path, name: str) -> Path:
    path = artifacts / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


# anywidget gives a model 2 s to start and, past that, reports this. On a busy machine its one
# model in the course, the spread simulator's month slider, takes longer, and still draws, moves
# and moves the charts (test_charts_on_a_slow_browser.py): the message is no failure of ours.
# tests/widgets/test_tool_charts.py keeps it the only one.
ANYWIDGET_GAVE_UP = "pageerror: [anywidget] Failed to initialize model."


@dataclass
class BrowserProblems:
    """Console errors and uncaught exceptions a page reported, but anywidget's 2-second limit and
    those that start with one of ignored."""

    messages: list[str] = field(default_factory=list)
    ignored: tuple[str, ...] = ()

    def watch(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self._add(msg.text))
        page.on("pageerror", lambda error: self._add(f"pageerror: {error}"))

    def _add(self, text: str) -> None:
        if not text.startswith((ANYWIDGET_GAVE_UP, *self.ignored)):
            self.messages.append(text)


def open_widget(page, lab_server, name: str, *code: str):
    """A notebook holding `code` (a cell each), opened and run in JupyterLab; returns its panel
    and the browser's error collector (which hears only from now on). On a page shared by a module's
    tests (lab_page), the notebook runs in the kernel of the test before."""
    problems = BrowserProblems()
    notebook = lab_server.write_notebook(f"browser/{name}.ipynb", *code)
    if page.evaluate("() => window.jupyterapp !== undefined"):  # a page shared by tests
        # the widgets of the notebook before: the closed notebook's messages have nowhere to go,
        # and this notebook, on the same kernel, tries to restore them (its own widgets are
        # checked on the page by each test)
        problems.ignored = ("Could not send widget sync message",)
        # the kernel of the notebook before, its imports done: a new kernel's take seconds
        kernel = page.evaluate(
            "() => window.jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.id")
        lab_server.start_session(notebook, kernel)
        switch_notebook(page, notebook)
        wait_until_drawn(page)
        problems.watch(page)  # after the notebook before is gone: its last messages fail
    else:
        problems.watch(page)
        open_notebook(page, lab_server, notebook)
    run_all_cells(page)
    wait_until_idle(page)
    return page.locator(NOTEBOOK_PANEL), problems
