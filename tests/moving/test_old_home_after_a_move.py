"""What a move offered at the old home, acted on once: a paid container
request cancelled through the move is refunded by its own terms once, though
the choice is sent again; an alert the resident keeps stays and one they move
moves once; and a move reaches nothing of a neighbour's at the same address
(their container request and garden subscription stay theirs, 404 to choose)."""
from chalicelib.handlers.containers import routes  # noqa: F401  (registers the cancel's refund effect)
from support.containers_support import ask, paid, stocked_home
from support.effects_support import run_stream
from support.moving_support import NEW_HOME, homes, living_at
from support.pay_support import pay  # noqa: F401 (fixture)
from tests.moving.test_offers_and_choices import choose, moved

AREA = {"kind": "area", "lat": 53.9568, "lon": -1.0755, "channels": ["email"]}  # round the old home


def refunds_at_provider(deps, payment_id):
    from chalicelib.handlers.payments.core import provider
    return [r.amount for r in provider(deps).refunds(deps.payments.get(payment_id).provider_id)]


def test_a_paid_container_request_cancelled_through_a_move_is_refunded_once_though_the_choice_is_sent_again(
        client, deps, people, pay):
    stocked_home(deps, count=1)
    resident = people()
    request = ask(client, resident).json_body
    paid(client, request)
    homes(deps)
    living_at(deps, resident)
    made = moved(client, deps, resident)
    part = f"container:{request['id']}"
    assert {p["name"]: p["state"] for p in made["parts"]}[part] == "offered"
    first = choose(client, resident, made["id"], part, "cancel")
    again = choose(client, resident, made["id"], part, "cancel")  # the phone sent it again: no answer came
    assert first.status_code == again.status_code == 200, (first.body, again.body)
    assert run_stream(deps, "container_cancelled") == [] and run_stream(deps, "container_cancelled") == []
    assert deps.containers.get(request["id"]).status == "cancelled"
    assert refunds_at_provider(deps, request["payment"]["id"]) == [700]  # its terms: in full, before delivery
    parts = {p["name"]: p for p in again.json_body["parts"]}
    assert parts[part]["state"] == "cancelled" and "refunded by its terms" in parts[part]["text"]


def test_an_alert_kept_at_the_old_home_stays_and_one_moved_moves_once(client, deps, people):
    homes(deps)
    resident = people()
    living_at(deps, resident)
    kept = client.post("/v1/alerts", {**AREA, "radius_m": 300}, resident.auth).json_body
    going = client.post("/v1/alerts", {**AREA, "radius_m": 500}, resident.auth).json_body
    made = moved(client, deps, resident)
    assert choose(client, resident, made["id"], f"alert:{kept['id']}", "stay").status_code == 200
    assert choose(client, resident, made["id"], f"alert:{going['id']}", "move").status_code == 200
    assert choose(client, resident, made["id"], f"alert:{going['id']}", "move").status_code == 200  # twice: once
    assert choose(client, resident, made["id"], f"alert:{kept['id']}", "move").status_code == 409  # chosen
    alerts = {a["radius_m"]: a for a in client.get("/v1/alerts", resident.auth).json_body["alerts"]}
    assert len(alerts) == 2 and alerts[300]["id"] == kept["id"] and (alerts[300]["lat"], alerts[300]["lon"]) == (
        53.9568, -1.0755)
    new_home = deps.addresses.get(NEW_HOME)
    assert alerts[500]["id"] != going["id"] and (alerts[500]["lat"], alerts[500]["lon"]) == (new_home.lat,
                                                                                           new_home.lon)


def test_a_move_cannot_touch_a_neighbours_container_request_or_garden_subscription(client, deps, people, pay):
    from tests.moving.test_what_follows import garden_paid
    stocked_home(deps, count=1)
    neighbour, resident = people(), people()
    theirs = ask(client, neighbour).json_body
    paid(client, theirs)
    their_garden = garden_paid(client, deps, neighbour)
    homes(deps)
    living_at(deps, resident)  # the same address as the neighbour's request and subscription
    made = moved(client, deps, resident)
    assert [p["name"] for p in made["parts"] if p["kind"] in ("garden", "container")] == []
    for part in (f"container:{theirs['id']}", f"garden:990000000501.{their_garden.start}"):
        answer = choose(client, resident, made["id"], part, "cancel")
        assert answer.status_code == 404 and answer.json_body["error"]["code"] == "part_not_found", answer.body
    assert deps.containers.get(theirs["id"]).status == "confirmed"
    assert refunds_at_provider(deps, theirs["payment"]["id"]) == []
    term = deps.garden.get("990000000501", their_garden.start)
    assert (term.status, term.end) == (their_garden.status, their_garden.end)
