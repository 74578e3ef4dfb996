"""The map and duplicate suggestions: reads through the geo index only.

A bbox is covered by geohash cells, consecutive cells are merged into sort-key
ranges, and each range of each open/closed partition is one Query. Reads are
capped: a city-wide view shares the cap between ranges so pins are spread
over the whole view, and says `truncated: true` so the client can ask the
resident to zoom in.
"""
from datetime import datetime, timezone

from .. import states, validation
from ..errors import ApiError
from ..geo import cells, distance
from ..geo.geojson import feature_collection
from . import views

MAX_COVER_CELLS = 96  # finest cover the query plan may use
MAX_PARTITIONS = 64  # bbox wider than this many ~4.9 km cells: zoom in
FILL_ROUNDS = 3
NEARBY_DEFAULT_M = 100
NEARBY_MAX_M = 500
NEARBY_LIMIT = 20


def map_reports(deps, params):
    problems = validation.Problems()
    w, s, e, n = _bbox(params.get("bbox"), problems)
    wanted = states.states_for_filter(params.get("status"))
    if wanted is None:
        problems.add("status", "Must be open, closed, all or a comma list of states.")
    codes = _codes(params.get("service_code"))
    since = _since(params.get("since"), problems)
    cap = deps.settings.map_feature_cap
    limit = validation.number(params.get("limit", cap), "limit", problems, 1, cap)
    problems.raise_if_any()

    if cells.cover_count(w, s, e, n, cells.PARTITION_PRECISION) > MAX_PARTITIONS:
        raise ApiError("That area is too large for one map query; zoom in.", code="bbox_too_large",
                       fields=[{"field": "bbox", "message": "Too large."}])
    cover = cells.cover_bbox(w, s, e, n, max_cells=MAX_COVER_CELLS)
    buckets = sorted({states.bucket(x) for x in wanted})
    plans = [(f"{p}#{b}", lo, hi) for p, lo, hi in cells.cell_ranges(cover) for b in buckets]
    items, truncated = _read_capped(deps.reports, plans, int(limit))

    services = {sv["service_code"]: sv for sv in deps.services.all()}
    names = {c: sv.get("name", c) for c, sv in services.items()}
    features = []
    for r in items:
        lon, lat = float(r.lon), float(r.lat)
        if not (w <= lon <= e and s <= lat <= n) or r.state not in wanted:
            continue
        if (codes and r.service_code not in codes) or (since and r.updated_at < since):
            continue
        if services.get(r.service_code, {}).get("private"):
            continue
        features.append(views.map_feature(r, names))
    return feature_collection(features, truncated=truncated, limit=int(limit))


def _read_capped(store, plans, budget):
    """Read at most `budget` pins, shared fairly between the query ranges."""
    pending = [(plan, None) for plan in plans]
    items = []
    for _ in range(FILL_ROUNDS):
        if not pending or budget <= 0:
            break
        share = max(1, budget // len(pending))
        still = []
        for (partition, lo, hi), start in pending:
            if budget <= 0:
                still.append(((partition, lo, hi), start))
                continue
            got, resume = store.map_range(partition, lo, hi, min(share, budget), start)
            items.extend(got)
            budget -= len(got)
            if resume:
                still.append(((partition, lo, hi), resume))
        pending = still
    return items, bool(pending)


def nearby(deps, params):
    problems = validation.Problems()
    lat = validation.number(params.get("lat"), "lat", problems, -90, 90)
    lon = validation.number(params.get("lon"), "lon", problems, -180, 180)
    if params.get("lat") is None:
        problems.add("lat", "Is required.")
    if params.get("lon") is None:
        problems.add("lon", "Is required.")
    code = params.get("service_code")
    service = deps.services.get(code) if code else None
    if code and service is None:
        problems.add("service_code", "Is not a known service.")
    default = (service or {}).get("nearby_radius_m", NEARBY_DEFAULT_M)
    radius = validation.number(params.get("radius_m", default), "radius_m", problems, 1, NEARBY_MAX_M)
    problems.raise_if_any()

    cover = cells.cover_circle(lon, lat, radius, max_cells=MAX_COVER_CELLS)
    plans = [(f"{p}#o", lo, hi) for p, lo, hi in cells.cell_ranges(cover)]
    found = []
    for partition, lo, hi in plans:
        start = None
        while True:
            got, start = deps.reports.map_range(partition, lo, hi, 200, start)
            found.extend(got)
            if not start:
                break
    names = {sv["service_code"]: sv.get("name") for sv in deps.services.all()}
    features = []
    for r in found:
        d = distance.haversine_m(lon, lat, float(r.lon), float(r.lat))
        if d <= radius and (not code or r.service_code == code):
            f = views.map_feature(r, names)
            f["properties"]["distance_m"] = round(d, 1)
            features.append(f)
    features.sort(key=lambda f: f["properties"]["distance_m"])
    return feature_collection(features[:NEARBY_LIMIT], radius_m=radius)


def _bbox(value, problems):
    parts = (value or "").split(",")
    if len(parts) != 4:
        problems.add("bbox", "Must be w,s,e,n (four numbers, longitude first).")
        return 0, 0, 0, 0
    w = validation.number(parts[0], "bbox", problems, -180, 180)
    s = validation.number(parts[1], "bbox", problems, -90, 90)
    e = validation.number(parts[2], "bbox", problems, -180, 180)
    n = validation.number(parts[3], "bbox", problems, -90, 90)
    if None in (w, s, e, n):
        return 0, 0, 0, 0
    if w > e or s > n:
        problems.add("bbox", "West must not exceed east, nor south north.")
    return w, s, e, n


def _codes(value):
    return {c.strip() for c in (value or "").split(",") if c.strip()}


def _since(value, problems):
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        problems.add("since", "Must be an ISO 8601 date or date-time.")
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
