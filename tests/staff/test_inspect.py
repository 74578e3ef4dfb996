"""The inspect form through the HTTP API: ETag and If-Match, quiet and
public changes, templates, recategorising, moving the pin, privacy."""
from support.alert_support import events_of
from conftest import pothole
from support.staff_support import COMPLAINT, officer, staff_data, timeline  # noqa: F401  (fixtures)


def new_report(client, **overrides):
    made = client.post("/v1/reports", pothole(**overrides))
    assert made.status_code == 201, made.body
    return made.json_body["id"]


def test_a_staff_report_carries_its_version_as_an_etag(client, officer):
    rid = new_report(client)
    got = officer.report(rid, reason="Ringing the reporter back")
    assert got.status_code == 200
    assert got.headers["ETag"] == '"1"' and got.json_body["version"] == 1
    assert got.json_body["view"] == "staff" and got.json_body["contact"]["email"] == "ada@example.org"
    assert got.headers["Cache-Control"] == "no-store"


def test_a_change_without_if_match_is_428_and_changes_nothing(client, officer):
    rid = new_report(client)
    for etag in ("", "*"):
        refused = officer.patch(rid, {"priority": "high"}, etag=etag)
        assert refused.status_code == 428, refused.body
        assert refused.json_body["error"]["code"] == "precondition_required"
    assert officer.report(rid).json_body["priority"] == "normal"


def test_a_stale_etag_is_409_with_the_report_as_it_is_now(client, officer):
    rid = new_report(client)
    first = officer.patch(rid, {"priority": "high"}, etag='"1"')
    assert first.status_code == 200 and first.headers["ETag"] == '"2"'
    stale = officer.patch(rid, {"priority": "low"}, etag='"1"')
    assert stale.status_code == 409
    assert stale.json_body["error"]["code"] == "edit_conflict"
    assert stale.json_body["current"]["priority"] == "high" and stale.json_body["current"]["version"] == 2
    assert stale.headers["ETag"] == '"2"'


def test_a_quiet_priority_change_with_an_internal_note_reaches_no_resident(client, officer):
    rid = new_report(client)
    before = timeline(client, rid)
    events = len(events_of(rid))
    done = officer.patch(rid, {"priority": "urgent", "internal_note": "Kerb edge: lorry route, make safe today."})
    assert done.status_code == 200, done.body
    assert done.json_body["priority"] == "urgent"
    assert [n["text"] for n in done.json_body["internal_notes"]] == ["Kerb edge: lorry route, make safe today."]
    assert done.json_body["internal_notes"][0]["by"] == "olu.officer@council.example"
    assert timeline(client, rid) == before
    assert len(events_of(rid)) == events, "a quiet change must not tell anyone"
    public = client.get(f"/v1/reports/{rid}").body.decode()
    assert "lorry route" not in public and "urgent" not in public


def test_a_new_state_with_a_public_update_reaches_the_timeline_once(client, officer):
    rid = new_report(client)
    done = officer.patch(rid, {"status": "investigating", "public_update": "An inspector will visit.",
                               "internal_note": "Send Dave."})
    assert done.status_code == 200, done.body
    entries = timeline(client, rid)
    assert [(e["status"], e["text"]) for e in entries] == [("open", None),
                                                           ("investigating", "An inspector will visit.")]
    assert sorted(e.kind for e in events_of(rid)) == ["report_created", "report_state_changed"]
    assert "Send Dave" not in str([e.payload for e in events_of(rid)])


def test_a_template_answers_with_its_text_and_its_state(client, officer):
    rid = new_report(client)
    done = officer.patch(rid, {"template": "tpl_inspection"})
    assert done.status_code == 200, done.body
    due = done.json_body["due"]
    last = timeline(client, rid)[-1]
    assert last["status"] == "investigating"
    assert last["text"].startswith("An inspector will look at this by ") and last["text"] != "An inspector will look at this by {due}."
    assert due  # the pothole rule gave it a due date, which the text names


