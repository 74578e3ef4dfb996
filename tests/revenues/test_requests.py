"""A resident's council tax requests: a reference at once, kept with their
event, sent to the back office from it exactly once (a resend recognised by
its key), waiting while the back office is down, and the resident e-mailed
once when it is taken."""
import logging
import threading

import pytest

from support.alert_support import outbox_to
from support.effects_support import dies_after_commit, run_stream  # noqa: F401 (fixture)
from tests.infra.test_alert_roles import calls  # noqa: F401 (fixture)
from support.revenues_support import ANN, BILLS, BRIAN, DEV, JOINT, linked
from support.revenues_support import civica, council_morning, revenues  # noqa: F401 (fixtures)

SIX_WEEKS = "2027-01-05"  # the pinned morning is Tuesday 24 November 2026


@pytest.fixture
def dev(client, people, civica, council_morning):
    person = people()
    made = linked(client, person, BILLS[DEV])
    return person, f"/v1/me/council-tax/{made['id']}/requests"


def ask(client, person, path, body, key=None):
    return client.post(path, body, {**person.auth, **({"Idempotency-Key": key} if key else {})})


def test_a_move_out_six_weeks_ahead_is_taken_and_the_resident_told_once(client, dev, civica):
    person, path = dev
    answer = ask(client, person, path, {"kind": "move", "move": "out", "date": SIX_WEEKS,
                                        "address": "4 Quay Street, Whitby", "postcode": "YO21 3PY"}, "move-out-1")
    assert answer.status_code == 201, answer.body
    made = answer.json_body
    assert made["id"].startswith("CTR-") and made["state"] == "taken"
    assert made["back_office_reference"].startswith("CR")
    kept = civica.requests.kept[made["id"]]
    assert (kept["kind"], kept["form"]["movedate"], kept["form"]["movetype"]) == ("move", "05-Jan-2027", "out")
    again = ask(client, person, path, {"kind": "move", "move": "out", "date": SIX_WEEKS,
                                       "address": "4 Quay Street, Whitby", "postcode": "YO21 3PY"}, "move-out-1")
    assert again.status_code == 200 and again.json_body["id"] == made["id"]
    assert civica.requests.count() == 1
    mails = outbox_to(person.user.email)
    told = [m for m in mails if made["id"] in (m.body or "")]
    assert len(told) == 1 and made["back_office_reference"] in told[0].body and "Quay" not in told[0].body
    listed = client.get(path, person.auth).json_body["requests"]
    assert [r["id"] for r in listed] == [made["id"]]


@pytest.mark.parametrize("date, accepted", [("2027-05-26", True), ("2027-05-27", False), ("2025-11-24", True),
                                             ("2025-11-23", False), ("2027-02-29", False), ("05/01/2027", False)])
def test_a_move_date_is_taken_anywhere_in_the_back_office_window_and_refused_outside_it(client, dev, civica,
                                                                                      date, accepted):
    person, path = dev
    answer = ask(client, person, path, {"kind": "move", "move": "within", "date": date, "address": "9 Ash Grove"})
    if accepted:
        assert answer.status_code == 201 and answer.json_body["state"] == "taken", answer.body
    else:
        assert answer.status_code == 400 and answer.json_body["error"]["fields"][0]["field"] == "date"
        assert civica.requests.count() == 0


def test_a_request_made_while_the_back_office_is_down_waits_then_reaches_it_exactly_once(
        client, deps, dev, civica, council_morning, caplog):
    from datetime import timedelta
    from chalicelib.handlers.revenues.sending import send_due
    caplog.set_level(logging.INFO)  # our loggers and the libraries' notices (botocore's DEBUG echoes the rows themselves)
    caplog.set_level(logging.DEBUG, logger="doorstep")
    person, path = dev
    civica.down = True
    answer = ask(client, person, path, {"kind": "single_person_discount", "action": "apply", "date": "2026-11-01"},
                 "spd-while-down")
    assert answer.status_code == 201, answer.body
    made = answer.json_body
    assert made["state"] == "queued" and made["back_office_reference"] is None and made["tries"] == 1
    assert run_stream(deps, "revenue_request") == []  # the event's part is done: the row waits for its next try
    assert send_due(deps) == {}  # not due yet (a minute after the first try)
    council_morning.shift(timedelta(minutes=2))
    assert send_due(deps) == {"queued": 1}  # still down: counted, its next try later (5 minutes)
    for hours in range(3):  # down for hours: tried hourly at most, never given up
        council_morning.shift(timedelta(hours=1))
        assert send_due(deps) == {"queued": 1}
    assert civica.requests.count() == 0 and not outbox_to(person.user.email)
    civica.down = False
    council_morning.shift(timedelta(hours=1))
    assert send_due(deps) == {"taken": 1}
    assert send_due(deps) == {} and run_stream(deps, "revenue_request") == []  # nothing sends it again
    assert civica.requests.count("single_person_discount") == 1
    now = deps.revenue_requests.get(person.user.id, made["id"])  # hours on: the sign-in has lapsed
    assert (now["state"], now["tries"], now["reference"]) == ("taken", 5, "CR0000001")
    assert len([m for m in outbox_to(person.user.email) if made["id"] in m.body]) == 1
    for secret in ("500345686", "01-Nov-2026", "2026-11-01", "Patel", "P0010004"):
        assert secret not in caplog.text


