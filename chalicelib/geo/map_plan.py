"""Which sort-key ranges a map view reads, and in what order (pure geometry).

A coarse cover reads whole cells that straddle the view's edges: a street
view of the city centre read 1,000 items, 543 of them outside the view. So
the view is covered with the finest cells that stay few enough to build
(FINE_CELLS), consecutive cells become key ranges, and where that makes more
ranges than the request may query, the ranges separated by the smallest gaps
(the least ground outside the view) are joined. Each range knows how near
its cells come to the view's centre, so a reader can go nearest first and
stop once the pins it keeps are proven the nearest.
"""
from dataclasses import dataclass

from . import cells
from .distance import distance_to_bbox_m

FINE_CELLS = 512  # the most cells a cover is built from (about 1 ms of geohash work)
_P9 = cells.POINT_PRECISION


@dataclass(frozen=True)
class KeyRange:
    partition: str  # the precision-5 cell
    lo: str  # first cell (a prefix of the sort key)
    hi: str  # last cell: keys up to hi + "~"
    near_m: float  # a lower bound of the distance from the centre to any point of its cells
    cells: tuple = ()  # the cells of the view it holds (not the gaps joined across), in key order


def plan(w, s, e, n, max_ranges):
    """The view's key ranges (at most `max_ranges`, unless the view spans more
    precision-5 partitions than that: a range never crosses a partition),
    nearest the view's centre first."""
    cx, cy = (w + e) / 2, (s + n) / 2
    cover = cells.cover_bbox(w, s, e, n, max_cells=FINE_CELLS)
    runs = []  # [partition, lo, hi, near_m, cells]
    for cell in cover:
        near = distance_to_bbox_m(cx, cy, cells.cell_bounds(cell))
        last = runs[-1] if runs else None
        if last and cell[:cells.PARTITION_PRECISION] == last[0] and _start(cell) == _end(last[2]) + 1:
            last[2], last[3] = cell, min(last[3], near)
            last[4] += (cell,)
        else:
            runs.append([cell[:cells.PARTITION_PRECISION], cell, cell, near, (cell,)])
    runs = _join_smallest_gaps(runs, max_ranges)
    return sorted((KeyRange(*r) for r in runs), key=lambda r: (r.near_m, r.partition, r.lo))


def _join_smallest_gaps(runs, max_ranges):
    """Join neighbouring runs of one partition across the smallest gaps until
    at most max_ranges are left (or no two left share a partition). A gap's
    keys lie outside the cover, so joining reads ground outside the view:
    the smallest gaps cost least. Joining two runs leaves the other gaps as
    they were, so the smallest gaps can be chosen at once."""
    excess = len(runs) - max_ranges
    if excess <= 0:
        return runs
    gaps = sorted((_start(runs[i + 1][1]) - _end(runs[i][2]), i) for i in range(len(runs) - 1)
                  if runs[i][0] == runs[i + 1][0])
    joined = {i for _, i in gaps[:excess]}
    out = []
    for i, run in enumerate(runs):
        if i - 1 in joined:
            out[-1][2], out[-1][3] = run[2], min(out[-1][3], run[3])
            out[-1][4] += run[4]
        else:
            out.append(list(run))
    return out


def rest_after(key_range, geohash, bbox):
    """The part of `key_range` not yet read when a page stopped at the point
    `geohash` (precision 9), in finer pieces where it can be: the cell holding
    the point is split into its 32 children (those in the view), the cells
    after it stay whole. Returns [(range, resumes)] where `resumes` marks the
    piece that holds the point (read it on from the page's resume key)."""
    w, s, e, n = bbox
    cx, cy = (w + e) / 2, (s + n) / 2
    pieces = []
    for cell in key_range.cells:
        if _end(cell) < _start(geohash):
            continue  # wholly read
        holds = geohash.startswith(cell)
        parts = [cell]
        if holds and len(cell) < _P9:
            parts = [child for child in (cell + ch for ch in cells._BASE32)
                     if _end(child) >= _start(geohash) and _meets(cells.cell_bounds(child), bbox)]
        for part in parts:
            near = distance_to_bbox_m(cx, cy, cells.cell_bounds(part))
            pieces.append((KeyRange(key_range.partition, part, part, near, (part,)), geohash.startswith(part)))
    return pieces


def _meets(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _value(cell):
    """The cell's suffix (after the partition) as a number at precision 9."""
    value = 0
    for ch in cell[cells.PARTITION_PRECISION:]:
        value = value * 32 + cells._VALUE[ch]
    return value * 32 ** (_P9 - len(cell))


def _start(cell):
    return _value(cell)


def _end(cell):
    return _value(cell) + 32 ** (_P9 - len(cell)) - 1
