"""Whatever a partner system sends, Open311 answers in its own error shape,
never with a 500, an HTML page or the /v1 error object."""
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from support.open311_support import API_KEY, ERRORS, FORM, read_json, read_xml

RELAXED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FORM_NAMES = ["api_key", "service_code", "lat", "long", "description", "attribute[size]", "attribute[size][]",
              "attribute[waste_types][]", "address_string", "email", "phone", "first_name", "jurisdiction_id"]


@pytest.fixture(autouse=True)
def api_keys(monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)


def assert_spec_error_or_success(response, fmt):
    assert response.status_code < 500, response.body
    if response.status_code >= 400:
        if fmt == "xml":
            assert read_xml(response)["error"][0]["code"] == str(response.status_code)
        else:
            assert read_json(response, ERRORS)[0]["code"] == response.status_code


@RELAXED
@given(params=st.dictionaries(st.sampled_from(["service_request_id", "service_code", "status", "start_date",
                                               "end_date", "page", "page_size"]), st.text(max_size=30), max_size=4),
       fmt=st.sampled_from(["json", "xml"]))
def test_request_listings_with_any_parameters_never_fail_with_a_500(client, params, fmt):
    response = client.get(f"/open311/v2/requests.{fmt}?{urlencode(params)}")
    assert_spec_error_or_success(response, fmt)


@RELAXED
@given(fields=st.dictionaries(st.sampled_from(FORM_NAMES), st.text(max_size=25), max_size=6),
       fmt=st.sampled_from(["json", "xml"]))
def test_posted_requests_with_any_fields_never_fail_with_a_500(client, fields, fmt):
    body = urlencode({"api_key": API_KEY, **fields}).encode()
    assert_spec_error_or_success(client.raw.http.post(f"/open311/v2/requests.{fmt}", body=body, headers=FORM), fmt)


MULTIPART = {"Content-Type": "multipart/form-data; boundary=xyz"}


@RELAXED
@given(body=st.binary(max_size=80) | st.builds(lambda b: b"--xyz\r\n" + b + b"\r\n--xyz--", st.binary(max_size=60)),
       fmt=st.sampled_from(["json", "xml"]), headers=st.sampled_from([FORM, MULTIPART]))
def test_garbage_form_bodies_get_the_spec_error_shape(client, body, fmt, headers):
    response = client.raw.http.post(f"/open311/v2/requests.{fmt}", body=body, headers=headers)
    assert_spec_error_or_success(response, fmt)


@pytest.mark.parametrize("path,fmt", [("/open311/v2/requests/%00.json", "json"), ("/open311/v2/requests/..xml", "xml"),
                                      ("/open311/v2/services/.json", "json"), ("/open311/v2/services/x.", "json"),
                                      ("/open311/v2/requests/DS-7K3F9Q.JSON", "json")])
def test_odd_segments_are_answered_in_the_spec_shape(client, path, fmt):
    response = client.get(path)
    assert response.status_code == 404
    assert_spec_error_or_success(response, fmt)
