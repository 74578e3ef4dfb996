"""A council's area: the GeoJSON its settings hold, made an Area once per
process per settings version (a surveyed boundary has thousands of vertices:
parsing it for every request would cost more than the request). A council
with no area stored yet (the deployment's default council before its
settings are added) keeps the file the deployment names
(DOORSTEP_SERVICE_AREA), as Doorstep did before councils were data."""
import threading

_lock = threading.Lock()
_parsed = {}  # council id -> (settings version, Area): one version kept a council
_files = {}  # path -> Area


def area_of(council, fallback_file):
    """The Area of `council` (councils.council.Council) as its settings say."""
    geometry = (council.document or {}).get("area")
    if not geometry:
        return from_file(fallback_file)
    with _lock:
        kept = _parsed.get(council.id)
        if kept is not None and kept[0] == council.version:
            return kept[1]
    from ..geo.polygon import Area
    area = Area(geometry, council.name, council.document.get("postcode_districts"))
    with _lock:
        _parsed[council.id] = (council.version, area)
    return area


def from_file(path):
    """A boundary file's Area, loaded once per process per file."""
    if path not in _files:
        from ..geo.polygon import load_area
        _files[path] = load_area(path)
    return _files[path]
