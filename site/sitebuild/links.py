"""The "open in JupyterLab" link, which each academy configures for its own hub.

The link is an nbgitpuller link: it clones or updates the academy's learner edition of the course
into the learner's home folder on the hub, then opens the notebook in JupyterLab. Set, before
`make site`:

    QISPREAD_SITE_HUB     the hub's address, e.g. https://hub.example.nhs.uk
    QISPREAD_SITE_REPO    the learner edition's git URL, e.g. https://git.example.nhs.uk/qi/course.git
    QISPREAD_SITE_BRANCH  its branch (default: main)

Without a hub and a repository the pages carry the download link only.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlencode


def lab_link(notebook: str, env: Mapping[str, str] = os.environ) -> str | None:
    """The nbgitpuller link that opens ``notebook`` (a path inside the repository)."""
    hub = env.get("QISPREAD_SITE_HUB", "").rstrip("/")
    repo = env.get("QISPREAD_SITE_REPO", "")
    if not hub or not repo:
        return None
    # nbgitpuller clones into a folder named after the repository
    folder = repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode({
        "repo": repo,
        "branch": env.get("QISPREAD_SITE_BRANCH", "main"),
        "urlpath": f"lab/tree/{folder}/{notebook}",
    })
    return f"{hub}/hub/user-redirect/git-pull?{query}"
