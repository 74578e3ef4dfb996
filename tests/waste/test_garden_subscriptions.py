"""Garden waste: a household pays for a year of its garden bins (first bin
£50, each other £35 by default), renews in the window before the year ends,
is reminded twice, and staff see each round's subscribers."""
import dataclasses
import uuid
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from chalicelib.auth.principal import Principal
from chalicelib.stamps import london_today
from support.bins_support import HOME
from support.pay_support import DECLINED, GARDEN_ROUND, SUCCESS, home_with_round, pay, pay_with  # noqa: F401
from support.racing import at_once

LONDON = ZoneInfo("Europe/London")


def subscribe(client, person, bins=2, key=None):
    return client.post("/v1/waste/garden/subscriptions", {"uprn": HOME, "bins": bins},
                       {**person.auth, "Idempotency-Key": key or str(uuid.uuid4())})


def paid(client, made, card=SUCCESS):
    back = pay_with(made["payment"]["next_url"], card)
    assert client.get(back[back.index("/v1/"):]).status_code == 302


def on_day(deps, day, person=None):
    """Deps at noon (London) on `day`: a moment named by a date the story computed."""
    moment = datetime.combine(day, time(12), LONDON)
    own = {"principal": Principal(user_id=person.user.id, role="resident", email=person.user.email)} if person else {}
    return dataclasses.replace(deps, clock=lambda: moment, **own)


def test_a_household_subscribes_two_bins_pays_and_is_collected_for_a_year(client, deps, people, pay):
    home_with_round(deps)
    resident = people()
    made = subscribe(client, resident).json_body
    assert (made["status"], made["amount"], made["amount_text"], made["bins"]) == ("pending", 8500, "£85.00", 2)
    today = london_today(deps.clock())
    assert made["start"] == today.isoformat() and made["end"] == (today + timedelta(days=364)).isoformat()
    paid(client, made)
    now = client.get(f"/v1/waste/garden/subscriptions/{made['id']}", resident.auth).json_body
    assert now["status"] == "active" and now["payment"]["status"] == "success"
    mail = [m for m in deps.accounts.messages_to([resident.user.email]) if "garden" in m["subject"]]
    assert len(mail) == 1 and "Total paid: £85.00" in mail[0]["body"]
    place = client.get(f"/v1/places/{HOME}/garden", resident.auth).json_body
    assert place["current"]["id"] == made["id"] and place["offer"] is None
    assert place["renewal_opens"] == (date.fromisoformat(made["end"]) - timedelta(days=42)).isoformat()
    again = subscribe(client, people())
    assert again.status_code == 409 and again.json_body["error"]["code"] == "already_subscribed"
    assert client.get("/v1/me/export", resident.auth).json_body["garden_subscriptions"][0]["id"] == made["id"]


def test_renewing_once_the_window_opens_pays_for_the_year_after_the_current_one(client, deps, people, pay):
    from chalicelib.handlers.waste import garden
    home_with_round(deps)
    resident = people()
    first = subscribe(client, resident).json_body
    paid(client, first)
    end = date.fromisoformat(first["end"])
    too_soon = on_day(deps, end - timedelta(days=43), resident)
    assert garden.for_property(too_soon, HOME)["offer"] is None
    window = on_day(deps, end - timedelta(days=42), resident)
    assert garden.for_property(window, HOME)["offer"] == {
        "start": (end + timedelta(days=1)).isoformat(), "end": (end + timedelta(days=365)).isoformat(),
        "renewal": True}
    renewal, created = garden.subscribe(window, {"uprn": HOME, "bins": 1}, str(uuid.uuid4()))
    assert created and renewal["start"] == (end + timedelta(days=1)).isoformat() and renewal["amount"] == 5000


def test_renewal_reminders_go_when_renewing_opens_and_again_a_week_before_the_end_once_each(client, deps, people,
                                                                                             pay):
    from chalicelib.handlers.waste.garden import send_reminders
    home_with_round(deps)
    resident = people()
    made = subscribe(client, resident).json_body
    paid(client, made)
    end = date.fromisoformat(made["end"])
    counts = [send_reminders(on_day(deps, end - timedelta(days=d))) for d in (43, 42, 42, 20, 7, 7, 1)]
    assert counts == [0, 1, 0, 0, 1, 0, 0]
    reminders = [m for m in deps.accounts.messages_to([resident.user.email]) if m["subject"].startswith("Renew")]
    assert len(reminders) == 2 and HOME in reminders[0]["body"]


