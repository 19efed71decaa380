"""The `qispread` command."""

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qispread", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="regenerate exercises/ from solutions/ with nbgrader")
    build.add_argument("--root", default=".", help="the course folder (default: here)")
    build.add_argument("--into", default=None, help="write the release here instead of exercises/")
    args = parser.parse_args(argv)
    if args.command == "build":
        from qispread.grading.build import build_release

        written = build_release(args.root, args.into)
        for path in written:
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
