"""Geohash cells split one bit at a time, for best-first nearest search.

A geohash is a string of bits (longitude first, then alternating) written
five to a base32 character. Any bit prefix of at least 25 bits (one
precision-5 partition) names a rectangle whose points' geohashes form ONE
contiguous range of sort keys: the base32 alphabet is in ASCII order, so a
prefix of b bits fixes the first b // 5 characters and a run of
2 ** (5 - b % 5) consecutive values of the next one. Halving a node halves
its area (a geohash character divides it by 32), so a search can choose cell
sizes to fit the density it meets.

Positions count in units of the finest point geohash (45 bits): a node of b
bits spans [value << (45 - b), (value + 1) << (45 - b)).
"""
from typing import NamedTuple

from .cells import PARTITION_PRECISION, POINT_PRECISION, cell_bounds
from .distance import distance_to_bbox_m, haversine_m

_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"
_VALUE = {ch: i for i, ch in enumerate(_BASE32)}
BITS = 5 * POINT_PRECISION
PARTITION_BITS = 5 * PARTITION_PRECISION


class Node(NamedTuple):
    value: int  # the node's bits as an integer
    bits: int  # how many bits: 25 (a partition) to 45 (one point geohash)
    bbox: tuple  # (w, s, e, n)

    @property
    def first(self) -> int:
        return self.value << (BITS - self.bits)

    @property
    def end(self) -> int:
        return (self.value + 1) << (BITS - self.bits)


def from_cell(cell: str) -> Node:
    """The node of a geohash cell of precision 5..9."""
    return Node(position(cell) >> (BITS - 5 * len(cell)), 5 * len(cell), cell_bounds(cell))


def position(geohash: str) -> int:
    """A geohash's position in the 45-bit key space (its first point geohash)."""
    value = 0
    for ch in geohash[:POINT_PRECISION].lower():
        value = value * 32 + _VALUE[ch]
    return value << (BITS - 5 * min(len(geohash), POINT_PRECISION))


def children(node: Node) -> tuple:
    """The two halves: even bits split longitude, odd bits latitude, bit 0
    being the low half. The midpoints are exact binary fractions, the same
    ones geohash encoding compares against (`value >= mid` is bit 1)."""
    w, s, e, n = node.bbox
    if node.bits % 2 == 0:
        mid = (w + e) / 2
        low, high = (w, s, mid, n), (mid, s, e, n)
    else:
        mid = (s + n) / 2
        low, high = (w, s, e, mid), (w, mid, e, n)
    bits = node.bits + 1
    return Node(node.value << 1, bits, low), Node((node.value << 1) | 1, bits, high)


def key_range(node: Node) -> tuple:
    """(partition, lo, hi): every geohash of the node begins with a prefix
    between lo and hi inclusive (of equal length), and no other does."""
    full, rest = divmod(node.bits, 5)
    top = node.value >> rest
    prefix = "".join(_BASE32[(top >> (5 * (full - 1 - i))) & 31] for i in range(full))
    if not rest:
        return prefix[:PARTITION_PRECISION], prefix, prefix
    low = (node.value & ((1 << rest) - 1)) << (5 - rest)
    high = low + (1 << (5 - rest)) - 1
    return prefix[:PARTITION_PRECISION], prefix + _BASE32[low], prefix + _BASE32[high]


def min_distance_m(lon: float, lat: float, node: Node) -> float:
    """A lower bound of the haversine distance from the point to the node."""
    return distance_to_bbox_m(lon, lat, node.bbox)


def max_distance_m(lon: float, lat: float, node: Node) -> float:
    """The distance from the point to the node's farthest corner: how far the
    node reaches (a guide for splitting, never a bound an answer rests on)."""
    w, s, e, n = node.bbox
    return max(haversine_m(lon, lat, x, y) for x in (w, e) for y in (s, n))
