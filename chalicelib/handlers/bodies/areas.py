"""A body's area as an administrator gives it, made into one stored shape:
"council" (this council's whole boundary), "polygons" (GeoJSON drawn or
imported), "wards" (some of the council's wards) or "line" (a road's centre
line and how far from it counts, as National Highways' 15 m)."""
from ...geo import polygon
from .limits import AREA_KINDS, LINE_POINTS_MAX, LINE_WITHIN_MAX_M
from .wording import AREA_NOT_LINES, AREA_NOT_POLYGONS, NOT_A_WARD, NOT_ONE_OF, WARDS_NOT_IDS, WITHIN_NOT_DISTANCE


def area_of(deps, value, problems):
    """The stored area ({kind, geometry, ...}) for `value`, or None with the
    problems added."""
    if not isinstance(value, dict) or value.get("kind") not in AREA_KINDS:
        problems.add("area.kind", NOT_ONE_OF.format(choices=", ".join(AREA_KINDS)))
        return None
    kind = value["kind"]
    if kind == "council":
        return {"kind": kind, "geometry": deps.area.geometry}
    if kind == "wards":
        return _wards(deps, value.get("wards"), problems)
    if kind == "line":
        return _line(value, problems)
    geometry = value.get("geometry")
    try:
        polygon.bbox_of(geometry)
        _check_positions(ring for poly in polygon._polygons(geometry) for ring in poly)
    except (ValueError, TypeError, KeyError, IndexError):
        problems.add("area.geometry", AREA_NOT_POLYGONS)
        return None
    return {"kind": kind, "geometry": {"type": geometry["type"], "coordinates": geometry["coordinates"]}}


def _wards(deps, ward_ids, problems):
    if not isinstance(ward_ids, list) or not ward_ids or not all(isinstance(w, str) for w in ward_ids):
        problems.add("area.wards", WARDS_NOT_IDS)
        return None
    shapes = []
    for ward_id in dict.fromkeys(ward_ids):
        ward = deps.wards.get(ward_id)
        if ward is None:
            problems.rule("area.wards", NOT_A_WARD.format(ward_id=ward_id))
            return None
        shapes.extend(polygon._polygons(ward.geometry))
    return {"kind": "wards", "wards": list(dict.fromkeys(ward_ids)),
            "geometry": {"type": "MultiPolygon", "coordinates": shapes}}


def _line(value, problems):
    geometry, within = value.get("geometry"), value.get("within_m")
    if isinstance(within, bool) or not isinstance(within, (int, float)) or not 0 < within <= LINE_WITHIN_MAX_M:
        problems.add("area.within_m", WITHIN_NOT_DISTANCE.format(most=LINE_WITHIN_MAX_M))
    try:
        kind = geometry["type"]
        lines = [geometry["coordinates"]] if kind == "LineString" else geometry["coordinates"]
        if kind not in ("LineString", "MultiLineString") or not lines or any(len(line) < 2 for line in lines):
            raise ValueError
        _check_positions(lines)
    except (ValueError, TypeError, KeyError, IndexError):
        problems.add("area.geometry", AREA_NOT_LINES)
        return None
    return {"kind": "line", "within_m": within, "geometry": {"type": kind, "coordinates": geometry["coordinates"]}}


def _check_positions(lines):
    count = 0
    for line in lines:
        for position in line:
            lon, lat = position[0], position[1]
            if (isinstance(lon, bool) or isinstance(lat, bool) or not isinstance(lon, (int, float))
                    or not isinstance(lat, (int, float)) or not (-180 <= lon <= 180 and -90 <= lat <= 90)):
                raise ValueError
            count += 1
    if count > LINE_POINTS_MAX * 20:
        raise ValueError
