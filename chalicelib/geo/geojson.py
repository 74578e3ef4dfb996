"""GeoJSON (RFC 7946) output for map responses."""

# Six decimals is ~0.1 m: finer than any phone GPS fix, and it keeps map
# payloads small (RFC 7946 section 11.2 recommends trimming precision).
COORDINATE_DECIMALS = 6


def _coord(value: float) -> float:
    # Adding 0.0 turns -0.0 (from rounding tiny negatives) into 0.0.
    return round(float(value), COORDINATE_DECIMALS) + 0.0


def point_feature(feature_id, lon: float, lat: float, properties=None) -> dict:
    """A Point Feature; `properties` is copied so callers can reuse their dict."""
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {"type": "Point", "coordinates": [_coord(lon), _coord(lat)]},
        "properties": dict(properties) if properties is not None else {},
    }


def feature_collection(features, **foreign_members) -> dict:
    """A FeatureCollection; keyword arguments become foreign members (e.g. a
    pagination cursor), which may not shadow the members GeoJSON defines."""
    clash = {"type", "features"} & set(foreign_members)
    if clash:
        raise ValueError(f"foreign members may not override {sorted(clash)}")
    return {"type": "FeatureCollection", "features": list(features), **foreign_members}
