"""A report at a boundary (issue 70, item 5): a pothole on the county's road,
reported on the district's site, lands in the county's inbox; the resident is
told who has it and tracks it where they made it; the district's staff cannot
open it; the county's staff can pass it back (or on), with a reason, once."""
from chalicelib import tenancy
from conftest import pothole
from support.councils_support import (COUNTY, COUNTY_HOST, DISTRICT, DISTRICT_HOST, OFF_THE_A34, ON_THE_A34,
                                      add, at, county, district, reported, signed_in_at, with_categories, york)


def _report(client, where, n, headers=None):
    return reported(client, where, n, headers)


def _inbox(client, host, officer):
    return [r["id"] for r in client.get("/v1/staff/reports", at(host, officer)).json_body["reports"]]


def test_a_pothole_on_the_countys_road_reported_at_the_districts_site_lands_in_the_countys_inbox(client, two_tier):
    made = _report(client, ON_THE_A34, 1)
    assert [s["body"] for s in made["sent_to"]] == ["Staffordshire County Council"]
    assert made["sent_to"][0]["summary"].startswith("Sent to Staffordshire County Council at ")
    assert made["held_by"] == {"council": COUNTY, "name": "Staffordshire County Council",
                               "url": f"http://{COUNTY_HOST}:8000/?report={made['id']}"}
    assert _inbox(client, COUNTY_HOST, two_tier["county"]) == [made["id"]]
    assert made["id"] not in _inbox(client, DISTRICT_HOST, two_tier["district"])
    at_county = client.get(f"/v1/staff/reports/{made['id']}", at(COUNTY_HOST, two_tier["county"]))
    assert at_county.status_code == 200
    assert at_county.json_body["site"] == {"council": DISTRICT, "name": "Newcastle-under-Lyme Borough Council"}
    assert client.get(f"/v1/staff/reports/{made['id']}", at(DISTRICT_HOST, two_tier["district"])).status_code == 404


def test_a_pothole_off_the_countys_road_stays_with_the_district(client, two_tier):
    made = _report(client, OFF_THE_A34, 2)
    assert "held_by" not in made and [s["body"] for s in made["sent_to"]] == ["Newcastle-under-Lyme Borough Council"]
    assert _inbox(client, DISTRICT_HOST, two_tier["district"]) == [made["id"]]
    assert _inbox(client, COUNTY_HOST, two_tier["county"]) == []


def test_the_resident_tracks_it_at_the_districts_address_and_its_staff_see_no_more_than_the_public(client, two_tier):
    made = _report(client, ON_THE_A34, 3)
    token = made["tracking_token"]
    tracked = client.get(f"/v1/reports/{made['id']}?token={token}", at(DISTRICT_HOST))
    assert tracked.status_code == 200 and tracked.json_body["view"] == "private"
    assert tracked.json_body["contact"]["email"] == "ada@example.org"
    assert tracked.json_body["sent_to"][0]["body"] == "Staffordshire County Council"
    assert tracked.json_body["held_by"]["council"] == COUNTY
    seen_by_district_staff = client.get(f"/v1/reports/{made['id']}", at(DISTRICT_HOST, two_tier["district"]))
    assert seen_by_district_staff.status_code == 200 and seen_by_district_staff.json_body["view"] == "public"
    assert "contact" not in seen_by_district_staff.json_body
    timeline = client.get(f"/v1/reports/{made['id']}/updates?token={token}", at(DISTRICT_HOST))
    assert [u["kind"] for u in timeline.json_body["updates"]] == ["created"]
    # a retry of the same request at the district's address is answered with the same report
    again = client.post("/v1/reports", pothole(lat=ON_THE_A34[0], lon=ON_THE_A34[1]), at(DISTRICT_HOST, {
        "Idempotency-Key": "c3d4e5f6-0000-4000-8000-000000000003"}))
    assert again.headers["Idempotent-Replayed"] == "true" and again.json_body["id"] == made["id"]


def test_my_account_at_the_districts_address_lists_it_as_the_county_has_it(client, deps, two_tier):
    resident = signed_in_at(deps, DISTRICT, "resident", email="ada@example.org")
    made = _report(client, ON_THE_A34, 4, resident)
    fixed = client.raw.http.patch(f"/v1/staff/reports/{made['id']}", body='{"status": "fixed"}', headers=at(
        COUNTY_HOST, {**two_tier["county"], "If-Match": '"1"', "Content-Type": "application/json"}))
    assert fixed.status_code == 200, fixed.json_body
    mine = client.get("/v1/me/reports", at(DISTRICT_HOST, resident)).json_body["reports"]
    assert [(r["id"], r["status"]) for r in mine] == [(made["id"], "fixed")]
    assert mine[0]["held_by"]["council"] == COUNTY


