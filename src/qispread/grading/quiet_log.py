"""Keep a cohort command's terminal clean: everything written to stderr (nbgrader's log, kernels'
warnings, SQLAlchemy's, worker processes') goes to a log file; the tutor sees a progress bar and
one summary line naming the log."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


@dataclass
class QuietRun:
    log: Path
    terminal: TextIO  # a text stream to the real stderr
    start: int  # size of the log when the run began

    def warning_lines(self) -> int:
        with self.log.open("rb") as handle:
            handle.seek(self.start)
            return sum(1 for line in handle if line.strip())

    def progress(self, total: int) -> Callable:
        """A progress bar on a terminal, one line per submission otherwise."""
        if self.terminal.isatty():
            from tqdm import tqdm

            bar = tqdm(total=total, unit="submission", desc="autograding", file=self.terminal)

            def tick(outcome) -> None:
                bar.update(1)
                if bar.n == total:
                    bar.close()

            return tick
        done = [0]

        def line(outcome) -> None:
            done[0] += 1
            failed = getattr(outcome, "error", None)
            print(f"[{done[0]}/{total}] {outcome.student}: "
                  f"{'could not be marked' if failed else 'marked'}",
                  file=self.terminal, flush=True)

        return line


@contextmanager
def quiet(log: Path) -> Iterator[QuietRun]:
    log.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    terminal = os.fdopen(os.dup(saved), "w", buffering=1)
    with log.open("ab") as handle:
        start = handle.tell()
        os.dup2(handle.fileno(), 2)  # this process and every process it starts
    root = logging.getLogger()
    previous_level = root.level
    root.setLevel(logging.WARNING)
    logging.captureWarnings(True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("default")
            yield QuietRun(log, terminal, start)
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)
        terminal.close()
        logging.captureWarnings(False)
        root.setLevel(previous_level)
