"""rings(): k-nearest ring expansion checked against brute force."""
from collections import defaultdict

from hypothesis import given, settings, strategies as st

from chalicelib.geo import cells
from chalicelib.geo.distance import haversine_m

SETTINGS = settings(max_examples=150, deadline=None)


def grid(p):
    rows, cols = 1 << (5 * p // 2), 1 << ((5 * p + 1) // 2)
    return rows, cols, 180.0 / rows, 360.0 / cols


def row_col(cell):
    rows, cols, dlat, dlon = grid(len(cell))
    w, s, _, _ = cells.cell_bounds(cell)
    return round((s + 90.0) / dlat), round((w + 180.0) / dlon)


def chebyshev(a, b):
    cols = grid(len(a))[1]
    (ra, ca), (rb, cb) = row_col(a), row_col(b)
    dc = abs(ca - cb)
    return max(abs(ra - rb), min(dc, cols - dc))  # longitude wraps


@st.composite
def scenarios(draw):
    """(point, candidates, precision): a local cluster or the whole world."""
    if draw(st.booleans()):
        lon, lat = draw(st.floats(-8.0, 2.0)), draw(st.floats(49.0, 59.0))
        near = st.tuples(st.floats(-0.05, 0.05), st.floats(-0.05, 0.05))
        offsets = draw(st.lists(near, min_size=1, max_size=25))
        pts = [(lon + dx, lat + dy) for dx, dy in offsets]
        precision = draw(st.integers(5, 6))
    else:
        lon, lat = draw(st.floats(-180.0, 180.0)), draw(st.floats(-90.0, 90.0))
        anywhere = st.tuples(st.floats(-180.0, 180.0), st.floats(-90.0, 90.0))
        pts = draw(st.lists(anywhere, min_size=1, max_size=25))
        precision = draw(st.integers(1, 3))
    if draw(st.booleans()):  # sit on a grid corner, where ring 0 proves nothing
        w, s, _, _ = cells.cell_bounds(cells.encode(lon, lat, precision))
        lon, lat = w, s
    return (lon, lat), pts, precision


def knn_by_rings(point, pts, k, precision):
    by_cell = defaultdict(list)
    for q in pts:
        by_cell[cells.encode(*q, precision)].append(haversine_m(*point, *q))
    found = []
    for _, ring, proven in cells.rings(*point, precision, max_ring=None):
        for cell in ring:
            found.extend(by_cell.get(cell, ()))
        found.sort()
        if len(found) >= k and found[k - 1] <= proven:
            break
    return found[:k]


@SETTINGS
@given(scenarios(), st.integers(1, 5))
def test_ring_search_finds_the_brute_force_k_nearest(scenario, k):
    point, pts, precision = scenario
    k = min(k, len(pts))  # else the search must sweep the whole globe
    brute = sorted(haversine_m(*point, *q) for q in pts)[:k]
    assert knn_by_rings(point, pts, k, precision) == brute


@SETTINGS
@given(scenarios())
def test_nothing_outside_the_rings_is_nearer_than_proven_m(scenario):
    point, pts, precision = scenario
    seen = set()
    for _, ring, proven in cells.rings(*point, precision, max_ring=6):
        seen.update(ring)
        for q in pts:
            if cells.encode(*q, precision) not in seen:
                assert haversine_m(*point, *q) >= proven


@SETTINGS
@given(st.floats(-180.0, 180.0), st.floats(-90.0, 90.0), st.integers(1, 2))
def test_rings_tile_the_globe_once_each_at_their_grid_distance(lon, lat, precision):
    home = cells.encode(lon, lat, precision)
    seen, last_proven = [], -1.0
    for r, ring, proven in cells.rings(lon, lat, precision, max_ring=None):
        assert ring and ring == sorted(set(ring))
        assert all(chebyshev(home, c) == r for c in ring)
        assert proven >= last_proven
        seen.extend(ring)
        last_proven = proven
    assert r == 0 or ring  # ended on the ring that completed the globe
    assert proven == float("inf")
    assert len(seen) == len(set(seen)) == 32 ** precision


def test_ring_zero_is_the_cell_holding_the_point():
    r, ring, proven = next(cells.rings(-1.0819, 53.9623, 7))
    assert (r, ring) == (0, [cells.encode(-1.0819, 53.9623, 7)])
    assert 0 < proven < 153  # a precision-7 cell is ~153 m across


def test_rings_stop_at_max_ring():
    assert [r for r, _, _ in cells.rings(-1.0819, 53.9623, 6, max_ring=3)] == [0, 1, 2, 3]


def test_rings_at_the_poles_and_antimeridian_do_not_crash():
    for lon, lat in [(180.0, 90.0), (-180.0, -90.0), (179.9999, 0.0), (-180.0, 89.9999)]:
        out = list(cells.rings(lon, lat, 5, max_ring=3))
        assert [r for r, _, _ in out] == [0, 1, 2, 3]
        assert all(len(c) == 5 for _, ring, _ in out for c in ring)


def test_ring_one_across_the_antimeridian_wraps_to_the_other_side():
    _, ring, _ = list(cells.rings(179.99, 10.0, 5, max_ring=1))[1]
    assert cells.encode(-179.99, 10.0, 5) in ring
