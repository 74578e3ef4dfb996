"""What follows a move, each from its event, once: run again after a crash
(the request's own try never happened, then the stream's job twice, then the
effect itself twice as a worker that died before settling would) and still
one council tax request at the back office, one garden term at the new home,
one refund, one e-mail."""
import uuid
from datetime import date, timedelta

from support.alert_support import outbox_to
from support.effects_support import dies_after_commit, run_stream  # noqa: F401 (fixture)
from support.moving_support import NEW_GARDEN, NEW_HOME, homes, living_at, move, signed_in_again
from support.pay_support import SUCCESS, pay, pay_with  # noqa: F401 (fixture)
from support.revenues_support import BILLS, DEV, civica, council_morning, linked  # noqa: F401 (fixtures)
from tests.infra.test_alert_roles import allowed, calls  # noqa: F401 (fixture)

TODAY = date(2026, 11, 24)  # council_morning: Tuesday 24 November 2026, 10am in London
IN_TEN_DAYS = (TODAY + timedelta(days=10)).isoformat()  # Friday 4 December


def garden_paid(client, deps, person, bins=1):
    made = client.post("/v1/waste/garden/subscriptions", {"uprn": "990000000501", "bins": bins},
                       {**person.auth, "Idempotency-Key": str(uuid.uuid4())}).json_body
    back = pay_with(made["payment"]["next_url"], SUCCESS)
    assert client.get(back[back.index("/v1/"):]).status_code == 302
    return deps.garden.get("990000000501", made["start"])


def the_effect_again(deps, person, move_id):
    """The move's effect run twice more, as a worker that died after acting and before settling."""
    from chalicelib.handlers.moving.following import on_move
    from chalicelib.storage.records import Event
    event = Event(id=f"move.{move_id}", kind="move_made", report_id=None,
                  payload={"user_id": person.user.id, "move_id": move_id})
    on_move(deps, event, "again")
    on_move(deps, event, "again")


