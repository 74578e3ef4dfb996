"""`doorstep import facilities FILE`: load facilities (libraries, recycling
centres...) from a GeoJSON FeatureCollection.

Each feature is a Point with an `id` (the council's own, kept as text) and
properties `type` (lower case, e.g. library, recycling_centre), `name`, and
optionally address, opening_hours, phone, url, accessibility. As with
addresses: strict by default (one bad feature stops the import before
anything is written, and every bad feature is listed); --skip-invalid loads
the good ones. Features are upserts by id, so importing again is safe, and
the facility-type counts follow.
"""
import json
import math

from chalicelib.handlers.facilities import TYPE
from chalicelib.storage.facilities import OPTIONAL

from .importing import ImportRefused, add_file_command, report

MAX_TEXT = 500


def add_parser(imports):
    add_file_command(imports, "facilities", "load facilities from GeoJSON (upsert by id)",
                     "GeoJSON FeatureCollection of Points with id and properties type, name, ...", "feature")


def run(args, deps, say=print):
    written, problems = import_file(deps, args.file, skip_invalid=args.skip_invalid)
    return report(say, written, problems, args.skip_invalid, "facilities", "feature")


def import_file(deps, path, skip_invalid=False):
    """(facilities written, [(where, reason)])."""
    rows, problems = read_features(path, deps.area)
    if problems and not skip_invalid:
        return 0, problems
    return deps.facilities.put_many(rows), problems


def read_features(path, area):
    from chalicelib.storage.facilities import facility
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise ImportRefused(f"{path}: not a GeoJSON FeatureCollection")
    rows, problems, seen = [], [], {}
    for n, feature in enumerate(data["features"], 1):
        where = f"feature {n}"
        fields, reason = check_feature(feature, area)
        if fields and fields["id"] in seen:
            fields, reason = None, f"id {fields['id']!r} repeats feature {seen[fields['id']]}"
        if reason:
            fid = feature.get("id") if isinstance(feature, dict) else None
            problems.append((f"{where}" + (f" (id {fid!r})" if fid is not None else ""), reason))
            continue
        seen[fields["id"]] = n
        rows.append(facility(**fields))
    return rows, problems


def check_feature(feature, area):
    """(facility fields, None) for a good feature, else (None, every reason joined)."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, "not a GeoJSON Feature"
    reasons = []
    fid = feature.get("id")
    if isinstance(fid, bool) or not isinstance(fid, (str, int)) or not str(fid).strip() or len(str(fid)) > 100:
        reasons.append("id is missing (a string or number is needed)")
    elif "#" in str(fid):
        reasons.append(f"id {fid!r} may not contain '#'")
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    type_ = props.get("type")
    if not isinstance(type_, str) or not TYPE.match(type_):
        reasons.append(f"type {type_!r} is not a lower-case type such as library")
    name = props.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_TEXT:
        reasons.append("name is missing")
    optional = {}
    for key in OPTIONAL:
        value = props.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            reasons.append(f"{key} must be text of at most {MAX_TEXT} characters")
        else:
            optional[key] = value.strip()
    geometry = feature.get("geometry") if isinstance(feature.get("geometry"), dict) else {}
    coords = geometry.get("coordinates")
    lon = lat = None
    if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
        reasons.append("geometry must be a Point")
    else:
        lon, lat = _number(coords[0]), _number(coords[1])
        if lon is None or lat is None:
            reasons.append("coordinates must be numbers")
        elif not area.contains(lon, lat):
            reasons.append(f"{lon}, {lat} (lon, lat) is outside the service area")
    if reasons:
        return None, "; ".join(reasons)
    return {"id": str(fid).strip(), "type": type_, "name": name.strip(), "lon": lon, "lat": lat, **optional}, None


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) else None
