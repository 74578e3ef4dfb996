"""A report forwarded over Open311 to a second Doorstep acting as the county,
its reference kept, and the county's answer brought back to the resident:
the whole round trip over real HTTP."""
import json
from dataclasses import replace

import pytest

from support.county import county  # noqa: F401  (fixture)

OUTER = (53.9900, -1.1200)  # lat, lon: outside the city centre, the county's for potholes


@pytest.fixture
def district(deps, county):  # noqa: F811
    from doorstep_cli.demo_bodies import load_demo_bodies
    load_demo_bodies(deps, county_endpoint=county.open311, county_key=county.key)
    return deps


def lambda_event(*jobs):
    return {"Records": [{"messageId": str(i), "body": json.dumps(job)} for i, job in enumerate(jobs)]}


def report_pothole(client, resident=None):
    made = client.post("/v1/reports", {"service_code": "pothole", "lat": OUTER[0], "lon": OUTER[1],
                                       "description": "A deep pothole by the bus stop.", "fields": {"size": "large"},
                                       "contact": {"name": "Ada Lovelace", "email": "ada@example.org"}},
                       resident.auth if resident else None)
    assert made.status_code == 201, made.body
    return made.json_body


def test_a_pothole_goes_to_the_county_gets_its_reference_and_comes_back_fixed_once(client, district, county,
                                                                                   people):
    from chalicelib.handlers.forwarding import polling, queue
    resident = people("resident", email="ada@example.org")
    offered = client.get(f"/v1/services?lat={OUTER[0]}&lon={OUTER[1]}").json_body["services"]
    assert {s["service_code"]: s["sent_to_text"] for s in offered}["pothole"] == \
        "This will be sent to North Yorkshire Council (highways)"
    made = report_pothole(client, resident)
    rid = made["id"]

    # The send queue's Lambda, handed the job the stream queued, and the same job again.
    job = {"report": rid, "body": "north-yorkshire"}
    assert queue.on_queue(lambda_event(job, job), lambda: district) == {"batchItemFailures": []}
    sent = client.get(f"/v1/reports/{rid}").json_body["sent_to"]
    assert [(s["body"], s["state"]) for s in sent] == [("North Yorkshire Council (highways)", "sent")]
    reference = sent[0]["reference"]
    assert sent[0]["summary"].startswith("Sent to North Yorkshire Council (highways) at ")

    # At the county: one request (the duplicate job sent nothing), with the answers and contact.
    status, _, theirs = county.call("GET", f"/open311/v2/requests/{reference}.json")
    assert status == 200 and theirs[0]["service_code"] == "pothole"
    assert theirs[0]["description"].startswith("A deep pothole by the bus stop.")
    _, _, staff_view = county.as_officer("GET", f"/v1/staff/reports/{reference}",
                                            headers={"Access-Reason": "Checking the district sent her details"})
    assert staff_view["contact"]["email"] == "ada@example.org"
    assert staff_view["fields"]["external_id"] == rid

    # The county fixes it; the district reads the county's updates, twice.
    county.mark(reference, "fixed", "Filled and sealed.")
    outcomes = polling.poll_all(district)
    assert outcomes == {"north-yorkshire": 1}, outcomes
    assert polling.poll_all(district) == {"north-yorkshire": 0}
    mine = client.get(f"/v1/reports/{rid}").json_body
    assert mine["status"] == "fixed"
    timeline = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    fixed = [u for u in timeline if u["status"] == "fixed"]
    assert len(fixed) == 1 and fixed[0]["author"] == "North Yorkshire Council (highways)"
    assert fixed[0]["text"] == "Filled and sealed."


def test_a_county_that_says_not_ours_tells_the_resident_who_is_responsible(client, district, county):
    from chalicelib.handlers.forwarding import polling, sender
    rid = report_pothole(client)["id"]
    assert sender.attempt(district, rid, "north-yorkshire") == "sent"
    reference = district.sends.get(rid, "north-yorkshire").reference
    county.mark(reference, "not_responsible", "Private road: the Bishopthorpe estate office.")
    polling.poll_all(district)
    sent = client.get(f"/v1/reports/{rid}").json_body["sent_to"][0]
    assert sent["state"] == "refused"
    assert sent["not_theirs"]["responsible"] == "Private road: the Bishopthorpe estate office."
    assert client.get(f"/v1/reports/{rid}").json_body["status"] == "open"  # still the council's to pass on


def test_the_councils_update_on_a_forwarded_report_reaches_the_county_and_is_not_read_back(client, district,
                                                                                            county, people):
    from chalicelib.handlers.forwarding import polling, queue, sender
    from chalicelib.storage.reports.reports import EventModel
    from support.staff_support import Officer, load_staff_data
    rid = report_pothole(client)["id"]
    assert sender.attempt(district, rid, "north-yorkshire") == "sent"
    reference = district.sends.get(rid, "north-yorkshire").reference
    load_staff_data(district)
    officer = Officer(client, people("admin"))
    etag = officer.get(f"/v1/staff/reports/{rid}").headers["ETag"]
    changed = client.raw.http.request("PATCH", f"/v1/staff/reports/{rid}", body=json.dumps(
        {"public_update": "We have asked the county to treat it as urgent."}),
        headers={"Content-Type": "application/json", "If-Match": etag, **officer.person.auth})
    assert changed.status_code == 200, changed.body
    # The stream hands the event to the send queue's Lambda.
    events = [e for e in (EventModel.scan()) if e.report_id == rid and e.kind == "report_updated"]
    jobs = queue.jobs_of_events([type("E", (), {"kind": e.kind, "report_id": e.report_id, "payload": e.payload})
                                 for e in events])
    assert jobs == [{"report": rid, "update": jobs[0]["update"]}]
    assert queue.on_queue(lambda_event(*jobs, *jobs), lambda: district) == {"batchItemFailures": []}
    _, _, at_county = county.call("GET", f"/v1/reports/{reference}/updates")
    words = [u["text"] for u in at_county["updates"] if u["text"]]
    assert words == ["We have asked the county to treat it as urgent."]  # once, though the job came twice
    # The county's feed now lists it; reading the county's updates skips our own words.
    polling.poll_all(district)
    mine = [u["text"] for u in client.get(f"/v1/reports/{rid}/updates").json_body["updates"] if u["text"]]
    assert mine == ["We have asked the county to treat it as urgent."]


def test_what_the_county_writes_after_its_address_goes_to_its_log_file_not_the_pipe_read_once(county):
    import os
    # The starter reads the county's first line (its address) and nothing more: a pipe that fills
    # would stop the county, and the app logs to stdout (as Chalice does in Lambda).
    assert os.readlink(f"/proc/{county.process.pid}/fd/1") == str(county.log)
