"""Garden waste subscriptions: a property's bins emptied for a year, paid for
up front (the first bin at one price, each other at another), renewed in a
window before the term ends, with reminders; staff see each round's subscribers.

A term is claimed for the property before anyone pays (one conditional put),
so a household subscribing twice at once pays once; it becomes active when
the provider says paid (payments' hook, this module's on_payment)."""
import logging
import re
from datetime import date, timedelta

from ... import validation
from ...auth.rules import GARDEN_SUBSCRIPTION
from ...errors import Conflict, NotFound, Stale, Unacceptable
from ...stamps import london_today, stamp
from ...storage.errors import AlreadyExists, EditConflict
from ...storage.records import GardenSubscription
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from ..places.bins import address_or_404, rounds_for
from ..shared import idempotency
from .limits import GARDEN_BINS_LIMIT, GARDEN_DEFAULTS, GARDEN_PURPOSE, HOLD_MINUTES, PRICE_MAX, SUBSCRIPTION_ID_PATTERN
from .wording import (ALREADY_SUBSCRIBED, BINS_COUNT, GARDEN_PAYMENT, GARDEN_PAYMENT_UNDER_WAY,
                      KEY_USED_FOR_SUBSCRIPTION, NOT_A_GARDEN_SETTING, NOT_A_SUBSCRIPTION_FIELD, NOT_A_UPRN,
                      NO_GARDEN_ROUND, NO_SUCH_SUBSCRIPTION, ONLY_ACTIVE_CANCELLED, READ_SUBSCRIPTION,
                      for_people)

log = logging.getLogger(__name__)
RULES = {"first_bin_price": (0, PRICE_MAX * 10), "other_bin_price": (0, PRICE_MAX * 10),
         "max_bins": (1, GARDEN_BINS_LIMIT), "term_days": (28, 731), "renewal_opens_days": (1, 120),
         "last_reminder_days": (1, 60)}


def rules(deps):
    saved, version = deps.bulky.settings("garden")
    return ({**GARDEN_DEFAULTS, **saved} if saved else dict(GARDEN_DEFAULTS)), version


def read_rules(deps):
    settings, version = rules(deps)
    return {**settings, "currency": "GBP", "version": version}, f'"{version}"'


def replace_rules(deps, body, expected_version):
    from .catalogue import crew_team, whole
    problems = validation.Problems()
    for key in body:
        if key not in RULES and key != "crew_team":
            problems.add(key, NOT_A_GARDEN_SETTING)
    settings = {key: whole(body.get(key), key, problems, low, high) for key, (low, high) in RULES.items()}
    # Absent: the team stays as it is (a price edit need not know the crews).
    settings["crew_team"] = (crew_team(deps, body["crew_team"], problems) if "crew_team" in body
                             else rules(deps)[0]["crew_team"])
    problems.raise_if_any()
    try:
        version = deps.bulky.save_settings(settings, expected_version, deps.clock(),
                                           deps.principal.user_id, service="garden")
    except EditConflict:
        now, at = read_rules(deps)
        raise Stale(now, at) from None
    return {**settings, "currency": "GBP", "version": version}, f'"{version}"'


def price(settings, bins):
    return settings["first_bin_price"] + settings["other_bin_price"] * (bins - 1)


def subscription_id(sub):
    return f"{sub.uprn}.{sub.start}"


def view(sub, payment=None):
    out = {"id": subscription_id(sub), "uprn": sub.uprn, "address": sub.address, "status": sub.status,
           "bins": sub.bins, "amount": sub.amount, "amount_text": f"£{sub.amount // 100:,}.{sub.amount % 100:02d}",
           "start": sub.start, "end": sub.end, "round": sub.round_id, "created_at": stamp(sub.created_at),
           "confirmed_at": stamp(sub.confirmed_at), "cancelled_at": stamp(sub.cancelled_at), "reason": sub.reason,
           "payment": None}
    if sub.confirmed_at is not None:  # paid: how did it go? (counted with its receipt, receipts.py)
        from ..feedback.counting import confirmed
        from .receipts import GARDEN
        out["feedback"] = confirmed(GARDEN, sub, subscription_id(sub))
    if payment is not None:
        out["payment"] = {"id": payment.id, "status": payment.status, "finished": payment.finished,
                          "amount": payment.amount, "code": payment.code,
                          "next_url": payment.next_url if sub.status == "pending" and not payment.finished else None}
    return out


def _garden_round(deps, address):
    found = dict(rounds_for(deps, address)).get("garden")
    if found is None:
        raise Unacceptable(NO_GARDEN_ROUND, code="no_garden_round")
    return found


