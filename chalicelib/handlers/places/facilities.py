"""Facilities: the types on offer and "where's my nearest".

GET /v1/nearest is a best-first search over geohash nodes (`geo/nodes.py`):
rectangles of 25 to 45 geohash bits, each one contiguous sort-key range of
one partition of the `nearby` index, so one Query reads a node.

1. One GetItem reads the type's item: its count per precision-5 cell. Empty
   cells are never queried; each other cell goes on a heap, keyed by the
   least distance from the point to it, with a density (facilities per unit
   of key space) from its count.
2. Pop the nearest node. If the node is expected to hold more than
   max(2, k/4) facilities, split it in two (one more bit, no read) and push
   the halves. Otherwise Query it with Limit max(8, 2 x split size). A page
   that comes back full (a resume key) measured the local density: the node
   goes back on the heap with the resume key and that density, so its unread
   rest is split or read later; nothing is ever read twice. A cell's average
   overstates its empty parts, so it is capped by what the reads so far (the
   nearest ones) found: (items + 1) / key span read.
   Once k facilities are found, a node that reaches beyond the k-th distance
   (its farthest corner) and is expected to hold more than REFINE_MIN is
   split too: the circle's edge is read in small nodes, and halves wholly
   beyond it are never read (k=20: 85 items at worst before, 46 after).
3. Stop when the heap's nearest node is at least as far as the k-th nearest
   found, or beyond max_distance_m, or the heap is empty.

Proof: every facility not yet read lies in a node on the heap, and each
node's key is a lower bound of the distance to any point in it; so once the
k-th best distance d_k <= the smallest key, nothing unread can be nearer than
d_k. Ties are broken by id; the bound gives away a millimetre (see below),
so an unread facility at exactly d_k cannot hide behind a node keyed d_k.
Cost: the nodes read are those nearer than d_k, each sized to hold about
k/4, plus the pages that measured density, so dense centre and empty moor
both read a few times k items, whatever the table size (docs/benchmarks.md).
Cell counts are kept by `FacilityStore.put_many` (written before the rows,
so a count is never too low). A type stored before counts existed falls back
to rings of precision-5 cells, capped at COARSE_MAX_RINGS.

Distances: haversine on a sphere of the IUGG mean radius, 6,371,008.8 m
(`geo/distance.py`), within about 0.5% of the WGS84 ellipsoid. The node
bounds (`distance_to_bbox_m`) use the same sphere, exact to float rounding,
less 1 mm + 1e-9 relative, so they never exceed the haversine distance they
bound. Answers carry distance_m rounded to 0.1 m; order uses the unrounded
value, then the id.
"""
import heapq
import itertools
import math
import re

from ... import validation
from . import postcodes as places
from .limits import FACILITY_TYPE_PATTERN, NEAREST_K_DEFAULT as K_DEFAULT, NEAREST_K_MAX as K_MAX
from .limits import NEAREST_MAX_DISTANCE_M as MAX_DISTANCE_M
from ...geo import cells, distance, nodes
from ...geo.geojson import feature_collection, point_feature
from ...storage import metering
from ...storage.places.facilities import OPTIONAL
from .wording import NOT_A_FACILITY_TYPE, REQUIRED, WHOLE_NUMBER_RANGE

TYPE = re.compile(FACILITY_TYPE_PATTERN)
SPLIT_MIN = 2  # split a node expected to hold more than max(2, k / 4) facilities
SPLIT_PER_K = 0.25  # 0.5 read 137 items for k=20 in a dense centre (10k clustered); 0.25 reads 86
PAGE_MIN, PAGE_PER_SPLIT = 6, 2  # DynamoDB Limit per Query: twice the split size (k=5: 8 read 33 items at worst, 6 read 28; 4 read 26 but a full page of 4 overstates density: 25 queries)
PAGE = 100
COARSE_MAX_RINGS = 12  # fallback without cell counts: about 35 km east-west at York
QUERY_CEILING = 150
# Once k are found, a node reaching beyond the k-th distance is split while it
# is expected to hold more than this: its halves wholly beyond are never read.
# Worst of the bench's 24 searches at k=20: 85 items without, 46 with.
REFINE_MIN, REFINE_K = 0.5, 10  # max(0.5, 10 / k): a small k spends fewer queries on a small edge


def facility_types(deps):
    return {"facility_types": [{"type": t, "count": n} for t, n in deps.facilities.types()]}


