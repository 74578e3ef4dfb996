"""Moderation's rules: what the public reads after words are taken out, the
version an officer read, a reason, and who may withdraw a reporter's photo."""
import json

import pytest

from chalicelib.handlers.moderation.moderate import redact
from conftest import pothole
from support.staff_support import Officer

SAID = "Pothole outside number 12. Mr Example parks his van KX21 ABC on it every night."


@pytest.mark.parametrize("edited,public", [
    ("Pothole outside number 12. Mr Example parks his van on it every night.",
     "Pothole outside number 12. Mr Example parks his van [...] on it every night."),
    ("Pothole outside number 12. parks his van on it every night.",
     "Pothole outside number 12. [...] parks his van [...] on it every night."),
    ("Pothole outside number 12. A neighbour parks on it every night.",
     "Pothole outside number 12. [...] A neighbour parks [...] on it every night."),
    # Sent back with the markers (the form shows them): the same markers again.
    ("Pothole outside number 12. [...] parks his van [...] on it every night.",
     "Pothole outside number 12. [...] parks his van [...] on it every night."),
    (SAID, SAID),
])
def test_words_taken_out_of_a_description_read_as_a_marker(edited, public):
    assert redact(SAID, edited) == public


def moderate(client, officer, rid, body, etag="read"):
    etag = officer.report(rid).headers["ETag"] if etag == "read" else etag
    headers = {"Content-Type": "application/json", **officer.person.auth, **({"If-Match": etag} if etag else {})}
    return client.raw.http.post(f"/v1/staff/reports/{rid}/moderation", headers=headers, body=json.dumps(body))


def test_moderation_needs_the_version_read_and_a_reason_and_a_second_officer_is_told(client, people):
    rid = client.post("/v1/reports", pothole(description=SAID)).json_body["id"]
    first, second = Officer(client, people("admin")), Officer(client, people("admin"))
    read = first.report(rid).headers["ETag"]
    assert moderate(client, first, rid, {"description": "Pothole outside number 12."}, None).status_code == 428
    no_reason = moderate(client, first, rid, {"description": "Pothole outside number 12."}, read)
    assert no_reason.status_code == 400 and no_reason.json_body["error"]["fields"][0]["field"] == "reason"
    assert moderate(client, second, rid, {"title": "Pothole", "reason": "Too long"}).status_code == 200
    late = moderate(client, first, rid, {"description": "Pothole outside number 12.", "reason": "A name"}, read)
    assert late.status_code == 409 and late.json_body["current"]["summary"] == "Pothole [...]"
    assert client.get(f"/v1/reports/{rid}").json_body["description"] == SAID  # the late change wrote nothing


def test_an_officer_outside_the_reports_scope_cannot_moderate_it(client, people):
    rid = client.post("/v1/reports", pothole(description=SAID)).json_body["id"]
    outsider = Officer(client, people("staff", categories=["graffiti"]))
    r = client.raw.http.post(f"/v1/staff/reports/{rid}/moderation", body=json.dumps({"title": "x", "reason": "y"}),
                             headers={"Content-Type": "application/json", "If-Match": '"1"', **outsider.person.auth})
    assert r.status_code == 403


def test_only_its_reporter_withdraws_a_photo_and_asking_again_changes_nothing(client, people):
    from api.test_photos_api import upload
    from conftest import jpeg_with_gps
    owner, other = people("resident"), people("resident")
    made = client.post("/v1/reports", pothole(photos=[upload(client, jpeg_with_gps(), headers=owner.auth)]),
                       owner.auth).json_body
    path = f"/v1/reports/{made['id']}/photos/{made['photos'][0].rsplit('/', 1)[1]}"
    refused = [client.raw.http.delete(path, headers=h).status_code for h in ({}, other.auth)]
    assert refused == [403, 403]
    assert [client.raw.http.delete(path, headers=owner.auth).status_code for _ in range(2)] == [204, 204]
    assert client.get(f"/v1/reports/{made['id']}").json_body["photos"] == []
    unknown = client.raw.http.delete(f"/v1/reports/{made['id']}/photos/{'ab' * 16}.jpg", headers=owner.auth)
    assert unknown.status_code == 404 and unknown.json_body["error"]["code"] == "photo_not_found"
