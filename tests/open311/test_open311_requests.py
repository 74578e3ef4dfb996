"""A partner system reports and tracks problems through Open311, over the
same reports as /v1, and never sees who reported them."""
from datetime import timedelta

import pytest

from conftest import YORK_MINSTER, pothole
from support.open311_support import API_KEY, CREATED, ERRORS, REQUESTS, multipart, post_form, read_json, read_xml

REPORTER = {"first_name": "Ada", "last_name": "Resident", "email": "ada@example.org", "phone": "07700 900123"}
PERSONAL = ("Ada", "Resident", "ada@example.org", "07700 900123")


@pytest.fixture(autouse=True)
def api_keys(monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", f"other-key, {API_KEY}")


def fly_tipping(**overrides):
    fields = {"api_key": API_KEY, "jurisdiction_id": "", "service_code": "fly_tipping",
              "lat": str(YORK_MINSTER[0]), "long": str(YORK_MINSTER[1]),
              "description": "A sofa and bin bags behind the Minster.",
              "attribute[waste_types][]": ["furniture", "household"], "attribute[amount]": "car_boot",
              "attribute[seen_on]": "2026-11-20T08:15:00Z", **REPORTER}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def assert_nothing_personal(response):
    text = response.body.decode() if isinstance(response.body, bytes) else str(response.body)
    for secret in PERSONAL:
        assert secret not in text, f"{secret!r} leaked"


def test_partner_lists_services_reads_a_definition_posts_and_tracks_a_request(client, deps):
    services = read_json(client.get("/open311/v2/services.json"), {"type": "array"})
    assert "fly_tipping" in [s["service_code"] for s in services]
    attributes = client.get("/open311/v2/services/fly_tipping.json").json_body["attributes"]
    assert {a["code"] for a in attributes} >= {"waste_types", "amount"}

    created = post_form(client, "/open311/v2/requests.json", fly_tipping())
    assert created.status_code == 200, created.body
    [answer] = read_json(created, CREATED)
    request_id = answer["service_request_id"]
    assert request_id.startswith("DS-") and "Never confront" in answer["service_notice"]

    report = deps.reports.get(request_id)
    assert report.fields == {"waste_types": ["household", "furniture"], "amount": "car_boot",
                             "seen_on": "2026-11-20"}
    assert report.contact == {"name": "Ada Resident", "email": "ada@example.org", "phone": "07700 900123"}
    assert report.source == "open311"

    one = client.get(f"/open311/v2/requests/{request_id}.json")
    [request] = read_json(one, REQUESTS)
    assert request["service_request_id"] == request_id and request["status"] == "open"
    assert request["service_code"] == "fly_tipping" and request["service_name"] == "Fly-tipping"
    assert request["description"] == "A sofa and bin bags behind the Minster."
    assert (request["lat"], request["long"]) == YORK_MINSTER
    assert request["extended_attributes"] == {"status": "open"}

    xml = read_xml(client.get(f"/open311/v2/requests/{request_id}.xml"))
    assert [r["service_request_id"] for r in xml["request"]] == [request_id]
    assert xml["request"][0]["status"] == "open" and xml["request"][0]["lat"] == str(YORK_MINSTER[0])

    listed = client.get("/open311/v2/requests.json")
    assert request_id in [r["service_request_id"] for r in read_json(listed, REQUESTS)]
    for response in (created, one, listed, client.get(f"/open311/v2/requests/{request_id}.xml")):
        assert_nothing_personal(response)


def test_older_clients_send_the_api_key_in_the_query_string(client):
    fields = fly_tipping(api_key=None)
    response = post_form(client, "/open311/v2/requests.xml", fields,
                         query={"api_key": API_KEY, "jurisdiction_id": "york"})
    assert response.status_code == 200, response.body
    assert read_xml(response)["request"][0]["service_request_id"].startswith("DS-")


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("key", [None, "", "wrong-key"])
def test_a_bad_or_missing_api_key_is_403_in_the_requested_format(client, fmt, key, deps):
    response = post_form(client, f"/open311/v2/requests.{fmt}", fly_tipping(api_key=key))
    assert response.status_code == 403
    errors = read_json(response, ERRORS) if fmt == "json" else read_xml(response)["error"]
    assert str(errors[0]["code"]) == "403" and "api_key" in errors[0]["description"]


def test_validation_failures_list_every_bad_field_by_its_open311_name(client):
    response = post_form(client, "/open311/v2/requests.json", fly_tipping(
        description="", long="east", **{"attribute[waste_types][]": ["sofa"], "attribute[amount]": None}))
    assert response.status_code == 400
    described = [e["description"] for e in read_json(response, ERRORS)]
    assert {d.split(":")[0] for d in described} == {
        "description", "long", "attribute[waste_types]", "attribute[amount]"}


def test_a_request_for_an_unknown_service_is_404(client):
    response = post_form(client, "/open311/v2/requests.json", fly_tipping(service_code="dragons"))
    assert response.status_code == 404
    assert read_json(response, ERRORS)[0]["description"] == "No service dragons."


def test_a_point_outside_the_council_is_a_400_not_a_422(client):
    response = post_form(client, "/open311/v2/requests.json", fly_tipping(lat="51.5", long="-0.12"))
    assert response.status_code == 400
    read_json(response, ERRORS)


def test_a_private_category_shows_no_description_or_place(client, deps):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    view, _ = reports.create_report(deps, {
        "service_code": "complaint", "description": "My neighbour Ada Resident shouts.",
        "fields": {"service_area": "Bins"}, "contact": {"name": "Ada Resident", "email": "ada@example.org"}})
    response = client.get(f"/open311/v2/requests/{view['id']}.json")
    [request] = read_json(response, REQUESTS)
    assert (request["description"], request["lat"], request["long"]) == ("", None, None)
    assert_nothing_personal(response)
    xml = read_xml(client.get(f"/open311/v2/requests/{view['id']}.xml"))["request"][0]
    assert "lat" not in xml and xml["service_code"] == "complaint"


def test_requests_can_be_filtered_by_id_service_status_and_date(client, deps):
    from dataclasses import replace
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    start = deps.clock() - timedelta(hours=1)

    def made(minutes, body):  # distinct times: the listing is newest first
        return reports.create_report(replace(deps, clock=lambda: start + timedelta(minutes=minutes)), body)[0]["id"]
    ids = [made(1, pothole()), made(2, pothole())]
    graffiti = made(3, pothole(service_code="graffiti", fields={"offensive": "no"}))
    change_state(deps, ids[0], "fixed", "Filled in.")

    def listed(query):
        return [r["service_request_id"] for r in read_json(client.get(f"/open311/v2/requests.json?{query}"), REQUESTS)]

    assert listed("") == [graffiti, ids[1], ids[0]]  # newest first
    assert listed("status=closed") == [ids[0]]
    assert listed("status=open&service_code=pothole") == [ids[1]]
    assert listed(f"service_request_id={graffiti},{ids[0].lower()},DS-ZZZZZZ") == [graffiti, ids[0]]
    assert listed("page_size=1&page=2") == [ids[1]]
    later = (deps.clock() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert listed(f"start_date={later}") == []
    closed = read_xml(client.get("/open311/v2/requests.xml?status=closed"))["request"]
    assert [(r["service_request_id"], r["status"], r["extended_attributes"]["status"], r["status_notes"])
            for r in closed] == [(ids[0], "closed", "fixed", "Filled in.")]


@pytest.mark.parametrize("query", ["start_date=yesterday", "end_date=2026-13-01",
                                   "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                                   "start_date=2026-06-01&end_date=2026-05-01", "status=pending",
                                   "page_size=0", "page=-1"])
def test_malformed_listing_parameters_are_400_never_500(client, query):
    response = client.get(f"/open311/v2/requests.json?{query}")
    assert response.status_code == 400
    read_json(response, ERRORS)
    assert read_xml(client.get(f"/open311/v2/requests.xml?{query}"))["error"][0]["code"] == "400"


def test_an_unknown_request_is_404_in_both_formats(client):
    assert read_json(client.get("/open311/v2/requests/DS-ZZZZZZ.json"), ERRORS)[0]["code"] == 404
    assert read_xml(client.get("/open311/v2/requests/DS-ZZZZZZ.xml"))["error"][0]["code"] == "404"


def test_a_multipart_request_is_read_field_by_field(client, deps):
    body, headers = multipart(fly_tipping())
    response = client.raw.http.post("/open311/v2/requests.json", body=body, headers=headers)
    assert response.status_code == 200, response.body
    [created] = read_json(response, CREATED)
    report = deps.reports.get(created["service_request_id"])
    assert report.fields["waste_types"] == ["household", "furniture"] and report.photos == []
