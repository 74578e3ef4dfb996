"""Ids and references are checked once, at the edge (chalicelib/api/edge.py),
before a view reads them: a path value no id can be is a 404, a body field
or query parameter the operation declares as an id that is of the wrong
type, too long or of characters no id has is a 400 naming it, and neither
reaches a DynamoDB key (which refuses more than 2,048 bytes with a 500).
On DynamoDB Local the same answers are what the hostile fuzzing sees
(tests/contract/test_dynamodb_local_hostile_fields.py)."""
import pytest

from test_fuzz_hostile_fields import CONVERSATION, ON_THE_ROAD

LONG = "A" * 3000


@pytest.fixture
def world(deps, client, people):
    from doorstep_cli.demo_bodies import load_demo_bodies
    from support.staff_support import load_staff_data
    load_demo_bodies(deps, county_endpoint="http://127.0.0.1:9/open311/v2", county_key="k")
    load_staff_data(deps)
    admin = people("admin")
    rid = client.post("/v1/reports", ON_THE_ROAD).json_body["id"]
    cid = client.post("/v1/conversations", CONVERSATION).json_body["id"]
    assert client.post(f"/v1/staff/conversations/{cid}/take", {}, admin.auth).status_code == 200
    return rid, cid, admin.auth


def refused_naming(response, field, message):
    assert response.status_code == 400, response.body
    error = response.json_body["error"]
    assert error["code"] == "validation_failed" and error["fields"] == [{"field": field, "message": message}]


def test_a_body_id_too_long_for_a_key_is_a_400_naming_the_field_before_any_read(client, world):
    rid, _, staff = world
    refused_naming(client.post(f"/v1/staff/reports/{rid}/sends", {"body": LONG}, staff),
                   "body", "Must be an id of 1 to 40 characters.")


def test_a_colleague_or_a_template_too_long_for_a_key_is_a_400_naming_it(client, world):
    _, cid, staff = world
    refused_naming(client.post(f"/v1/staff/conversations/{cid}/hand-over", {"to": LONG}, staff),
                   "to", "Must be an id of 1 to 128 characters.")
    refused_naming(client.post(f"/v1/staff/conversations/{cid}/answer", {"template": "\u00fc" * 1100}, staff),
                   "template", "Must be an id of 1 to 128 characters.")
    refused_naming(client.post(f"/v1/staff/conversations/{cid}/answer", {"template": "tpl_1 OR 1"}, staff),
                   "template", "Is not an id: it has characters no id has.")


@pytest.mark.parametrize("value", [{"x": 1}, [1], 7])
def test_an_id_or_a_choice_of_the_wrong_type_is_a_400_naming_it(client, world, value):
    rid, cid, staff = world
    refused_naming(client.post(f"/v1/staff/conversations/{cid}/hand-over", {"to": value}, staff),
                   "to", "Must be text: an id.")
    made = client.post("/v1/staff/templates", {"title": "T", "text": "x", "state": value}, staff)
    assert made.status_code == 400 and made.json_body["error"]["fields"][0]["field"] == "state", made.body


def test_a_path_value_no_id_can_be_is_a_404_on_every_kind_of_route(client, world):
    rid, cid, staff = world
    for path in (f"/v1/reports/{LONG}", f"/v1/staff/reports/{LONG}/sends", f"/v1/alerts/{LONG}",
                 f"/v1/staff/conversations/{'%C3%BC' * 400}/close", "/v1/body-links/a%20b",
                 f"/v1/reports/{rid}%00"):
        method = "DELETE" if path.startswith("/v1/alerts/") else "POST" if "/v1/staff/" in path else "GET"
        answer = client.raw.http.request(method, path, body=b"{}", headers={
            "Content-Type": "application/json", **staff})
        assert answer.status_code == 404, (path, answer.status_code, answer.body)
        assert answer.json_body["error"]["code"] == "not_found"


def test_a_tracking_token_too_long_for_a_key_is_a_400_naming_it_and_an_empty_one_is_left_to_the_view(client, world):
    rid, _, _ = world
    refused_naming(client.get(f"/v1/reports/{rid}?token={LONG}"), "token", "Must be an id of 1 to 200 characters.")
    assert client.get(f"/v1/reports/{rid}?token=").status_code != 400


def test_an_id_with_a_line_end_after_it_is_refused_as_the_document_refuses_it(client, world):
    """The document's `^...$` is ECMA-262's, whose `$` is the text's end; Python's also matched before a last
    line end, so "tpl_1\\n" passed the edge and reached the view."""
    rid, cid, staff = world
    refused_naming(client.post(f"/v1/staff/conversations/{cid}/answer", {"template": "tpl_1\n"}, staff),
                   "template", "Is not an id: it has characters no id has.")
    refused_naming(client.get(f"/v1/reports/{rid}?token=abc%0A"), "token", "Is not an id: it has characters no id has.")
