"""Progress for long commands: a bar on a terminal, plain lines in CI and logs."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Reports steps of a long job to stderr, as a bar when it is a terminal."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.label = label
        self.bar = tqdm(total=total, desc=label, file=self.stream, unit="step",
                        leave=False) if self.stream.isatty() else None

    def step(self, message: str) -> None:
        """Record that one step finished."""
        self.done += 1
        if self.bar is not None:
            self.bar.set_postfix_str(message, refresh=False)
            self.bar.update(1)
        else:
            print(f"[{self.done}/{self.total}] {message}", file=self.stream, flush=True)

    def close(self) -> None:
        """End the bar, if any."""
        if self.bar is not None:
            self.bar.close()


@contextmanager
def progress(items: Sequence[object], label: str) -> Iterator[Progress]:
    """A Progress over `items` steps that is always closed."""
    report = Progress(len(items), label)
    try:
        yield report
    finally:
        report.close()