def _pass(client, report_id, officer, to, reason="Not on the A34: the district's own car park.", version=1):
    return client.post(f"/v1/staff/reports/{report_id}/pass", {"to": to, "reason": reason},
                       at(COUNTY_HOST if officer.get("_at") != DISTRICT else DISTRICT_HOST,
                          {**{k: v for k, v in officer.items() if k != "_at"}, "If-Match": f'"{version}"'}))


def test_the_county_passes_it_back_with_a_reason_once_and_both_keep_it_in_their_audit(client, deps, two_tier):
    made = _report(client, ON_THE_A34, 5)
    passed = _pass(client, made["id"], two_tier["county"], DISTRICT)
    assert passed.status_code == 200, passed.json_body
    assert passed.json_body["held_by"] == {"council": DISTRICT, "name": "Newcastle-under-Lyme Borough Council",
                                           "url": f"http://{DISTRICT_HOST}:8000/?report={made['id']}"}
    assert client.get(f"/v1/staff/reports/{made['id']}", at(COUNTY_HOST, two_tier["county"])).status_code == 404
    assert _inbox(client, DISTRICT_HOST, two_tier["district"]) == [made["id"]]
    now_district = client.get(f"/v1/staff/reports/{made['id']}", at(DISTRICT_HOST, two_tier["district"])).json_body
    assert now_district["passed"]["from"] == COUNTY and now_district["passed"]["reason"].startswith("Not on the A34")
    audit = client.get(f"/v1/staff/reports/{made['id']}/audit", at(DISTRICT_HOST, two_tier["district"])).json_body
    assert [e["action"] for e in audit["entries"]] == ["received_from_council"]
    with tenancy.acting_for(COUNTY):
        county_audit = deps.replace().audit.entries(made["id"])
    assert [e.action for e in county_audit][-1] == "passed_to_council"
    assert county_audit[-1].changes["reason"]["after"].startswith("Not on the A34")
    # the resident, at the address they used, sees where it is now and why
    tracked = client.get(f"/v1/reports/{made['id']}/updates?token={made['tracking_token']}", at(DISTRICT_HOST))
    assert tracked.status_code == 200
    assert tracked.json_body["updates"][-1]["text"].endswith("Not on the A34: the district's own car park.")
    # once: the district cannot pass it on again
    again = _pass(client, made["id"], {**two_tier["district"], "_at": DISTRICT}, COUNTY, version=now_district["version"])
    assert again.status_code == 409 and again.json_body["error"]["code"] == "passed_already"


def test_a_pass_names_a_council_of_the_deployment_and_a_reason(client, two_tier):
    made = _report(client, ON_THE_A34, 6)
    no_reason = _pass(client, made["id"], two_tier["county"], DISTRICT, reason=" ")
    assert no_reason.status_code == 400 and no_reason.json_body["error"]["fields"][0]["field"] == "reason"
    nowhere = _pass(client, made["id"], two_tier["county"], "atlantis")
    assert nowhere.status_code == 422 and nowhere.json_body["error"]["fields"][0]["field"] == "to"
    itself = _pass(client, made["id"], two_tier["county"], COUNTY)
    assert itself.status_code == 422
    stale = _pass(client, made["id"], two_tier["county"], DISTRICT, version=7)
    assert stale.status_code == 409
    assert _inbox(client, COUNTY_HOST, two_tier["county"]) == [made["id"]]  # none of those moved it


def test_the_reporters_follow_goes_with_the_report_so_they_hear_of_it_where_it_is(client, deps, two_tier):
    from chalicelib.handlers.alerts.dispatch import matching_alerts
    resident = signed_in_at(deps, DISTRICT, "resident", email="ada@example.org")
    made = _report(client, ON_THE_A34, 7, resident)

    def followers(council):
        with tenancy.acting_for(council):
            here = deps.for_council()
            report = here.reports.get(made["id"])
            return [a.kind for a in matching_alerts(here, "report_updated", report)] if report else None
    assert followers(COUNTY) == ["report"] and followers(DISTRICT) is None
    passed = _pass(client, made["id"], two_tier["county"], DISTRICT)
    assert passed.status_code == 200, passed.json_body
    assert followers(DISTRICT) == ["report"] and followers(COUNTY) is None
    assert _inbox(client, COUNTY_HOST, two_tier["county"]) == []


def test_its_photo_opens_at_the_address_it_was_made_at_and_at_the_holders(client, deps, two_tier):
    from api.test_photos_api import upload
    from conftest import jpeg_with_gps
    photo = upload(client, jpeg_with_gps(), headers=at(DISTRICT_HOST))
    made = client.post("/v1/reports", pothole(lat=ON_THE_A34[0], lon=ON_THE_A34[1], photos=[photo]), at(
        DISTRICT_HOST, {"Idempotency-Key": "c3d4e5f6-0000-4000-8000-000000000008"}))
    assert made.status_code == 201, made.json_body
    name = made.json_body["photos"][0].split("?")[0].rsplit("/", 1)[1]
    for host in (DISTRICT_HOST, COUNTY_HOST):  # the plain link a public view gives, at each address
        assert client.get(f"/v1/photos/{name}", at(host)).status_code == 302, host
    assert _pass(client, made.json_body["id"], two_tier["county"], DISTRICT).status_code == 200
    for host in (DISTRICT_HOST, COUNTY_HOST):
        assert client.get(f"/v1/photos/{name}", at(host)).status_code == 302, host


