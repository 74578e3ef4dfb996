"""Staff take a bulky booking for a caller (POST /v1/staff/waste/bulky/bookings):

- `payment: "card"`: card-not-present through the same provider (GOV.UK Pay's
  MOTO: `moto: true` on the payment); the answer's payment.next_url is the
  card page the officer opens and keys the caller's card into. It is held,
  confirmed, released and refunded exactly as a resident's booking is.
- `payment: "waived"`: confirmed at once with no payment, with the officer's
  reason, kept on the booking (`taken_by`: who, when, how, why) and shown
  wherever the booking is.

The booking belongs to no resident account (`user_id` "caller:{officer}"):
the caller's e-mail, when given, is where receipts and reminders go.
"""
from ... import validation
from ...stamps import stamp
from .bookings import book
from .limits import WAIVE_REASON_MAX
from .wording import CARD_OR_WAIVED, NOT_AN_OBJECT, REASON_WITHOUT_WAIVING, WAIVED_WITHOUT_REASON

EXTRA = ("payment", "reason", "caller_email")


def take(deps, body, idempotency_key):
    how, email, taken_by = for_a_caller(deps, body)
    fields = {k: v for k, v in body.items() if k not in EXTRA}
    return book(deps, fields, idempotency_key, user_id=f"caller:{deps.principal.user_id}", email=email,
                taken_by=taken_by, moto=how == "card", waived=how == "waived",
                key_body=body)


def for_a_caller(deps, body, reason_field="reason"):
    """(how it is paid, the caller's email or None, taken_by) from the staff
    fields of a request taken for a caller (`EXTRA`); 400 naming each bad one.
    Shared by every transaction staff take by phone (containers too, whose
    own `reason` is why the container is needed: theirs is `reason_field`)."""
    problems = validation.Problems()
    if not isinstance(body, dict):
        problems.add("body", NOT_AN_OBJECT)
        problems.raise_if_any()
    how = body.get("payment")
    if how not in ("card", "waived"):
        problems.add("payment", CARD_OR_WAIVED)
    reason = validation.text(body.get(reason_field), reason_field, problems, 0, WAIVE_REASON_MAX)
    if how == "waived" and not reason and reason_field not in dict(problems.items):
        problems.add(reason_field, WAIVED_WITHOUT_REASON)
    elif reason and how != "waived":
        problems.add(reason_field, REASON_WITHOUT_WAIVING)
    email = None if body.get("caller_email") in (None, "") else validation.email(
        body["caller_email"], "caller_email", problems)
    problems.raise_if_any()
    officer = deps.principal
    return how, email, {"by": officer.email or officer.user_id, "by_user_id": officer.user_id,
                        "at": stamp(deps.clock()), "payment": how, "reason": reason or None}
