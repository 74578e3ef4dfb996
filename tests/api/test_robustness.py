"""Whatever a client sends, the answer is a clear error in the one shape, never a 500."""
import json

from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import pothole

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12)
FIELDS = ["service_code", "lat", "lon", "description", "fields", "photos", "contact"]
RELAXED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def assert_error_shape(response):
    assert response.status_code < 500, response.body
    if response.status_code >= 400:
        error = response.json_body["error"]
        assert isinstance(error["code"], str) and isinstance(error["message"], str)


@RELAXED
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, max_size=4))
def test_report_creation_never_fails_with_a_500(client, overrides):
    assert_error_shape(client.post("/v1/reports", pothole(**overrides)))


@RELAXED
@given(body=st.binary(max_size=60))
def test_garbage_bodies_get_the_error_shape(client, body):
    assert_error_shape(client.post("/v1/reports", body))


@RELAXED
@given(params=st.dictionaries(st.sampled_from(["bbox", "status", "service_code", "since", "limit", "lat", "lon",
                                               "radius_m"]), st.text(max_size=30), max_size=5),
       path=st.sampled_from(["/v1/reports", "/v1/reports/nearby"]))
def test_map_queries_with_any_parameters_never_fail_with_a_500(client, params, path):
    from urllib.parse import urlencode
    assert_error_shape(client.get(f"{path}?{urlencode(params)}"))


@RELAXED
@given(body=st.dictionaries(st.sampled_from(["content_type", "size"]), JSON_VALUES, max_size=2))
def test_upload_requests_with_any_body_never_fail_with_a_500(client, body):
    assert_error_shape(client.post("/v1/uploads", json.dumps(body)))


def test_an_upload_whose_content_type_is_an_object_and_size_too_large_is_refused_in_the_error_shape(client):
    response = client.post("/v1/uploads", json.dumps({"content_type": {"x": 1}, "size": 10 ** 12}))
    assert response.status_code in (400, 413, 422) and "error" in response.json_body
