"""polygon.contains, bbox_of and load_area."""
import json

import pytest
from hypothesis import assume, given, settings, strategies as st

from chalicelib.geo.polygon import BOUNDARY_TOLERANCE_DEG as TOL, area_from_geojson, bbox_of, contains, load_area

SETTINGS = settings(max_examples=150, deadline=None)


def rect(w, s, e, n, clockwise=False):
    ring = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    return ring[::-1] if clockwise else ring


# A 10x10 square with a 2..4 square hole; a second square far east.
SQUARE_WITH_HOLE = {"type": "Polygon", "coordinates": [rect(0, 0, 10, 10), rect(2, 2, 4, 4, clockwise=True)]}
MULTI = {"type": "MultiPolygon", "coordinates": [SQUARE_WITH_HOLE["coordinates"], [rect(20, 0, 21, 1)]]}
# A "U": concave, so a ray from inside the notch crosses the polygon twice.
U_SHAPE = {"type": "Polygon", "coordinates": [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]]}


def test_points_in_the_hole_are_outside_and_around_it_inside():
    assert contains(SQUARE_WITH_HOLE, 1.0, 1.0)
    assert not contains(SQUARE_WITH_HOLE, 3.0, 3.0)
    assert not contains(SQUARE_WITH_HOLE, 11.0, 5.0)


def test_boundary_points_of_outer_ring_and_hole_count_as_inside():
    for lon, lat in [(0, 0), (10, 10), (5, 0), (0, 7.5), (2, 3), (3, 4), (4, 4)]:
        assert contains(SQUARE_WITH_HOLE, lon, lat), (lon, lat)
    assert contains(SQUARE_WITH_HOLE, 10 + 1e-10, 5)  # within the documented tolerance
    assert not contains(SQUARE_WITH_HOLE, 10 + 1e-6, 5)


def test_multipolygon_is_the_union_of_its_parts():
    assert contains(MULTI, 20.5, 0.5) and contains(MULTI, 1, 1)
    assert not contains(MULTI, 15, 0.5) and not contains(MULTI, 3, 3)
    overlapping = {"type": "MultiPolygon", "coordinates": [[rect(0, 0, 2, 2)], [rect(1, 1, 3, 3)]]}
    assert contains(overlapping, 1.5, 1.5)


def test_concave_notch_is_outside():
    assert not contains(U_SHAPE, 1.5, 2.0)
    assert contains(U_SHAPE, 0.5, 2.0) and contains(U_SHAPE, 2.5, 2.0) and contains(U_SHAPE, 1.5, 0.5)
    assert contains(U_SHAPE, 1.5, 1.0)  # the notch's floor is boundary


coord = st.floats(-50.0, 50.0)


@SETTINGS
@given(coord, coord, st.floats(0.1, 20.0), st.floats(0.1, 20.0),
       st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.booleans(),
       st.floats(-80.0, 80.0), st.floats(-80.0, 80.0))
def test_rectangle_with_hole_matches_interval_arithmetic(w, s, width, height, hx, hy, cw, lon, lat):
    e, n = w + width, s + height
    # A hole of half the size, placed anywhere strictly inside.
    hw, hs = w + width * (0.05 + 0.4 * hx), s + height * (0.05 + 0.4 * hy)
    he, hn = hw + width / 2, hs + height / 2
    geom = {"type": "Polygon", "coordinates": [rect(w, s, e, n, cw), rect(hw, hs, he, hn, not cw)]}
    # Within the tolerance of an edge counts as on it, hence inside.
    gaps = [abs(v - edge) for v, edges in ((lon, (w, e, hw, he)), (lat, (s, n, hs, hn))) for edge in edges]
    assume(not any(TOL / 2 < g < TOL * 2 for g in gaps))
    in_outer = w - TOL <= lon <= e + TOL and s - TOL <= lat <= n + TOL
    in_hole_interior = hw + TOL < lon < he - TOL and hs + TOL < lat < hn - TOL
    assert contains(geom, lon, lat) == (in_outer and not in_hole_interior)
    assert bbox_of(geom) == (w, s, e, n)


@SETTINGS
@given(coord, coord, st.floats(0.1, 20.0), st.floats(0.0, 1.0), st.sampled_from(range(4)))
def test_every_point_on_a_rectangle_edge_is_inside(w, s, size, t, side):
    e, n = w + size, s + size
    geom = {"type": "Polygon", "coordinates": [rect(w, s, e, n)]}
    x, y = w + size * t, s + size * t
    lon, lat = [(x, s), (x, n), (w, y), (e, y)][side]
    assert contains(geom, lon, lat)


def test_bbox_of_multipolygon_spans_all_parts():
    assert bbox_of(MULTI) == (0, 0, 21, 10)
    with pytest.raises(ValueError):
        bbox_of({"type": "Point", "coordinates": [0, 0]})


def write(tmp_path, doc):
    path = tmp_path / "area.geojson"
    path.write_text(json.dumps(doc))
    return path


def test_load_area_reads_a_feature_with_its_name(tmp_path):
    doc = {"type": "Feature", "properties": {"name": "City of York"}, "geometry": SQUARE_WITH_HOLE}
    area = load_area(write(tmp_path, doc))
    assert area.name == "City of York" and area.bbox == (0, 0, 10, 10)
    assert area.contains(1, 1) and not area.contains(3, 3) and not area.contains(-1, 5)


def test_load_area_unions_a_feature_collection(tmp_path):
    features = [{"type": "Feature", "properties": {"name": n}, "geometry": g}
                for n, g in [("west", SQUARE_WITH_HOLE), ("east", {"type": "Polygon", "coordinates": [rect(20, 0, 21, 1)]})]]
    area = load_area(write(tmp_path, {"type": "FeatureCollection", "features": features}))
    assert area.contains(20.5, 0.5) and area.contains(1, 1) and not area.contains(15, 0.5)
    assert area.name is None  # several wards: no single name
    assert area.bbox == (0, 0, 21, 10)
    one = load_area(write(tmp_path, {"type": "FeatureCollection", "features": features[:1]}))
    assert one.name == "west"


def test_load_area_reads_a_bare_geometry(tmp_path):
    area = load_area(write(tmp_path, MULTI))
    assert area.name is None and area.contains(20.5, 0.5)


def test_load_area_rejects_geometries_that_are_not_areas():
    with pytest.raises(ValueError):
        area_from_geojson({"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}})
    with pytest.raises(ValueError):
        area_from_geojson({"type": "FeatureCollection", "features": []})
