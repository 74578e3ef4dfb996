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
