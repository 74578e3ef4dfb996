"""cover_bbox, cover_circle, cell_ranges against brute force."""
import math

import pygeohash
import pytest
from hypothesis import assume, given, settings, strategies as st

from chalicelib.geo import cells
from chalicelib.geo.distance import EARTH_RADIUS_M, bbox_around, haversine_m

SETTINGS = settings(max_examples=150, deadline=None)
BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"
unit = st.floats(0.0, 1.0)


@st.composite
def bboxes(draw):
    """UK-sized boxes, worldwide boxes, boxes on the globe's edges, points."""
    kind = draw(st.sampled_from(["uk", "world", "edge", "point"]))
    if kind == "uk":
        w, s = draw(st.floats(-8.0, 2.0)), draw(st.floats(49.0, 59.0))
    else:
        w, s = draw(st.floats(-180.0, 180.0)), draw(st.floats(-90.0, 90.0))
    width = 0.0 if kind == "point" else 10 ** draw(st.floats(-7.0, 0.3))
    height = 0.0 if kind == "point" else 10 ** draw(st.floats(-7.0, 0.3))
    e, n = min(180.0, w + width), min(90.0, s + height)
    if kind == "edge":
        side = draw(st.sampled_from(["w", "s", "e", "n"]))
        if side == "w":
            w, e = -180.0, -180.0 + width
        elif side == "e":
            w, e = 180.0 - width, 180.0
        elif side == "s":
            s, n = -90.0, -90.0 + height
        else:
            s, n = 90.0 - height, 90.0
    return (w, s, e, n)


def points_in(draw, bbox, count=8):
    w, s, e, n = bbox
    pts = [(w, s), (w, n), (e, s), (e, n)]
    for _ in range(count):
        pts.append((w + (e - w) * draw(unit), s + (n - s) * draw(unit)))
    return [(min(e, lon), min(n, lat)) for lon, lat in pts]


@SETTINGS
@given(st.data(), bboxes(), st.integers(1, 200))
def test_every_point_in_bbox_falls_in_a_covering_cell(data, bbox, max_cells):
    cover = cells.cover_bbox(*bbox, max_cells=max_cells)
    p = len(cover[0])
    for lon, lat in points_in(data.draw, bbox):
        assert cells.encode(lon, lat, p) in cover


@SETTINGS
@given(bboxes(), st.integers(1, 200))
def test_cover_uses_the_finest_precision_within_max_cells(bbox, max_cells):
    cover = cells.cover_bbox(*bbox, max_cells=max_cells)
    p = len(cover[0])
    assert cover == sorted(set(cover))
    assert all(len(c) == p for c in cover) and 5 <= p <= 8
    assert len(cover) == cells.cover_count(*bbox, p)
    assert len(cover) <= max_cells or p == 5
    if p < 8:
        assert cells.cover_count(*bbox, p + 1) > max_cells


@SETTINGS
@given(bboxes())
def test_cover_holds_no_cell_that_misses_the_bbox(bbox):
    w, s, e, n = bbox
    cover = cells.cover_bbox(*bbox)
    # pygeohash counts touching cells too, so ours must be a subset of it.
    loose = pygeohash.geohashes_in_box(pygeohash.BoundingBox(s, w, n, e), len(cover[0]))
    assert set(cover) <= set(loose)


def test_cover_of_a_cell_is_that_cell_unless_its_closed_ne_edges_count():
    w, s, e, n = cells.cell_bounds("gcx4zrs1")
    # Cells are half-open: a box reaching the north/east edge reaches the next cells.
    assert cells.cover_bbox(w, s, e - 1e-9, n - 1e-9) == ["gcx4zrs1"]
    assert cells.cover_bbox(w, s, e, n) == sorted(
        {"gcx4zrs1", cells.encode(e, s, 8), cells.encode(w, n, 8), cells.encode(e, n, 8)})


def test_cover_of_the_whole_world_is_refused_rather_than_built():
    with pytest.raises(ValueError):
        cells.cover_bbox(-180.0, -90.0, 180.0, 90.0)
    assert cells.cover_count(-180.0, -90.0, 180.0, 90.0, 5) == 32 ** 5


def test_inverted_or_out_of_range_bbox_is_rejected():
    with pytest.raises(ValueError):
        cells.cover_bbox(1.0, 50.0, 0.0, 51.0)
    with pytest.raises(ValueError):
        cells.cover_bbox(0.0, 50.0, 181.0, 51.0)


@SETTINGS
@given(st.floats(-180, 180), st.floats(-90, 90), st.integers(1, 12))
def test_encode_matches_pygeohash_and_lands_in_its_cell_bounds(lon, lat, p):
    cell = cells.encode(lon, lat, p)
    assert cell == pygeohash.encode(lat, lon, p)
    w, s, e, n = cells.cell_bounds(cell)
    assert w <= lon <= e and s <= lat <= n


