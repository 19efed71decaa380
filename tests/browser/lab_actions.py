"""What a learner does in JupyterLab, as Playwright steps: open a notebook, run every cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

NOTEBOOK_PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def open_notebook(page, server, relative: str) -> None:
    page.goto(server.lab_url(relative))
    page.wait_for_selector(f"{NOTEBOOK_PANEL} .jp-Cell", state="visible")
    # Wait for the kernel to be ready before running anything.
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=60_000)


def run_all_cells(page) -> None:
    """Run every cell with the keyboard, as a learner does: Shift+Enter on each in turn."""
    cells = page.locator(f"{NOTEBOOK_PANEL} .jp-Cell")
    cells.first.click()
    for _ in range(cells.count()):
        page.keyboard.press("Shift+Enter")


def wait_until_idle(page) -> None:
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-InputArea-prompt')];
            return prompts.length > 0 && prompts.every(p => !p.textContent.includes('*'))
                && prompts.some(p => /\\[\\d+\\]/.test(p.textContent));
        }""",
        timeout=90_000,
    )


def screenshot(page, artifacts: Path, name: str) -> Path:
    path = artifacts / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path


@dataclass
class BrowserProblems:
    """Console errors and uncaught exceptions a page reported."""

    messages: list[str] = field(default_factory=list)

    def watch(self, page) -> None:
        page.on("console", lambda msg: msg.type == "error" and self.messages.append(msg.text))
        page.on("pageerror", lambda error: self.messages.append(f"pageerror: {error}"))


def open_widget(page, lab_server, name: str, code: str):
    """A notebook holding `code`, opened and run in JupyterLab; returns its panel and the
    browser's error collector."""
    problems = BrowserProblems()
    problems.watch(page)
    open_notebook(page, lab_server, lab_server.write_notebook(f"browser/{name}.ipynb", code))
    run_all_cells(page)
    wait_until_idle(page)
    return page.locator(NOTEBOOK_PANEL), problems
