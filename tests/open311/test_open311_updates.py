"""mySociety's servicerequestupdates: a FixMyStreet-style partner reports a
problem, its back office closes it, and the change flows back as an update,
written once however often the partner retries."""
from datetime import timedelta

import pytest

from conftest import YORK_MINSTER, pothole
from support.open311_support import API_KEY, ERRORS, W3C_UTC, post_form, read_json, read_xml

STRING = {"type": "string"}
UPDATES = {"type": "array", "items": {
    "type": "object", "additionalProperties": False,
    "required": ["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url",
                 "external_status_code"],
    "properties": {"update_id": STRING, "service_request_id": STRING, "status": {"enum": ["open", "closed"]},
                   "updated_datetime": {"type": "string", "pattern": W3C_UTC}, "description": STRING,
                   "media_url": STRING, "external_status_code": STRING}}}
POSTED = {"type": "array", "minItems": 1, "maxItems": 1, "items": {
    "type": "object", "required": ["update_id"], "properties": {"update_id": STRING}}}


@pytest.fixture(autouse=True)
def api_keys(monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)


def a_request(client):
    response = post_form(client, "/open311/v2/requests.xml", {
        "api_key": API_KEY, "service_code": "pothole", "lat": str(YORK_MINSTER[0]), "long": str(YORK_MINSTER[1]),
        "description": "A deep pothole.", "attribute[size]": "large", "email": "ada@example.org"})
    assert response.status_code == 200, response.body
    return read_xml(response)["request"][0]["service_request_id"]


def an_update(request_id, **overrides):
    fields = {"api_key": API_KEY, "service_request_id": request_id, "update_id": "fms-back-office-1",
              "status": "FIXED", "description": "Filled in this morning.",
              "updated_datetime": "2026-11-21T09:30:00+00:00", "media_url": ""}
    fields.update(overrides)
    return {k: v for k, v in fields.items() if v is not None}


def test_a_back_office_fix_flows_back_to_the_partner_once(client, deps):
    request_id = a_request(client)
    posted = post_form(client, "/open311/v2/servicerequestupdates.xml", an_update(request_id))
    assert posted.status_code == 200, posted.body
    [answer] = read_xml(posted)["request_update"]
    assert answer == {"update_id": f"{request_id}-2"}

    [update] = read_xml(client.get("/open311/v2/servicerequestupdates.xml"))["request_update"]
    assert update["update_id"] == f"{request_id}-2" and update["service_request_id"] == request_id
    assert (update["status"], update["external_status_code"]) == ("closed", "fixed")
    assert update["description"] == "Filled in this morning."
    assert "ada@example.org" not in str(client.get("/open311/v2/servicerequestupdates.xml").body)
    [request] = read_xml(client.get(f"/open311/v2/requests/{request_id}.xml"))["request"]
    assert (request["status"], request["status_notes"]) == ("closed", "Filled in this morning.")
    assert [u.author for u in deps.reports.updates(request_id)] == ["reporter", "council"]

    again = post_form(client, "/open311/v2/servicerequestupdates.json", an_update(request_id))
    assert again.status_code == 200 and read_json(again, POSTED) == [{"update_id": f"{request_id}-2"}]
    assert len(deps.reports.updates(request_id)) == 2


def test_a_back_office_update_is_in_the_reports_audit_as_every_change_is(client, deps):
    request_id = a_request(client)
    assert post_form(client, "/open311/v2/servicerequestupdates.json", an_update(request_id)).status_code == 200
    [entry] = deps.audit.entries(request_id)
    assert entry.action == "open311_update" and entry.by_user_id.startswith("open311:")
    assert entry.changes == {"status": {"before": "open", "after": "fixed"},
                             "public_update": {"before": None, "after": "Filled in this morning."}}


def test_a_reused_update_id_with_different_content_is_400(client, deps):
    request_id = a_request(client)
    assert post_form(client, "/open311/v2/servicerequestupdates.json", an_update(request_id)).status_code == 200
    response = post_form(client, "/open311/v2/servicerequestupdates.json",
                         an_update(request_id, status="OPEN", description="Reopened."))
    assert response.status_code == 400 and "update_id" in read_json(response, ERRORS)[0]["description"]
    assert deps.reports.get(request_id).state == "fixed"


def test_an_update_id_is_kept_for_a_year_then_is_new_again_like_every_idempotency_key(client, deps):
    import time_machine
    from datetime import datetime, timezone
    request_id = a_request(client)
    assert post_form(client, "/open311/v2/servicerequestupdates.json", an_update(request_id)).status_code == 200
    with time_machine.travel(datetime.now(timezone.utc) + timedelta(days=366)):
        reopened = post_form(client, "/open311/v2/servicerequestupdates.json",
                             an_update(request_id, status="OPEN", description="Broken again a year on."))
    assert reopened.status_code == 200, reopened.body
    assert read_json(reopened, POSTED) == [{"update_id": f"{request_id}-3"}]
    assert deps.reports.get(request_id).state == "open"


