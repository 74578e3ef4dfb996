"""haversine_m, bbox_around and distance_to_bbox_m."""
import math

import pytest
from hypothesis import given, settings, strategies as st

from chalicelib.geo.distance import EARTH_RADIUS_M, bbox_around, distance_to_bbox_m, haversine_m

SETTINGS = settings(max_examples=150, deadline=None)
lons, lats = st.floats(-180.0, 180.0), st.floats(-90.0, 90.0)


def test_york_minster_to_the_station_is_about_900_m():
    d = haversine_m(-1.0819, 53.9623, -1.0932, 53.9577)
    assert 850 < d < 950


def test_london_to_paris_is_about_343_5_km():
    d = haversine_m(-0.1278, 51.5074, 2.3522, 48.8566)
    assert d == pytest.approx(343_500, abs=1_000)


def test_antipodes_are_half_a_circumference_apart():
    assert haversine_m(0.0, 0.0, 180.0, 0.0) == pytest.approx(math.pi * EARTH_RADIUS_M)
    assert haversine_m(10.0, 90.0, -170.0, -90.0) == pytest.approx(math.pi * EARTH_RADIUS_M)


@SETTINGS
@given(lons, lats, lons, lats)
def test_haversine_is_symmetric_and_zero_only_at_the_same_place(lon1, lat1, lon2, lat2):
    d = haversine_m(lon1, lat1, lon2, lat2)
    assert d == pytest.approx(haversine_m(lon2, lat2, lon1, lat1), abs=1e-6)
    assert 0.0 <= d <= math.pi * EARTH_RADIUS_M + 1e-6
    assert haversine_m(lon1, lat1, lon1, lat1) == 0.0


@st.composite
def bboxes(draw):
    w, s = draw(lons), draw(lats)
    e = min(180.0, w + 10 ** draw(st.floats(-6.0, 2.3)))
    n = min(90.0, s + 10 ** draw(st.floats(-6.0, 2.0)))
    return (w, s, e, n)


points = st.one_of(
    st.tuples(lons, lats),
    st.tuples(st.floats(-8.0, 2.0), st.floats(49.0, 59.0)),
    st.tuples(lons, st.sampled_from([-90.0, -89.999, 0.0, 89.999, 90.0])),
)


@SETTINGS
@given(st.randoms(use_true_random=False), points, bboxes())
def test_distance_to_bbox_never_exceeds_the_distance_to_any_point_in_it(rnd, point, bbox):
    w, s, e, n = bbox
    lb = distance_to_bbox_m(*point, bbox)
    samples = [(w, s), (w, n), (e, s), (e, n)]
    samples += [(rnd.uniform(w, e), rnd.uniform(s, n)) for _ in range(20)]
    samples += [(rnd.choice((w, e)), rnd.uniform(s, n)) for _ in range(20)]
    samples += [(rnd.uniform(w, e), rnd.choice((s, n))) for _ in range(20)]
    for lon, lat in samples:
        assert lb <= haversine_m(*point, lon, lat)


@SETTINGS
@given(points, bboxes())
def test_distance_to_bbox_is_tight_against_a_dense_walk_of_its_edges(point, bbox):
    w, s, e, n = bbox
    steps = 200
    edge = []
    for i in range(steps + 1):
        t = i / steps
        edge += [(w, s + (n - s) * t), (e, s + (n - s) * t), (w + (e - w) * t, s), (w + (e - w) * t, n)]
    lon, lat = point
    inside = w <= lon <= e and s <= lat <= n
    lb = distance_to_bbox_m(lon, lat, bbox)
    if inside:
        assert lb == 0.0
        return
    # The true nearest point is on an edge, within one step of a walked point.
    step_m = EARTH_RADIUS_M * math.radians(max(e - w, n - s) / steps)
    walked = min(haversine_m(lon, lat, x, y) for x, y in edge)
    # Haversine's asin loses precision near the antipode (an error of 1e-16 in
    # its argument is about 0.1 m at 20,000 km): 1e-8 of the distance allows it.
    assert walked - step_m - 0.002 - 1e-8 * walked <= lb <= walked


@SETTINGS
@given(points, st.floats(0.0, 2_000_000.0), st.floats(0.0, 360.0), st.floats(0.0, 1.0))
def test_bbox_around_contains_the_whole_circle(point, radius, bearing, frac):
    lon, lat = point
    w, s, e, n = bbox_around(lon, lat, radius)
    assert -180.0 <= w <= e <= 180.0 and -90.0 <= s <= n <= 90.0
    d, th, p1 = radius * frac / EARTH_RADIUS_M, math.radians(bearing), math.radians(lat)
    p2 = math.asin(max(-1.0, min(1.0, math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(th))))
    dl = math.atan2(math.sin(th) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    qlon = (lon + math.degrees(dl) + 540.0) % 360.0 - 180.0
    qlat = math.degrees(p2)
    if haversine_m(lon, lat, qlon, qlat) <= radius:
        assert s <= qlat <= n
        assert w <= qlon <= e or (w, e) == (-180.0, 180.0)


def test_bbox_around_spans_all_longitudes_across_the_antimeridian_or_a_pole():
    assert bbox_around(179.99, 0.0, 5_000.0)[::2] == (-180.0, 180.0)
    assert bbox_around(0.0, 89.99, 5_000.0) == pytest.approx((-180.0, 89.99 - 0.045, 180.0, 90.0), abs=1e-3)
    w, s, e, n = bbox_around(-1.0819, 53.9623, 1_000.0)
    assert e - w == pytest.approx(2 * 1_000 / (111_195 * math.cos(math.radians(53.9623))), rel=1e-3)


def test_bbox_around_rejects_a_negative_radius():
    with pytest.raises(ValueError):
        bbox_around(0.0, 0.0, -1.0)


def test_distance_to_a_box_written_across_the_antimeridian_goes_the_short_way():
    assert distance_to_bbox_m(180.0, 0.0, (170.0, -1.0, -170.0, 1.0)) == 0.0
    assert distance_to_bbox_m(-169.0, 0.0, (170.0, -1.0, -170.0, 1.0)) == pytest.approx(111_195, rel=1e-3)
