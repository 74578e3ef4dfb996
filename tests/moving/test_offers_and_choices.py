"""What a move offers (bookings and alerts at the old home) waits for the
resident's choice, and a move reaches only its own resident's things: a
neighbour at the same address moving sees none of theirs and cannot choose for them.
A choice is sent as the app sends it: the part's name through encodeURIComponent
(`alert%3A...`), which API Gateway hands to the route decoded."""
import json
import urllib.request
from urllib.parse import quote

from support.moving_support import NEW_HOME, homes, living_at, move
from support.pay_support import confirmed_booking, pay  # noqa: F401 (fixture)
from support.served import served  # noqa: F401 (fixture)

WITHIN = {"move": "within", "date": None, "to_uprn": NEW_HOME, "tenure": "rented",
          "contact": {"role": "agent", "name": "Ouse Lettings"}}


def moved(client, deps, person, key="move-one"):
    from chalicelib.stamps import london_today
    answer = move(client, person, {**WITHIN, "date": london_today(deps.clock()).isoformat()}, key)
    assert answer.status_code == 201, answer.body
    return answer.json_body


def choose(client, person, move_id, part, choice):
    """As web/js/screens/moving-page.js sends it: the part's name through encodeURIComponent."""
    return client.post(f"/v1/me/moves/{move_id}/parts/{quote(part, safe='')}/choice", {"choice": choice}, person.auth)


def test_a_booking_and_an_alert_at_the_old_home_are_offered_and_act_only_on_the_residents_choice(
        client, deps, people, pay):
    booking, resident = confirmed_booking(client, deps, people)
    homes(deps)
    living_at(deps, resident)
    alert = client.post("/v1/alerts", {"kind": "area", "lat": 53.9568, "lon": -1.0755, "radius_m": 300,
                                       "channels": ["email"]}, resident.auth).json_body
    made = moved(client, deps, resident)
    offered = {p["name"]: p for p in made["parts"] if p["state"] == "offered"}
    assert set(offered) == {f"bulky:{booking['id']}", f"alert:{alert['id']}"}
    assert deps.bulky.get(booking["id"]).status == "confirmed"  # listed, not touched
    assert offered[f"bulky:{booking['id']}"]["choices"] == ["keep", "cancel"]

    kept = choose(client, resident, made["id"], f"bulky:{booking['id']}", "cancel")
    assert kept.status_code == 200, kept.body
    assert deps.bulky.get(booking["id"]).status == "cancelled"
    again = choose(client, resident, made["id"], f"bulky:{booking['id']}", "cancel")
    other = choose(client, resident, made["id"], f"bulky:{booking['id']}", "keep")
    assert again.status_code == 200 and other.status_code == 409

    assert choose(client, resident, made["id"], f"alert:{alert['id']}", "move").status_code == 200
    alerts = client.get("/v1/alerts", resident.auth).json_body["alerts"]
    assert len(alerts) == 1 and alerts[0]["id"] != alert["id"]
    new_home = deps.addresses.get(NEW_HOME)
    assert (alerts[0]["lat"], alerts[0]["lon"], alerts[0]["radius_m"]) == (new_home.lat, new_home.lon, 300)


def test_a_move_cannot_touch_another_residents_subscriptions_or_bookings(client, deps, people, pay):
    booking, neighbour = confirmed_booking(client, deps, people)
    homes(deps)
    resident = people()
    living_at(deps, resident)  # the same address as the neighbour's booking
    made = moved(client, deps, resident)
    assert [p["name"] for p in made["parts"] if p["kind"] in ("bulky", "garden", "container", "alert")] == []
    theirs = choose(client, resident, made["id"], f"bulky:{booking['id']}", "cancel")
    assert theirs.status_code == 404 and theirs.json_body["error"]["code"] == "part_not_found"
    living_at(deps, neighbour)
    neighbours_move = moved(client, deps, neighbour, key="neighbour-move")
    not_mine = choose(client, resident, neighbours_move["id"], f"bulky:{booking['id']}", "cancel")
    assert not_mine.status_code == 404 and not_mine.json_body["error"]["code"] == "move_not_found"
    assert client.get(f"/v1/me/moves/{neighbours_move['id']}", resident.auth).status_code == 404
    assert deps.bulky.get(booking["id"]).status == "confirmed"


def test_a_choice_sent_as_the_app_encodes_it_acts_through_make_runs_server(served, client, deps, people, pay):
    booking, resident = confirmed_booking(client, deps, people)
    homes(deps)
    living_at(deps, resident)
    made = moved(client, deps, resident)
    part = f"bulky:{booking['id']}"
    request = urllib.request.Request(
        f"{served.url}/v1/me/moves/{made['id']}/parts/{quote(part, safe='')}/choice", method="POST",
        data=json.dumps({"choice": "cancel"}).encode(), headers={"Content-Type": "application/json", **resident.auth})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
        assert {p["name"]: p["state"] for p in json.loads(answer.read())["parts"]}[part] == "cancelled"
    assert deps.bulky.get(booking["id"]).status == "cancelled"
