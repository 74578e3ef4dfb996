"""Cutting the rest of one index key's range of alert ids into jobs
(alerts/ranges.py): pure, on lists of ids."""
import hashlib
from bisect import bisect_right

import pytest

from chalicelib.handlers.alerts.ranges import pieces


def digest_ids(n, salt="a"):
    return sorted("al" + hashlib.sha256(f"{salt}{i}".encode()).hexdigest()[:24] for i in range(n))


def counts(ids, ranges):
    """Rows of `ids` in each (after, through] range (None: open)."""
    def upto(bound):
        return len(ids) if bound is None else bisect_right(ids, bound)
    return [upto(through) - upto(after) for after, through in ranges]


def test_the_rest_of_a_key_of_digest_ids_is_cut_into_ten_even_ranges_that_meet_end_to_end():
    ids = digest_ids(100_000)
    found = pieces(None, None, ids[:100], ids[-1], 75, 10)
    assert len(found) == 10 and found[0][0] == ids[99] and found[-1][1] is None
    assert [a for a, _ in found[1:]] == [t for _, t in found[:-1]]
    assert sum(counts(ids, found)) == len(ids) - 100
    assert all(9_500 < n < 10_500 for n in counts(ids, found))


def test_a_range_holding_about_one_job_more_is_handed_on_whole():
    ids = digest_ids(150)
    assert pieces(None, None, ids[:100], ids[-1], 75, 10) == [(ids[99], None)]
    inner = ids[20:140]
    assert pieces(ids[19], ids[139], inner[:100], ids[139], 75, 10) == [(ids[119], ids[139])]


@pytest.mark.parametrize("ids", [
    [f"many{i:06d}" for i in range(2_000)],  # counters: a narrow alphabet, cut all the same
    sorted(["b", "ba", "bb", "bab", "c", "ca", "cz", "d", *[f"z{i}" for i in range(500)]]),  # lopsided
    sorted(f"x{i}" for i in range(300)),  # ids of several lengths
])
def test_any_ids_are_cut_into_ranges_that_read_every_row_once(ids):
    found = pieces(None, None, ids[:5], ids[-1], 4, 10)
    assert 1 <= len(found) <= 10
    assert all(a < t for a, t in found[:-1]) and [a for a, _ in found[1:]] == [t for _, t in found[:-1]]
    assert sum(counts(ids, found)) == len(ids) - 5 and min(counts(ids, found)) >= 0


def test_a_closed_range_keeps_its_own_end_and_a_spent_one_hands_nothing_on():
    ids = digest_ids(5_000)
    after, through = ids[999], ids[3_999]
    inside = ids[1_000:1_100]
    found = pieces(after, through, inside, through, 75, 10)
    assert found[0][0] == ids[1_099] and found[-1][1] == through and len(found) == 10
    assert sum(counts(ids, found)) == 3_999 - 1_099
    assert pieces(after, through, ids[3_900:4_000], through, 75, 10) == []
    assert pieces(None, None, ids[:100], None, 75, 10) == []  # the key's rows were deleted meanwhile
