"""The seeded mutation fuzzer (tests/fuzz.py) on a fixed seed: no traceback, hang, wrong exit or broken acceptance.

`make fuzz N=1000 SEED=...` runs many more and prints the same summary line.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from fuzz import KINDS, MUTATIONS, fuzz, problems, summary

SEED = 19
COUNT = 60


def test_sixty_seeded_mutations_end_cleanly(tmp_path: Path, browser) -> None:
    results = fuzz(COUNT, SEED, tmp_path, open_every=8, browser=browser)
    print(summary(results, SEED, 0))
    assert problems(results) == []
    kinds = Counter(result.kind for result in results)
    assert set(kinds) <= set(KINDS) and kinds["clean error"] >= COUNT // 2
    assert len({result.mutation for result in results}) >= 20


def test_the_fuzzer_has_every_kind_of_mutation_the_issue_lists() -> None:
    names = " ".join(mutation.name for mutation in MUTATIONS)
    for kind in ("key deleted", "key renamed", "value retyped", "empty", "binary", "invalid UTF-8", "BOM",
                 "control character", "tabs", "duplicate key", "duplicate id", "missing reference", "cycle",
                 "huge value", "deep nesting", "alias bomb", "yaml tag", "cells removed", "hostile unicode",
                 "path outside", "non-finite number", "link loop"):
        assert kind in names
