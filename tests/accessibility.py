"""axe-core (WCAG 2.1 A and AA rules), from the npm registry, run in a Playwright page: shared by
the website's tests (whole pages) and the browser tests (each tool's output in JupyterLab)."""

from __future__ import annotations

import fcntl
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "build" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


def installed_axe() -> Path:
    """axe-core installed under build/axe (as `make test` does), once for all test processes."""
    AXE.parents[2].mkdir(parents=True, exist_ok=True)
    with open(AXE.parents[3] / "axe.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not AXE.exists():
            subprocess.run(["npm", "install", "--prefix", str(AXE.parents[2]), "--no-audit",
                            "--no-fund", "axe-core@4"], check=True, capture_output=True)
    return AXE


def axe_violations(page, axe_script: Path, within: str | None = None) -> list[dict]:
    """Every rule axe-core finds broken on the page, or only inside the elements that the CSS
    selector `within` picks, with its impact (minor to critical) and up to three places."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(axe_script))
    return page.evaluate("""async within => {
        const r = await axe.run(within ? {include: [[within]]} : document,
                                {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""", within)


def serious(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v["impact"] in SERIOUS]
