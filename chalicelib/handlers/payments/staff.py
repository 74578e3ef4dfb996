"""Payments for council staff: a day's money (and finance's CSV of it), one
payment with its refunds, and a refund by hand. A refund names the refundable
amount the officer saw, as GOV.UK Pay's own API does: if anyone refunded
meanwhile the amounts differ and nothing is paid out (409), so a double
press, a retry or two officers at once can never refund twice."""
import csv
import io
import re
from datetime import date

from ... import validation
from ...errors import ApiError, Conflict, NotFound, Unacceptable
from ...stamps import london_today, stamp
from . import asking, core
from .provider import ProviderError, RefundMismatch
from .wording import (AMOUNT_AT_MOST, AMOUNT_NOT_PENCE, DATE_NOT_ISO, NOT_REFUND_FIELD, NO_PAYMENT, REFUNDABLE_CHANGED,
                      REFUNDED_AT_ONCE, REFUND_AT_MOST, REFUND_ONLY_SUCCEEDED, SEEN_NOT_PENCE)

CSV_COLUMNS = ("at", "kind", "reference", "purpose", "description", "amount_pence", "amount", "payment_id",
               "provider_id", "refund_id", "by", "reason")
REASON_MAX = 500


def _day(value, deps):
    if value in (None, ""):
        return london_today(deps.clock())
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        from ...errors import ValidationFailed
        raise ValidationFailed([("date", DATE_NOT_ISO)]) from None


def day(deps, query):
    """GET /v1/staff/payments?date=: the day's payments and refunds with totals."""
    on = _day(query.get("date"), deps)
    rows = deps.payments.ledger_day(on.isoformat())
    taken = sum(r["amount"] for r in rows if r["kind"] == "payment")
    given = -sum(r["amount"] for r in rows if r["kind"] == "refund")
    return {"date": on.isoformat(), "entries": rows,
            "totals": {"payments": taken, "refunds": given, "net": taken - given, "count": len(rows)}}


def day_csv(deps, query):
    """GET /v1/staff/payments.csv?date=: the same day as CSV, for finance."""
    listed = day(deps, query)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in listed["entries"]:
        amount = row["amount"]
        writer.writerow([_cell(v) for v in (
            row["at"], row["kind"], row["reference"], row["purpose"], row.get("description"), amount,
            f"{'-' if amount < 0 else ''}{abs(amount) // 100}.{abs(amount) % 100:02d}", row["payment_id"],
            row.get("provider_id"), row.get("refund_id"), row.get("by"), row.get("reason"))])
    return listed["date"], out.getvalue()


def _cell(value):
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _number(text)) else text


def _number(text):
    return bool(re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text))


def one(deps, payment_id):
    """GET /v1/staff/payments/{id}: ours, with what the provider says is refundable now."""
    payment = deps.payments.get(payment_id) if re.fullmatch(r"[0-9a-f]{32}", payment_id or "") else None
    if payment is None:
        raise NotFound(NO_PAYMENT, code="payment_not_found")
    refundable = None
    if payment.provider_id:
        try:
            refundable = core.provider(deps).get(payment.provider_id).refund_available
        except (ProviderError, ApiError):
            pass  # shown as unknown: the provider cannot be asked just now
    return {"id": payment.id, "purpose": payment.purpose, "subject_id": payment.subject_id,
            "reference": payment.reference, "description": payment.description, "amount": payment.amount,
            "status": payment.status, "finished": payment.finished, "code": payment.code,
            "provider_id": payment.provider_id, "created_at": stamp(payment.created_at),
            "refunded": payment.refunded, "refunds": payment.refunds, "refund_amount_available": refundable}


def refund(deps, payment_id, body):
    """POST /v1/staff/payments/{id}/refunds {amount, refund_amount_available, reason}."""
    problems = validation.Problems()
    for key in body:
        if key not in ("amount", "refund_amount_available", "reason"):
            problems.add(key, NOT_REFUND_FIELD)
    amount, seen = body.get("amount"), body.get("refund_amount_available")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
        problems.add("amount", AMOUNT_NOT_PENCE)
    if isinstance(seen, bool) or not isinstance(seen, int) or seen < 0:
        problems.add("refund_amount_available", SEEN_NOT_PENCE)
    reason = validation.text(body.get("reason"), "reason", problems, 1, REASON_MAX, required=True)
    problems.raise_if_any()
    shown = one(deps, payment_id)
    if shown["status"] != "success":
        raise Unacceptable(REFUND_ONLY_SUCCEEDED, code="not_refundable")
    if shown["refund_amount_available"] is None:
        raise core.PaymentsUnavailable()
    if seen != shown["refund_amount_available"]:
        raise Conflict(REFUNDABLE_CHANGED, code="refund_amount_available_mismatch")
    if amount > seen:
        raise Unacceptable(REFUND_AT_MOST.format(left=seen), code="refund_too_large",
                           fields=[{"field": "amount", "message": AMOUNT_AT_MOST.format(most=seen)}])
    principal = deps.principal
    by = principal.email or principal.user_id
    try:  # the payment's one place for asking (asking.py): no other refund of it is then in flight
        token, _ = asking.take(deps, payment_id, by)
    except asking.RefundBusy:
        raise Conflict(REFUNDED_AT_ONCE, code="refund_amount_available_mismatch") from None
    try:
        made = core.provider(deps).refund(shown["provider_id"], amount, seen)
    except RefundMismatch:
        asking.let_go(deps, payment_id, token)
        raise Conflict(REFUNDED_AT_ONCE, code="refund_amount_available_mismatch") from None
    except ProviderError as e:  # unanswered, the place stays held: the refund may be made, its next holder records it
        if not e.unreachable:
            asking.let_go(deps, payment_id, token)
        else:  # open to the next taker at once: nobody is asking now
            asking.unanswered(deps, payment_id, token)
        raise core.PaymentsUnavailable() from None
    entry = {"refund_id": made.refund_id, "amount": made.amount, "status": made.status,
             "at": stamp(deps.clock()), "by": by, "by_user_id": principal.user_id, "reason": reason}
    core.record_refund(deps, payment_id, entry)
    asking.let_go(deps, payment_id, token)
    return one(deps, payment_id)
