"""A premises licence's annual fee paid online, and the licence suspended when it is not (Licensing Act 2003
s.55A, inserted by the Police Reform and Social Responsibility Act 2011 s.120).

Paying is the application fee's way (applying.pay): the payment's id is written on the case first (`annual_fee.
paying`, one conditional write), then made with the provider; the provider's word settles it through the purpose
hook `licence_annual_fee` (on_payment), which records the fee paid for its day and, when the licence was suspended
for that fee, lifts the suspension, in one conditional write with its event. So two presses, or a press and a
retry, make one payment for one fee's day; a success for a fee already paid, or for a payment the case no longer
waits for, is refunded in full.

Suspending follows the reminders' chain on the case (renewing.py): after the fee's last reminder comes the day
after it was due (`annual_fee_unpaid`); the five-minute job then gives the notice (s.55A(3)) naming the day the
suspension takes effect, and on that day (`annual_fee_suspend`) suspends the licence if the fee is still unpaid.
Each step is one conditional write of the case with its event; the mails are the events' effects, kept once.

The day named: s.55A(4) says at least two working days after the day the notice is given. It is counted as two
whole working days between (the day after the second working day), never the second working day itself: a day too
early would be an unlawful suspension, a day later only kinder; councils' practice reads it so (Hinckley and
Bosworth: notice on the 8th day after the fee was due, suspension on the 11th). Working days are the council's
calendar's (s.193: not a weekend, Christmas Day, Good Friday or a bank holiday). The grace of s.55A(2) (an
administrative error, or a dispute notified in writing by the day the fee was due: 21 days) is kept on the case
as `grace` by fee day and holds the notice back to the day after it ends."""
from datetime import date, timedelta

from ...errors import Conflict
from ...stamps import london_today, stamp
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from ..shared.clock import date_words
from . import catalogue, law, wording
from .reminders import UNPAID, after_paid

PURPOSE = "licence_annual_fee"
SUSPEND = "annual_fee_suspend"
STAGES = (UNPAID, SUSPEND)
TRIES = 3
WHY_MAX = 2000


def amount_of(licence_type, band):
    fee = (licence_type or {}).get("annual_fee") or {}
    return fee.get("by_band", {}).get(band) if "by_band" in fee else fee.get("amount")


def rule(deps, case):
    """The law's suspension figures for the case's regime, as the licence's first day's version has them."""
    first = date.fromisoformat(case.licence["from"])
    version = law.version(deps.council.jurisdiction, case.regime, first) or {}
    return ((version.get("annual_fee") or {}).get("suspension")
            or {"notice_working_days": 2, "grace_days": 21})


def suspension_day(calendar, given, working_days):
    """The day a suspension noticed on `given` takes effect: the day after `working_days` whole working days."""
    return calendar.add_working_days(given, working_days) + timedelta(days=1)


def payable(case, licence_type, today):
    """The fee's day the holder may pay now, or (None, why): a suspended licence's unpaid fee; a current
    licence's next fee once its first reminder's day has come (so next year's is not paid by mistake)."""
    licence, fee = case.licence or {}, case.annual_fee or {}
    if not amount_of(licence_type, case.band):
        return None, wording.NO_ANNUAL_FEE
    if licence.get("state") == "suspended":
        return (fee["owed"], None) if fee.get("owed") else (None, wording.LICENCE_NOT.format(state="current"))
    reminder = case.reminder or {}
    if licence.get("state") != "current" or not reminder.get("kind", "").startswith("annual_fee"):
        return None, wording.NO_ANNUAL_FEE
    due = date.fromisoformat(reminder["due"])
    opens = due - timedelta(days=max(licence_type.get("annual_fee_reminders") or [0]))
    if today < opens:
        return None, wording.ANNUAL_FEE_NOT_YET.format(day=date_words(due), opens=date_words(opens))
    return reminder["due"], None


def pay(deps, case_id, again=True):
    """POST .../annual-fee/pay: (the case with its payment's next_url, made now)."""
    from ...storage.errors import EditConflict
    from .applying import own_case
    from .views import applicant_view
    case = own_case(deps, case_id)
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    due, why = payable(case, licence_type, london_today(deps.clock()))
    if due is None:
        raise Conflict(why, code="annual_fee_not_payable")
    fee = dict(case.annual_fee or {})
    if due in (fee.get("paid") or {}):
        raise Conflict(wording.ANNUAL_FEE_PAID.format(day=date_words(due)), code="annual_fee_paid")
    paying = fee.get("paying") or {}
    if paying.get("due") == due:
        payment = deps.payments.get(paying["payment_id"])
        if payment is None:
            return _made(deps, case, licence_type), True
        if payment.finished or not payment.next_url:
            raise Conflict(wording.ANNUAL_FEE_STARTING, code="payment_starting")
        return applicant_view(deps, case, payment), False
    expected = case.seq
    fee["paying"] = {"due": due, "payment_id": deps.new_opaque_id(), "amount": amount_of(licence_type, case.band)}
    case.annual_fee, case.updated_at = fee, deps.clock()
    try:
        deps.licensing.save(case, expected, listed=True)
    except EditConflict:
        if not again:
            raise Conflict(wording.ANNUAL_FEE_STARTING, code="payment_starting") from None
        return pay(deps, case_id, again=False)  # pressed twice at once: the other's payment
    return _made(deps, case, licence_type), True


