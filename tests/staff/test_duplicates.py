"""Marking a duplicate: its reporter and followers are told once, follow the
original from then on, and the original lists it."""
from support.alert_support import FakeDeliver, events_of, push_alert
from conftest import pothole
from support.staff_support import officer, staff_data, timeline  # noqa: F401  (fixtures)


def dispatch_all(deps, report_id, deliver, kinds=("report_created", "report_state_changed")):
    from chalicelib.handlers.alerts.worker import dispatch_event
    for event in events_of(report_id):
        if event.kind in kinds:
            dispatch_event(deps, event, deliver, sleep=lambda s: None)


def test_a_duplicates_reporter_and_followers_are_told_once_and_follow_the_original(client, people, deps, officer):
    resident = people("resident", email="rhea@example.org")
    original = client.post("/v1/reports", pothole()).json_body["id"]
    duplicate = client.post("/v1/reports", pothole(contact={"email": "rhea@example.org"}),
                            resident.auth).json_body["id"]
    follower = client.post("/v1/alerts", {"kind": "report", "report_id": duplicate, **push_alert(5)})
    assert follower.status_code == 201, follower.body
    dispatch_all(deps, duplicate, FakeDeliver())  # the "received" message, before the marking

    done = officer.patch(duplicate, {"duplicate_of": original})
    assert done.status_code == 200, done.body
    assert done.json_body["status"] == "duplicate" and done.json_body["duplicate_of"] == original
    assert officer.report(original).json_body["duplicates"] == [duplicate]
    last = timeline(client, duplicate)[-1]
    assert last["status"] == "duplicate" and original in last["text"]  # the automatic template names it

    told = FakeDeliver()
    dispatch_all(deps, duplicate, told)
    marked = [(c, a if c != "push" else a["endpoint"]) for c, a, m in told.calls if m["state"] == "duplicate"]
    assert sorted(marked) == sorted([("email", "rhea@example.org"),
                                     ("push", "https://push.example.net/send/device-5")])
    later = FakeDeliver()
    assert officer.patch(original, {"status": "fixed", "public_update": "Filled."}).status_code == 200
    dispatch_all(deps, original, later, kinds=("report_state_changed",))
    assert sorted(later.to()) == ["https://push.example.net/send/device-5", "rhea@example.org"]


def test_a_duplicate_must_name_a_real_original_that_is_not_itself_a_duplicate(client, officer):
    first, second, third = (client.post("/v1/reports", pothole()).json_body["id"] for _ in range(3))
    assert officer.patch(first, {"duplicate_of": first}).status_code == 400
    assert officer.patch(first, {"duplicate_of": "DS-AAAAAA"}).status_code == 400
    assert officer.patch(first, {"status": "duplicate"}).status_code == 400  # names no original
    assert officer.patch(second, {"duplicate_of": first}).status_code == 200
    chained = officer.patch(third, {"duplicate_of": second})
    assert chained.status_code == 400 and first in chained.json_body["error"]["fields"][0]["message"]
    assert officer.patch(third, {"duplicate_of": first, "status": "fixed"}).status_code == 400


def test_reopening_a_duplicate_takes_it_off_the_originals_list(client, officer):
    original, duplicate = (client.post("/v1/reports", pothole()).json_body["id"] for _ in range(2))
    assert officer.patch(duplicate, {"duplicate_of": original}).status_code == 200
    reopened = officer.patch(duplicate, {"status": "open", "public_update": "Not the same hole after all."})
    assert reopened.status_code == 200, reopened.body
    assert reopened.json_body["duplicate_of"] is None
    assert officer.report(original).json_body["duplicates"] == []
    assert [e["action"] for e in officer.audit(original)] == ["duplicate_added", "duplicate_removed"]


def test_a_duplicate_moves_from_one_original_to_another_in_one_change(client, officer):
    first, second, duplicate = (client.post("/v1/reports", pothole(
        description=f"Deep pothole number {n} outside the Minster's west door, cyclists swerving round it "
                    "every morning on the way to work, near the bus stop by the old city walls.")
    ).json_body["id"] for n in range(3))
    assert officer.patch(duplicate, {"duplicate_of": first}).status_code == 200
    moved = officer.patch(duplicate, {"duplicate_of": second})
    assert moved.status_code == 200, moved.body
    assert officer.report(first).json_body["duplicates"] == []
    assert officer.report(second).json_body["duplicates"] == [duplicate]
