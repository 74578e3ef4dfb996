"""Open reports near a point, nearest first: "is it one of these?" before a
resident reports a duplicate. Reads rings of geo-index cells outwards until
the answer is proven, never the whole radius at once."""
from ... import validation, visibility
from ...geo import cells, distance
from ...geo.geojson import feature_collection
from ...storage import metering
from . import views
from .limits import NEARBY_DEFAULT_M, NEARBY_MAX_M

NEARBY_LIMIT = 20
NEARBY_READ_CEILING = 1000
NEARBY_QUERY_CEILING = 60
NEARBY_MAX_RINGS = 12  # 12 rings of ~90 m cells cover the 500 m maximum radius


def nearby(deps, params):
    metering.expose()
    problems = validation.Problems()
    lat = validation.required_number(params, "lat", problems, -90, 90)
    lon = validation.required_number(params, "lon", problems, -180, 180)
    code = params.get("service_code")
    service = deps.services.get(code) if code else None  # an unknown category simply has no reports
    default = (service or {}).get("nearby_radius_m", NEARBY_DEFAULT_M)
    radius = validation.number(params.get("radius_m", default), "radius_m", problems, 1, NEARBY_MAX_M)
    problems.raise_if_any()

    w, s, e, n = deps.area.bbox
    if not (w <= lon <= e and s <= lat <= n):
        return feature_collection([], radius_m=radius, truncated=False)  # no reports out there
    services = deps.services.by_code()
    names = {c: sv.get("name") for c, sv in services.items()}

    def wanted(r):
        return visibility.report_is_public(r, services) and (not code or r.service_code == code)

    found, truncated = _nearest_open(deps.reports, lon, lat, radius, wanted)
    counts = deps.reports.supporter_counts([r.id for _, r in found])  # "me too"s, shown beside each
    features = []
    for d, r in found:
        f = views.map_feature(r, names)
        f["properties"]["distance_m"] = round(d, 1)
        f["properties"]["supporters"] = counts.get(r.id, 0)
        features.append(f)
    return feature_collection(features, radius_m=radius, truncated=truncated)


def _nearest_open(store, lon, lat, radius, wanted):
    """The NEARBY_LIMIT nearest open reports within `radius`, nearest first.

    Rings of cells around the point are read outwards until the last of them
    is proven nearer than anything unread (or the radius is covered), so a
    busy street costs about what it returns rather than the whole radius.
    """
    # Precision 7 (about 150 x 90 m here): one ring proves 90 m, so a
    # category's 20-100 m radius takes a handful of Queries; finer cells
    # would need a few rings of many small Queries.
    found, read, queries = [], 0, 0
    for _, ring, proven_m in cells.rings(lon, lat, 7, max_ring=NEARBY_MAX_RINGS):
        for partition, lo, hi in cells.cell_ranges(ring):
            start = None
            while True:
                got, start = store.map_range(f"{partition}#o", lo, hi, 100, start)
                read, queries = read + len(got), queries + 1
                for r in got:
                    d = distance.haversine_m(lon, lat, float(r.lon), float(r.lat))
                    if d <= radius and wanted(r):
                        found.append((d, r))
                if not start:
                    break
        found.sort(key=lambda pair: pair[0])
        enough = len(found) >= NEARBY_LIMIT and found[NEARBY_LIMIT - 1][0] <= proven_m
        if enough or proven_m >= radius:
            return found[:NEARBY_LIMIT], False
        if read >= NEARBY_READ_CEILING or queries >= NEARBY_QUERY_CEILING:
            return found[:NEARBY_LIMIT], True
    return found[:NEARBY_LIMIT], True  # rings ran out before the radius was covered
