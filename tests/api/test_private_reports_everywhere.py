"""A report staff made private (a name in it, a report about a person) shows
nothing of what it says on any public route or feed: every GET the route
registry marks open to anyone is walked with its id, its place and its
ward, anonymously, in JSON, XML and RSS. Its owner still sees it all."""
import pytest

from chalicelib.storage.blobs import PUBLIC_DATA_PREFIX

from conftest import ADDRESSES, YORK_MINSTER, pothole, store_addresses
from support.staff_support import Officer, load_staff_data

SAID = "Number 4 Orchard Row: Mr Example's van blocks the lane"  # in the description
EARLIER = "Inspector booked for the lane by Orchard Row"  # staff's public update, while it was public
WRITTEN = "We have spoken to Mr Example about his van"  # staff's public update, after it went private
LAT, LON = YORK_MINSTER
BBOX = f"{LON - 0.01},{LAT - 0.01},{LON + 0.01},{LAT + 0.01}"
UPRN, POSTCODE = ADDRESSES[0][0], ADDRESSES[0][2]

# Every public GET route, and the requests that walk it. {id} is the private report's reference.
WALK = {
    "/v1/health": ["/v1/health"],
    "/v1/council": ["/v1/council"],
    "/v1/council/manifest.webmanifest": ["/v1/council/manifest.webmanifest"],
    "/v1/privacy": ["/v1/privacy"],
    "/openapi.json": ["/openapi.json"],
    "/v1/services": ["/v1/services"],
    "/v1/services/{service_code}": ["/v1/services/pothole"],
    "/v1/photos/{name}": ["/v1/photos/{id}.jpg"],
    "/v1/reports": [f"/v1/reports?bbox={BBOX}", f"/v1/reports?bbox={BBOX}&status=all"],
    "/v1/reports/nearby": [f"/v1/reports/nearby?lat={LAT}&lon={LON}&radius_m=500"],
    "/v1/reports/{report_id}": ["/v1/reports/{id}"],
    "/v1/reports/{report_id}/updates": ["/v1/reports/{id}/updates"],
    "/v1/feeds/reports.rss": ["/v1/feeds/reports.rss?report={id}",
                              f"/v1/feeds/reports.rss?lat={LAT}&lon={LON}&radius_m=1000"],
    "/v1/places": [f"/v1/places?postcode={POSTCODE}"],
    "/v1/places/{uprn}": [f"/v1/places/{UPRN}"],
    "/v1/places/{uprn}/bins.ics": [f"/v1/places/{UPRN}/bins.ics"],
    "/v1/feeds/my-bins/{token}/bins.ics": ["/v1/feeds/my-bins/bm90LWEtY2FsZW5kYXI/bins.ics"],
    "/v1/councillors": [f"/v1/councillors?lat={LAT}&lon={LON}"],
    "/v1/facility-types": ["/v1/facility-types"],
    "/v1/nearest": [f"/v1/nearest?lat={LAT}&lon={LON}&type=library"],
    "/v1/alerts": ["/v1/alerts"],
    "/v1/alerts/unsubscribe": ["/v1/alerts/unsubscribe?token=not-a-token"],
    "/v1/push/vapid-public-key": ["/v1/push/vapid-public-key"],
    "/v1/broadcasts/{broadcast_id}": ["/v1/broadcasts/bc-none"],
    "/open311/v2/{resource}": ["/open311/v2/discovery.json", "/open311/v2/services.xml",
                               "/open311/v2/requests.json", "/open311/v2/requests.xml",
                               "/open311/v2/servicerequestupdates.json", "/open311/v2/servicerequestupdates.xml"],
    "/open311/v2/services/{code_format}": ["/open311/v2/services/pothole.json"],
    "/open311/v2/service/{code_format}": ["/open311/v2/service/pothole.xml"],
    "/open311/v2/requests/{id_format}": ["/open311/v2/requests/{id}.json", "/open311/v2/requests/{id}.xml"],
    "/open311/v2/tokens/{token_format}": ["/open311/v2/tokens/{id}.json"],
    # SCIM: the council's directory's own token alone (401 here, in RFC 7644's shape)
    "/scim/v2/Users": ["/scim/v2/Users", '/scim/v2/Users?filter=userName eq "x"'],
    "/scim/v2/Users/{id}": ["/scim/v2/Users/{id}"], "/scim/v2/Groups": ["/scim/v2/Groups"],
    "/scim/v2/Groups/{id}": ["/scim/v2/Groups/{id}"], "/scim/v2/ServiceProviderConfig": ["/scim/v2/ServiceProviderConfig"],
    "/scim/v2/ResourceTypes": ["/scim/v2/ResourceTypes"], "/scim/v2/Schemas": ["/scim/v2/Schemas"],
    "/v1/stats": ["/v1/stats"],
    "/v1/payments/return/{token}": ["/v1/payments/return/" + "0" * 32 + "." + "x" * 32],
    "/v1/waste/bulky/items": ["/v1/waste/bulky/items"],
    "/v1/waste/trade/prices": ["/v1/waste/trade/prices"],
    "/v1/waste/garden": ["/v1/waste/garden"],
    "/v1/places/{uprn}/missed-bins": [f"/v1/places/{UPRN}/missed-bins"],
    "/v1/places/{uprn}/bulky/dates": [f"/v1/places/{UPRN}/bulky/dates"],
    "/v1/open-data": ["/v1/open-data"],
    "/v1/open-data/{name}": ["/v1/open-data/reports.csv"],
    "/v1/questionnaires/{report_id}": ["/v1/questionnaires/{id}?token=not-the-token"],
    "/v1/body-links/{token}": ["/v1/body-links/not-a-token"],
    "/v1/licensing/consultations/{token}": ["/v1/licensing/consultations/not-a-token"],
    "/v1/form-cases/{token}": ["/v1/form-cases/bm90LWEtbGluaw.c2lnbmF0dXJl"],
    "/v1/conversations/{conversation_id}": ["/v1/conversations/CV-0000000000000000"],
    "/v1/conversations/{conversation_id}/messages": ["/v1/conversations/CV-0000000000000000/messages?after=0"],
    "/v1/petitions": ["/v1/petitions", "/v1/petitions?state=closed", "/v1/petitions?state=responded"],
    "/v1/petitions/{petition_id}": ["/v1/petitions/PT-7K3F9Q", "/v1/petitions/PT-7K3F9Q.json"],
    "/v1/petitions/{petition_id}/wards.csv": ["/v1/petitions/PT-7K3F9Q/wards.csv"],
    "/v1/petitions/{petition_id}/wards.geojson": ["/v1/petitions/PT-7K3F9Q/wards.geojson"],
    "/v1/feeds/petitions.rss": ["/v1/feeds/petitions.rss"],
    "/v1/forms": ["/v1/forms"],
    "/v1/figures": ["/v1/figures?year=2026", "/v1/figures?year=2026&format=csv"],
    "/v1/figures/report": ["/v1/figures/report?month=2026-11"],  # counts alone: no report's words
    "/v1/feedback/{service}/changes": ["/v1/feedback/reports/changes"],
    "/v1/auth/providers": ["/v1/auth/providers"],
    "/v1/auth/staff-providers": ["/v1/auth/staff-providers"],
    "/v1/auth/staff-providers/{provider}/sign-out": ["/v1/auth/staff-providers/entra/sign-out"],
    "/v1/pay/funds": ["/v1/pay/funds"],
    "/v1/pay/payments/{bill_id}": ["/v1/pay/payments/" + "0f" * 16],
    "/v1/pay/links/{link_id}": ["/v1/pay/links/" + "A" * 32],
    "/v1/forms/{form_id}": ["/v1/forms/general-enquiry"],
    "/v1/appointments/services": ["/v1/appointments/services"],
    "/v1/appointments/manage": ["/v1/appointments/manage?cancel=bm90LWEtbGluaw.c2lnbmF0dXJl"],
    "/v1/appointments/services/{service_id}/slots": ["/v1/appointments/services/housing-options/slots"],
    "/v1/form-submissions/{submission_id}": ["/v1/form-submissions/FS-none?token=not-a-token"],
    "/v1/form-submissions/{submission_id}/check": ["/v1/form-submissions/FS-none/check?token=not-a-token"],
    "/v1/form-submissions/{submission_id}/pages/{page_id}": ["/v1/form-submissions/FS-none/pages/about?token=x"],
    # Meetings, taking part, consultations and hire: none reads a report, and none may show one.
    "/v1/committees": ["/v1/committees"],
    "/v1/meetings": ["/v1/meetings", "/v1/meetings?when=past"],
    "/v1/meetings/{meeting_id}": ["/v1/meetings/1402"],
    "/v1/meetings/{meeting_id}/papers/{paper_id}": ["/v1/meetings/1402/papers/1"],
    "/v1/meetings/{meeting_id}/speaking": ["/v1/meetings/1402/speaking"],
    "/v1/meetings/{meeting_id}/questions": ["/v1/meetings/1402/questions"],
    "/v1/meetings/{meeting_id}/webcast": ["/v1/meetings/1402/webcast"],
    "/v1/meetings/{meeting_id}/live-questions": ["/v1/meetings/1402/live-questions"],
    "/v1/agenda-items": ["/v1/agenda-items?q=pothole"],
    "/v1/decisions": ["/v1/decisions"],
    "/v1/decisions/forthcoming": ["/v1/decisions/forthcoming"],
    "/v1/feeds/committees/{committee_id}/meetings.ics": ["/v1/feeds/committees/1/meetings.ics"],
    "/v1/feeds/my-meetings/{token}/meetings.ics": ["/v1/feeds/my-meetings/not-a-token/meetings.ics"],
    "/v1/feeds/decisions.atom": ["/v1/feeds/decisions.atom"],
    "/v1/consultations": ["/v1/consultations"],
    "/v1/consultations/{consultation_id}": ["/v1/consultations/none"],
    "/v1/consultations/{consultation_id}/results": ["/v1/consultations/none/results"],
    "/v1/feeds/consultations.atom": ["/v1/feeds/consultations.atom"],
    "/api/2.4/json_search_results": ["/api/2.4/json_search_results?tx=pothole&fields=all"],
    "/api/2.4/json_consultation_details": ["/api/2.4/json_consultation_details?dept=council&id=none"],
    "/v1/hire/places": ["/v1/hire/places"],
    # Licensing: the types and the register hold no report, and no objector's details.
    "/v1/licensing/types": ["/v1/licensing/types", "/v1/licensing/types?activity=sell_alcohol"],
    "/v1/licensing/register": ["/v1/licensing/register", "/v1/licensing/register?type=premises-licence"],
    "/v1/licensing/register.csv": ["/v1/licensing/register.csv"],
    "/v1/licensing/register/{case_id}": ["/v1/licensing/register/LC-7K3F9Q"],
    "/v1/hire/places/{place_id}": ["/v1/hire/places/none"],
    "/v1/hire/places/{place_id}/times": ["/v1/hire/places/none/times"],
    "/v1/speaking/withdraw": ["/v1/speaking/withdraw?token=not-a-token"],
    "/v1/planning/applications": ["/v1/planning/applications?lat=53.9559&lon=-1.0886&radius=500"],
    "/v1/planning/applications/{application_id}": ["/v1/planning/applications/26-00412-ful"],
    "/v1/school-rounds/{round}": ["/v1/school-rounds/2027-primary"],
    "/v1/school-rounds": ["/v1/school-rounds"],
    "/{proxy+}": ["/v1/{id}"],
}
# Routes that name the report by its reference may say it exists and its status.
NAMING = ("/v1/reports/{id}", "/v1/feeds/reports.rss?report={id}", "/open311/v2/requests/{id}", "/scim/v2/",
          "/v1/questionnaires/{id}", "/v1/photos/{id}", "/open311/v2/tokens/{id}", "/v1/{id}")