def test_setting_a_state_uses_its_automatic_template_unless_staff_write_their_own(client, officer):
    auto, own = new_report(client), new_report(client)
    assert officer.patch(auto, {"status": "fixed"}).status_code == 200
    assert timeline(client, auto)[-1]["text"] == f"The Pothole report {auto} has been fixed. Thank you to everyone who told us."
    assert officer.patch(own, {"status": "fixed", "public_update": "Filled this morning."}).status_code == 200
    assert timeline(client, own)[-1]["text"] == "Filled this morning."


def test_recategorising_asks_the_new_categorys_questions_again(client, officer):
    rid = new_report(client)
    refused = officer.patch(rid, {"service_code": "street_light"})
    assert refused.status_code == 400
    assert "fields.fault" in {f["field"] for f in refused.json_body["error"]["fields"]}
    done = officer.patch(rid, {"service_code": "street_light", "fields": {"fault": "out"}})
    assert done.status_code == 200, done.body
    assert done.json_body["service_code"] == "street_light" and done.json_body["fields"] == {"fault": "out"}
    [*_, entry] = officer.audit(rid)
    assert entry["changes"]["fields"] == {"before": {"size": "large"}, "after": {"fault": "out"}}


def test_moving_the_pin_stays_inside_the_service_area(client, officer):
    rid = new_report(client)
    outside = officer.patch(rid, {"lat": 51.5007, "lon": -0.1246})
    assert outside.status_code == 422 and outside.json_body["error"]["code"] == "outside_service_area"
    moved = officer.patch(rid, {"lat": 53.9590, "lon": -1.0815})
    assert moved.status_code == 200
    assert moved.json_body["location"] == {"lat": 53.959, "lon": -1.0815}
    assert client.get(f"/v1/reports/{rid}").json_body["location"] == {"lat": 53.959, "lon": -1.0815}


def test_a_report_marked_private_leaves_public_views_and_the_map(client, officer):
    rid = new_report(client)
    bbox = "/v1/reports?bbox=-1.10,53.95,-1.07,53.97"
    assert rid in [f["id"] for f in client.get(bbox).json_body["features"]]
    assert officer.patch(rid, {"private": True}).status_code == 200
    public = client.get(f"/v1/reports/{rid}").json_body
    assert public["view"] == "public" and "description" not in public and "location" not in public
    assert rid not in [f["id"] for f in client.get(bbox).json_body["features"]]
    assert rid not in str(client.get("/v1/reports/nearby?lat=53.9623&lon=-1.0819").json_body)
    assert officer.patch(rid, {"private": False}).status_code == 200
    assert rid in [f["id"] for f in client.get(bbox).json_body["features"]]


def test_bad_input_is_every_problem_at_once_in_the_error_shape(client, officer):
    rid = new_report(client)
    bad = officer.patch(rid, {"status": "sleeping", "priority": "soon", "lat": 53.9, "colour": "red",
                              "due": "tomorrow", "team": "North Crew!"})
    assert bad.status_code == 400
    assert {f["field"] for f in bad.json_body["error"]["fields"]} == {
        "status", "priority", "lon", "colour", "due", "team"}
    assert officer.patch(rid, {}).status_code == 400
    assert officer.patch(rid, {"template": "tpl_fixed", "public_update": "x"}).status_code == 400
    assert officer.patch("DS-AAAAAA", {"priority": "high"}, etag='"1"').status_code == 404


def test_nothing_changed_writes_nothing(client, officer):
    rid = new_report(client)
    same = officer.patch(rid, {"priority": "normal"})
    assert same.status_code == 200 and same.headers["ETag"] == '"1"'
    assert officer.audit(rid) == []


def test_a_complaint_with_no_place_can_be_answered_quietly(client, officer):
    made = client.post("/v1/reports", COMPLAINT)
    assert made.status_code == 201, made.body
    rid = made.json_body["id"]
    done = officer.patch(rid, {"priority": "high", "internal_note": "Ring the crew supervisor."})
    assert done.status_code == 200, done.body
    assert done.json_body["due"]  # complaints: ten working days by the council's policy
