"""`doorstep import wards FILE.geojson`: load ward boundaries (and, if the
file has them, their councillors).

A FeatureCollection of Polygon or MultiPolygon features. The ward id is the
feature's `id`, else its properties' `id` or `code` (an ONS code such as
E05014121 is a good one); `name` is required. An optional `councillors`
property (a list of {name, party, email, phone, surgery}) replaces that
ward's councillors; without it the stored ones stay, so new boundaries do
not wipe councillors loaded by `doorstep import councillors`. As with the
other importers: strict by default (one bad feature stops the import before
anything is written, and every bad feature is listed); --skip-invalid loads
the good ones. Wards are upserts by id.
"""
from chalicelib.handlers.places.councillors import check_councillors

from .importing import add_command, feature_id, json_number, read_features, report, where

MAX_NAME = 200


def add_parser(imports):
    add_command(imports, "wards", "load ward boundaries from GeoJSON (upsert by id)",
                "GeoJSON FeatureCollection of (Multi)Polygons with id and properties name, optional councillors",
                "feature")


def run(args, deps, say=print):
    written, problems = import_file(deps, args.file, skip_invalid=args.skip_invalid)
    return report(say, written, problems, args.skip_invalid, "wards", "feature")


def import_file(deps, path, skip_invalid=False):
    """(wards written, [(where, reason)])."""
    wards, problems, seen = [], [], {}
    for n, feature in enumerate(read_features(path), 1):
        ward, reason = check_feature(feature, deps.area)
        if ward is not None and ward.id in seen:
            ward, reason = None, f"id {ward.id!r} repeats feature {seen[ward.id]}"
        if reason:
            problems.append((where(n, feature), reason))
            continue
        seen[ward.id] = n
        wards.append(ward)
    if problems and not skip_invalid:
        return 0, problems
    return deps.wards.put_many(wards), problems


def check_feature(feature, area):
    """(Ward, None) for a good feature, else (None, every reason joined)."""
    from chalicelib.storage.places.wards import Ward, geometry_blob, index_cells
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, "not a GeoJSON Feature"
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    raw_id = next((v for v in (feature.get("id"), props.get("id"), props.get("code")) if v not in (None, "")), None)
    ward_id, reason = feature_id(raw_id)
    if raw_id is None:
        reason = "id is missing (the feature's id, or a property id or code)"
    reasons = [reason] if reason else []
    name = props.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        reasons.append("name is missing")
    councillors = None
    if "councillors" in props:
        councillors, reason = check_councillors(props["councillors"])
        if reason:
            reasons.append(reason)
    geometry, reason = check_geometry(feature.get("geometry"))
    if reason:
        reasons.append(reason)
    else:
        ward = Ward(ward_id or "", "", geometry)
        w, s, e, n = ward.bbox
        aw, as_, ae, an = area.bbox
        if e < aw or w > ae or n < as_ or s > an:
            reasons.append("the boundary lies outside the service area (are lon and lat swapped?)")
        try:
            geometry_blob(geometry)
            index_cells(ward.bbox)
        except ValueError as e:
            reasons.append(str(e))
    if reasons:
        return None, "; ".join(reasons)
    return Ward(ward_id, name.strip(), geometry, councillors), None


def check_geometry(geometry):
    """(geometry with float coordinates, None) or (None, why)."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None, "geometry must be a Polygon or MultiPolygon"
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        return None, "geometry has no coordinates"
    clean = []
    for p, rings in enumerate(polygons, 1):
        if not isinstance(rings, list) or not rings:
            return None, f"polygon {p} has no rings"
        clean.append([])
        for r, ring in enumerate(rings, 1):
            points, reason = _ring(ring)
            if reason:
                return None, f"polygon {p} ring {r}: {reason}"
            clean[-1].append(points)
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": clean[0]}, None
    return {"type": "MultiPolygon", "coordinates": clean}, None


def _ring(ring):
    if not isinstance(ring, list) or len(ring) < 4:
        return None, "a ring needs at least 4 positions"
    points = []
    for position in ring:
        if not isinstance(position, list) or len(position) < 2:
            return None, "a position must be [lon, lat]"
        lon, lat = json_number(position[0]), json_number(position[1])
        if lon is None or lat is None or not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return None, f"{position[:2]!r} is not a lon, lat position"
        points.append([lon, lat])
    if points[0] != points[-1]:
        return None, "not closed (the first and last positions differ)"
    return points, None
