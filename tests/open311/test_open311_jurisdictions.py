"""Open311 serves every council of the deployment, each by its jurisdiction_id
(GeoReport v2: "to distinguish multiple jurisdictions within one API endpoint"):
named, it makes the request that council's whatever address it came to; absent,
the address decides. Keys, reports and categories stay the council's."""
from urllib.parse import urlencode

import pytest

from conftest import YORK_MINSTER
from support.councils_support import NL_HOST, YORK_HOST, at
from support.jurisdictions_support import (MOTHERWELL, NL, NL_KEY, YORK_KEY, a_pothole, codes, councils,  # noqa: F401
                                           created_id)
from support.open311_support import (ERRORS, REQUESTS, SERVICES, FixMyStreetClient, post_form, read_json,
                                     read_xml)


@pytest.mark.parametrize("in_query", [False, True])
def test_a_request_posted_for_another_councils_jurisdiction_lands_in_that_council(client, councils, in_query):
    fields, query = a_pothole(NL_KEY, MOTHERWELL), {"jurisdiction_id": NL}
    if not in_query:  # FixMyStreet sends it in the form; older clients in a POST's query string
        fields, query = {**fields, **query}, None
    posted = post_form(client, "/open311/v2/requests.json", fields, query=query, headers=at(YORK_HOST))
    request_id = created_id(posted)
    assert posted.headers["Server-Timing"].startswith("dynamodb;dur=")

    assert client.get(f"/open311/v2/requests/{request_id}.json", at(YORK_HOST)).status_code == 404
    assert client.get(f"/v1/reports/{request_id}", at(YORK_HOST)).status_code == 404
    [found] = read_json(client.get(f"/open311/v2/requests/{request_id}.json", at(NL_HOST)), REQUESTS)
    assert found["service_name"] == "Road defect"  # North Lanarkshire's own name for it
    assert client.get(f"/v1/reports/{request_id}", at(NL_HOST)).status_code == 200
    named = client.get(f"/open311/v2/requests/{request_id}.json?jurisdiction_id={NL}", at(YORK_HOST))
    assert read_json(named, REQUESTS)[0]["service_request_id"] == request_id


def test_services_listed_per_jurisdiction_differ_when_the_councils_categories_differ(client, councils):
    york = codes(read_json(client.get("/open311/v2/services.json?jurisdiction_id=york", at(NL_HOST)), SERVICES))
    theirs = codes(read_json(client.get(f"/open311/v2/services.json?jurisdiction_id={NL}"), SERVICES))
    assert theirs == ["pothole", "grit_bin"]
    assert "complaint" in york and "grit_bin" not in york
    assert [s["service_code"] for s in read_xml(client.get("/open311/v2/services.xml", at(NL_HOST)))["service"]] \
        == theirs
    definition = read_json(client.get(f"/open311/v2/services/pothole.json?jurisdiction_id={NL}"), {})
    assert definition == {"service_code": "pothole", "attributes": []}  # York's asks its size


@pytest.mark.parametrize("query", ["", "?jurisdiction_id=", "?jurisdiction_id=%20"])
def test_without_a_jurisdiction_the_address_decides(client, councils, query):
    assert codes(read_json(client.get(f"/open311/v2/services.json{query}", at(NL_HOST)), SERVICES)) \
        == ["pothole", "grit_bin"]
    assert "complaint" in codes(read_json(client.get(f"/open311/v2/services.json{query}"), SERVICES))