def next_term(deps, uprn, settings):
    """(start, end, renewing) of the term the property could pay for now, or
    Conflict when its current term's renewal has not opened yet."""
    today = london_today(deps.clock())
    active = [s for s in deps.garden.of_property(uprn) if s.status == "active" and date.fromisoformat(s.end) >= today]
    if not active:
        start = today
        renewing = False
    else:
        end = date.fromisoformat(active[0].end)
        opens = end - timedelta(days=settings["renewal_opens_days"])
        if today < opens:
            raise Conflict(ALREADY_SUBSCRIBED.format(until=for_people(end), opens=for_people(opens)),
                           code="already_subscribed")
        start, renewing = end + timedelta(days=1), True
    return start, start + timedelta(days=settings["term_days"] - 1), renewing


def for_property(deps, uprn):
    """GET /v1/places/{uprn}/garden: the property's subscription and what it may do now."""
    settings, _ = rules(deps)
    address = address_or_404(deps, uprn)
    round_model = _garden_round(deps, address)
    terms = deps.garden.of_property(uprn)
    current = next((s for s in terms if s.status == "active"), None)
    try:
        start, end, renewing = next_term(deps, uprn, settings)
        offer = {"start": start.isoformat(), "end": end.isoformat(), "renewal": renewing}
    except Conflict:
        offer = None
    return {"uprn": uprn, "round": round_model.id, "current": view(current) if current else None,
            "offer": offer, "renewal_opens": (date.fromisoformat(current.end)
                                              - timedelta(days=settings["renewal_opens_days"])).isoformat()
            if current else None,
            "prices": {k: settings[k] for k in ("first_bin_price", "other_bin_price", "max_bins")}}


def subscribe(deps, body, idempotency_key):
    """POST /v1/waste/garden/subscriptions {uprn, bins}: (view with payment.next_url, created)."""
    settings, _ = rules(deps)
    problems = validation.Problems()
    for key in body:
        if key not in ("uprn", "bins"):
            problems.add(key, NOT_A_SUBSCRIPTION_FIELD)
    uprn, bins = body.get("uprn"), body.get("bins")
    if not isinstance(uprn, str) or not re.fullmatch(r"[0-9]{1,12}", uprn):
        problems.add("uprn", NOT_A_UPRN)
    if isinstance(bins, bool) or not isinstance(bins, int) or not 1 <= bins <= GARDEN_BINS_LIMIT:
        problems.add("bins", BINS_COUNT.format(max=settings["max_bins"]))
    elif bins > settings["max_bins"]:  # the council's own most, within the document's: a rule (422)
        problems.rule("bins", BINS_COUNT.format(max=settings["max_bins"]))
    problems.raise_if_any()
    user_id = deps.principal.user_id
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id}#garden", body, _answer(deps),
                              KEY_USED_FOR_SUBSCRIPTION)
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    address = address_or_404(deps, uprn)
    round_model = _garden_round(deps, address)
    start, end, _ = next_term(deps, uprn, settings)
    now = deps.clock()
    sub = GardenSubscription(
        uprn=uprn, start=start.isoformat(), end=end.isoformat(), bins=bins, amount=price(settings, bins),
        user_id=user_id, email=deps.principal.email, address=", ".join(address.lines or []),
        round_id=round_model.id, hold_until=now + timedelta(minutes=HOLD_MINUTES), created_at=now)
    try:
        deps.garden.claim(sub, now, claim.record(subscription_id(sub), now, 24))
    except AlreadyExists as e:
        earlier = claim.earlier()
        if earlier:
            return earlier, False
        if e.args and e.args[0] == "subscription":
            raise Conflict(GARDEN_PAYMENT_UNDER_WAY, code="subscription_in_progress") from None
        raise
    try:
        payment = payments.start(
            deps, purpose=GARDEN_PURPOSE, subject_id=subscription_id(sub), amount=sub.amount,
            reference=f"GW-{uprn}-{start:%Y%m%d}", user_id=user_id, email=sub.email,
            description=GARDEN_PAYMENT["other" if bins > 1 else "one"].format(
                bins=bins, start=for_people(start), end=for_people(end)))
    except payments.PaymentsUnavailable:
        deps.garden.fail(uprn, sub.start, "payment_unavailable")
        raise
    deps.garden.set_payment(uprn, sub.start, payment.id)
    sub.payment_id = payment.id
    return view(sub, payment), True


def _answer(deps):
    def answer(record):
        sub = _get(deps, record.resource_id)
        return view(sub, deps.payments.get(sub.payment_id) if sub and sub.payment_id else None) if sub else None
    return answer


def _get(deps, sub_id):
    if not re.fullmatch(SUBSCRIPTION_ID_PATTERN, sub_id or ""):
        return None
    uprn, start = sub_id.split(".")
    return deps.garden.get(uprn, start)


def _mine_or_404(deps, sub_id):
    """The subscription, if the caller may open it (its resident, or the garden desk, with a reason)."""
    from ..shared.reading import opened
    sub = _get(deps, sub_id)
    if sub is None or not opened(deps, GARDEN_SUBSCRIPTION, sub.user_id, sub_id, READ_SUBSCRIPTION):
        raise NotFound(NO_SUCH_SUBSCRIPTION, code="subscription_not_found")
    return sub


