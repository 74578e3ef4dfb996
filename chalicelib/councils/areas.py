"""A council's area: the GeoJSON its settings hold, made an Area once per
process per settings version (a surveyed boundary has thousands of vertices:
parsing it for every request would cost more than the request). A council
with no area stored yet (the deployment's default council before its
settings are added) keeps the file the deployment names
(DOORSTEP_SERVICE_AREA), as Doorstep did before councils were data."""
import threading

_lock = threading.Lock()
_parsed = {}  # council id -> (settings version, its geometry, Area): one version kept a council
_files = {}  # path -> Area


def area_of(council, fallback_file):
    """The Area of `council` (councils.council.Council) as its settings say."""
    geometry = (council.document or {}).get("area")
    if not geometry:
        return from_file(fallback_file)
    with _lock:
        kept = _parsed.get(council.id)
    # The version alone is not enough: a council removed and added again starts its versions again.
    # The same document object (the registry's, kept between refreshes) is the usual case and costs
    # nothing to compare; a refreshed one is compared by value, still far cheaper than parsing it.
    if kept is not None and kept[0] == council.version and (kept[1] is geometry or kept[1] == geometry):
        return kept[2]
    from ..geo.polygon import Area
    area = Area(geometry, council.name, council.document.get("postcode_districts"))
    with _lock:
        _parsed[council.id] = (council.version, geometry, area)
    return area


def from_file(path):
    """A boundary file's Area, loaded once per process per file."""
    if path not in _files:
        from ..geo.polygon import load_area
        _files[path] = load_area(path)
    return _files[path]


def holding(lon, lat, store=None):
    """The ids of the councils of the deployment whose area holds the point, the
    most local first (the smallest box: a district before its county). The
    extents are kept in the process (registry.extents: one Query of small rows),
    and only the councils whose box holds the point have their area tested, from
    the settings the process keeps: a warm function reads nothing."""
    from ..geo.polygon import BOUNDARY_TOLERANCE_DEG as tol
    found = []
    for council_id, (w, s, e, n) in _extents(store):
        if w - tol <= lon <= e + tol and s - tol <= lat <= n + tol:
            area = _stored_area(council_id, store)
            if area is not None and area.contains(lon, lat):
                found.append(((e - w) * (n - s), council_id))
    return [council_id for _, council_id in sorted(found)]


def meeting(w, s, e, n, store=None):
    """The ids of the councils whose area meets the box (w, s, e, n), by id."""
    from ..geo.overlap import polygons_meet
    box = {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}
    found = []
    for council_id, (bw, bs, be, bn) in _extents(store):
        if bw <= e and w <= be and bs <= n and s <= bn:
            area = _stored_area(council_id, store)
            if area is not None and polygons_meet(area.geometry, box):
                found.append(council_id)
    return sorted(found)


def _extents(store):
    from . import registry
    return registry.extents(store).items()


def _stored_area(council_id, store):
    from .council import council
    found = council(council_id, store)
    return area_of(found, None) if (found.document or {}).get("area") else None
