import argparse
import time
from pathlib import Path

from sitebuild.build import BUILD, build_site

parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
parser.add_argument("--out", type=Path, default=BUILD / "site", help="where to write the site")
parser.add_argument("--jobs", type=int, default=None, help="lessons executed at once")
parser.add_argument("--cache", type=Path, default=BUILD / "site-cache",
                    help="where executed lessons are kept, by content")
arguments = parser.parse_args()
started = time.perf_counter()
site = build_site(arguments.out, arguments.jobs, arguments.cache)
print(f"Built the course website in {time.perf_counter() - started:.0f} s: "
      f"open {site / 'index.html'}")
