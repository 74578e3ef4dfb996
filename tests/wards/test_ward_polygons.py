"""Point-in-ward: the shapes real ward files hold (islands, holes, shared edges)."""
from chalicelib.geo.polygon import bbox_of, contains

from support.wards_support import square

# A ward with an island (a MultiPolygon) and a park carved out of its main part.
MAIN = [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]
ISLAND = [[[6, 0], [7, 0], [7, 1], [6, 1], [6, 0]]]
WARD = {"type": "MultiPolygon", "coordinates": [MAIN, ISLAND]}


def test_a_point_on_the_island_of_a_multipolygon_ward_is_in_the_ward():
    assert contains(WARD, 6.5, 0.5)
    assert not contains(WARD, 5.0, 0.5)  # the water between


def test_a_point_in_the_hole_is_outside_and_on_the_hole_edge_inside():
    assert not contains(WARD, 1.5, 1.5)
    assert contains(WARD, 1.0, 1.5) and contains(WARD, 2.0, 2.0)
    assert contains(WARD, 3.0, 3.0)


def test_a_point_on_an_edge_two_wards_share_is_in_both():
    west, east = square(0, 0, 1), square(1, 0, 1)
    assert contains(west, 1.0, 0.5) and contains(east, 1.0, 0.5)
    assert contains(west, 0.999, 0.5) and not contains(east, 0.999, 0.5)


def test_a_point_outside_every_part_is_outside():
    assert not contains(WARD, -0.1, 2) and not contains(WARD, 8, 8)


def test_the_bbox_spans_every_part():
    assert bbox_of(WARD) == (0, 0, 7, 4)
