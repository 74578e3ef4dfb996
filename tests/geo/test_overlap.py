"""Do two places meet: circles and polygons (staff broadcast targets)."""
from chalicelib.geo.distance import haversine_m
from chalicelib.geo.overlap import circle_meets, circle_polygon, polygons_meet


def box(w, s, e, n):
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def test_a_cross_of_two_bars_meets_though_no_corner_is_inside_the_other():
    assert polygons_meet(box(0, 1, 3, 2), box(1, 0, 2, 3))


def test_polygons_sharing_only_an_edge_meet_and_separate_ones_do_not():
    assert polygons_meet(box(0, 0, 1, 1), box(1, 0, 2, 1))
    assert not polygons_meet(box(0, 0, 1, 1), box(1.001, 0, 2, 1))


def test_a_polygon_inside_a_hole_does_not_meet_the_holed_polygon():
    holed = {"type": "Polygon", "coordinates": [box(0, 0, 10, 10)["coordinates"][0],
                                                box(2, 2, 8, 8)["coordinates"][0]]}
    assert not polygons_meet(holed, box(3, 3, 4, 4))
    assert polygons_meet(holed, box(1, 1, 4, 4))


def test_a_circle_meets_a_polygon_when_its_edge_is_within_the_radius():
    ward = box(-1.09, 53.955, -1.07, 53.975)
    lon, lat = -1.0690, 53.965  # about 65 m east of the ward's east edge
    assert not circle_meets(ward, lon, lat, 50)
    assert circle_meets(ward, lon, lat, 80)
    assert circle_meets(ward, -1.08, 53.96, 1)  # the centre inside


def test_the_circle_polygon_holds_the_circle():
    ring = circle_polygon(-1.08, 53.96, 500)["coordinates"][0]
    assert all(500 <= haversine_m(-1.08, 53.96, x, y) <= 510 for x, y in ring)