def _made(deps, case, licence_type):
    from ...storage.errors import AlreadyExists
    from .views import applicant_view
    paying = case.annual_fee["paying"]
    premises = case.premises.get("name") or case.premises.get("address")
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=case.id, amount=paying["amount"], reference=case.id,
            description=wording.ANNUAL_FEE_PAYMENT.format(number=case.licence["number"], premises=premises,
                                                          day=paying["due"])[:255],
            user_id=case.user_id, email=case.applicant.get("email"), payment_id=paying["payment_id"],
            metadata={"licence_type": case.type_id, "case": case.id, "fee_day": paying["due"]})
    except AlreadyExists:
        raise Conflict(wording.ANNUAL_FEE_STARTING, code="payment_starting") from None
    except payments.PaymentsUnavailable:
        _settle(deps, case.id, paying["payment_id"], "error")
        raise
    return applicant_view(deps, case, payment)


def page(deps, payment):
    return f"/licensing/cases/{payment.subject_id}"


def on_payment(deps, payment):
    """Payments' hook, told again and again (a return, webhooks, the job): the fee recorded paid once."""
    outcome = _settle(deps, payment.subject_id, payment.id, payment.status)
    if outcome == "not_waited_for" and payment.status == "success":
        refund_in_full(deps, payment.id, by=f"licence {payment.subject_id} annual fee")


def _settle(deps, case_id, payment_id, status):
    """The case told that `payment_id` ended with `status`: "paid", "ended", "done" (told before), or
    "not_waited_for" (the case waits for no such payment: a success for it is to be refunded)."""
    from ...storage.errors import EditConflict
    from ..shared.effects import first_try
    for _ in range(TRIES):
        case = deps.licensing.get(case_id)
        fee = dict((case.annual_fee if case else None) or {})
        if any(p.get("payment_id") == payment_id for p in (fee.get("paid") or {}).values()):
            return "done"
        paying = fee.get("paying") or {}
        if paying.get("payment_id") != payment_id:
            return "not_waited_for"
        now, expected = deps.clock(), case.seq
        fee.pop("paying")
        event = None
        if status == "success":
            if paying["due"] in (fee.get("paid") or {}):
                return "not_waited_for"  # paid already by another payment: this one is refunded
            event = _paid(deps, case, fee, paying, now)
        case.annual_fee, case.updated_at = fee, now
        try:
            deps.licensing.save(case, expected, listed=True, event=event)
        except EditConflict:
            continue  # the job or the desk wrote meanwhile: read it again
        if event is not None:
            first_try(deps, [event])
        return "paid" if status == "success" else "ended"
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")  # the hook is told again later


def _paid(deps, case, fee, paying, now):
    """`case` changed for its fee paid now: recorded, the notice withdrawn, a suspension for it lifted
    (s.55A(7): it ends on the day the fee is received), the next year's reminders; its event."""
    from ..shared.events import new_event
    due = paying["due"]
    fee["paid"] = {**(fee.get("paid") or {}), due: {"payment_id": paying["payment_id"], "amount": paying["amount"],
                                                     "at": stamp(now)}}
    if (fee.get("notice") or {}).get("due") == due:
        fee.pop("notice")
    today = london_today(now)
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    lifted = case.licence.get("state") == "suspended" and fee.get("owed") == due
    if lifted:
        fee.pop("owed")
        history = list(case.licence.get("history") or [])
        history.append({"action": "reinstate", "reasons": wording.FEE_PAID_LIFTS.format(day=date_words(today)),
                        "by": "annual_fee", "at": stamp(now)})
        case.licence = {**case.licence, "state": "current", "history": history}
    if case.licence.get("state") == "current":
        case.reminder = after_paid(licence_type, case, due, today)
    if lifted:
        return new_event(deps, "licence_current", now, event_id=f"licence.{case.id}.fee-paid.{due}",
                         case_id=case.id, type_id=case.type_id, action="reinstate",
                         change=len(case.licence["history"]), due=due)
    return new_event(deps, "licence_annual_fee_paid", now, event_id=f"licence.{case.id}.fee-paid.{due}",
                     case_id=case.id, type_id=case.type_id, due=due, received=today.isoformat())