def test_a_household_subscribing_at_once_makes_one_subscription_and_one_payment(client, deps, people, pay):
    home_with_round(deps)
    household = [people() for _ in range(4)]
    answers = at_once(lambda person: subscribe(client, person), household)
    assert sorted(a.status_code for a in answers) == [201, 409, 409, 409]
    assert {a.json_body["error"]["code"] for a in answers if a.status_code == 409} == {"subscription_in_progress"}
    assert len(pay.payments) == 1


def test_a_declined_card_leaves_the_property_free_to_subscribe_again(client, deps, people, pay):
    home_with_round(deps)
    resident = people()
    made = subscribe(client, resident).json_body
    paid(client, made, DECLINED)
    assert client.get(f"/v1/waste/garden/subscriptions/{made['id']}", resident.auth).json_body["status"] == "failed"
    again = subscribe(client, resident)
    assert again.status_code == 201 and again.json_body["id"] == made["id"]  # the same term, claimed afresh


def test_my_account_lists_my_garden_subscription_and_not_the_neighbour_s_declined_try(client, deps, people, pay):
    from chalicelib.handlers.waste.garden import mine
    from chalicelib.storage.metering import metered
    home_with_round(deps)
    neighbour, resident = people(), people()
    paid(client, subscribe(client, neighbour).json_body, DECLINED)
    made = subscribe(client, resident).json_body  # the same term, claimed afresh by the household's other member
    paid(client, made)
    listed = client.get("/v1/me/garden-subscriptions", resident.auth)
    assert listed.status_code == 200 and listed.headers["Cache-Control"] == "no-store"
    assert [(s["id"], s["status"], s["address"]) for s in listed.json_body["subscriptions"]] == [
        (made["id"], "active", made["address"])]
    assert client.get("/v1/me/garden-subscriptions", neighbour.auth).json_body == {"subscriptions": []}
    with metered() as meter:
        mine(deps, resident.user.id)
    assert meter.operations == ["Query"]
    assert client.get("/v1/me/garden-subscriptions").status_code == 401


def test_staff_see_a_round_s_subscribers_and_their_bins_and_a_cancelled_one_drops_off(client, deps, people, pay):
    home_with_round(deps)
    resident, officer = people(), people("staff")
    made = subscribe(client, resident, bins=3).json_body
    paid(client, made)
    listed = client.get(f"/v1/staff/waste/garden/rounds/{GARDEN_ROUND}", officer.auth).json_body
    assert (listed["properties"], listed["bins"]) == (1, 3)
    assert listed["subscriptions"][0]["address"] == "5 Walmgate, York"
    assert client.post(f"/v1/waste/garden/subscriptions/{made['id']}/cancel", {}, resident.auth).json_body[
        "status"] == "cancelled"
    assert client.get(f"/v1/staff/waste/garden/rounds/{GARDEN_ROUND}", officer.auth).json_body["properties"] == 0


def test_bad_input_is_refused_by_field_and_a_property_off_the_garden_rounds_is_told(client, deps, people):
    home_with_round(deps, garden=False)
    resident = people()
    # 4: within the document's bounds, past the council's max_bins: its rule (422), in the same words.
    for bins, status in ((0, 400), (4, 422), ("2", 400), (1.5, 400), (None, 400)):
        answer = client.post("/v1/waste/garden/subscriptions", {"uprn": HOME, "bins": bins}, resident.auth)
        assert answer.status_code == status and answer.json_body["error"]["fields"] == [
            {"field": "bins", "message": "Choose how many bins, from 1 to 3"}]  # said as the screen asks it
    off = client.post("/v1/waste/garden/subscriptions", {"uprn": HOME, "bins": 1}, resident.auth)
    assert off.status_code == 422 and off.json_body["error"]["code"] == "no_garden_round"
    admin = people("admin")
    import json
    bad = client.raw.http.request("PUT", "/v1/waste/garden", headers={
        **admin.auth, "Content-Type": "application/json", "If-Match": '"0"'}, body=json.dumps({
            "first_bin_price": 49.99, "other_bin_price": 3500, "max_bins": 3, "term_days": 365,
            "renewal_opens_days": 42, "last_reminder_days": 7}).encode())
    assert bad.status_code == 400 and bad.json_body["error"]["fields"][0]["field"] == "first_bin_price"
