"""A learner's pseudonym: two words and a number made from their random learner id, never from a name."""

from __future__ import annotations

import hashlib

_ADJECTIVES = (
    "Amber", "Azure", "Bold", "Brave", "Bright", "Calm", "Clever", "Coral", "Crimson", "Daring",
    "Eager", "Fern", "Gentle", "Golden", "Hazel", "Honest", "Ivory", "Jade", "Keen", "Kind",
    "Lively", "Lucky", "Misty", "Noble", "Olive", "Pearl", "Quick", "Quiet", "Rapid", "Rosy",
    "Ruby", "Sage", "Silver", "Steady", "Sunny", "Swift", "Tidy", "Violet", "Warm", "Witty",
)
_ANIMALS = (
    "Badger", "Beaver", "Bison", "Crane", "Curlew", "Dolphin", "Eagle", "Falcon", "Ferret", "Finch",
    "Fox", "Gecko", "Hare", "Heron", "Ibis", "Jay", "Koala", "Lark", "Lemur", "Lynx",
    "Marten", "Moose", "Newt", "Otter", "Owl", "Panda", "Puffin", "Quail", "Raven", "Robin",
    "Salmon", "Seal", "Stork", "Swan", "Tapir", "Tern", "Toad", "Vole", "Walrus", "Wren",
)


def pseudonym(seed: str) -> str:
    """A stable, readable pseudonym for `seed` (the learner id), e.g. "Amber Heron 17"."""
    digest = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")
    adjective = _ADJECTIVES[digest % len(_ADJECTIVES)]
    animal = _ANIMALS[(digest // len(_ADJECTIVES)) % len(_ANIMALS)]
    number = (digest // (len(_ADJECTIVES) * len(_ANIMALS))) % 90 + 10
    return f"{adjective} {animal} {number}"