def step(deps, case, today, now):
    """The unpaid fee's stage due today on `case` (changed in place): the notice given, or the licence suspended.
    Returns its event, or None (nothing to say: paid, or no longer current)."""
    from ..shared.events import new_event
    reminder, fee = case.reminder, dict(case.annual_fee or {})
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    if (case.licence or {}).get("state") != "current":
        case.reminder = None
        return None
    if reminder["due"] in (fee.get("paid") or {}):
        case.reminder = after_paid(licence_type, case, reminder["due"], today)
        return None
    figures = rule(deps, case)
    if reminder["kind"] == UNPAID:
        grace = (fee.get("grace") or {}).get(reminder["due"])
        if grace and today.isoformat() <= grace["until"]:
            case.reminder = {**reminder, "on": (date.fromisoformat(grace["until"]) + timedelta(days=1)).isoformat()}
            return None
        suspends = suspension_day(deps.calendar, today, figures["notice_working_days"])
        fee["notice"] = {"due": reminder["due"], "given": today.isoformat(), "suspends_on": suspends.isoformat()}
        case.annual_fee = fee
        case.reminder = {**reminder, "kind": SUSPEND, "on": suspends.isoformat()}
        return new_event(deps, "licence_fee_notice", now, event_id=f"licence.{case.id}.fee-notice.{reminder['due']}",
                         case_id=case.id, type_id=case.type_id, due=reminder["due"], suspends_on=suspends.isoformat())
    history = list(case.licence.get("history") or [])
    history.append({"action": "suspend", "reasons": wording.FEE_UNPAID_SUSPENDS.format(
        day=date_words(reminder["due"]), amount=payments.pounds(amount_of(licence_type, case.band) or 0)),
        "by": "annual_fee", "at": stamp(now)})
    case.licence = {**case.licence, "state": "suspended", "history": history}
    fee["owed"] = reminder["due"]
    case.annual_fee, case.reminder = fee, None
    return new_event(deps, "licence_suspended", now, event_id=f"licence.{case.id}.fee-suspended.{reminder['due']}",
                     case_id=case.id, type_id=case.type_id, action="suspend", change=len(history),
                     due=reminder["due"])


def dispute(deps, case_id, body):
    """POST .../annual-fee/dispute: the holder disputes the fee now payable, in writing (s.55A(2)(a)(ii)), on or
    before the day it is due; the notice of suspension then waits for the grace period's end. Disputed again, the
    words are replaced and the grace stays as it was counted."""
    from ... import validation
    from ...errors import Unacceptable
    from ...storage.errors import EditConflict
    from .applying import own_case
    from .views import applicant_view
    problems = validation.Problems({"why": {"missing": wording.DISPUTE_WHY}})
    why = validation.text((body if isinstance(body, dict) else {}).get("why"), "why", problems, min_len=1,
                          max_len=WHY_MAX)
    problems.raise_if_any()
    for _ in range(TRIES):
        case = own_case(deps, case_id)
        licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
        today = london_today(deps.clock())
        due, refused = payable(case, licence_type, today)
        if due is None:
            raise Conflict(refused, code="annual_fee_not_payable")
        if today.isoformat() > due:
            raise Unacceptable(wording.DISPUTE_TOO_LATE.format(day=date_words(due)), code="dispute_too_late")
        fee = dict(case.annual_fee or {})
        until = date.fromisoformat(due) + timedelta(days=rule(deps, case)["grace_days"])
        grace = {**(fee.get("grace") or {})}
        grace[due] = {"until": until.isoformat(), "why": why, "at": stamp(deps.clock()), "by": "holder"}
        fee["grace"], expected = grace, case.seq
        case.annual_fee, case.updated_at = fee, deps.clock()
        try:
            deps.licensing.save(case, expected, listed=True)
        except EditConflict:
            continue
        return applicant_view(deps, case)
    raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")


def on_event(deps, event, key):
    tell(deps, event)


def tell(deps, event):
    """The notice of suspension, or the fee's receipt (s.55A(5)-(6): the day it was received), mailed to the
    holder once (kept in the outbox under the event's id). Returns whether it was queued now."""
    from ...notify.email import queue_email
    from ..alerts.delivery import links_base
    payload = event.payload or {}
    case = deps.licensing.get(payload.get("case_id"))
    if case is None or not (case.applicant or {}).get("email") or not case.licence:
        return False
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    words = {"type": licence_type["name"], "number": case.licence["number"],
             "premises": case.premises.get("name") or case.premises.get("address"), "day": date_words(payload["due"]),
             "amount": payments.pounds(amount_of(licence_type, case.band) or 0),
             "link": f"{links_base(deps)}/licensing/cases/{case.id}"}
    if event.kind == "licence_fee_notice":
        if (case.annual_fee or {}).get("notice", {}).get("due") != payload["due"]:
            return False  # paid before the mail went: no notice to give
        subject = wording.FEE_NOTICE_SUBJECT.format(**words, suspends=date_words(payload["suspends_on"]))
        body = wording.FEE_NOTICE_BODY.format(**words, suspends=date_words(payload["suspends_on"]))
    else:
        subject = wording.FEE_RECEIPT_SUBJECT.format(**words)
        body = wording.FEE_RECEIPT_BODY.format(**words, received=date_words(payload["received"]))
    return queue_email(case.applicant["email"], subject, body, deps.clock(),
                       f"licence-fee:{case.id}:{event.id}") is not None
