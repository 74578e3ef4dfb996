"""Geohash cells for the geo index (partition = precision 5, sort key = precision 9).

pygeohash takes (lat, lon); everything here takes (lon, lat). Covers are built
on the uniform grid a geohash precision defines (rows of latitude, columns of
longitude) rather than by sampling points, so they are exact: encode() uses
`value >= midpoint` bisection, so a row holds latitudes [lo, hi) except the top
row, which also holds 90 (likewise columns and 180).
"""
import math

import pygeohash

from .distance import circle_bboxes, distance_to_bbox_m, lower_bound, rect_distance_m

PARTITION_PRECISION = 5
POINT_PRECISION = 9
_FINEST_COVER = 8
# A precision-5 cover of the whole world is 33.5 million cells; building that
# list would exhaust a Lambda's memory, so covers refuse beyond this size.
COVER_HARD_LIMIT = 250_000


def _check_point(lon: float, lat: float) -> None:
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise ValueError(f"coordinates out of range: lon={lon!r}, lat={lat!r}")


def _grid(precision: int) -> tuple:
    """(rows, cols, lat_step, lon_step); geohash bits alternate lon/lat, lon first."""
    rows = 1 << (5 * precision // 2)
    cols = 1 << ((5 * precision + 1) // 2)
    return rows, cols, 180.0 / rows, 360.0 / cols


def _index(value: float, origin: float, step: float, count: int) -> int:
    """The row/column encode() puts `value` in; grid lines are exact floats."""
    i = min(count - 1, max(0, int((value - origin) // step)))
    # The division can round across a grid line; settle it with exact compares.
    while i > 0 and origin + i * step > value:
        i -= 1
    while i < count - 1 and origin + (i + 1) * step <= value:
        i += 1
    return i


def _cell(row: int, col: int, precision: int) -> str:
    rows, cols, lat_step, lon_step = _grid(precision)
    return pygeohash.encode(-90.0 + (row + 0.5) * lat_step, -180.0 + (col + 0.5) * lon_step, precision)


def _row_col(cell: str) -> tuple:
    rows, cols, lat_step, lon_step = _grid(len(cell))
    lat, lon, _, _ = pygeohash.decode_exactly(cell)
    # The decoded centre sits half a step inside its cell, so floor is safe.
    return int((lat + 90.0) // lat_step), int((lon + 180.0) // lon_step)


def encode(lon: float, lat: float, precision: int = POINT_PRECISION) -> str:
    """Geohash of a point. Out-of-range input raises (pygeohash would clamp)."""
    _check_point(lon, lat)
    return pygeohash.encode(float(lat), float(lon), precision)


def cell_bounds(cell: str) -> tuple:
    """(w, s, e, n) of a geohash cell."""
    rows, cols, lat_step, lon_step = _grid(len(cell))
    row, col = _row_col(cell)
    return (-180.0 + col * lon_step, -90.0 + row * lat_step,
            -180.0 + (col + 1) * lon_step, -90.0 + (row + 1) * lat_step)


def _span(w: float, s: float, e: float, n: float, precision: int) -> tuple:
    rows, cols, lat_step, lon_step = _grid(precision)
    return (_index(s, -90.0, lat_step, rows), _index(n, -90.0, lat_step, rows),
            _index(w, -180.0, lon_step, cols), _index(e, -180.0, lon_step, cols))


def cover_count(w: float, s: float, e: float, n: float, precision: int) -> int:
    """How many cells cover_bbox would return at `precision`, without building them."""
    r0, r1, c0, c1 = _span(w, s, e, n, precision)
    return (r1 - r0 + 1) * (c1 - c0 + 1)


def bbox_cells(w: float, s: float, e: float, n: float, precision: int) -> list:
    """Sorted cells of exactly `precision` whose union holds the bbox (for
    indexes keyed on one fixed precision, unlike cover_bbox's adaptive one)."""
    _check_point(w, s)
    _check_point(e, n)
    if w > e or s > n:
        raise ValueError(f"inverted bbox: {(w, s, e, n)!r}")
    r0, r1, c0, c1 = _span(w, s, e, n, precision)
    return sorted(_cell(r, c, precision) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))


def cover_bbox(w: float, s: float, e: float, n: float, max_cells: int = 64) -> list:
    """Sorted cells of one precision (5..8) whose union holds the whole bbox.

    Picks the finest precision needing <= max_cells cells; if even precision
    5 needs more, returns the precision-5 cover anyway and the caller judges
    the size. Raises ValueError beyond COVER_HARD_LIMIT cells.
    """
    return _cover([(w, s, e, n)], max_cells)


def _cover(boxes: list, max_cells: int) -> list:
    for w, s, e, n in boxes:
        _check_point(w, s)
        _check_point(e, n)
        if w > e or s > n:
            raise ValueError(f"inverted bbox: {(w, s, e, n)!r} (no antimeridian wrapping)")
    count = lambda p: sum(cover_count(*box, p) for box in boxes)
    precision = PARTITION_PRECISION
    for p in range(_FINEST_COVER, PARTITION_PRECISION - 1, -1):
        if count(p) <= max_cells:
            precision = p
            break
    if count(precision) > COVER_HARD_LIMIT:
        raise ValueError(f"{boxes!r} needs {count(precision)} precision-5 cells")
    out = set()
    for box in boxes:
        r0, r1, c0, c1 = _span(*box, precision)
        out.update(_cell(r, c, precision) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
    return sorted(out)


def cover_circle(lon: float, lat: float, radius_m: float, max_cells: int = 64) -> list:
    """Like cover_bbox for the circle's bounding box (split in two where it
    crosses the antimeridian), minus cells provably farther than radius_m."""
    _check_point(lon, lat)
    found = _cover(circle_bboxes(lon, lat, radius_m), max_cells)
    return [c for c in found if distance_to_bbox_m(lon, lat, cell_bounds(c)) <= radius_m]


_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"
_VALUE = {ch: i for i, ch in enumerate(_BASE32)}


def _suffix_value(cell: str) -> int:
    value = 0
    for ch in cell[PARTITION_PRECISION:]:
        value = value * 32 + _VALUE[ch]
    return value


def cell_ranges(cells) -> list:
    """Merge same-precision cells into (partition, lo, hi) runs for range queries.

    A geohash g (len >= len(lo)) is in the union iff for some triple
    g[:5] == partition and lo <= g[:len(lo)] <= hi. The base32 alphabet is in
    ASCII order, so string order equals numeric order and a run of consecutive
    numbers is one contiguous key range.
    """
    cells = sorted({c.lower() for c in cells})
    if not cells:
        return []
    precision = len(cells[0])
    if precision < PARTITION_PRECISION or any(len(c) != precision for c in cells):
        raise ValueError("cell_ranges needs cells of one precision >= 5")
    if any(ch not in _VALUE for c in cells for ch in c):
        raise ValueError("not a geohash: bad character")
    ranges = []
    for cell in cells:
        if ranges:
            part, lo, hi = ranges[-1]
            if cell[:PARTITION_PRECISION] == part and _suffix_value(cell) == _suffix_value(hi) + 1:
                ranges[-1] = (part, lo, cell)
                continue
        ranges.append((cell[:PARTITION_PRECISION], cell, cell))
    return ranges


def _proven_m(lon, lat, rows_used, cols_used, precision) -> float:
    """Lower bound of the distance from the point to anywhere outside the
    rectangle of covered rows [a, b] x cyclic columns [c, d] (d may exceed cols)."""
    rows, cols, lat_step, lon_step = _grid(precision)
    (a, b), (c, d) = rows_used, cols_used
    s, n = -90.0 + a * lat_step, -90.0 + (b + 1) * lat_step
    bounds = []
    if a > 0:  # anywhere south of the band is at least this far
        bounds.append(rect_distance_m(lon, lat, -180.0, -90.0, 180.0, s))
    if b < rows - 1:
        bounds.append(rect_distance_m(lon, lat, -180.0, n, 180.0, 90.0))
    if d - c + 1 < cols:  # the rest of the band, beyond the covered columns
        w, e = -180.0 + c * lon_step, -180.0 + (d + 1) * lon_step
        bounds.append(rect_distance_m(lon, lat, e, s, w + 360.0, n))
    return lower_bound(min(bounds)) if bounds else math.inf


def rings(lon: float, lat: float, precision: int, max_ring=32):
    """Yield (r, cells, proven_m) for r = 0, 1, 2, ... for k-nearest search.

    Ring 0 is the cell holding the point; ring r the cells at Chebyshev grid
    distance exactly r (longitude wraps the antimeridian, latitude stops at
    the poles). proven_m bounds from below the distance to ANY location not
    in rings 0..r: once the k-th best distance found is <= proven_m the
    search is complete. Stops after the ring that covers the globe, or after
    ring max_ring (None: no cap; at precision 5+ that can mean millions of cells).
    """
    _check_point(lon, lat)
    if not 1 <= precision <= 12:
        raise ValueError(f"precision must be 1..12, got {precision!r}")
    rows, cols, lat_step, lon_step = _grid(precision)
    row0 = _index(lat, -90.0, lat_step, rows)
    col0 = _index(lon, -180.0, lon_step, cols)
    prev = None  # (row range, column range) already yielded
    r = 0
    while max_ring is None or r <= max_ring:
        rr = (max(0, row0 - r), min(rows - 1, row0 + r))
        # Columns are cyclic; once the ring is wider than the world it is all of it.
        cc = (col0 - r, col0 + r) if 2 * r + 1 < cols else (0, cols - 1)
        cols_now = range(cc[0], cc[1] + 1)
        new_cols = cols_now if prev is None else [c for c in cols_now if not _in_cyclic(c, prev[1], cols)]
        cells = set()
        for row in range(rr[0], rr[1] + 1):
            # Rows seen before only gain the new edge columns; new rows are whole.
            fresh = prev is None or not prev[0][0] <= row <= prev[0][1]
            for col in (cols_now if fresh else new_cols):
                cells.add(_cell(row, col % cols, precision))
        whole = rr == (0, rows - 1) and cc[1] - cc[0] + 1 >= cols
        yield r, sorted(cells), _proven_m(lon, lat, rr, cc, precision)
        if whole:
            return
        prev = (rr, cc)
        r += 1


def _in_cyclic(col: int, span: tuple, cols: int) -> bool:
    lo, hi = span
    return hi - lo + 1 >= cols or (col - lo) % cols <= hi - lo
