"""GeoJSON builders."""
import json

import pytest

from chalicelib.geo.geojson import feature_collection, point_feature


def test_point_feature_is_lon_lat_rounded_to_six_decimals():
    f = point_feature("r-1", -1.08191234567, 53.96234567891, {"state": "open"})
    assert f == {
        "type": "Feature",
        "id": "r-1",
        "geometry": {"type": "Point", "coordinates": [-1.081912, 53.962346]},
        "properties": {"state": "open"},
    }


def test_tiny_negative_coordinates_do_not_serialise_as_negative_zero():
    f = point_feature("r-2", -0.0000001, -0.0000004, None)
    assert json.dumps(f["geometry"]["coordinates"]) == "[0.0, 0.0]"
    assert f["properties"] == {}


def test_point_feature_copies_properties():
    props = {"a": 1}
    f = point_feature(1, 0, 0, props)
    props["a"] = 2
    assert f["properties"] == {"a": 1}


def test_feature_collection_carries_foreign_members():
    fc = feature_collection(iter([point_feature("x", 1, 2, {})]), next_cursor="abc", truncated=False)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["next_cursor"] == "abc" and fc["truncated"] is False
    json.dumps(fc)


def test_feature_collection_refuses_to_shadow_geojson_members():
    with pytest.raises(ValueError):
        feature_collection([], type="Other")
