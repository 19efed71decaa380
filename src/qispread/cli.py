"""The `qispread` command: `qispread build` for course authors, `qispread cohort ...` for tutors,
`qispread lab` (what `make lab` runs) for everyone."""

import argparse
import sys

from qispread import cli_cohort, cli_lab
from qispread.errors import QispreadError

# What the grading commands import beyond the core install (the `grading` extra).
GRADING_MODULES = {"nbgrader", "nbformat", "nbconvert", "jupyter_client", "jupyter_core",
                   "traitlets", "tqdm"}


def _build(args) -> int:
    from qispread.grading.edition.build import build_release

    for path in build_release(args.root, args.into):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qispread", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="regenerate exercises/ from solutions/ with nbgrader")
    build.add_argument("--root", default=".", help="the course folder (default: here)")
    build.add_argument("--into", default=None, help="write the release here instead of exercises/")
    build.set_defaults(handler=_build)
    cli_cohort.register(sub)
    cli_lab.register(sub)
    try:
        return cli_cohort.run(parser.parse_args(argv))
    except QispreadError as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] not in GRADING_MODULES:
            raise
        print("Problem: this command needs the grading tools, which are not installed. "
              "Fix: pip install 'qispread[grading]'", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