def test_a_york_key_is_refused_for_north_lanarkshires_jurisdiction(client, councils, monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", "make-run-key")  # the environment's keys are the default council's
    for key in (YORK_KEY, "make-run-key"):
        refused = post_form(client, "/open311/v2/requests.xml", a_pothole(key, MOTHERWELL, jurisdiction_id=NL))
        assert refused.status_code == 403, refused.body
        assert "api_key" in read_xml(refused)["error"][0]["description"]
        created_id(post_form(client, "/open311/v2/requests.json", a_pothole(key, YORK_MINSTER)))
    refused = post_form(client, "/open311/v2/requests.json", a_pothole(NL_KEY, YORK_MINSTER, jurisdiction_id="york"))
    assert refused.status_code == 403
    assert read_json(client.get(f"/open311/v2/requests.json?jurisdiction_id={NL}"), REQUESTS) == []
    assert len(read_json(client.get("/open311/v2/requests.json"), REQUESTS)) == 2


def test_the_jurisdiction_is_the_councils_before_the_caller_is_authenticated(client, councils):
    """A bearer token is read against the sessions of the council the jurisdiction names."""
    ada = {"email": "ada@example.org", "password": "correct horse battery"}
    client.post("/v1/auth/register", {**ada, "name": "Ada Resident"}, at(NL_HOST))
    signed_in = client.post("/v1/auth/login", ada, at(NL_HOST))
    assert signed_in.status_code == 200, signed_in.json_body
    bearer = {"Authorization": f"Bearer {signed_in.json_body['access_token']}"}
    assert client.get(f"/open311/v2/services.json?jurisdiction_id={NL}", at(YORK_HOST, bearer)).status_code == 200
    refused = client.get("/open311/v2/services.json", at(YORK_HOST, bearer))  # York has no such session
    assert refused.status_code == 401
    assert read_json(refused, ERRORS)[0]["code"] == 401


def test_a_fixmystreet_client_works_for_a_jurisdiction_at_the_deployments_address(client, councils, deps):
    fms = FixMyStreetClient(client, jurisdiction=NL, api_key=NL_KEY)
    assert [s["service_code"] for s in read_xml(fms.get("services.xml"))["service"]] == ["pothole", "grit_bin"]
    created = fms.post("requests.xml", {
        "service_code": "grit_bin", "lat": f"{MOTHERWELL[0]:.6f}", "long": f"{MOTHERWELL[1]:.6f}",
        "description": "title: Empty grit bin\n\ndetail: Empty before the frost.\n\nSubmitted via FixMyStreet\n",
        "first_name": "Ada", "last_name": "Resident", "email": "ada@example.org",
        "attribute[fixmystreet_id]": "4243", "media_url": ["https://www.fixmystreet.com/photo/4243.0.full.jpeg"]})
    assert created.status_code == 200, created.body
    request_id = read_xml(created)["request"][0]["service_request_id"]
    [request] = read_xml(fms.get(f"requests/{request_id}.xml"))["request"]
    assert request["service_code"] == "grit_bin" and "ada@example.org" not in str(request)

    posted = fms.post("servicerequestupdates.xml", {
        "service_request_id": request_id, "update_id": "9001", "status": "FIXED", "description": "Filled.",
        "updated_datetime": deps.clock().isoformat(), "email": "ada@example.org", "last_name": "Resident"})
    assert read_xml(posted)["request_update"][0]["update_id"] == f"{request_id}-2", posted.body
    updates = read_xml(fms.get("servicerequestupdates.xml"))["request_update"]
    assert [(u["service_request_id"], u["status"]) for u in updates] == [(request_id, "closed")]

    york = FixMyStreetClient(client, jurisdiction="york", api_key=YORK_KEY)
    missing = york.get(f"requests/{request_id}.xml")
    assert missing.status_code == 404 and read_xml(missing)["error"][0]["code"] == "404"
    assert "request_update" not in read_xml(york.get("servicerequestupdates.xml"))
    assert york.post("servicerequestupdates.xml", {
        "service_request_id": request_id, "update_id": "9002", "status": "OPEN", "description": "Reopened.",
        "updated_datetime": deps.clock().isoformat()}).status_code == 404


def test_a_listing_by_ids_names_only_the_jurisdictions_requests(client, councils):
    ours = created_id(post_form(client, "/open311/v2/requests.json", a_pothole(NL_KEY, MOTHERWELL, jurisdiction_id=NL)))
    yours = created_id(post_form(client, "/open311/v2/requests.json", a_pothole(YORK_KEY, YORK_MINSTER)))
    asked = urlencode({"service_request_id": f"{ours},{yours}", "jurisdiction_id": NL})
    assert [r["service_request_id"] for r in read_json(client.get(f"/open311/v2/requests.json?{asked}"),
                                                       REQUESTS)] == [ours]
