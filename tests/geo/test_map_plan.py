"""The map's key ranges (geo/map_plan.py) against brute force: every point in
the view lies in a range, ranges stay few, and each range's distance bound
holds for every point of the view it can hold."""
from hypothesis import given, settings, strategies as st

from chalicelib.geo import cells, map_plan
from chalicelib.geo.distance import haversine_m

SETTINGS = settings(max_examples=120, deadline=None)


@st.composite
def views(draw):
    """Map views over England: a street to a city."""
    w, s = draw(st.floats(-5.0, 1.0)), draw(st.floats(50.5, 55.0))
    width, height = 10 ** draw(st.floats(-3.5, -0.8)), 10 ** draw(st.floats(-3.5, -0.9))
    return w, s, w + width, s + height


def _holding(ranges, geohash):
    return [r for r in ranges if r.partition == geohash[:5] and r.lo <= geohash <= r.hi + "~"]


@SETTINGS
@given(views(), st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=30),
       st.integers(1, 24))
def test_every_point_of_a_view_lies_in_one_of_its_ranges_nearest_first(view, spots, max_ranges):
    w, s, e, n = view
    ranges = map_plan.plan(w, s, e, n, max_ranges)
    partitions = len(cells.bbox_cells(w, s, e, n, cells.PARTITION_PRECISION))
    assert len(ranges) <= max(max_ranges, partitions)
    assert [r.near_m for r in ranges] == sorted(r.near_m for r in ranges)
    cx, cy = (w + e) / 2, (s + n) / 2
    for fx, fy in spots:
        lon, lat = w + fx * (e - w), s + fy * (n - s)
        holding = _holding(ranges, cells.encode(lon, lat))
        assert len(holding) == 1, (lon, lat)
        assert holding[0].near_m <= haversine_m(cx, cy, lon, lat)


def test_a_street_view_is_covered_by_fine_cells_not_the_street_and_its_neighbours():
    # ~300 m around York's centre: the coarse cover read 2.3x the view's area.
    w, s, e, n = -1.0823, 53.9587, -1.0777, 53.9613
    ranges = map_plan.plan(w, s, e, n, 12)
    precision = len(ranges[0].lo)
    cover = cells.cover_bbox(w, s, e, n, max_cells=map_plan.FINE_CELLS)
    area = sum((b[2] - b[0]) * (b[3] - b[1]) for b in map(cells.cell_bounds, cover))
    assert precision == 8 and len(ranges) <= 12
    assert area / ((e - w) * (n - s)) < 1.3
