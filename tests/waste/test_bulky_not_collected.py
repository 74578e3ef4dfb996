"""A bulky collection the crew could not make: the resident is e-mailed the
crew's reason (through the outbox) and, by the council's rule, offered a
free rebooking (once, past the old day's cut-off, a new job for the crew on
the new day) or refunded in full through the provider, once."""
import dataclasses
import json
import uuid
from datetime import timedelta

from support.crew_support import now_iso
from support.pay_support import ROUND, pay  # noqa: F401
from tests.waste.test_bulky_crew_jobs import at, collection_day, day_start, waste_crew  # noqa: F401

REASON = "Nothing at the front gate."


def mail(deps, resident, words):
    return [m for m in deps.accounts.messages_to([resident.user.email]) if words in m["subject"]]


def unable(crew, made):
    answer = crew.update(made["id"], {"status": "unable", "reason": REASON, "saved_at": now_iso()})
    assert answer.status_code == 201, answer.body


def test_not_collected_offers_a_free_rebooking_once_and_a_new_job_on_the_new_day(client, deps, people, pay,
                                                                                  waste_crew):
    from chalicelib.handlers.waste.collections import make_crew_jobs
    from chalicelib.handlers.waste.not_collected import on_job_closed
    crew, _ = waste_crew
    made, resident = collection_day(client, deps, people)
    unable(crew, made)
    told = mail(deps, resident, "could not be made")
    assert len(told) == 1 and REASON in told[0]["body"] and "free of charge" in told[0]["body"]
    assert on_job_closed(deps, deps.jobs.get(made["id"])) is None  # told twice: nothing more
    assert len(mail(deps, resident, "could not be made")) == 1
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (seen["missed"]["remedy"], seen["missed"]["reason"], seen["collection"]["status"]) == (
        "rebook", REASON, "not_collected")

    same_day = client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"items": ["sofa", "fridge"]},
                           {**resident.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert same_day.status_code == 422 and same_day.json_body["error"]["code"] == "rebook_date_only"
    # On the collection day itself, long past its cut-off: the free rebooking is still open.
    from chalicelib.auth.principal import Principal
    from chalicelib.handlers.waste import changes
    from chalicelib.handlers.waste.dates import offered
    that_day = dataclasses.replace(at(deps, day_start(made) + timedelta(hours=15)),
                                   principal=Principal(user_id=resident.user.id, role="resident"))
    first = offered(that_day, made["uprn"])["dates"][0]["date"]
    assert first > made["date"]
    body, _ = changes.change(that_day, made["id"], {"date": first}, str(uuid.uuid4()))
    assert (body["date"], body["amount"], body["collection"], body["missed"]["rebooked_at"] is not None) == (
        first, 2500, None, True)
    assert body["payment"]["refunded"] == 0 and body["pending_change"] is None
    assert deps.bulky.taken(ROUND, [made["date"], first]) == {made["date"]: 0, first: 1}
    # Used once: the next change is an ordinary one again (its own cut-off, its own price).
    assert deps.bulky.get(made["id"]).missed["rebooked_at"]
    new_day = dict(made, date=first)
    from chalicelib.handlers.waste.settling import send_reminders
    for days in (3, 1):
        send_reminders(at(deps, day_start(new_day) - timedelta(days=days) + timedelta(hours=10)))
    assert make_crew_jobs(at(deps, day_start(new_day))) == 1
    assert deps.jobs.get(made["id"] + "-2").details["booking_id"] == made["id"]
    again = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert again["collection"]["status"] == "scheduled"


def test_by_the_council_s_rule_not_collected_is_refunded_in_full_once(client, deps, people, pay, waste_crew):
    from chalicelib.handlers.waste.not_collected import on_job_closed
    crew, _ = waste_crew
    admin = people("admin")

    def put(rules, version):
        return client.raw.http.request("PUT", "/v1/waste/bulky/items", body=json.dumps(rules).encode(), headers={
            **admin.auth, "Content-Type": "application/json", "If-Match": version})
    rules = {k: v for k, v in client.get("/v1/waste/bulky/items").json_body.items() if k not in ("currency", "version")}
    assert rules["not_collected"] == "rebook"
    wrong = put({**rules, "not_collected": "shrug"}, '"0"')
    assert wrong.status_code == 400 and wrong.json_body["error"]["fields"][0]["field"] == "not_collected"
    assert put({**rules, "not_collected": "refund"}, '"0"').json_body["not_collected"] == "refund"

    made, resident = collection_day(client, deps, people)
    unable(crew, made)
    assert on_job_closed(deps, deps.jobs.get(made["id"])) is None
    seen = client.get(f"/v1/waste/bulky/bookings/{made['id']}", resident.auth).json_body
    assert (seen["status"], seen["refund"]["status"], seen["refund"]["amount"]) == ("cancelled", "done", 2500)
    provider_id = deps.payments.get(made["payment"]["id"]).provider_id
    assert [r["amount"] for r in pay.payments[provider_id]["refunds"]] == [2500]
    told = mail(deps, resident, "could not be made")
    assert len(told) == 1 and REASON in told[0]["body"] and "£25.00 is being refunded" in told[0]["body"]
    assert mail(deps, resident, "is cancelled") == []  # one e-mail, not two


def test_a_resident_with_push_alerts_is_pushed_once_per_browser_without_the_crew_s_words(client, deps, people, pay):
    from chalicelib.handlers.waste.not_collected import on_job_closed
    from support.alert_support import FakeDeliver, area, push_subscription
    made, resident = collection_day(client, deps, people)
    phone = push_subscription(7)
    for radius in (300, 800):  # two alerts from one browser: one push
        alert = client.post("/v1/alerts", {"channels": ["push"], "push_subscription": phone, **area(radius)},
                            resident.auth)
        assert alert.status_code in (200, 201), alert.body
    job = deps.jobs.get(made["id"])
    job.status, job.reason = "unable", REASON  # as the crew's update leaves it
    fake = FakeDeliver()
    assert on_job_closed(deps, job, deliver=fake) == "rebook"
    assert fake.to("push") == [phone["endpoint"]]
    message = fake.calls[0][2]
    assert made["id"] in message["url"] and REASON not in json.dumps(message)
    assert on_job_closed(deps, job, deliver=fake) is None and len(fake.calls) == 1
