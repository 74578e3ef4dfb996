"""Where a staff broadcast goes, checked: exactly one of
    {"wards": [ward ids]}                     stored wards (GET /v1/councillors ids)
    {"polygon": GeoJSON Polygon/MultiPolygon} drawn on a map
    {"circle": {"lat", "lon", "radius_m"}}    e.g. around a road closure
and it must reach into the council's area (422 outside_service_area). A shape
/openapi.json states is checked as it states it (400); what it says in words (a
ring closed, so many positions in all, not far larger than the area) is a rule (422).
"""
import math

from ... import validation
from ...errors import NotFound, OutsideServiceArea, ValidationFailed
from ...geo import cells, overlap
from ...geo.polygon import bbox_of
from .limits import BROADCAST_RADIUS_MAX_M, BROADCAST_RADIUS_MIN_M, MAX_VERTICES, MAX_WARDS
from .wording import (CIRCLE_NOT_AN_OBJECT, PLACE, POLYGON_SHAPE, TARGET_NOT_ONE_SHAPE, TARGET_TOO_LARGE, UNKNOWN_WARD,
                      UNKNOWN_WARDS, WARDS_LIST)

MIN_RADIUS_M, MAX_RADIUS_M = BROADCAST_RADIUS_MIN_M, BROADCAST_RADIUS_MAX_M
MAX_CELLS = 400  # precision-5 cells of the bbox: reads per topic at dispatch (York's area needs about 70)


def check(deps, target):
    if not isinstance(target, dict) or len([k for k in ("wards", "polygon", "circle") if k in target]) != 1 \
            or len(target) != 1:
        raise ValidationFailed([("target", TARGET_NOT_ONE_SHAPE)])
    if "wards" in target:
        return {"wards": _wards(deps, target["wards"])}
    if "circle" in target:
        circle = _circle(target["circle"])
        geometry = overlap.circle_polygon(circle["lon"], circle["lat"], circle["radius_m"])
        reaches = overlap.circle_meets(deps.area.geometry, circle["lon"], circle["lat"], circle["radius_m"])
        _inside(deps, reaches, "target.circle")
        _small_enough(geometry, "target.circle.radius_m")
        return {"circle": circle}
    geometry = _polygon(target["polygon"])
    _small_enough(geometry, "target.polygon")
    _inside(deps, overlap.polygons_meet(deps.area.geometry, geometry), "target.polygon")
    return {"polygon": geometry}


def _wards(deps, value):
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_WARDS \
            or not all(isinstance(v, str) and 0 < len(v.strip()) <= 100 for v in value):
        raise ValidationFailed([("target.wards", WARDS_LIST.format(most=MAX_WARDS))])
    wanted = sorted({v.strip() for v in value})
    known = deps.wards.exists(wanted)  # one BatchGet of keys
    missing = [w for w in wanted if w not in known]
    if missing:
        raise NotFound(UNKNOWN_WARDS.format(wards=', '.join(missing)[:200]),
                       code="ward_not_found", fields=[{"field": "target.wards", "message": UNKNOWN_WARD}])
    return wanted


def _circle(value):
    if not isinstance(value, dict):
        raise ValidationFailed([("target.circle", CIRCLE_NOT_AN_OBJECT)])
    problems = validation.Problems()
    lat = validation.number(value.get("lat"), "target.circle.lat", problems, -90, 90, text_ok=False)
    lon = validation.number(value.get("lon"), "target.circle.lon", problems, -180, 180, text_ok=False)
    radius = validation.number(value.get("radius_m"), "target.circle.radius_m", problems, MIN_RADIUS_M,
                               MAX_RADIUS_M, text_ok=False)
    problems.raise_if_any()
    return {"lat": round(lat, 6), "lon": round(lon, 6), "radius_m": round(radius)}


def _polygon(value):
    """A valid Polygon or MultiPolygon: closed rings of at least 4 finite
    lon/lat positions, at most MAX_VERTICES in all; coordinates to 6 places."""
    bad = ValidationFailed([("target.polygon", POLYGON_SHAPE.format(most=MAX_VERTICES))])
    broken = validation.broken_rules([("target.polygon", POLYGON_SHAPE.format(most=MAX_VERTICES))])
    kind = value.get("type") if isinstance(value, dict) else None
    coords = value.get("coordinates") if isinstance(value, dict) else None
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else None
    if not isinstance(polygons, list) or not polygons:
        raise bad
    clean, count = [], 0
    for rings in polygons:
        if not isinstance(rings, list) or not rings:
            raise bad
        clean.append([])
        for ring in rings:
            if not isinstance(ring, list) or len(ring) < 4:
                raise bad
            count += len(ring)
            points = [_position(p) for p in ring]
            if None in points:
                raise bad
            if count > MAX_VERTICES or points[0] != points[-1]:
                raise broken
            clean[-1].append(points)
    return {"type": "Polygon", "coordinates": clean[0]} if kind == "Polygon" else \
        {"type": "MultiPolygon", "coordinates": clean}


def _position(p):
    if not isinstance(p, list) or len(p) < 2 or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in p[:2]):
        return None
    lon, lat = float(p[0]), float(p[1])
    return [round(lon, 6), round(lat, 6)] if -180 <= lon <= 180 and -90 <= lat <= 90 else None


def _inside(deps, reaches, field):
    if not reaches:
        raise OutsideServiceArea(deps.area.name, field, noun=PLACE)


def _small_enough(geometry, field):
    """Dispatch reads one index partition per precision-5 cell of the bbox."""
    if cells.cover_count(*bbox_of(geometry), cells.PARTITION_PRECISION) > MAX_CELLS:
        raise validation.broken_rules([(field, TARGET_TOO_LARGE)])
