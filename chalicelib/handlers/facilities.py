"""Facilities: the types on offer and "where's my nearest".

GET /v1/nearest reads rings of geohash cells outwards from the point, one
type's partition only, until the k-th nearest found is proven nearer than
anything unread (or max_distance_m is covered). Adaptive: it starts with
precision-6 cells (about 0.7 x 0.6 km in York), and where facilities are
sparse it moves to precision-5 cells (about 2.9 x 4.9 km), so a dense street
and an empty moor both cost about what they return.
"""
import re

from .. import validation
from . import places
from ..geo import cells, distance
from ..geo.geojson import feature_collection, point_feature
from ..storage import metering
from ..storage.facilities import OPTIONAL

TYPE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
K_DEFAULT = 5
K_MAX = 50
MAX_DISTANCE_M = 50_000
FINE, COARSE = 6, 5
FINE_MIN_RINGS = 1  # look at rings 0..1 of fine cells before judging density
FINE_MAX_CELLS = 7 * 7  # switch to coarse cells when fine ones would need more
COARSE_MAX_RINGS = 12  # about 35 km east-west at York's latitude
PAGE = 100
QUERY_CEILING = 150


def facility_types(deps):
    return {"facility_types": [{"type": t, "count": n} for t, n in deps.facilities.types()]}


def nearest(deps, params):
    metering.expose()
    problems = validation.Problems()
    lon, lat = places.point_from_query(deps, params, problems)
    type_ = params.get("type")
    if not type_:
        problems.add("type", "Is required.")
    elif not TYPE.match(type_):
        problems.add("type", "Must be a facility type such as library (see /v1/facility-types).")
    k = _integer(params.get("k", K_DEFAULT), "k", problems, 1, K_MAX)
    max_m = params.get("max_distance_m")
    if max_m is not None:
        max_m = validation.number(max_m, "max_distance_m", problems, 1, MAX_DISTANCE_M)
    problems.raise_if_any()

    # A type with no facilities would read every ring to the cap: one GetItem says so.
    if deps.facilities.type_count(type_) > 0:
        found, complete = search(deps.facilities, type_, lon, lat, k, max_m)
    else:
        found, complete = [], True
    features = []
    for d, f in found:
        props = {"type": f.type, "name": f.name, "distance_m": round(d, 1)}
        props.update({key: getattr(f, key) for key in OPTIONAL if getattr(f, key)})
        features.append(point_feature(f.id, float(f.lon), float(f.lat), props))
    extra = {"k": k, "truncated": not complete}
    if max_m is not None:
        extra["max_distance_m"] = max_m
    return feature_collection(features, **extra)


def search(store, type_, lon, lat, k, max_m=None):
    """([(distance, facility)] nearest first, at most k; complete?).

    complete is False only when the read ceiling or the ring cap stopped the
    search before the answer was proven.
    """
    limit = max_m if max_m is not None else float("inf")
    found = {}  # id -> (distance, facility); coarse rings may re-read fine ones
    queries = 0

    def read(ring):
        nonlocal queries
        for partition, lo, hi in cells.cell_ranges(ring):
            start = None
            while True:
                got, start = store.query_range(type_, partition, lo, hi, PAGE, start)
                queries += 1
                for f in got:
                    d = distance.haversine_m(lon, lat, float(f.lon), float(f.lat))
                    if d <= limit:
                        found[f.id] = (d, f)
                if not start:
                    break

    def best():
        return sorted(found.values(), key=lambda pair: (pair[0], pair[1].id))[:k]

    def proven(proven_m):
        top = best()
        return (len(top) >= k and top[-1][0] <= proven_m) or proven_m >= limit

    for r, ring, proven_m in cells.rings(lon, lat, FINE, max_ring=None):
        read(ring)
        if proven(proven_m):
            return best(), True
        if r >= FINE_MIN_RINGS:
            side = 2 * r + 1
            # Cells the fine search would need at this density for k results.
            needed = side * side * k / max(len(found), 0.5)
            if needed > FINE_MAX_CELLS or side * side >= FINE_MAX_CELLS:
                break
        if queries >= QUERY_CEILING:
            return best(), False
    for r, ring, proven_m in cells.rings(lon, lat, COARSE, max_ring=COARSE_MAX_RINGS):
        read(ring)
        if proven(proven_m):
            return best(), True
        if queries >= QUERY_CEILING:
            break
    return best(), False


def _integer(value, name, problems, low, high):
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,4}", text):
        problems.add(name, f"Must be a whole number from {low} to {high}.")
        return None
    n = int(text)
    if not low <= n <= high:
        problems.add(name, f"Must be a whole number from {low} to {high}.")
        return None
    return n
