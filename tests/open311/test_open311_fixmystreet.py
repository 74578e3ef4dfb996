"""A whole exchange as FixMyStreet's Open311 client makes it
(perllib/Open311.pm, SendReport/Open311.pm and the UK cobrands'
open311_extra_data): a report with its own attributes and two photos'
media_url, an update posted its way, and the updates read back in XML."""
from datetime import timedelta
from urllib.parse import urlencode

import pytest

from conftest import YORK_MINSTER
from support.open311_support import API_KEY, FORM, read_xml

FMS_ID = "4243"


@pytest.fixture(autouse=True)
def api_keys(monkeypatch):
    monkeypatch.setenv("OPEN311_API_KEYS", API_KEY)


def fms_post(client, path, params):
    """As LWP posts a Perl hash: repeated names for array values, UTF-8."""
    body = urlencode([(k, v) for k, vs in params.items() for v in (vs if isinstance(vs, list) else [vs])])
    return client.raw.http.post(path, body=body.encode(), headers=FORM)


def fms_problem():
    """_populate_service_request_params with extended_description, multi_photos
    and a UK cobrand's extra attributes (names as FixMyStreet spells them)."""
    url = f"https://www.fixmystreet.com/report/{FMS_ID}"
    return {
        "jurisdiction_id": "york", "api_key": API_KEY, "service_code": "pothole",
        "description": f"title: Pothole by the Minster\n\ndetail: Deep and growing.\n\nurl: {url}\n\n"
                       "Submitted via FixMyStreet\n",
        "first_name": "Ada", "last_name": "Resident", "email": "ada@example.org",
        "lat": f"{YORK_MINSTER[0]:.6f}", "long": f"{YORK_MINSTER[1]:.6f}",
        "media_url": [f"https://www.fixmystreet.com/photo/{FMS_ID}.0.full.jpeg",
                      f"https://www.fixmystreet.com/photo/{FMS_ID}.1.full.jpeg"],
        "attribute[size]": "large",  # the service's own, still checked
        "attribute[fixmystreet_id]": FMS_ID, "attribute[easting]": "460318", "attribute[northing]": "452238",
        "attribute[closest_address]": "Deangate, York YO1 7JA", "attribute[report_url]": url,
        "attribute[title]": "Pothole by the Minster", "attribute[description]": "Deep and growing.",
        "attribute[category]": "Pothole", "attribute[group]": "Roads", "attribute[uprn]": "",
    }


def test_a_fixmystreet_report_update_and_updates_feed_work_as_its_client_reads_them(client, deps, people):
    created = fms_post(client, "/open311/v2/requests.xml", fms_problem())
    assert created.status_code == 200, created.body
    request_id = read_xml(created)["request"][0]["service_request_id"]  # $obj->{request}->[0]->{service_request_id}
    assert request_id.startswith("DS-")

    staff_view = client.get(f"/v1/reports/{request_id}", headers={**people("staff").auth, "Access-Reason": "Checking what FixMyStreet sent"}).json_body
    assert staff_view["fields"]["fixmystreet_id"] == FMS_ID and staff_view["fields"]["size"] == "large"
    assert staff_view["fields"]["closest_address"] == "Deangate, York YO1 7JA"
    public = client.get(f"/v1/reports/{request_id}").json_body
    assert set(public["fields"]) == {"size"} and len(public["media_urls"]) == 2
    [listed] = read_xml(client.get(f"/open311/v2/requests/{request_id}.xml"))["request"]
    assert listed["media_url"].endswith(f"{FMS_ID}.0.full.jpeg")

    update = {  # _populate_service_request_update_params, extended statuses, multi_photos
        "jurisdiction_id": "york", "api_key": API_KEY, "updated_datetime": "2026-11-21T09:30:00Z",
        "service_request_id": request_id, "status": "FOR_TRIAGE", "description": "Still there, and deeper.",
        "last_name": "Resident", "first_name": "Ada", "email": "ada@example.org", "update_id": "9001",
        "media_url": ["https://www.fixmystreet.com/c/9001.0.full.jpeg", "https://www.fixmystreet.com/c/9001.1.full.jpeg"],
        "email_alerts_requested": "TRUE", "title": "MRS", "attribute[fms_extra_note]": "as sent",
    }
    posted = fms_post(client, "/open311/v2/servicerequestupdates.xml", update)
    assert posted.status_code == 200, posted.body
    update_id = read_xml(posted)["request_update"][0]["update_id"]  # $obj->{request_update}->[0]->{update_id}
    assert update_id == f"{request_id}-2"
    assert fms_post(client, "/open311/v2/servicerequestupdates.xml", update).body == posted.body  # a retry
    closed = fms_post(client, "/open311/v2/servicerequestupdates.xml",
                      {**update, "update_id": "9002", "status": "CLOSED", "description": "Filled in.",
                       "media_url": ""})
    assert read_xml(closed)["request_update"][0]["update_id"] == f"{request_id}-3"

    now = deps.clock()  # FixMyStreet asks for a short window: W3CDTF with an offset
    feed = client.get("/open311/v2/servicerequestupdates.xml?" + urlencode(
        {"api_key": API_KEY, "start_date": (now - timedelta(hours=1)).isoformat(),
         "end_date": (now + timedelta(minutes=5)).isoformat()}))
    updates = read_xml(feed)["request_update"]
    assert [(u["update_id"], u["status"], u["description"]) for u in updates] == [
        (f"{request_id}-2", "open", "Still there, and deeper."), (f"{request_id}-3", "closed", "Filled in.")]
    assert updates[0]["media_url"] == "https://www.fixmystreet.com/c/9001.0.full.jpeg"
    text = feed.body.decode()
    assert "ada@example.org" not in text and "Resident" not in text and "MRS" not in text


@pytest.mark.parametrize("status, state", [("FOR_TRIAGE", "open"), ("REOPEN", "open"), ("CANCELLED", "closed")])
def test_fixmystreets_other_statuses_are_understood(client, deps, status, state):
    request_id = read_xml(fms_post(client, "/open311/v2/requests.xml", fms_problem()))["request"][0][
        "service_request_id"]
    posted = fms_post(client, "/open311/v2/servicerequestupdates.xml", {
        "api_key": API_KEY, "service_request_id": request_id, "update_id": f"u-{status}", "status": status,
        "description": "", "updated_datetime": "2026-11-21T09:30:00Z"})
    assert posted.status_code == 200, posted.body
    assert deps.reports.get(request_id).state == state


def test_the_services_own_attributes_are_still_checked_and_extras_are_bounded(client):
    missing = fms_post(client, "/open311/v2/requests.xml", {**fms_problem(), "attribute[size]": ""})
    assert missing.status_code == 400 and "size" in missing.body.decode()
    flood = {**fms_problem(), **{f"attribute[extra{n}]": "x" for n in range(60)}}
    assert fms_post(client, "/open311/v2/requests.xml", flood).status_code == 400
    huge = fms_post(client, "/open311/v2/requests.xml", {**fms_problem(), "attribute[note]": "x" * 2001})
    assert huge.status_code == 400 and "attribute[note]" in huge.body.decode()
