"""Which way one point lies from another: the initial great-circle bearing,
and the nearest of the eight compass points (0 north, 1 north-east... 7
north-west), for saying "650 m west" in words (the words are the caller's)."""
import math


def bearing_deg(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Degrees clockwise from north, from the first point towards the second, in [0, 360)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl = math.radians(lon2 - lon1)
    x = math.sin(dl) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dl)
    return math.degrees(math.atan2(x, y)) % 360.0


def compass_point(degrees: float) -> int:
    """The nearest of eight points: 0 N, 1 NE, 2 E, 3 SE, 4 S, 5 SW, 6 W, 7 NW."""
    return int(((degrees % 360.0) + 22.5) // 45.0) % 8


def rounded_m(metres: float) -> int:
    """A distance as a person says it: to 10 m under a kilometre, to 100 m beyond."""
    return int(round(metres, -1)) if metres < 1000 else int(round(metres, -2))
