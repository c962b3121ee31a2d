"""Reaction percentages that always add up to exactly 100."""

from collections.abc import Mapping


def reaction_shares(counts: Mapping[str, int]) -> dict[str, int]:
    """Whole-number percentages by the largest-remainder (Hamilton) method.

    Each share is the exact percentage rounded down; the points still missing
    from 100 go to the largest remainders (ties to the earlier reaction).
    All zero when nobody has reacted.
    """
    total = sum(counts.values())
    if total == 0:
        return dict.fromkeys(counts, 0)
    floors = {key: count * 100 // total for key, count in counts.items()}
    remainders = {key: count * 100 % total for key, count in counts.items()}
    missing = 100 - sum(floors.values())
    order = list(counts)
    for key in sorted(order, key=lambda k: (-remainders[k], order.index(k)))[:missing]:
        floors[key] += 1
    return floors