def test_requests_queued_through_the_nightly_window_reach_the_back_office_within_a_minute_of_its_return(
        client, deps, dev, civica, council_morning):
    from datetime import datetime, time, timedelta
    from chalicelib.handlers.revenues.sending import send_due
    from support.revenues_support import LONDON
    person, path = dev
    civica.nightly, civica.clock = (time(10, 5), time(12, 50)), lambda: datetime.now(LONDON)  # 2 3/4 hours
    council_morning.move_to(datetime(2026, 11, 24, 10, 6, tzinfo=LONDON))
    early = ask(client, person, path, {"kind": "instalment_day", "day": 7}).json_body
    council_morning.shift(timedelta(minutes=3))
    late = ask(client, person, path, {"kind": "instalment_day", "day": 8}).json_body  # a backoff of its own
    assert (early["state"], late["state"]) == ("queued", "queued")
    back = datetime(2026, 11, 24, 12, 50, tzinfo=LONDON)
    while civica.requests.count() < 2:  # the sweep, every minute, as scheduled
        council_morning.shift(timedelta(minutes=1))
        send_due(deps)
        assert datetime.now(LONDON) < back + timedelta(hours=1)
    for made in (early, late):
        taken = deps.revenue_requests.get(person.user.id, made["id"])
        assert taken["state"] == "taken"
        assert taken["taken_at"] - back <= timedelta(minutes=1)
    logins = civica.calls.count("crmlogin")
    council_morning.shift(timedelta(minutes=1))
    assert send_due(deps) == {} and civica.calls.count("crmlogin") == logins  # nothing waits: no health check


def test_a_request_the_back_office_never_takes_is_given_up_where_staff_see_it(client, deps, dev, civica,
                                                                             council_morning, calls):
    from datetime import timedelta
    from chalicelib.handlers.revenues.sending import send_due
    from infra.template.access import REQUESTER_TABLES
    from tests.infra.test_alert_roles import allowed
    person, path = dev
    civica.down = True
    made = ask(client, person, path, {"kind": "instalment_day", "day": 7}).json_body
    council_morning.shift(timedelta(days=2, minutes=1))
    calls.clear()
    assert send_due(deps) == {"failed": 1}
    assert allowed(REQUESTER_TABLES, calls) == []  # the sweep's own function may do what it did
    assert [r["id"] for r in deps.revenue_requests.given_up()] == [made["id"]]
    assert send_due(deps) == {}


def test_several_sends_of_one_request_at_once_reach_the_back_office_once(client, deps, dev, civica):
    from chalicelib.handlers.revenues.sending import send
    person, path = dev
    civica.down = True
    made = ask(client, person, path, {"kind": "instalment_day", "day": 15}).json_body
    civica.down = False
    request = deps.revenue_requests.get(person.user.id, made["id"])
    barrier, answers = threading.Barrier(4), []

    def racer():
        barrier.wait()
        answers.append(send(deps, request))
    from chalicelib import tenancy
    racers = [threading.Thread(target=tenancy.carried(racer)) for _ in range(4)]  # as the app's threads, York's
    for r in racers:
        r.start()
    for r in racers:
        r.join()
    assert len(answers) == 4 and len(set(answers)) == 1
    assert civica.requests.count() == 1


def test_paperless_for_one_jointly_liable_person_leaves_the_other_unchanged(client, people, civica,
                                                                            council_morning):
    ann, brian = people(), people()
    ann_link = linked(client, ann, BILLS[ANN])
    linked(client, brian, BILLS[BRIAN])
    answer = ask(client, ann, f"/v1/me/council-tax/{ann_link['id']}/requests", {"kind": "paperless", "paperless": True})
    assert answer.status_code == 201 and answer.json_body["state"] == "taken", answer.body
    assert civica.requests.paperless == {(JOINT, ANN): True}
    assert (JOINT, BRIAN) not in civica.requests.paperless
    for_other = ask(client, ann, f"/v1/me/council-tax/{ann_link['id']}/requests",
                    {"kind": "paperless", "paperless": True, "person_ref": BRIAN})
    assert for_other.status_code == 400 and for_other.json_body["error"]["fields"][0]["field"] == "person_ref"


def test_a_request_on_another_persons_link_is_not_found(client, people, dev):
    _, path = dev
    stranger = people()
    answer = ask(client, stranger, path, {"kind": "instalment_day", "day": 3})
    assert answer.status_code == 404 and answer.json_body["error"]["code"] == "link_not_found"


def test_the_worker_may_send_a_request_from_its_event_after_the_process_died(client, deps, dev, civica, calls,
                                                                              dies_after_commit):
    from infra.template.access import WORKER_TABLES
    from tests.infra.test_alert_roles import allowed
    person, path = dev
    dies_after_commit()
    made = ask(client, person, path, {"kind": "instalment_day", "day": 28}).json_body
    assert made["state"] == "queued" and made["tries"] == 0 and civica.requests.count() == 0
    calls.clear()
    assert run_stream(deps, "revenue_request") == []
    assert civica.requests.count("instalment_day") == 1
    stream = [c for c in calls if c != ("Scan", "events")]  # the test reading the events as the stream hands them
    assert {"revenue-requests", "outbox", "alert-deliveries"} <= {t for _, t in stream}
    assert allowed(WORKER_TABLES, stream) == []


def test_erasing_my_account_removes_my_council_tax_requests(client, deps, dev):
    person, path = dev
    made = ask(client, person, path, {"kind": "instalment_day", "day": 12}).json_body
    assert deps.revenue_requests.get(person.user.id, made["id"]) is not None
    assert client.raw.http.delete("/v1/me", headers=person.auth).status_code == 204
    assert deps.revenue_requests.of_user(person.user.id) == []
