"""Files beside the progress store: a lock shared by every kernel, and backups that never overwrite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's own locking still guards each transaction
    fcntl = None


@contextmanager
def locked(path: Path, exclusive: bool) -> Iterator[None]:
    """Hold `<path>.lock`: shared while saving or reading, exclusive while the file is set aside.

    Where the lock file cannot be made (a read-only folder, where nothing can be written anyway)
    this goes ahead without it.
    """
    try:
        handle = open(f"{path}.lock", "a+b")  # noqa: SIM115 (held until the block ends)
    except OSError:
        yield
        return
    with handle:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        yield


def unique_name(path: Path, why: str) -> Path:
    """`<path>.<why>-<time to the microsecond>-<random>`: a backup name no other backup has."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    while True:
        candidate = path.with_name(f"{path.name}.{why}-{stamp}-{uuid.uuid4().hex[:8]}")
        if not candidate.exists():
            return candidate


def move_aside(source: Path, target: Path) -> None:
    """Move `source` to `target` if it exists, never replacing a file already at `target`."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        return
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(target) from None
        source.rename(target)
        return
    source.unlink()
