"""The council tax link during a move, as the back office answers about the
move request: the old account shown closing from the move date, the new
home's account offered to link (one tap) once the office opens it, and the
last copy with its age while the office is away."""
from datetime import date, timedelta

from tests.moving.test_staff_and_costs import cost
from support.moving_support import NEW_HOME, homes, living_at, move, signed_in_again
from support.revenues_support import ARREARS, BILLS, DEV, civica, council_morning, linked  # noqa: F401 (fixtures)

IN_TEN_DAYS = (date(2026, 11, 24) + timedelta(days=10)).isoformat()  # Friday 4 December


def parts_of(client, auth, move_id):
    page = client.get(f"/v1/me/moves/{move_id}", auth)
    assert page.status_code == 200, page.body
    return {p["name"]: p for p in page.json_body["parts"]}


def test_the_old_account_closes_from_the_move_date_and_the_new_one_is_offered_once_opened(
        client, deps, people, civica, council_morning):
    homes(deps)
    resident = people()
    living_at(deps, resident)
    linked(client, resident, BILLS[DEV])
    made = move(client, resident, {"move": "within", "date": IN_TEN_DAYS, "to_uprn": NEW_HOME, "tenure": "sold",
                                   "contact": {"role": "solicitor", "name": "Lee & Co"}}).json_body
    auth = resident.auth
    parts = parts_of(client, auth, made["id"])
    ctax = parts["council_tax"]
    assert ctax["facts"]["closing_from"] == IN_TEN_DAYS and ctax["facts"]["stale"] is False
    assert "closes from Friday 4 December 2026" in ctax["text"] and "council_tax_new" not in parts
    asked = len(civica.calls)
    fresh = client.get(f"/v1/me/moves/{made['id']}", auth)
    assert len(civica.calls) == asked  # a fresh copy asks nothing
    # The move, its request, whether its changes are still being made, and the parts' Query (3 parts),
    # with the session and user: no back office.
    assert cost(fresh) == (1, 8), fresh.headers["Server-Timing"]

    civica.moves.open_all()  # the office works the move: the new home's account opens
    council_morning.shift(timedelta(minutes=6))
    asking = client.get(f"/v1/me/moves/{made['id']}", auth)
    # Asked again (crmlogin, cocrmper, ctxmovestat) with the links' Query to offer the new account once.
    assert cost(asking) == (2, 9) and len(civica.calls) - asked == 3, asking.headers["Server-Timing"]
    offer = {p["name"]: p for p in asking.json_body["parts"]}["council_tax_new"]
    new_ref = offer["facts"]["reference"]
    assert offer["state"] == "offered" and offer["choices"] == ["link", "decline"] and new_ref != ARREARS

    civica.down = True  # away: the last copy with its age, never an error
    council_morning.shift(timedelta(minutes=10))
    auth = signed_in_again(deps, resident)
    ctax = parts_of(client, auth, made["id"])["council_tax"]
    assert ctax["facts"]["stale"] is True and ctax["facts"]["age_s"] >= 600
    assert ctax["facts"]["closing_from"] == IN_TEN_DAYS
    tap = client.post(f"/v1/me/moves/{made['id']}/parts/council_tax_new/choice", {"choice": "link"}, auth)
    assert tap.status_code == 503 and tap.json_body["error"]["code"] == "back_office_unavailable"
    civica.down = False

    tap = client.post(f"/v1/me/moves/{made['id']}/parts/council_tax_new/choice", {"choice": "link"}, auth)
    assert tap.status_code == 200, tap.body
    again = client.post(f"/v1/me/moves/{made['id']}/parts/council_tax_new/choice", {"choice": "link"}, auth)
    assert again.status_code == 200
    links = client.get("/v1/me/council-tax", auth).json_body["links"]
    assert sorted(link["reference"] for link in links) == sorted([ARREARS, new_ref])
    council_morning.shift(timedelta(minutes=6))
    parts = parts_of(client, auth, made["id"])
    assert [n for n in parts if n.startswith("council_tax")] == ["council_tax", "council_tax_new"]
    assert parts["council_tax_new"]["state"] == "linked" and parts["council_tax_new"]["choices"] == []