def nearest(deps, params):
    metering.expose()
    problems = validation.Problems()
    lon, lat = places.point_from_query(deps, params, problems)
    type_ = params.get("type")
    if not type_:
        problems.add("type", REQUIRED)
    elif not TYPE.match(type_):
        problems.add("type", NOT_A_FACILITY_TYPE)
    k = _integer(params.get("k", K_DEFAULT), "k", problems, 1, K_MAX)
    max_m = params.get("max_distance_m")
    if max_m is not None:
        max_m = validation.number(max_m, "max_distance_m", problems, 1, MAX_DISTANCE_M)
    problems.raise_if_any()

    found, complete = search(deps.facilities, type_, lon, lat, k, max_m)
    features = []
    for d, f in found:
        props = {"type": f.type, "name": f.name, "distance_m": round(d, 1)}
        props.update({key: getattr(f, key) for key in OPTIONAL if getattr(f, key)})
        features.append(point_feature(f.id, float(f.lon), float(f.lat), props))
    extra = {"k": k, "truncated": not complete}
    if max_m is not None:
        extra["max_distance_m"] = max_m
    return feature_collection(features, **extra)


def search(store, type_, lon, lat, k, max_m=None, split_per_k=SPLIT_PER_K):
    """([(distance, facility)] nearest first, at most k; complete?).

    complete is False only when the query ceiling (or, for a type stored
    before cell counts, the ring cap) stopped the search before the answer
    was proven.
    """
    limit = max_m if max_m is not None else math.inf
    total, by_cell = store.type_cells(type_)
    if not total:
        return [], True
    found = {}  # id -> (distance, facility)
    best = lambda: sorted(found.values(), key=lambda pair: (pair[0], pair[1].id))[:k]
    split_at = max(SPLIT_MIN, k * split_per_k)
    page = min(PAGE, max(PAGE_MIN, int(PAGE_PER_SPLIT * split_at)))
    refine_at = max(REFINE_MIN, REFINE_K / k)
    heap, seq = [], itertools.count()

    def push(node, start=None, density=None, measured=False):
        heapq.heappush(heap, (nodes.min_distance_m(lon, lat, node), next(seq), node, start, (density, measured)))

    if by_cell is None:  # counts predate this type's item: expand rings of partitions
        rings = cells.rings(lon, lat, cells.PARTITION_PRECISION, max_ring=None)
        heapq.heappush(heap, (0.0, next(seq), rings, None, (None, False)))
    else:
        for cell, count in by_cell.items():
            push(nodes.from_cell(cell), density=count / (1 << (nodes.BITS - nodes.PARTITION_BITS)))
    queries = read_items = read_span = 0
    while heap:
        near, _, node, start, (density, measured) = heapq.heappop(heap)
        top = best()
        if near > limit or (len(top) >= k and top[-1][0] <= near):
            return top, True  # every unread facility is at least `near` away
        if not isinstance(node, nodes.Node):  # the rest of the world beyond the rings so far
            step = next(node, None)
            if step is None or step[0] > COARSE_MAX_RINGS:
                return top, step is None
            for cell in step[1]:
                push(nodes.from_cell(cell))
            heapq.heappush(heap, (step[2], next(seq), node, None, (None, False)))
            continue
        from_pos = nodes.position(start[0]) if start else node.first
        if density is not None and not measured and read_span:
            # A cell's average overstates its empty parts: what the reads so far
            # (the nearest ones) found caps it; a full page will correct it upwards.
            density = min(density, (read_items + 1) / read_span)
        expected = density * (node.end - from_pos) if density is not None else None
        if expected is not None and node.bits < nodes.BITS and (
                expected > split_at or (len(top) >= k and _beyond(expected, near, lon, lat, node, top[-1][0]) > refine_at)):
            # Too dense for one read, or (once k are found) straddling the k-th
            # distance: halve it, and the halves wholly beyond are never read.
            for child in nodes.children(node):
                if child.end > from_pos:  # a half wholly before the resume point is read
                    push(child, start if child.first <= from_pos else None, density, measured)
            continue
        if queries >= QUERY_CEILING:
            return top, False
        partition, lo, hi = nodes.key_range(node)
        got, resume = store.query_range(type_, partition, lo, hi, page, start and start[1])
        queries += 1
        for f in got:
            d = distance.haversine_m(lon, lat, float(f.lon), float(f.lat))
            if d <= limit:
                found[f.id] = (d, f)
        read_items += len(got)
        if resume:  # a dense node: what was read tells how dense, the rest waits its turn
            last = got[-1].geohash if got else (start[0] if start else lo)  # empty: a 1 MB page
            read_span += max(nodes.position(last) - from_pos + 1, 1)
            push(node, (last, resume), max(len(got), 1) / max(nodes.position(last) - from_pos + 1, 1), True)
        else:
            read_span += node.end - from_pos
    return best(), True


def _beyond(expected, near, lon, lat, node, kth):
    """About how many of a node's expected facilities lie beyond the k-th
    distance: its share of the distances from its nearest to its farthest
    point (a guide for splitting only)."""
    far = nodes.max_distance_m(lon, lat, node)
    return expected * (far - kth) / (far - near) if far > kth else 0.0


def _integer(value, name, problems, low, high):
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,4}", text):
        problems.add(name, WHOLE_NUMBER_RANGE.format(low=low, high=high))
        return None
    n = int(text)
    if not low <= n <= high:
        problems.add(name, WHOLE_NUMBER_RANGE.format(low=low, high=high))
        return None
    return n