@pytest.fixture
def private_report(client, deps, people):
    from chalicelib.handlers.opendata.export import publish
    load_staff_data(deps)
    store_addresses(deps)
    resident = people("resident")
    made = client.post("/v1/reports", pothole(description=SAID), resident.auth)
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    officer = Officer(client, people("admin"))
    assert officer.patch(rid, {"public_update": EARLIER}).status_code == 200
    assert officer.patch(rid, {"private": True}).status_code == 200
    assert officer.patch(rid, {"status": "investigating", "public_update": WRITTEN}).status_code == 200
    publish(deps)  # the open data files, as the nightly export writes them
    return rid, resident


def test_every_public_route_is_walked_here():
    import app  # noqa: F401  (wires the registry)
    from chalicelib.api.registry import REGISTRY
    from chalicelib.auth.rules import ANYONE
    public = {path for (method, path), route in REGISTRY.routes.items() if method == "GET" and route.access == ANYONE}
    assert public == set(WALK), "a public GET route is missing from WALK (or WALK names one that is gone)"


def test_a_report_made_private_shows_nothing_it_says_on_any_public_route_or_feed(client, deps, private_report):
    rid, _ = private_report
    leaks = {}
    for route, requests in WALK.items():
        for template in requests:
            path = template.replace("{id}", rid)
            body = client.get(path).body
            text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
            found = [w for w in (SAID[:20], EARLIER[:20], WRITTEN[:20], "Orchard Row", "Mr Example") if w in text]
            if rid in text and not template.startswith(NAMING):
                found.append(rid)
            if found:
                leaks[path] = found
    for name in ("reports.csv", "reports.geojson"):
        exported = deps.blobs.read(PUBLIC_DATA_PREFIX + name).decode()
        if rid in exported or "Mr Example" in exported:
            leaks[f"open data {name}"] = [rid]
    assert leaks == {}


def test_its_owner_still_reads_every_word_of_its_timeline(client, private_report):
    rid, resident = private_report
    mine = client.get(f"/v1/reports/{rid}/updates", resident.auth)
    assert mine.status_code == 200 and mine.headers["Cache-Control"].startswith("no-store")
    assert WRITTEN in [u["text"] for u in mine.json_body["updates"]]
    public = client.get(f"/v1/reports/{rid}/updates").json_body["updates"]
    assert [u["status"] for u in public] == ["open", "open", "investigating"] and {u["text"] for u in public} == {None}
