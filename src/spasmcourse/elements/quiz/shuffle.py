"""Seeded shuffling, identical to shuffle() in static/quiz-check.js, so an order is stable per learner."""

from __future__ import annotations

_MASK = 0xFFFFFFFF


def seed_of(text: str) -> int:
    """FNV-1a hash of the UTF-8 text, 32 bits."""
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & _MASK
    return value


def _random(seed: int):
    """mulberry32: a small, well-known 32-bit generator that is easy to mirror in JavaScript."""
    state = seed & _MASK

    def next_value() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _MASK
        t = ((state ^ (state >> 15)) * (state | 1)) & _MASK
        t = (((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t) & _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    return next_value


def shuffled(count: int, seed_text: str, *, avoid_identity: bool = False) -> list[int]:
    """A permutation of range(count) fixed by `seed_text` (Fisher-Yates).

    With avoid_identity, an order that happens to be the original is rotated by one, so an
    ordering question never starts out solved.
    """
    order = list(range(count))
    next_value = _random(seed_of(seed_text))
    for index in range(count - 1, 0, -1):
        other = int(next_value() * (index + 1))
        order[index], order[other] = order[other], order[index]
    if avoid_identity and count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order