def read(deps, sub_id):
    sub = _mine_or_404(deps, sub_id)
    return view(sub, deps.payments.get(sub.payment_id) if sub.payment_id else None)


def cancel(deps, sub_id):
    """Stop collecting; what was paid for the year is not refunded (docs/decisions/)."""
    sub = _mine_or_404(deps, sub_id)
    if sub.status == "active":
        deps.garden.cancel(sub.uprn, sub.start, deps.clock(), "cancelled_by_resident")
    elif sub.status != "cancelled":
        raise Conflict(ONLY_ACTIVE_CANCELLED, code="subscription_not_active")
    return read(deps, sub_id)


def of_round(deps, round_id):
    """GET /v1/staff/waste/garden/rounds/{round_id}: who to empty now, by address."""
    today = london_today(deps.clock()).isoformat()
    subs = [s for s in deps.garden.of_round(round_id, today) if s.status == "active" and s.start <= today]
    subs.sort(key=lambda s: s.address)
    return {"round": round_id, "date": today, "properties": len(subs), "bins": sum(s.bins for s in subs),
            "subscriptions": [{"uprn": s.uprn, "address": s.address, "bins": s.bins, "end": s.end} for s in subs]}


def mine(deps, user_id):
    # The index is eventually consistent: a term another of the household has
    # just claimed afresh may still be listed under its first claimant.
    return [view(s) for s in deps.garden.of_user(user_id) if s.user_id == user_id]


# -- payments' hook (purpose "garden") ---------------------------------------
def page(deps, payment):
    """The subscription's page in the app: /garden/subscriptions/{uprn}/{start}
    (no dot in an app path: the static server takes those for files)."""
    return "/garden/subscriptions/" + payment.subject_id.replace(".", "/")


def on_payment(deps, payment):
    sub = _get(deps, payment.subject_id)
    if sub is None:
        log.error("payment %s finished for subscription %s, which is unknown", payment.id, payment.subject_id)
        return
    ours = sub.payment_id in (None, payment.id)
    if payment.status != "success":
        if ours:
            deps.garden.fail(sub.uprn, sub.start, f"payment_{payment.status}")
        return
    settings, _ = rules(deps)
    remind_on = (date.fromisoformat(sub.end) - timedelta(days=settings["renewal_opens_days"])).isoformat()
    from .receipts import garden_paid
    if ours and deps.garden.activate(sub.uprn, sub.start, deps.clock(), remind_on):
        garden_paid(deps, sub, payment)
        return
    now = deps.garden.get(sub.uprn, sub.start)
    if now.status == "active" and now.payment_id == payment.id:
        garden_paid(deps, now, payment)  # again after a telling that stopped before it: the outbox keeps one
        return
    # Paid for a term given up meanwhile (its hold ran out, another payment
    # took it): the money goes back in full, once (refund_in_full).
    log.warning("subscription %s paid by %s after it was given up: refunding", payment.subject_id, payment.id)
    refund_in_full(deps, payment.id, by=f"subscription {payment.subject_id}")


def send_reminders(deps):
    """Renewal reminders: when renewing opens, and again near the end, each
    e-mailed from the `garden_reminder` event written with its step
    (`on_reminder`). Returns how many were sent."""
    from ..shared.effects import first_try
    from ..shared.events import new_event
    settings, _ = rules(deps)
    today = london_today(deps.clock())
    sent = 0
    for kind, next_kind in (("opening", "closing"), ("closing", None)):
        for sub in deps.garden.reminders_due(kind, today.isoformat()):
            if any(t.start > sub.start and t.status == "active" for t in deps.garden.of_property(sub.uprn)):
                deps.garden.reminded(sub.uprn, sub.start, kind)  # renewed already: no more reminders
                continue
            next_on = None
            if next_kind:
                next_on = (date.fromisoformat(sub.end) - timedelta(days=settings["last_reminder_days"])).isoformat()
            event = new_event(deps, "garden_reminder", deps.clock(), uprn=sub.uprn, start=sub.start,
                              day=today.isoformat())
            if deps.garden.reminded(sub.uprn, sub.start, kind, next_kind, next_on, event):
                first_try(deps, [event])  # the e-mail, from the event written with the step
                sent += 1
    return sent


def on_reminder(deps, event, key):
    """The effect of `garden_reminder`: the renewal e-mail, unless the term
    is no longer active (the outbox keeps one per term and day)."""
    from .receipts import garden_reminder
    payload = event.payload or {}
    sub = deps.garden.get(payload.get("uprn"), payload.get("start"))
    if sub is not None and sub.status == "active":
        garden_reminder(deps, sub, payload.get("day"))
