"""If JupyterLab ever asks a learner to choose a kernel, the browser tests say so plainly."""

import nbformat
import pytest

from browser.lab_actions import open_notebook

pytestmark = pytest.mark.browser


def test_a_notebook_whose_kernel_is_unknown_fails_with_a_clear_message(lab_server, page):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    notebook.metadata["kernelspec"] = {"name": "no-such-kernel", "display_name": "Nowhere",
                                       "language": "no-such-language"}
    path = lab_server.root / "browser" / "unknown_kernel.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, path)
    with pytest.raises(AssertionError, match="'Select Kernel' dialog"):
        open_notebook(page, lab_server, "browser/unknown_kernel.ipynb")
