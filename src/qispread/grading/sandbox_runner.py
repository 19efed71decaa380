"""Runs INSIDE the sandbox: executes one submission's notebooks with nbgrader's own Execute
preprocessor, each on a fresh kernel, and writes them back with the learner's answers.

Started before its submission is known (so the next kernel boots while the current submission
runs): argv[1] holds the settings, the job arrives on stdin, the result goes to stdout as JSON.
Everything this process sends is treated by the grader as the learner's data, never as trusted:
learner code shares its uid and could rewrite it."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

ANSWER_PREFIX = "answer_"
ANSWERS_BYTES = 1_000_000

# Runs as the last cell of each notebook: the learner's answers as plain JSON values. A value
# JSON cannot hold (a function, an object) is named by its type and earns nothing.
EXTRACT = '''
def _qispread_answers():
    import json, numbers
    def plain(value, depth=0):
        if depth > 20:
            return {"__qispread__": "other", "type": "deeply nested value"}
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            return float(value)
        if isinstance(value, (list, tuple)):
            return [plain(v, depth + 1) for v in value]
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {k: plain(v, depth + 1) for k, v in value.items()}
        if value is Ellipsis:
            return {"__qispread__": "ellipsis"}
        return {"__qispread__": "other", "type": type(value).__name__}
    found = {}
    for name, value in list(globals().items()):
        if name.startswith(%(prefix)r):
            text = json.dumps(plain(value))
            found[name] = text if len(text) <= %(limit)d else json.dumps(
                {"__qispread__": "other", "type": "value too large"})
    print(%(marker)r + "{" + ", ".join(json.dumps(k) + ": " + v for k, v in found.items()) + "}")
_qispread_answers()
'''

KERNEL_DIED = ("its Python kernel stopped while the notebook was running (it may have run out of "
               "memory, or the notebook's own code stopped it)")


def preload_line(modules: list[str]) -> str:
    """Kernel start-up code that imports modules without binding any name in the learner's
    namespace, so a learner who forgot an import still fails exactly as under stock nbgrader."""
    body = (
        "import importlib\n"
        f"for _m in {sorted(set(modules))!r}:\n"
        "    try:\n"
        "        importlib.import_module(_m)\n"
        "    except Exception:\n"
        "        pass\n"
    )
    return f"exec({body!r}, {{}})"


def start_kernel(kernel_name: str, extra_arguments: list[str], preload: list[str]):
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name=kernel_name)
    arguments = list(extra_arguments)
    if preload:
        arguments.append(f"--IPKernelApp.exec_lines={[preload_line(preload)]!r}")
    # the kernel's own stdout/stderr must not reach the grader's pipe
    run_sync(km.start_kernel)(extra_arguments=arguments, stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.getcwd())
    return km


def stop(km) -> None:
    from jupyter_core.utils import run_sync

    try:
        run_sync(km.shutdown_kernel)(now=True)
    except Exception:  # already dead: killed for memory, or by the learner's own code
        pass


def answers_from(nb, marker: str):
    """Pop the extraction cell; the answers it printed, or None if the kernel never got there."""
    cell = nb.cells.pop()
    text = "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith(marker):
            try:
                return json.loads(line[len(marker):])
            except ValueError:
                return None
    return None


def execute(nb, config, km) -> tuple[object, dict | None, str | None]:
    import nbformat
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbgrader.preprocessors import Execute

    marker = f"QISPREAD-ANSWERS-{secrets.token_hex(8)}:"
    extract = EXTRACT % {"prefix": ANSWER_PREFIX, "limit": ANSWERS_BYTES, "marker": marker}
    nb.cells.append(nbformat.v4.new_code_cell(extract))
    error = None
    try:
        nb, _ = Execute(config=config).preprocess(nb, {"metadata": {"path": os.getcwd()}},
                                                  km=km)
    except (DeadKernelError, CellTimeoutError) as exc:
        error = KERNEL_DIED if isinstance(exc, DeadKernelError) else str(exc)
    except Exception as exc:  # nbgrader's UnresponsiveKernelError and friends
        error = f"the notebook could not be run: {type(exc).__name__}: {exc}"
    answers = answers_from(nb, marker) if error is None else None
    if error is not None and nb.cells and "_qispread_answers" in nb.cells[-1].source:
        nb.cells.pop()
    return nb, answers, error


def main() -> int:
    settings = json.loads(sys.argv[1])
    import nbformat
    from nbgrader.preprocessors import Execute  # noqa: F401  imported before the job arrives
    from traitlets.config import Config

    from qispread.grading.output_cap import cap_notebook

    out = os.fdopen(os.dup(1), "w")
    config = Config(settings["config"])
    km = start_kernel(settings["kernel_name"], settings["extra_arguments"], settings["preload"])
    job = json.loads(sys.stdin.read())
    results = []
    for item in job["notebooks"]:
        nb = nbformat.from_dict(item["notebook"])
        kernel_name = nb.metadata.get("kernelspec", {}).get("name", settings["kernel_name"])
        if km is None or kernel_name != km.kernel_name:
            if km is not None:
                stop(km)
            km = start_kernel(kernel_name, settings["extra_arguments"], settings["preload"])
        try:
            nb, answers, error = execute(nb, config, km)
        finally:
            stop(km)
            km = None
        cap_notebook(nb)
        results.append({"id": item["id"], "notebook": nb, "answers": answers, "error": error})
    json.dump({"notebooks": results}, out)
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
