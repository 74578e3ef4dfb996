"""Which shapes of a layer hold a point: the constraints at a place
(conservation areas, listed buildings, tree preservation zones, flood risk
zones), or any other set of GeoJSON polygons read once and asked many times.

A layer is bucketed on a grid of GRID_DEG squares (about 1.1 km north-south)
by each shape's bounding box, so a point tests only the few shapes whose box
touches its square, however many the layer holds (a council's listed
building outlines are thousands); each is then tested exactly
(polygon.contains: the boundary counts as inside)."""
import math

from .polygon import bbox_of, contains

GRID_DEG = 0.01


def _square(lon, lat):
    return math.floor(lon / GRID_DEG), math.floor(lat / GRID_DEG)


class Layer:
    def __init__(self, features):
        """`features`: GeoJSON Features with Polygon or MultiPolygon geometry (others are skipped)."""
        self.features, self.grid = [], {}
        for feature in features:
            geometry = (feature or {}).get("geometry") or {}
            if geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            index = len(self.features)
            self.features.append(feature)
            w, s, e, n = bbox_of(geometry)
            (x0, y0), (x1, y1) = _square(w, s), _square(e, n)
            for x in range(x0, x1 + 1):
                for y in range(y0, y1 + 1):
                    self.grid.setdefault((x, y), []).append(index)

    def at(self, lon, lat):
        """The features whose shape holds the point, in the layer's order."""
        return [self.features[i] for i in self.grid.get(_square(lon, lat), ())
                if contains(self.features[i]["geometry"], lon, lat)]
