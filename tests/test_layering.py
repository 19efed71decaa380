"""The library's layers hold (the contracts in pyproject.toml's [tool.importlinter]): spc <- models
<- plots <- spread_plan <- widgets, nothing importing upward, not even inside a function; grading
apart from the learners' tools. A module that breaks them fails the test suite."""

import subprocess
import sys
from pathlib import Path


def test_no_module_imports_against_the_layers(project_root):
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=project_root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
