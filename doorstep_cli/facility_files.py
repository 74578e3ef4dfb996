"""The two shapes of file `doorstep import facilities` reads: GeoJSON and CSV.

Each reader turns its file into Records: where the record is (for messages),
its id and properties as given, and its (lon, lat) or why there is none.
facilities.check() then judges every record the same way, whatever its shape.

CSV: a header naming id, type, name, a position as lat and lon (or latitude
and longitude) or as British National Grid easting and northing, and any of
the optional columns (address, opening_hours, phone, url, accessibility).
A row with both kinds of position uses lat and lon: they need no conversion.
"""
import csv
from typing import NamedTuple

from .importing import ImportRefused, json_number, read_features, text_number

ALIASES = {"latitude": "lat", "longitude": "lon"}
POSITIONS = (("lat", "lon"), ("easting", "northing"))


class Record(NamedTuple):
    where: str  # "feature 3", "line 7"
    id: object  # as given: GeoJSON ids may be numbers; None when absent
    props: dict
    point: tuple = None  # (lon, lat)
    why_no_point: str = None
    note: str = ""  # how the point was found, for messages
    refusal: str = None  # the record is not even the right kind of thing


def read(path):
    """("feature" or "row", [Record]) for a GeoJSON or CSV file."""
    if _is_csv(path):
        return "row", read_csv(path)
    return "feature", read_geojson(path)


def _is_csv(path):
    """By the name, else by the first character: GeoJSON starts with '{'."""
    name = str(path).lower()
    if name.endswith(".csv"):
        return True
    if name.endswith((".geojson", ".json")):
        return False
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return not fh.read(512).lstrip().startswith("{")
    except (OSError, UnicodeDecodeError) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e


def read_geojson(path):
    return [_feature(f"feature {n}", feature) for n, feature in enumerate(read_features(path), 1)]


def _feature(where, feature):
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return Record(where, None, {}, refusal="not a GeoJSON Feature")
    props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
    geometry = feature.get("geometry") if isinstance(feature.get("geometry"), dict) else {}
    coords = geometry.get("coordinates")
    if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) < 2:
        return Record(where, feature.get("id"), props, why_no_point="geometry must be a Point")
    lon, lat = json_number(coords[0]), json_number(coords[1])
    if lon is None or lat is None:
        return Record(where, feature.get("id"), props, why_no_point="coordinates must be numbers")
    return Record(where, feature.get("id"), props, point=(lon, lat))


def read_csv(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            columns = {_column(c) for c in reader.fieldnames or []}
            missing = [c for c in ("id", "type", "name") if c not in columns]
            if not any(set(pair) <= columns for pair in POSITIONS):
                missing.append("lat and lon (or latitude and longitude, or easting and northing)")
            if missing:
                raise ImportRefused(f"{path}: the header lacks {', '.join(missing)}")
            records = []
            for raw in reader:
                # Surplus cells land under the key None as a list: not ours to read.
                row = {_column(k): v.strip() for k, v in raw.items() if k is not None and isinstance(v, str)}
                records.append(Record(f"line {reader.line_num}", row.get("id") or None, row, *_csv_point(row)))
            return records
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ImportRefused(f"cannot read {path}: {e}") from e


def _column(name):
    name = (name or "").strip().lower()
    return ALIASES.get(name, name)


def _csv_point(row):
    """(point, why there is none, note) from lat/lon or easting/northing."""
    if row.get("lat") or row.get("lon"):
        lat, lon = text_number(row.get("lat")), text_number(row.get("lon"))
        if lat is None or lon is None:
            return None, "lat and lon must be numbers", ""
        return (lon, lat), None, ""
    if row.get("easting") or row.get("northing"):
        from .bng import to_lonlat
        easting, northing = text_number(row.get("easting")), text_number(row.get("northing"))
        if easting is None or northing is None:
            return None, "easting and northing must be numbers", ""
        point = to_lonlat(easting, northing)
        where = f"easting {easting:g}, northing {northing:g}"
        if point is None:
            return None, f"{where} is not on the British National Grid", ""
        return point, None, f" (from {where})"
    return None, "no position: give lat and lon, or easting and northing", ""
