"""A qualifying repair under the Right to Repair: its period shown, a second
contractor proposed on the board when the first is late and sent by staff,
and when that one is late too the compensation fixed once when it is done.
Reported on Tuesday 24 November 2026 at 10am: a leaking pipe, 1 working day."""
from datetime import datetime

from support.repairs_support import DRIPPING_TAP, tenant, tenant_drs  # noqa: F401 (fixtures)
from support.revenues_support import LONDON, civica, council_morning  # noqa: F401 (fixtures)

def fresh(deps, person):
    """The person signed in again: a session from before the clock moved days on has lapsed."""
    from chalicelib.handlers.accounts import auth
    from conftest import Person
    return Person(person.user, auth.start_session(deps, person.user, deps.clock()))


LEAK = {**DRIPPING_TAP, "issue": "pipe_leak", "description": "Water drips from the pipe under the sink."}


def test_a_qualifying_repair_shows_its_one_working_day(client, tenant):
    repair = client.post("/v1/repairs", LEAK, tenant.auth).json_body
    assert repair["dates"][0]["clock"] == "right_to_repair"
    assert repair["dates"][0]["text"] == "Your repair is due by Wednesday 25 November 2026."


def test_a_qualifying_repair_left_late_twice_owes_compensation_once(client, tenant, people, council_morning, deps):
    repair = client.post("/v1/repairs", LEAK, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    early = client.post(f"{path}/second-contractor", {}, officer.auth)
    assert early.status_code == 409 and early.json_body["error"]["code"] == "first_period_running"
    council_morning.move_to(datetime(2026, 11, 26, 9, 0, tzinfo=LONDON))  # the first contractor is late
    officer = fresh(deps, officer)
    late, = client.get("/v1/staff/repairs/board", officer.auth).json_body["late"]
    assert late["id"] == repair["id"] and late["proposal"] == "second_contractor"
    sent = client.post(f"{path}/second-contractor", {}, officer.auth)
    assert sent.status_code == 200 and sent.json_body["dates"][0]["text"] == \
        "Your repair by a second contractor is due by Friday 27 November 2026."
    council_morning.move_to(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON))  # four days after the second's last day
    officer = fresh(deps, officer)
    closed = client.post(f"{path}/done", {"what": "Pipe joint replaced"}, officer.auth)
    assert closed.status_code == 200, closed.body
    assert closed.json_body["compensation"] == 1_800  # £10 and 4 days at £2
    assert closed.json_body["compensation_text"].startswith("Your repair was late twice under the Right to "
                                                            "Repair, so you are owed £18.00 in compensation.")
    again = client.post(f"{path}/done", {"what": "Pipe joint replaced"}, officer.auth)
    assert again.status_code == 409 and again.json_body["error"]["code"] == "repair_closed"
    seen = client.get(f"/v1/repairs/{repair['id']}", fresh(deps, tenant).auth).json_body
    assert seen["compensation"] == 1_800 and seen["status"] == "done"


def test_a_second_contractor_in_time_owes_nothing(client, tenant, people, council_morning, deps):
    repair = client.post("/v1/repairs", LEAK, tenant.auth).json_body
    officer, path = people("staff"), f"/v1/staff/repairs/{repair['id']}"
    council_morning.move_to(datetime(2026, 11, 26, 9, 0, tzinfo=LONDON))
    client.post(f"{path}/second-contractor", {}, fresh(deps, officer).auth)
    council_morning.move_to(datetime(2026, 11, 27, 16, 0, tzinfo=LONDON))  # the second period's last day
    officer = fresh(deps, officer)
    closed = client.post(f"{path}/done", {"what": "Pipe joint replaced"}, officer.auth)
    assert closed.json_body["compensation"] is None and closed.json_body["compensation_text"] is None