def test_officers_passing_it_at_once_pass_it_once(client, deps, two_tier):
    from support.racing import at_once
    made = _report(client, ON_THE_A34, 9)
    racers = [DISTRICT, "york"] * 4
    answers = at_once(lambda to: _pass(client, made["id"], two_tier["county"], to).status_code, racers)
    assert sorted(answers)[0] == 200 and set(sorted(answers)[1:]) <= {404, 409}, answers
    holders = [c for c in (COUNTY, DISTRICT, "york") if _held_at(deps, c, made["id"])]
    assert len(holders) == 1 and holders[0] != COUNTY


def _held_at(deps, council, report_id):
    with tenancy.acting_for(council):
        return deps.for_council().reports.get(report_id) is not None


def test_their_export_and_erasure_at_the_districts_address_reach_the_report_the_county_holds(client, deps, two_tier):
    resident = signed_in_at(deps, DISTRICT, "resident", email="ada@example.org")
    made = _report(client, ON_THE_A34, 10, resident)
    exported = client.get("/v1/me/export", at(DISTRICT_HOST, resident)).json_body
    assert [(r["id"], r["contact"]["email"]) for r in exported["reports"]] == [(made["id"], "ada@example.org")]
    assert client.raw.http.delete("/v1/me", headers=at(DISTRICT_HOST, resident)).status_code in (200, 204)
    with tenancy.acting_for(COUNTY):
        kept = deps.for_council().reports.get(made["id"])
    assert kept is not None and kept.contact == {} and kept.user_id is None


def test_a_body_sent_by_council_names_another_council_of_the_service_that_takes_its_categories(client, deps):
    add(deps, york(), district(), county())
    with_categories(DISTRICT)  # the county has loaded no categories yet
    admin = signed_in_at(deps, DISTRICT, "admin")

    def body(**given):
        return client.post("/v1/staff/bodies", {
            "id": "county-highways", "name": "Staffordshire County Council", "send_method": "council",
            "categories": ["pothole"], "contact_text": "Staffordshire's roads.", "area": {"kind": "council"},
            **given}, at(DISTRICT_HOST, admin))
    fields = {f["field"] for f in body().json_body["error"]["fields"]}
    assert fields == {"council"}
    assert {f["field"] for f in body(council="atlantis").json_body["error"]["fields"]} == {"council"}
    assert {f["field"] for f in body(council=DISTRICT).json_body["error"]["fields"]} == {"council"}
    lacking = body(council=COUNTY)
    assert lacking.status_code == 422 and lacking.json_body["error"]["fields"][0]["field"] == "categories"
    assert "Staffordshire County Council has no category pothole" in lacking.json_body["error"]["fields"][0]["message"]
    with_categories(COUNTY)
    assert body(council=COUNTY).status_code == 201
    emailed = client.post("/v1/staff/bodies", {
        "id": "emailed", "name": "A contractor", "send_method": "email", "email": "roads@example.org",
        "council": COUNTY, "categories": ["pothole"], "contact_text": "x", "area": {"kind": "council"}},
        at(DISTRICT_HOST, admin))
    assert emailed.status_code == 422 and emailed.json_body["error"]["fields"][0]["field"] == "council"


def test_the_desk_offers_the_council_it_was_made_with_and_any_other_whose_area_holds_the_place(client, two_tier):
    """Back to the site it was made at, or on to a council of the service whose area holds the point:
    the county's own report on the A34 can go to the district around it, and a passed one nowhere."""
    borough = {"council": DISTRICT, "name": "Newcastle-under-Lyme Borough Council"}
    made = _report(client, ON_THE_A34, 21)
    view = client.get(f"/v1/staff/reports/{made['id']}", at(COUNTY_HOST, two_tier["county"])).json_body
    assert view["pass_to"] == [{**borough, "made_here": True}]
    own = reported(client, ON_THE_A34, 22, host=COUNTY_HOST)  # made on the county's own site
    view = client.get(f"/v1/staff/reports/{own['id']}", at(COUNTY_HOST, two_tier["county"])).json_body
    assert view["site"] is None and view["pass_to"] == [{**borough, "made_here": False}]
    assert _pass(client, own["id"], two_tier["county"], DISTRICT).status_code == 200
    passed = client.get(f"/v1/staff/reports/{own['id']}", at(DISTRICT_HOST, two_tier["district"])).json_body
    assert passed["pass_to"] == []  # once
