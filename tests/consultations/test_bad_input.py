"""Every consultations route answers bad input with a clear 4xx in the one
error shape: never a 500, never a stack trace."""
import json

import pytest
import time_machine

from support.consultation_support import DURING, loaded

BAD = [
    ("POST", "/v1/consultations/micklegate-parking/responses", "not json", {}),
    ("POST", "/v1/consultations/micklegate-parking/responses", "[1, 2]", {}),
    ("POST", "/v1/consultations/micklegate-parking/responses", '{"answers": "yes"}', {}),
    ("POST", "/v1/consultations/micklegate-parking/responses", '{"answers": {"support": ["yes"]}, "postcode": 7}', {}),
    ("POST", "/v1/consultations/micklegate-parking/responses", '{"answers": {"support": "yes"}}',
     {"Idempotency-Key": "short"}),
    ("POST", "/v1/consultations/micklegate-parking/responses", '{"answers": {"support": "' + "x" * 5000 + '"}}', {}),
    ("GET", "/v1/consultations?status=sometime", None, {}),
    ("GET", "/api/2.4/json_search_results?fd=31/12/2026&dk=cl", None, {}),
    ("GET", "/api/2.4/json_search_results?pc=" + "Z" * 500, None, {}),
    ("GET", "/api/2.4/json_consultation_details?dept=x&id=" + "a" * 3000, None, {}),
    ("GET", "/api/2.4/json_consultation_details?dept=transport-and-highways", None, {}),
    ("GET", "/v1/consultations/" + "n" * 200, None, {}),
]


@pytest.mark.parametrize("method, path, body, headers", BAD, ids=[f"{m} {p[:60]}" for m, p, _, _ in BAD])
def test_bad_input_is_a_clear_4xx_in_the_one_error_shape(client, deps, method, path, body, headers):
    loaded(deps)
    with time_machine.travel(DURING, tick=False):
        answer = client.raw.http.request(method, path, body=body, headers={"Content-Type": "application/json",
                                                                           **headers})
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.body[:300])
    error = json.loads(answer.body)["error"]
    assert error["code"] and error["message"] and "Traceback" not in answer.body.decode()


def test_signed_in_and_staff_routes_refuse_bad_input_with_a_4xx(client, deps, people):
    loaded(deps)
    ada, officer, admin = people(), people("staff"), people("admin")
    json_headers = {"Content-Type": "application/json"}
    stale = client.raw.http.put("/v1/consultations/micklegate-parking/response", body='{"answers": 3}',
                                headers={**ada.auth, **json_headers})
    assert stale.status_code in (400, 409)
    bad_tag = client.raw.http.post("/v1/staff/consultations/micklegate-parking/results", body="{}",
                                   headers={**officer.auth, **json_headers, "If-Match": "yesterday"})
    assert bad_tag.status_code == 400
    no_tag = client.raw.http.post("/v1/staff/consultations/micklegate-parking/results", body="{}",
                                  headers={**officer.auth, **json_headers})
    assert no_tag.status_code == 428
    wrong_id = client.raw.http.put("/v1/staff/consultations/another-one", body=json.dumps({"id": "micklegate"}),
                                   headers={**admin.auth, **json_headers})
    # an object, as /openapi.json declares, breaking rules it states in words: 422 (a body not an object is 400)
    assert wrong_id.status_code == 422 and any(f["field"] == "$.id" for f in wrong_id.json_body["error"]["fields"])
