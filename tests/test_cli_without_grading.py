"""With only the core install (no `grading` extra), the grading commands say what to install
instead of failing with a traceback."""

import subprocess
import sys


def test_build_without_nbgrader_names_the_extra(tmp_path):
    code = ("import sys; sys.modules['nbgrader'] = None  # as if it were not installed\n"
            "from qispread.cli import main; sys.exit(main(['build', '--root', sys.argv[1]]))")
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True)
    assert done.returncode == 2
    assert "pip install 'qispread[grading]'" in done.stderr
    assert "Traceback" not in done.stderr
