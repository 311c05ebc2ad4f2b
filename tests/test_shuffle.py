"""Seeded shuffling: stable per seed, a true permutation, different across seeds."""

from spasmcourse.elements.quiz.shuffle import seed_of, shuffled

KNOWN = {"learner|quiz|q1": 5, "élève|quiz|q2": 7, "": 4}


def test_same_seed_same_order_and_a_permutation() -> None:
    for seed, count in KNOWN.items():
        order = shuffled(count, seed)
        assert order == shuffled(count, seed)
        assert sorted(order) == list(range(count))


def test_orders_differ_between_learners() -> None:
    orders = {tuple(shuffled(6, f"learner-{n}|quiz|q")) for n in range(40)}
    assert len(orders) > 20


def test_ordering_never_starts_solved() -> None:
    for n in range(200):
        assert shuffled(3, f"seed-{n}", avoid_identity=True) != [0, 1, 2]


def test_fnv_hash_known_values() -> None:
    assert seed_of("") == 0x811C9DC5
    assert seed_of("a") == 0xE40C292C
