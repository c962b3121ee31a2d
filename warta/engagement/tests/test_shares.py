"""Reaction percentages by the largest-remainder method, checked on generated tallies."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.engagement.models import Reaction
from warta.engagement.shares import reaction_shares

tallies = st.fixed_dictionaries(
    {kind: st.integers(min_value=0, max_value=10**9) for kind in Reaction.Kind.values}
)


@given(tallies)
def test_shares_are_all_zero_or_add_up_to_exactly_100(counts):
    """No reaction: six zeros. Otherwise the six shares sum to 100."""
    shares = reaction_shares(counts)
    assert list(shares) == list(counts)
    if sum(counts.values()) == 0:
        assert set(shares.values()) == {0}
    else:
        assert sum(shares.values()) == 100


@given(tallies)
def test_each_share_is_within_one_point_of_the_exact_percentage(counts):
    """Rounding moves no share by a whole point or more from its exact value."""
    total = sum(counts.values())
    shares = reaction_shares(counts)
    for kind, count in counts.items():
        exact = Fraction(count * 100, total) if total else Fraction(0)
        assert abs(shares[kind] - exact) < 1
        assert shares[kind] >= 0


@given(tallies)
def test_a_bigger_tally_never_gets_a_smaller_share(counts):
    """Largest remainders keep the order of the tallies."""
    shares = reaction_shares(counts)
    for a in counts:
        for b in counts:
            if counts[a] > counts[b]:
                assert shares[a] >= shares[b]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"like": 0, "love": 0}, {"like": 0, "love": 0}),
        ({"like": 1, "love": 1, "wow": 1}, {"like": 34, "love": 33, "wow": 33}),
        ({"like": 2, "love": 1}, {"like": 67, "love": 33}),
    ],
)
def test_reaction_shares_always_add_up_to_100(counts, expected):
    """Largest-remainder percentages: all zero, or exactly 100 in total."""
    assert reaction_shares(counts) == expected