def test_moving_within_york_in_ten_days_moves_council_tax_bins_and_garden_once(
        client, deps, people, civica, council_morning, pay, dies_after_commit, calls):
    homes(deps)
    resident = people()
    living_at(deps, resident)
    linked(client, resident, BILLS[DEV])
    sub = garden_paid(client, deps, resident)
    dies_after_commit()  # the request's own try never happens: the stream is the guarantee
    made = move(client, resident, {"move": "within", "date": IN_TEN_DAYS, "to_uprn": NEW_HOME, "tenure": "sold",
                                   "contact": {"role": "solicitor", "name": "Lee & Co"}, "furnished": False})
    assert made.status_code == 201 and made.json_body["parts"] == []
    assert made.json_body["under_way"] is True  # the page reads again until the changes are made
    move_id = made.json_body["id"]
    from collections import Counter
    from chalicelib.storage.metering import metered
    calls.clear()
    with metered() as first:
        assert run_stream(deps, "move_made") == []
    from infra.template.access import WORKER_TABLES
    assert allowed(WORKER_TABLES, [c for c in calls if c != ("Scan", "events")]) == []  # the worker may do it all
    with metered() as again:
        assert run_stream(deps, "move_made") == []
    with metered() as rerun:
        the_effect_again(deps, resident, move_id)
    # What the move set off costs (docs/decisions/moving.md), the council tax request's own first send
    # included, and the move counted for the council's figures (one transaction: its count and its mark);
    # the stream's job again is one read of its claim, and the effect run again writes nothing (its count
    # refused by its mark). Seven Queries: the stream's first look at which councils have left (one Query of
    # the councils, kept as the registry keeps its copy: registry.left) and the move's six.
    writes = {"PutItem", "UpdateItem", "TransactWriteItems", "DeleteItem", "BatchWriteItem"}
    done = Counter(first.operations)
    assert sum(done[w] for w in writes) == 12 and done["Query"] == 7 and first.calls <= 32, done
    assert set(again.operations) <= {"Scan", "GetItem"} and set(rerun.operations) <= {"GetItem", "Query"}
    run_stream(deps, "revenue_request")

    assert civica.requests.count() == 1
    kept = next(iter(civica.requests.kept.values()))
    assert kept["form"]["movetype"] == "within" and kept["form"]["movedate"] == "04-Dec-2026"
    assert kept["form"]["contactname"] == "Lee & Co" and kept["form"]["moveref"] == move_id
    page = client.get(f"/v1/me/moves/{move_id}", resident.auth).json_body
    assert page["under_way"] is False and page["held_up"] is False
    parts = {p["name"]: p for p in page["parts"]}
    assert parts["council_tax"]["state"] == "sent"
    assert parts["council_tax"]["facts"]["back_office_reference"].startswith("CR")
    # The new street's first days on or after the move: refuse on Thursday, garden on the Friday of the move.
    assert [(d["stream"], d["date"], d["weekday"]) for d in parts["bin_days"]["facts"]["days"]] == [
        ("refuse", "2026-12-10", "Thursday"), ("garden", "2026-12-04", "Friday")]
    garden = parts[f"garden:990000000501.{sub.start}"]
    assert garden["state"] == "moved" and garden["facts"]["round"] == NEW_GARDEN
    terms = [t for t in deps.garden.of_user(resident.user.id) if t.status == "active"]
    assert sorted((t.uprn, t.start, t.end) for t in terms) == [
        ("990000000501", sub.start, "2026-12-03"), (NEW_HOME, IN_TEN_DAYS, sub.end)]
    assert [e["text"] for e in page["elsewhere"]][0].startswith("Register to vote")
    mails = [m for m in outbox_to(resident.user.email) if m.subject == "Your move: what we changed"]
    assert len(mails) == 1 and "gone to the council tax office" in mails[0].body and "gov.uk/register" in mails[0].body

    # Until the move date the saved address is the old home; from it, the new one (and its bins).
    assert client.get("/v1/me", resident.auth).json_body["uprn"] == "990000000501"
    council_morning.move_to(f"{IN_TEN_DAYS}T09:00:00+00:00")
    assert client.get("/v1/me", signed_in_again(deps, resident)).json_body["uprn"] == NEW_HOME
    from chalicelib.handlers.waste.garden import of_round
    assert [s["uprn"] for s in of_round(deps, NEW_GARDEN)["subscriptions"]] == [NEW_HOME]


def test_moving_out_of_york_refunds_the_garden_months_left_once_and_stops_the_bins(
        client, deps, people, civica, council_morning, pay):
    homes(deps)
    resident = people()
    living_at(deps, resident)
    sub = garden_paid(client, deps, resident)  # one bin, £50 for a year from today
    made = move(client, resident, {"move": "out", "date": IN_TEN_DAYS, "tenure": "rented",
                                   "contact": {"role": "landlord", "name": "Mrs Ross"},
                                   "forwarding": "4 Quay Street, Whitby YO21 3PY"}).json_body
    the_effect_again(deps, resident, made["id"])
    run_stream(deps, "move_made")
    parts = {p["name"]: p for p in client.get(f"/v1/me/moves/{made['id']}", resident.auth).json_body["parts"]}
    garden = parts[f"garden:990000000501.{sub.start}"]
    # 4 December 2026 to 23 November 2027: 11 whole months of 12, £50 x 11 / 12 rounded down.
    assert garden["state"] == "refunded" and garden["facts"]["months"] == 11 and garden["facts"]["amount"] == 4583
    assert deps.payments.get(sub.payment_id).refunded == 4583
    assert deps.garden.get("990000000501", sub.start).end == "2026-12-03"
    assert parts["bin_days"]["state"] == "stopped" and parts["council_tax"]["state"] == "no_account"
    council_morning.move_to(f"{IN_TEN_DAYS}T09:00:00+00:00")
    assert client.get("/v1/me", signed_in_again(deps, resident)).json_body["uprn"] is None
