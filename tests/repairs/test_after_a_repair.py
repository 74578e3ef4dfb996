"""After a repair: the day-before text, once, from 9am the day before (not on
the Friday before a Monday appointment); a repair that failed reopened by its
tenant within the council's set days (the last day said by how-it-went), and refused a day past them with the
rule in words. The app's clock starts on Tuesday 24 November 2026, 10am."""
from datetime import datetime

from chalicelib.storage.outbox import OutboxModel
from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import LONDON, civica, council_morning  # noqa: F401 (fixtures)


def texts():
    return [m.body for m in OutboxModel.recipient_index.query("+447700900123")]


def fresh(deps, person):
    """Signed in again: a session from before the clock moved days on has lapsed."""
    from chalicelib.handlers.accounts import auth
    from conftest import Person
    return Person(person.user, auth.start_session(deps, person.user, deps.clock()))


def test_the_day_before_reminder_is_texted_once_from_nine_the_day_before(client, tenant, council_morning, deps):
    from chalicelib.handlers.repairs.desk.after import send_reminders
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    booked = client.post(f"/v1/repairs/{repair['id']}/appointment", {"day": "2026-11-30", "half": "AM"}, tenant.auth)
    assert booked.status_code == 200, booked.body
    council_morning.move_to(datetime(2026, 11, 27, 18, 0, tzinfo=LONDON))  # Friday: Monday is not tomorrow
    assert send_reminders(deps) == 0
    council_morning.move_to(datetime(2026, 11, 29, 8, 59, tzinfo=LONDON))  # Sunday, before nine
    assert send_reminders(deps) == 0
    council_morning.move_to(datetime(2026, 11, 29, 9, 0, tzinfo=LONDON))
    assert send_reminders(deps) == 1
    assert send_reminders(deps) == 0  # a second sweep: once
    reminder = f"A reminder: your council repair {repair['id']} is booked for tomorrow, in the morning (8am to 12pm)."
    assert texts().count(reminder) == 1


def done(client, people, tenant, deps):
    repair = client.post("/v1/repairs", DRIPPING_TAP, tenant.auth).json_body
    closed = client.post(f"/v1/staff/repairs/{repair['id']}/done", {"what": "New washer"}, people("staff").auth)
    assert closed.status_code == 200, closed.body
    return repair


def test_a_failed_repair_is_reopened_on_the_last_day_and_refused_a_day_past_it(
        client, tenant, people, council_morning, deps, monkeypatch):
    monkeypatch.setenv("DOORSTEP_REPAIR_REOPEN_DAYS", "7")
    first, second = done(client, people, tenant, deps), done(client, people, tenant, deps)
    council_morning.move_to(datetime(2026, 12, 1, 23, 30, tzinfo=LONDON))  # the 7th day, late in the evening
    me = fresh(deps, tenant)
    assert client.get(f"/v1/repairs/{second['id']}/how-it-went", me.auth).json_body["reopen_by"] == "2026-12-01"
    reopened = client.post(f"/v1/repairs/{first['id']}/reopen", {"what": "It drips again"}, me.auth)
    assert reopened.status_code == 200, reopened.body
    assert reopened.json_body["status"] == "reported" and reopened.json_body["dates"][0]["state"] == "on_time"
    twice = client.post(f"/v1/repairs/{first['id']}/reopen", {"what": "Still"}, me.auth)
    assert twice.status_code == 409 and twice.json_body["error"]["code"] in ("not_done", "reopened_already")
    council_morning.move_to(datetime(2026, 12, 2, 0, 30, tzinfo=LONDON))  # a day past it
    me = fresh(deps, tenant)
    assert client.get(f"/v1/repairs/{second['id']}/how-it-went", me.auth).json_body["reopen_by"] is None  # not offered
    late = client.post(f"/v1/repairs/{second['id']}/reopen", {"what": "It drips again"}, me.auth)
    assert late.status_code == 422 and late.json_body["error"]["code"] == "reopen_too_late"
    assert late.json_body["error"]["message"] == (
        "A repair can be reopened within 7 days of being done: this one was done on Tuesday 24 November 2026, "
        "so please report it as a new repair.")


def test_another_tenant_cannot_reopen_or_answer_for_a_repair(client, tenant, people, deps):
    repair = done(client, people, tenant, deps)
    other = people()
    assert client.post(f"/v1/repairs/{repair['id']}/reopen", {"what": "x"}, other.auth).status_code == 404
    assert client.post(f"/v1/repairs/{repair['id']}/how-it-went", {"fixed": True, "rating": 4},
                       other.auth).status_code == 404
