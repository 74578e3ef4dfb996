"""Do two places meet? Circles and Polygon/MultiPolygon geometries.

Staff broadcasts target a ward, a drawn polygon or a circle; subscribers
follow a ward or a circle. "Meet" means share at least one point (touching
counts, as in polygon.contains). Distances use a local flat projection
around the circle's centre: within a council (tens of km) the error is far
below a metre per kilometre, well inside anyone's idea of "near".
"""
import math

from .polygon import _polygons, bbox_of, contains

M_PER_DEG_LAT = 111_320.0


def _rings(geometry):
    return [ring for rings in _polygons(geometry) for ring in rings if ring]


def _edges(ring):
    n = len(ring)
    for i in range(n):
        yield ring[i][0], ring[i][1], ring[(i + 1) % n][0], ring[(i + 1) % n][1]


def _segment_distance_m(lon, lat, x1, y1, x2, y2):
    kx = M_PER_DEG_LAT * math.cos(math.radians(lat))
    ax, ay = (x1 - lon) * kx, (y1 - lat) * M_PER_DEG_LAT
    bx, by = (x2 - lon) * kx, (y2 - lat) * M_PER_DEG_LAT
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


def circle_meets(geometry, lon, lat, radius_m):
    """Whether the circle and the geometry share a point."""
    if contains(geometry, lon, lat):
        return True
    return any(_segment_distance_m(lon, lat, *edge) <= radius_m
               for ring in _rings(geometry) for edge in _edges(ring))


def circle_polygon(lon, lat, radius_m, sides=32):
    """A Polygon holding the circle (its edges touch it from outside), for
    tests against other polygons; `circle_meets` is exact for the circle."""
    r = radius_m / math.cos(math.pi / sides)
    kx = M_PER_DEG_LAT * math.cos(math.radians(lat))
    ring = [[lon + r * math.cos(2 * math.pi * i / sides) / kx, lat + r * math.sin(2 * math.pi * i / sides) / M_PER_DEG_LAT]
            for i in range(sides)]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def _boxes_meet(a, b):
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _cross(ox, oy, ax, ay, bx, by):
    return (ax - ox) * (by - oy) - (ay - oy) * (bx - ox)


def _segments_meet(p, q):
    x1, y1, x2, y2 = p
    x3, y3, x4, y4 = q
    d1, d2 = _cross(x3, y3, x4, y4, x1, y1), _cross(x3, y3, x4, y4, x2, y2)
    d3, d4 = _cross(x1, y1, x2, y2, x3, y3), _cross(x1, y1, x2, y2, x4, y4)
    if ((d1 > 0) != (d2 > 0) and d1 and d2) and ((d3 > 0) != (d4 > 0) and d3 and d4):
        return True
    # Collinear or touching: an end point on the other segment.
    return any(d == 0 and _boxes_meet((x, y, x, y), (min(a, c), min(b, e), max(a, c), max(b, e)))
               for d, (x, y), (a, b, c, e) in ((d1, (x1, y1), q), (d2, (x2, y2), q),
                                               (d3, (x3, y3), p), (d4, (x4, y4), p)))


def polygons_meet(a, b):
    """Whether two Polygon/MultiPolygon geometries share a point: a vertex
    of one inside the other, or two edges crossing (only edges whose boxes
    reach the other geometry's box are compared)."""
    box_a, box_b = bbox_of(a), bbox_of(b)
    if not _boxes_meet(box_a, box_b):
        return False
    rings_a, rings_b = _rings(a), _rings(b)
    if any(contains(b, x, y) for ring in rings_a for x, y, *_ in ring[:1]) \
            or any(contains(a, x, y) for ring in rings_b for x, y, *_ in ring[:1]):
        return True
    near_a = [e for ring in rings_a for e in _edges(ring) if _boxes_meet(_edge_box(e), box_b)]
    near_b = [e for ring in rings_b for e in _edges(ring) if _boxes_meet(_edge_box(e), box_a)]
    return any(_boxes_meet(_edge_box(p), _edge_box(q)) and _segments_meet(p, q) for p in near_a for q in near_b)


def _edge_box(edge):
    x1, y1, x2, y2 = edge
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def line_distance_m(geometry, lon, lat):
    """Metres from the point to the nearest part of a LineString or MultiLineString."""
    lines = geometry["coordinates"] if geometry["type"] == "MultiLineString" else [geometry["coordinates"]]
    return min(_segment_distance_m(lon, lat, a[0], a[1], b[0], b[1]) for line in lines for a, b in zip(line, line[1:]))


def line_within(geometry, lon, lat, metres):
    """Whether the point is within `metres` of a LineString or MultiLineString
    (a road's centre line: a report on the road or its verge)."""
    return line_distance_m(geometry, lon, lat) <= metres
