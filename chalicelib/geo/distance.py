"""Great-circle distances on a spherical Earth, in metres.

Rounding: the Earth is modelled as a sphere of the IUGG mean radius
(6 371 008.8 m). Against the WGS84 ellipsoid that misstates distances by up
to about 0.5% (north-south distances are short near the equator and long near
the poles), i.e. up to ~5 m per km. That is fine for "reports near me" and
for pruning, which only needs every bound here to be consistent with
`haversine_m` itself, not with the ellipsoid. Bounds that must never
overshoot (`distance_to_bbox_m`) give away a millimetre so float rounding
cannot make them exceed the haversine value they bound.
"""
import math

EARTH_RADIUS_M = 6371008.8

# Slack for the lower bounds: a millimetre, plus a relative part, is far
# larger than float error in the trig below and far below anything a map
# query could notice.
_SLACK_M = 1e-3
_SLACK_REL = 1e-9
# Padding added to bounding boxes so a point exactly on the circle, after
# float rounding, still lands inside the box.
_PAD_DEG = 1e-9


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance between two points, in metres.

    On a sphere of mean radius: within ~0.5% of the WGS84 ellipsoidal distance.
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    # Rounding can push `a` a hair outside [0, 1] for antipodal points.
    a = min(1.0, max(0.0, a))
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def geodesic_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """The distance on the WGS84 ellipsoid, in metres, as geopy's `geodesic` measures it (Karney's
    method through geographiclib, which geopy uses; imported here, not geopy itself, whose package
    loads every geocoder). Where a rule's line is sharp (a school's walking distance: 3,218.688 m),
    the sphere of haversine_m is not enough: at York's latitude it says a line running north is about
    0.1% shorter than it is, 3 m in 2 miles."""
    from geographiclib.geodesic import Geodesic
    return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE)["s12"]


def circle_bboxes(lon: float, lat: float, radius_m: float) -> list:
    """Boxes whose union contains every point within `radius_m` of (lon, lat).

    One box, or two when the circle crosses the antimeridian (split there so
    neither box has to span the whole world). A circle reaching a pole gets
    one box spanning all longitudes, since every longitude is within reach.
    """
    if radius_m < 0 or not math.isfinite(radius_m):
        raise ValueError(f"radius_m must be finite and >= 0, got {radius_m!r}")
    delta = radius_m / EARTH_RADIUS_M  # angular radius, radians
    if delta >= math.pi:
        return [(-180.0, -90.0, 180.0, 90.0)]
    ddeg = math.degrees(delta) + _PAD_DEG
    s, n = lat - ddeg, lat + ddeg
    if s <= -90.0 or n >= 90.0:
        return [(-180.0, max(-90.0, s), 180.0, min(90.0, n))]
    # Widest longitude reach of a spherical cap: sin(dlon) = sin(delta)/cos(lat).
    ratio = math.sin(delta) / math.cos(math.radians(lat))
    if ratio >= 1.0:
        return [(-180.0, s, 180.0, n)]
    dlon = math.degrees(math.asin(ratio)) + _PAD_DEG
    w, e = lon - dlon, lon + dlon
    if w < -180.0:
        return [(-180.0, s, e, n), (w + 360.0, s, 180.0, n)]
    if e > 180.0:
        return [(w, s, 180.0, n), (-180.0, s, e - 360.0, n)]
    return [(w, s, e, n)]


def bbox_around(lon: float, lat: float, radius_m: float) -> tuple:
    """(w, s, e, n) containing every point within `radius_m` of (lon, lat).

    Never wraps the antimeridian: if the circle crosses it the box spans all
    longitudes, which is wider than needed but still contains the whole circle.
    """
    boxes = circle_bboxes(lon, lat, radius_m)
    if len(boxes) == 1:
        return boxes[0]
    return (-180.0, boxes[0][1], 180.0, boxes[0][3])


def _to_segment_m(lon: float, lat: float, m: float, s: float, n: float) -> float:
    """Exact distance from a point to the meridian arc at lon `m`, lats s..n.

    Along a great circle the distance from a point falls to a minimum at the
    foot of the perpendicular and rises to its antipode, so the minimum over
    an arc is at the foot (if the arc holds it) or at an end.
    """
    best = min(haversine_m(lon, lat, m, s), haversine_m(lon, lat, m, n))
    dlon = math.radians(lon - m)
    phi = math.radians(lat)
    if math.cos(dlon) > 0.0:  # the foot lies on this half of the meridian
        foot_lat = math.degrees(math.atan2(math.sin(phi), math.cos(phi) * math.cos(dlon)))
        if s <= foot_lat <= n:
            cross = abs(math.sin(dlon)) * math.cos(phi)
            best = min(best, EARTH_RADIUS_M * math.asin(min(1.0, cross)))
    return best


def rect_distance_m(lon: float, lat: float, w: float, s: float, e: float, n: float) -> float:
    """Shortest haversine distance from a point to a lat/lon rectangle.

    Longitudes are read cyclically, so e may exceed 180 to describe a band
    that crosses the antimeridian (the rings search needs that). Exact up to
    float rounding; `distance_to_bbox_m` is the safe public wrapper.
    """
    width = e - w
    inside_lon = width >= 360.0 or (lon - w) % 360.0 <= width
    if inside_lon:
        # Any two points are at least their latitude difference apart, and
        # the meridian through the point reaches the rectangle at that gap.
        gap = max(0.0, s - lat, lat - n)
        return EARTH_RADIUS_M * math.radians(gap)
    # Outside in longitude: along a parallel the distance grows with the
    # longitude gap, so the closest point is on one of the two side meridians.
    return min(_to_segment_m(lon, lat, w, s, n), _to_segment_m(lon, lat, e, s, n))


def lower_bound(metres: float) -> float:
    """Shave float slack off an exact distance so it is a safe lower bound."""
    return max(0.0, metres - _SLACK_M - metres * _SLACK_REL)


def distance_to_bbox_m(lon: float, lat: float, bbox) -> float:
    """A lower bound (tight to ~1 mm) of the distance from (lon, lat) to any
    point of the rectangle `bbox` = (w, s, e, n); 0 if the point is inside."""
    w, s, e, n = bbox
    if e < w:  # tolerate a box written across the antimeridian, e.g. 170..-170
        e += 360.0
    return lower_bound(rect_distance_m(lon, lat, w, s, e, n))
