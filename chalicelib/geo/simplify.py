"""Boundaries made light enough to draw on a phone: Douglas-Peucker on each
ring (in degrees), coordinates rounded. Pure: no I/O.

A surveyed ward boundary has thousands of vertices; a choropleth on a
phone's screen needs tens to hundreds. TOLERANCE_DEG (0.0001 degrees, about
7 m north-south and 11 m east-west at York) is below a pixel at the zoom a
whole council fits on a phone, so neighbouring wards still meet by eye.
"""

TOLERANCE_DEG = 0.0001
DIGITS = 5  # about 1 m


def _distance_sq(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return (x - x1) ** 2 + (y - y1) ** 2
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return (x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2


def simplify_line(points, tolerance=TOLERANCE_DEG):
    """The points Douglas-Peucker keeps (the ends always), iteratively: no
    recursion limit on a long boundary."""
    if len(points) < 3:
        return list(points)
    keep, stack, limit = {0, len(points) - 1}, [(0, len(points) - 1)], tolerance * tolerance
    while stack:
        first, last = stack.pop()
        worst, at = 0.0, None
        for i in range(first + 1, last):
            d = _distance_sq(points[i], points[first], points[last])
            if d > worst:
                worst, at = d, i
        if at is not None and worst > limit:
            keep.add(at)
            stack += [(first, at), (at, last)]
    return [points[i] for i in sorted(keep)]


def simplify_ring(ring, tolerance=TOLERANCE_DEG):
    """A closed ring, simplified and still closed with at least 4 points (else
    the ring as it was, rounded: a tiny ring stays a ring)."""
    rounded = [[round(float(x), DIGITS), round(float(y), DIGITS)] for x, y, *_ in ring]
    # Split at the point farthest from the first, so both halves have fixed ends.
    far = max(range(len(rounded)), key=lambda i: _distance_sq(rounded[i], rounded[0], rounded[0]))
    out = simplify_line(rounded[:far + 1], tolerance)[:-1] + simplify_line(rounded[far:], tolerance)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else rounded


def simplify(geometry, tolerance=TOLERANCE_DEG):
    """A GeoJSON Polygon or MultiPolygon, simplified ring by ring."""
    if geometry.get("type") == "Polygon":
        return {"type": "Polygon", "coordinates": [simplify_ring(r, tolerance) for r in geometry["coordinates"]]}
    if geometry.get("type") == "MultiPolygon":
        return {"type": "MultiPolygon",
                "coordinates": [[simplify_ring(r, tolerance) for r in p] for p in geometry["coordinates"]]}
    raise ValueError(f"not a polygon: {geometry.get('type')!r}")
