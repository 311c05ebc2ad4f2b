"""A learner's pseudonym: two words and a number made from their random learner id, never from a name."""

from __future__ import annotations

import hashlib

_ADJECTIVES = (
    "Amber", "Azure", "Bold", "Brave", "Bright", "Brisk", "Calm", "Candid", "Clever", "Coral", "Cosmic",
    "Crimson", "Curious", "Daring", "Dapper", "Eager", "Earnest", "Fern", "Fleet", "Gentle", "Glad", "Golden",
    "Grand", "Hardy", "Hazel", "Honest", "Humble", "Ivory", "Jade", "Jolly", "Keen", "Kind", "Lively",
    "Loyal", "Lucky", "Lunar", "Merry", "Mellow", "Misty", "Modest", "Nimble", "Noble", "Olive", "Patient",
    "Pearl", "Plucky", "Polar", "Proud", "Quick", "Quiet", "Rapid", "Rosy", "Ruby", "Rustic", "Sage",
    "Silver", "Sincere", "Solar", "Steady", "Sunny", "Swift", "Tidy", "Violet", "Witty",
)
_ANIMALS = (
    "Alpaca", "Badger", "Beaver", "Bison", "Bobcat", "Crane", "Curlew", "Dingo", "Dolphin", "Eagle", "Egret",
    "Falcon", "Ferret", "Finch", "Fox", "Gazelle", "Gecko", "Gibbon", "Hare", "Hedgehog", "Heron", "Ibex",
    "Ibis", "Jackal", "Jay", "Kestrel", "Kiwi", "Koala", "Lark", "Lemur", "Lynx", "Magpie", "Marten",
    "Meerkat", "Mole", "Moose", "Narwhal", "Newt", "Ocelot", "Osprey", "Otter", "Owl", "Panda", "Pelican",
    "Penguin", "Plover", "Puffin", "Quail", "Rabbit", "Raven", "Robin", "Salmon", "Seal", "Sparrow", "Stork",
    "Swan", "Tapir", "Tern", "Toad", "Toucan", "Vole", "Walrus", "Wombat", "Wren",
)


def pseudonym(seed: str) -> str:
    """A stable, readable pseudonym for `seed` (the learner id), e.g. "Amber Heron 1742".

    64 x 64 x 9000 names: two students of a class of a thousand share one with a chance of about 1.4%."""
    digest = int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest()[:8], "big")
    adjective = _ADJECTIVES[digest % len(_ADJECTIVES)]
    animal = _ANIMALS[(digest // len(_ADJECTIVES)) % len(_ANIMALS)]
    number = (digest // (len(_ADJECTIVES) * len(_ANIMALS))) % 9000 + 1000
    return f"{adjective} {animal} {number}"