def destination(lon, lat, bearing_deg, dist_m):
    """Spherical destination point, normalised to [-180, 180]."""
    d, th = dist_m / EARTH_RADIUS_M, math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(min(1.0, max(-1.0, math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(th))))
    l2 = l1 + math.atan2(math.sin(th) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    lon2 = (math.degrees(l2) + 540.0) % 360.0 - 180.0
    return max(-180.0, min(180.0, lon2)), max(-90.0, min(90.0, math.degrees(p2)))


centres = st.one_of(
    st.tuples(st.floats(-8.0, 2.0), st.floats(49.0, 59.0)),
    st.tuples(st.floats(-180.0, 180.0), st.floats(-85.0, 85.0)),
    st.tuples(st.sampled_from([-180.0, -179.9999, 179.9999, 180.0]), st.floats(-85.0, 85.0)),
)


@SETTINGS
@given(st.data(), centres, st.floats(1.0, 30_000.0), st.integers(4, 120))
def test_cover_circle_never_drops_a_cell_holding_a_point_within_radius(data, centre, radius, max_cells):
    lon, lat = centre
    cover = cells.cover_circle(lon, lat, radius, max_cells=max_cells)
    p = len(cover[0])
    for _ in range(12):
        bearing = data.draw(st.floats(0.0, 360.0))
        # Half the samples sit on the rim, where a wrong drop would show.
        dist = radius * (1 - 1e-9) * (1.0 if data.draw(st.booleans()) else data.draw(unit))
        qlon, qlat = destination(lon, lat, bearing, dist)
        assume(haversine_m(lon, lat, qlon, qlat) <= radius)
        w, s, e, n = bbox_around(lon, lat, radius)
        assert w <= qlon <= e and s <= qlat <= n
        assert cells.encode(qlon, qlat, p) in cover


def test_cover_circle_splits_at_the_antimeridian_instead_of_spanning_the_world():
    cover = cells.cover_circle(179.999, -17.8, 2000.0)
    assert len(cover) <= 64 and len(cover[0]) >= 6
    sides = {cells.cell_bounds(c)[0] > 0 for c in cover}
    assert sides == {True, False}
    assert cells.encode(-179.995, -17.8, len(cover[0])) in cover


def test_cover_circle_at_a_pole_covers_every_longitude_near_it():
    cover = cells.cover_circle(0.0, 89.9995, 200.0, max_cells=64)
    p = len(cover[0])
    for lon in range(-180, 181, 15):
        assert cells.encode(float(lon), 89.9999, p) in cover


def test_cover_circle_drops_the_corners_of_its_bbox():
    cover = cells.cover_circle(-1.0819, 53.9623, 2000.0, max_cells=200)
    square = cells.cover_bbox(*bbox_around(-1.0819, 53.9623, 2000.0), max_cells=200)
    assert set(cover) < set(square)


@st.composite
def cell_sets(draw):
    """Cells of one precision clustered so that runs and partition edges occur."""
    p = draw(st.integers(5, 7))
    lon, lat = draw(st.floats(-179.0, 179.0)), draw(st.floats(-89.0, 89.0))
    w, s, e, n = cells.cell_bounds(cells.encode(lon, lat, p - 1))
    # The parent cell plus a margin, so neighbouring partitions join in.
    cw, cs, ce, cn = w - (e - w) / 8, s - (n - s) / 8, e + (e - w) / 8, n + (n - s) / 8
    pool = [cells.encode(min(180.0, max(-180.0, cw + (ce - cw) * i / 9)),
                         min(90.0, max(-90.0, cs + (cn - cs) * j / 9)), p)
            for i in range(10) for j in range(10)]
    pool += [cells.encode(lon, lat, p - 1) + ch for ch in BASE32]
    chosen = draw(st.lists(st.sampled_from(sorted(set(pool))), min_size=1, max_size=40))
    return p, set(chosen), sorted(set(pool))


def value(cell):
    v = 0
    for ch in cell:
        v = v * 32 + BASE32.index(ch)
    return v


def in_ranges(g, ranges):
    return any(g[:5] == part and lo <= g[:len(lo)] <= hi for part, lo, hi in ranges)


@SETTINGS
@given(st.randoms(use_true_random=False), cell_sets())
def test_cell_ranges_select_exactly_the_input_cells(rnd, cell_set):
    p, chosen, pool = cell_set
    ranges = cells.cell_ranges(chosen)
    # Stored geohashes are longer than the cells: give each a random tail.
    for cell in pool:
        tail = "".join(rnd.choice(BASE32) for _ in range(rnd.randint(0, 9 - p)))
        assert in_ranges(cell + tail, ranges) == (cell in chosen)
    for _ in range(20):  # random geohashes anywhere, of any precision >= p
        g = "".join(rnd.choice(BASE32) for _ in range(rnd.randint(p, 9)))
        assert in_ranges(g, ranges) == (g[:p] in chosen)


@SETTINGS
@given(cell_sets())
def test_cell_ranges_are_maximal_runs_inside_one_partition(cell_set):
    p, chosen, _ = cell_set
    ranges = cells.cell_ranges(chosen)
    assert ranges == sorted(ranges)
    for part, lo, hi in ranges:
        assert lo[:5] == hi[:5] == part and len(lo) == len(hi) == p and lo <= hi
    for (pa, _, hi), (pb, lo, _) in zip(ranges, ranges[1:]):
        assert pa != pb or value(lo) > value(hi) + 1  # else they should have merged
    covered = sum(value(hi) - value(lo) + 1 for _, lo, hi in ranges)
    assert covered == len(chosen)


def test_cell_ranges_reject_mixed_or_coarse_precision():
    assert cells.cell_ranges([]) == []
    with pytest.raises(ValueError):
        cells.cell_ranges(["gcx4z", "gcx4zr"])
    with pytest.raises(ValueError):
        cells.cell_ranges(["gcx4"])


def test_cell_ranges_never_merge_across_partitions():
    assert cells.cell_ranges(["gcx4zzz", "gcx5000"]) == [
        ("gcx4z", "gcx4zzz", "gcx4zzz"), ("gcx50", "gcx5000", "gcx5000")]
    assert cells.cell_ranges(["gcx4z01", "gcx4z00", "gcx5p02"]) == [
        ("gcx4z", "gcx4z00", "gcx4z01"), ("gcx5p", "gcx5p02", "gcx5p02")]
    # Runs carry across a character: ...9z is followed by ...b0.
    assert cells.cell_ranges(["gcx4z9z", "gcx4zb0"]) == [("gcx4z", "gcx4z9z", "gcx4zb0")]
