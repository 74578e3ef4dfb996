"""Geohash nodes split one bit at a time: each is one key range and one
rectangle, and the two agree with geohash encoding."""
import random

import pytest

from chalicelib.geo import cells, nodes
from chalicelib.geo.distance import haversine_m


def inside(node, lon, lat):
    w, s, e, n = node.bbox
    return w <= lon < e and s <= lat < n


def in_range(node, geohash):
    partition, lo, hi = nodes.key_range(node)
    return geohash[:5] == partition and lo <= geohash[:len(lo)] <= hi


def test_every_split_puts_a_point_in_the_half_whose_keys_hold_its_geohash():
    rng = random.Random(5)
    for _ in range(200):
        lon, lat = rng.uniform(-1.3, -0.9), rng.uniform(53.85, 54.1)
        geohash = cells.encode(lon, lat)
        node = nodes.from_cell(geohash[:5])
        while node.bits < nodes.BITS:
            low, high = nodes.children(node)
            assert in_range(low, geohash) != in_range(high, geohash)
            node = low if in_range(low, geohash) else high
            assert inside(node, lon, lat)
            assert node.first <= nodes.position(geohash) < node.end


def test_a_grid_line_point_belongs_to_the_high_half_as_geohash_encodes_it():
    node = nodes.from_cell("gcx4z")
    low, high = nodes.children(node)
    # Bit 25 is odd: latitude (bits alternate, longitude first).
    assert low.bbox[0] == high.bbox[0] and low.bbox[3] == high.bbox[1]
    geohash = cells.encode((node.bbox[0] + node.bbox[2]) / 2, low.bbox[3])
    assert in_range(high, geohash) and not in_range(low, geohash)


@pytest.mark.parametrize("cell, bits, expected", [
    ("gcx4z", 25, ("gcx4z", "gcx4z", "gcx4z")),
    ("gcx4z", 26, ("gcx4z", "gcx4z0", "gcx4zg")),
    ("gcx4z", 29, ("gcx4z", "gcx4z0", "gcx4z1")),
])
def test_key_ranges_are_contiguous_runs_of_the_next_character(cell, bits, expected):
    node = nodes.from_cell(cell)
    while node.bits < bits:
        node = nodes.children(node)[0]
    assert nodes.key_range(node) == expected


def test_the_distance_bound_never_exceeds_the_distance_to_any_point_inside():
    rng = random.Random(9)
    node = nodes.from_cell("gcx4zb")
    w, s, e, n = node.bbox
    for _ in range(200):
        lon, lat = rng.uniform(-1.2, -0.9), rng.uniform(53.9, 54.0)
        bound = nodes.min_distance_m(lon, lat, node)
        for _ in range(20):
            assert bound <= haversine_m(lon, lat, rng.uniform(w, e), rng.uniform(s, n))