@pytest.mark.parametrize("status, state", [("NOT_COUNCILS_RESPONSIBILITY", "not_responsible"),
                                           ("INTERNAL_REFERRAL", "closed"), ("in_progress", "in_progress"),
                                           ("action_scheduled", "action_scheduled"), ("Unable_To_Fix", "unable_to_fix")])
def test_mysociety_extended_statuses_map_to_doorstep_states(client, deps, status, state):
    request_id = a_request(client)
    response = post_form(client, "/open311/v2/servicerequestupdates.json", an_update(request_id, status=status))
    assert response.status_code == 200, response.body
    assert deps.reports.get(request_id).state == state


def test_only_updates_after_creation_in_public_categories_are_listed(client, deps):
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    quiet = reports.create_report(deps, pothole())[0]["id"]
    private = reports.create_report(deps, {"service_code": "complaint", "description": "My neighbour.",
                                           "fields": {"service_area": "Bins"},
                                           "contact": {"email": "ada@example.org"}})[0]["id"]
    change_state(deps, private, "closed", "Spoke to the neighbour.")
    started = reports.create_report(deps, pothole())[0]["id"]
    change_state(deps, started, "in_progress")
    listed = read_json(client.get("/open311/v2/servicerequestupdates.json"), UPDATES)
    assert [(u["service_request_id"], u["status"], u["external_status_code"], u["description"])
            for u in listed] == [(started, "open", "in_progress", "")]
    assert quiet not in str(listed) and private not in str(listed)


def test_the_window_defaults_to_a_day_and_reads_across_months(client, deps):
    from dataclasses import replace
    from chalicelib.handlers.reports import create as reports
    from chalicelib.handlers.reports.changes import change_state
    request_id = reports.create_report(deps, pothole())[0]["id"]
    long_ago = deps.clock() - timedelta(days=40)
    change_state(replace(deps, clock=lambda: long_ago), request_id, "investigating")
    change_state(deps, request_id, "fixed", "Done.")

    def listed(query=""):
        return [u["external_status_code"] for u in
                read_json(client.get(f"/open311/v2/servicerequestupdates.json?{query}"), UPDATES)]
    assert listed() == ["fixed"]
    start = (long_ago - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert listed(f"start_date={start}") == ["investigating", "fixed"]  # oldest first


@pytest.mark.parametrize("query", ["start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                                   "start_date=2026-06-02&end_date=2026-06-01", "end_date=soon"])
def test_bad_windows_are_400_in_both_formats(client, query):
    assert read_json(client.get(f"/open311/v2/servicerequestupdates.json?{query}"), ERRORS)[0]["code"] == 400
    assert read_xml(client.get(f"/open311/v2/servicerequestupdates.xml?{query}"))["error"][0]["code"] == "400"


@pytest.mark.parametrize("overrides, status, words", [
    ({"api_key": "wrong-key"}, 403, "api_key"),
    ({"api_key": None}, 403, "api_key"),
    ({"service_request_id": "DS-ZZZZZZ"}, 404, "No report"),
    ({"status": "SORTED"}, 400, "status"),
    ({"update_id": None}, 400, "update_id"),
    ({"updated_datetime": "this morning"}, 400, "updated_datetime"),
])
def test_bad_updates_are_refused_and_write_nothing(client, deps, overrides, status, words):
    request_id = a_request(client)
    fields = an_update(request_id, **{k: v for k, v in overrides.items() if k != "service_request_id"})
    fields.update({k: v for k, v in overrides.items() if k == "service_request_id"})
    response = post_form(client, "/open311/v2/servicerequestupdates.json", fields)
    assert response.status_code == status
    assert words in read_json(response, ERRORS)[0]["description"]
    assert len(deps.reports.updates(request_id)) == 1


def test_a_scoped_key_updates_only_its_categories(client, deps):
    from chalicelib.handlers.open311.keys import Partner
    from chalicelib.api.open311_formats import Open311Error
    from chalicelib.handlers.open311 import updates as open311_updates
    request_id = a_request(client)
    with pytest.raises(Open311Error) as refused:
        open311_updates.post_update(deps, Partner("litter", ("fly_tipping",)), an_update(request_id))
    assert refused.value.status == 403 and deps.reports.get(request_id).state == "open"
    assert open311_updates.post_update(deps, Partner("roads", ("pothole",)), an_update(request_id))
