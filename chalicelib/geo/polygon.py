"""Point-in-area tests for GeoJSON Polygon / MultiPolygon service areas.

Boundary decision: a point on an edge or vertex of any ring (outer boundary
or hole) counts as INSIDE. A report on the council boundary line, or on the
edge of a park carved out as a hole, is better accepted than rejected, and
the answer then does not hinge on float quirks of the ray test. "On" means
within BOUNDARY_TOLERANCE_DEG (~0.1 mm) of the edge, to absorb rounding in
coordinates that were typed or converted.

Coordinates are treated as planar lon/lat: edges are straight lines in
degrees, which is how GeoJSON (RFC 7946 section 3.1.1) defines them.
"""
import json
import math

BOUNDARY_TOLERANCE_DEG = 1e-9


def _polygons(geometry: dict) -> list:
    """The geometry as a list of polygons, each a list of rings."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"expected a Polygon or MultiPolygon geometry, got {kind!r}")


def _ring_bbox(ring) -> tuple:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return (min(lons), min(lats), max(lons), max(lats))


def bbox_of(geometry: dict) -> tuple:
    """(w, s, e, n) of a Polygon or MultiPolygon (outer rings bound the holes)."""
    boxes = [_ring_bbox(poly[0]) for poly in _polygons(geometry) if poly and poly[0]]
    if not boxes:
        raise ValueError("geometry has no coordinates")
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _on_segment(x, y, x1, y1, x2, y2) -> bool:
    tol = BOUNDARY_TOLERANCE_DEG
    if not (min(x1, x2) - tol <= x <= max(x1, x2) + tol and min(y1, y2) - tol <= y <= max(y1, y2) + tol):
        return False
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0.0:
        return math.hypot(x - x1, y - y1) <= tol
    # |cross| / length is the distance from the point to the edge's line.
    return abs((x2 - x1) * (y - y1) - (y2 - y1) * (x - x1)) <= tol * length


def _ring_test(ring, x, y):
    """None if (x, y) is on the ring; else whether a ray from it crosses oddly."""
    inside = False
    n = len(ring)
    for i in range(n):
        x1, y1 = ring[i][0], ring[i][1]
        x2, y2 = ring[(i + 1) % n][0], ring[(i + 1) % n][1]  # also closes unclosed rings
        if _on_segment(x, y, x1, y1, x2, y2):
            return None
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _polygon_contains(rings, x, y) -> bool:
    # Even-odd over the outer ring and its holes: inside the outer ring and
    # an even number of holes (valid GeoJSON holes do not overlap).
    inside = False
    for ring in rings:
        hit = _ring_test(ring, x, y)
        if hit is None:
            return True
        inside ^= hit
    return inside


def contains(geometry: dict, lon: float, lat: float) -> bool:
    """Whether the Polygon/MultiPolygon holds the point (boundary = inside).

    A MultiPolygon is the union of its polygons, so overlapping parts are
    still inside (plain even-odd over all rings would cancel them).
    """
    for rings in _polygons(geometry):
        if not rings or not rings[0]:
            continue
        w, s, e, n = _ring_bbox(rings[0])
        tol = BOUNDARY_TOLERANCE_DEG
        if not (w - tol <= lon <= e + tol and s - tol <= lat <= n + tol):
            continue
        if _polygon_contains(rings, lon, lat):
            return True
    return False


class Area:
    """A service area: one MultiPolygon, its bbox, an optional name, and
    optionally the postcode districts (outward codes, "YO1") wholly or
    partly inside it, which tell a postcode over the border from an unknown one."""

    __slots__ = ("geometry", "bbox", "name", "postcode_districts")

    def __init__(self, geometry: dict, name=None, postcode_districts=None):
        self.geometry = {"type": "MultiPolygon", "coordinates": _polygons(geometry)}
        self.bbox = bbox_of(self.geometry)
        self.name = name
        self.postcode_districts = frozenset(d.strip().upper() for d in postcode_districts or ()) or None

    def contains(self, lon: float, lat: float) -> bool:
        w, s, e, n = self.bbox
        tol = BOUNDARY_TOLERANCE_DEG
        if not (w - tol <= lon <= e + tol and s - tol <= lat <= n + tol):
            return False
        return contains(self.geometry, lon, lat)

    def __repr__(self) -> str:
        return f"Area(name={self.name!r}, bbox={self.bbox!r})"


def _name(obj: dict):
    props = obj.get("properties")
    if isinstance(props, dict) and props.get("name") is not None:
        return props["name"]
    return None


def _districts(obj: dict):
    props = obj.get("properties")
    return props.get("postcode_districts") if isinstance(props, dict) else None


def area_from_geojson(doc: dict) -> Area:
    """An Area from a parsed Feature, FeatureCollection (union) or geometry."""
    kind = doc.get("type") if isinstance(doc, dict) else None
    if kind == "Feature":
        if not doc.get("geometry"):
            raise ValueError("feature has no geometry")
        return Area(doc["geometry"], _name(doc), _districts(doc))
    if kind == "FeatureCollection":
        features = [f for f in doc.get("features") or [] if f.get("geometry")]
        if not features:
            raise ValueError("feature collection has no geometries")
        polygons = [poly for f in features for poly in _polygons(f["geometry"])]
        # A collection of several named wards has no one name of its own.
        name = _name(doc) or doc.get("name") or (_name(features[0]) if len(features) == 1 else None)
        districts = [d for f in features for d in _districts(f) or ()] + list(_districts(doc) or ())
        return Area({"type": "MultiPolygon", "coordinates": polygons}, name, districts)
    return Area(doc)


def load_area(path) -> Area:
    """Read a GeoJSON service-area file; the caller should cache the result."""
    with open(path, encoding="utf-8") as fh:
        return area_from_geojson(json.load(fh))
