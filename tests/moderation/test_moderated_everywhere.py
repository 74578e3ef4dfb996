"""What moderation takes away is gone from every public output and still
there for staff: every GET the route registry opens to anyone (the walk of
test_private_reports_everywhere.py: the report's page and timeline, the
map's pins, nearby, RSS, Open311 JSON and XML, ...), the open data files as
published before the change, and the photo's own links, old ones included."""
import json

import pytest
import requests

from chalicelib.storage.blobs import PUBLIC_DATA_PREFIX

from api.test_photos_api import upload
from api.test_private_reports_everywhere import WALK
from conftest import jpeg_with_gps, pothole, store_addresses
from support.staff_support import Officer, load_staff_data

NAMED = "Mr Example's van KX21 ABC"  # what the resident wrote that the public must not read
SAID = f"Deep pothole by number 12, where {NAMED} is always parked."
KEPT = "Deep pothole by number 12"  # what stays public


@pytest.fixture
def reported(client, deps, people):
    """A public report with a photo, as the map, feeds, Open311 and the
    published open data files show it; with who made it and its token."""
    from chalicelib.handlers.opendata.export import publish
    load_staff_data(deps)
    store_addresses(deps)
    made = client.post("/v1/reports", pothole(description=SAID, photos=[upload(client, jpeg_with_gps())]))
    assert made.status_code == 201, made.body
    view = made.json_body
    publish(deps)
    assert NAMED in deps.blobs.read(PUBLIC_DATA_PREFIX + "reports.csv").decode()  # the export had it
    link = client.get(view["photos"][0].replace("http://testserver", "")).headers["Location"]
    assert requests.get(link).status_code == 200  # a link the photo route gave before: it worked
    return view, link


def moderated_by_staff(client, officer, view):
    name = view["photos"][0].split("?")[0].rsplit("/", 1)[1]
    etag = officer.report(view["id"]).headers["ETag"]
    r = client.raw.http.post(f"/v1/staff/reports/{view['id']}/moderation", headers={
        "Content-Type": "application/json", "If-Match": etag, **officer.person.auth}, body=json.dumps(
        {"description": f"{KEPT}, where is always parked.", "hide_photos": [name],
         "reason": "A number plate and a neighbour's name"}))
    assert r.status_code == 200, r.body
    return [NAMED[:10], "KX21"]


def withdrawn_by_reporter(client, officer, view):
    name = view["photos"][0].split("?")[0].rsplit("/", 1)[1]
    r = client.raw.http.delete(f"/v1/reports/{view['id']}/photos/{name}?token={view['tracking_token']}")
    assert r.status_code == 204, r.body
    return []


@pytest.mark.parametrize("remove", [moderated_by_staff, withdrawn_by_reporter])
def test_what_was_taken_off_a_report_is_in_no_public_output_and_staff_still_see_it(client, deps, people,
                                                                                   reported, remove):
    view, old_link = reported
    rid, photo = view["id"], view["photos"][0].split("?")[0].rsplit("/", 1)[1]
    officer = Officer(client, people("admin"))
    gone = remove(client, officer, view) + [photo.split(".")[0]]

    leaks = {}
    for requests_of_route in WALK.values():
        for template in requests_of_route:
            path = template.replace("{id}", rid)
            body = client.get(path).body
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
            found = [w for w in gone if w in text]
            if found:
                leaks[path] = found
    for name in ("reports.csv", "reports.geojson"):
        exported = deps.blobs.read(PUBLIC_DATA_PREFIX + name).decode()
        assert rid in exported  # still published, without what was taken away
        leaks.update({f"open data {name}": [w for w in gone if w in exported]} if any(
            w in exported for w in gone) else {})
    assert leaks == {}
    # The photo's route signs links without asking S3 (no request per photo
    # shown), so it still answers; what it and every earlier link lead to is gone.
    new_link = client.get(f"/v1/photos/{photo}").headers["Location"]
    assert [requests.get(link).status_code for link in (old_link, new_link)] == [404, 404]

    public = client.get(f"/v1/reports/{rid}").json_body
    assert public["photos"] == []
    staff = officer.report(rid).json_body
    hidden = staff["moderation"]["hidden_photos"]
    assert [p["name"] for p in hidden] == [photo] and requests.get(hidden[0]["url"]).status_code == 200
    if remove is moderated_by_staff:
        assert public["description"] == f"{KEPT}, where [...] is always parked."
        assert public["moderated"]["label"] == "Moderated by the council" and "reason" not in public["moderated"]
        assert staff["moderation"]["original"]["description"] == SAID
        assert staff["moderation"]["reason"] == "A number plate and a neighbour's name"
        entry = officer.audit(rid)[-1]
        assert entry["action"] == "moderate" and entry["by"] == officer.person.user.email
        assert entry["changes"]["description"] == {"before": SAID, "after": public["description"]}
    else:
        assert public["description"] == SAID and "moderated" not in public
        assert hidden[0]["by"] == "reporter"
