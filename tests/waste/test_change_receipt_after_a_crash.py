"""A booking's change is written with its `bulky_receipt` event: if the
process dies after the change and before its receipt, the stream sends the
receipt, once however often it runs."""
import uuid

from support.effects_support import dies_after_commit, events_of_kind, run_stream  # noqa: F401
from support.pay_support import confirmed_booking, pay  # noqa: F401


def test_a_change_s_receipt_goes_once_when_the_process_dies_after_the_change(client, deps, people, pay,
                                                                             dies_after_commit):
    made, resident = confirmed_booking(client, deps, people, items=("sofa", "fridge"))

    def changed():
        return [m for m in deps.accounts.messages_to([resident.user.email]) if "is changed" in m["subject"]]
    dies_after_commit()
    answer = client.post(f"/v1/waste/bulky/bookings/{made['id']}/change", {"items": ["sofa"]},
                         {**resident.auth, "Idempotency-Key": str(uuid.uuid4())})
    assert answer.status_code == 200, answer.body
    assert changed() == []
    [receipt] = events_of_kind("bulky_receipt")
    assert (receipt.payload["booking_id"], receipt.payload["seq"]) == (made["id"], 1)
    assert run_stream(deps, "bulky_receipt") == [] and run_stream(deps, "bulky_receipt") == []
    [mail] = changed()
    assert "is being refunded" in mail["body"]


def test_a_reminder_and_word_of_a_refund_go_once_when_the_process_dies_after_their_writes(
        client, deps, people, pay, dies_after_commit):
    from datetime import date
    from chalicelib.handlers.waste.settling import send_reminders
    from tests.waste.test_bulky_reminders import at, nine_am
    made, resident = confirmed_booking(client, deps, people)

    def mail(words):
        return [m for m in deps.accounts.messages_to([resident.user.email]) if words in m["subject"]]
    dies_after_commit()
    assert send_reminders(at(deps, nine_am(date.fromisoformat(made["date"]), 3))) == 1  # its step moved on
    assert mail("Reminder") == []
    assert run_stream(deps, "bulky_receipt") == [] and run_stream(deps, "bulky_receipt") == []
    assert len(mail("Reminder")) == 1 and made["id"] in mail("Reminder")[0]["body"]
    cancelled = client.post(f"/v1/waste/bulky/bookings/{made['id']}/cancel", {}, resident.auth)
    assert cancelled.status_code == 200, cancelled.body
    assert deps.bulky.get(made["id"]).refund["status"] == "due" and mail("is cancelled") == []
    assert [e.payload["receipt"] for e in events_of_kind("bulky_receipt")].count("refunded") == 1
    assert run_stream(deps, "bulky_receipt") == [] and run_stream(deps, "bulky_receipt") == []
    [word] = mail("is cancelled")
    assert "£25.00 is being refunded" in word["body"] and len(mail("Reminder")) == 1
    assert run_stream(deps, "bulky_cancel_refund") == [] and run_stream(deps, "bulky_receipt") == []
    assert deps.bulky.get(made["id"]).refund["status"] == "done" and len(mail("is cancelled")) == 1


def test_a_waived_booking_is_confirmed_and_its_caller_told_once_when_the_process_dies_after_the_hold(
        client, deps, people, pay, dies_after_commit):
    from support.pay_support import home_with_round
    from tests.waste.test_bulky_staff_bookings import a_day, take
    uprn, officer = home_with_round(deps), people("staff")
    dies_after_commit()
    made = take(client, officer, {"uprn": uprn, "date": a_day(client, uprn), "items": ["sofa"],
                                  "payment": "waived", "reason": "Housebound", "caller_email": "cal@example.org"})
    assert made.status_code == 201, made.body
    assert made.json_body["status"] == "held" and deps.accounts.messages_to(["cal@example.org"]) == []
    assert run_stream(deps, "bulky_receipt") == [] and run_stream(deps, "bulky_receipt") == []
    assert deps.bulky.get(made.json_body["id"]).status == "confirmed"
    [told] = deps.accounts.messages_to(["cal@example.org"])
    assert "free of charge" in told["body"]
