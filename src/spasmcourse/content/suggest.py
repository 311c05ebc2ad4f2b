"""'Did you mean' hints for near misses."""

from __future__ import annotations

import difflib


def suggestion(name: str, known: list[str]) -> str:
    """A 'did you mean' hint for a near miss, or an empty string."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
