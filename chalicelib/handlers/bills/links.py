"""Payment links for staff: an officer makes a link with the fund, reference
and amount filled in, to send by e-mail or text, with an expiry. It is used
once: paying through it takes it with a conditional write (in the bill's
transaction, with its Idempotency-Key), and a payment that does not go
through gives it back (settling.py), so a declined card
can try again but no link pays twice.

A link is live (not used, not expired), in progress (a payment through it
started and has not finished: the card page open or left), paid, or expired,
and says which. While one link of a fund and reference is live or in
progress a second is refused unless the officer confirms: two links out for
one fine can pay it twice."""
from datetime import timedelta

from ...errors import Conflict, NotFound, ValidationFailed
from ...stamps import parse as parse_stamp, stamp
from ...storage.errors import AlreadyExists, EditConflict
from ..shared import idempotency
from . import wording
from .funds import fund as find_fund
from .limits import IDEMPOTENCY_HOURS, LINK_BACK_AFTER_MINUTES, LINK_DAYS_DEFAULT, LINK_DAYS_MAX
from .inputs import amount_of, fund_and_reference, pounds


class Told(Conflict):
    """409 with what the client needs beside the words: link_exists (`links`, how the other links
    for the reference stand) or link_in_progress (`started_at`, when its payment started)."""

    def __init__(self, message, code, **extra):
        super().__init__(message, code=code)
        self.extra = extra

    def body(self):
        return {**super().body(), **self.extra}


def make(deps, body, idempotency_key):
    """POST /v1/staff/pay/links {fund, reference, amount, expires_days, confirm}: (link, made)."""
    chosen, reference = fund_and_reference(body, ("fund", "reference", "amount", "expires_days", "email", "phone",
                                                  "confirm"))
    confirm = body.get("confirm", False)
    if not isinstance(confirm, bool):
        raise ValidationFailed([("confirm", wording.CONFIRM)])
    days = body.get("expires_days", LINK_DAYS_DEFAULT)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= LINK_DAYS_MAX:
        raise ValidationFailed([("expires_days", wording.LINK_DAYS.format(most=LINK_DAYS_MAX))])
    send_to = _send_to(body)
    amount = None if chosen.fixed_by else amount_of(chosen, body, None)  # the issuer says, on the day it is paid
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#paylink", body,
                              lambda record: view(deps, deps.bills.link(record.resource_id)), "another link")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    now = deps.clock()
    link = {"id": deps.new_token(), "fund": chosen.id, "reference": reference, "amount": amount,
            "expires_at": stamp(now + timedelta(days=days)), "created_at": stamp(now),
            "by": deps.principal.email or deps.principal.user_id, **({"send_to": send_to} if send_to else {})}
    from ..shared.effects import first_try
    from ..shared.events import new_event
    event = new_event(deps, "pay_link_made", now, event_id=f"paylink.{link['id']}", link_id=link["id"]) \
        if send_to else None  # sending follows from the link's own event, never from this request
    for attempt in range(2):
        try:
            latest = _none_open(deps, chosen, reference, now, confirm)
        except Told as told:  # the live link may be the twin's (the same key, sent at once): then it is this one
            return claim.refused(told), False
        try:
            deps.bills.add_link(link, claim.record(link["id"], now, IDEMPOTENCY_HOURS), event, latest)
            break
        except AlreadyExists:
            return claim.twin(), False
        except EditConflict as moved:  # the newest link moved: read again (the twin's is then found)
            if attempt:  # a third officer at the same moment: they are told to try again
                return claim.refused(moved), False
    first_try(deps, [event])
    return view(deps, {**link, "used_at": None}), True


def _none_open(deps, chosen, reference, now, confirm):
    """The reference's newest link id (the condition the new link is written on), once no other
    link of it is live or in progress, or the officer confirmed; 409 link_exists otherwise."""
    latest, links = deps.bills.links_for(chosen.id, reference)
    still = [link for link in links if state(link, now) in (LIVE, IN_PROGRESS)]
    if still and not confirm:
        said = [wording.LINK_EXISTS_ONE.format(made=_at(link["created_at"]), by=link.get("by") or "",
                                               state=_state_words(link, now)) for link in still]
        raise Told(" ".join([wording.LINK_EXISTS.format(reference=reference), *said]), "link_exists",
                   links=[view(deps, link, now) for link in still])
    return latest


LIVE, IN_PROGRESS, PAID, EXPIRED = "live", "in_progress", "paid", "expired"


def state(link, now):
    """How a link stands: paid, in progress (a payment started through it), expired or live."""
    if link.get("paid_at"):
        return PAID
    if link.get("used_at"):
        return IN_PROGRESS
    return EXPIRED if parse_stamp(link["expires_at"]) <= now else LIVE


def _at(moment):
    from ..shared.clock import clock, day
    moment = parse_stamp(moment)
    return wording.AT.format(clock=clock(moment), day=day(moment))


def _state_words(link, now):
    if state(link, now) == IN_PROGRESS:
        return wording.LINK_STATE_IN_PROGRESS.format(started=_at(link["used_at"]))
    return wording.LINK_STATE_LIVE.format(expires=_at(link["expires_at"]))


def _send_to(body):
    """{email, phone} to send the link to (either, both or neither); phone as E.164."""
    from ...validation import EMAIL, PHONE, e164
    email, phone, wrong = body.get("email") or None, body.get("phone") or None, []
    if email is not None and not (isinstance(email, str) and len(email) <= 254 and EMAIL.match(email.strip())):
        wrong.append(("email", wording.EMAIL))
    if phone is not None and not (isinstance(phone, str) and PHONE.match(phone.strip())):
        wrong.append(("phone", wording.LINK_PHONE))
    if wrong:
        raise ValidationFailed(wrong)
    return {**({"email": email.strip()} if email else {}), **({"phone": e164(phone.strip())} if phone else {})}


def view(deps, link, now=None):
    if link is None:
        return None
    chosen = find_fund(link["fund"])
    return {"id": link["id"], "url": f"{deps.base_url}/pay?link={link['id']}", "fund": link["fund"],
            "fund_name": chosen.name if chosen else link["fund"], "reference": link["reference"],
            "amount": link["amount"], "amount_text": pounds(link["amount"]) if link["amount"] else None,
            "expires_at": link["expires_at"], "used": bool(link.get("used_at")),
            "state": state(link, now or deps.clock()), "created_at": link.get("created_at"),
            "started_at": None if link.get("paid_at") else link.get("used_at"), "paid_at": link.get("paid_at"),
            "sending": sorted(link.get("send_to") or {})}  # how it is sent, never to whom


def usable(deps, link_id):
    """The link, live; otherwise what is true of it: 409 link_in_progress (when its payment
    started), 404 link_gone (paid, expired, or never made: its own words for each)."""
    link = deps.bills.link(link_id) if isinstance(link_id, str) and 0 < len(link_id) <= 64 else None
    now = deps.clock()
    found = state(link, now) if link is not None else None
    if found == IN_PROGRESS:
        started = parse_stamp(link["used_at"])
        raise Told(wording.LINK_IN_PROGRESS.format(
            started=_at(started), again=_at(started + timedelta(minutes=LINK_BACK_AFTER_MINUTES))),
            "link_in_progress", started_at=link["used_at"])
    if found != LIVE:
        message = {PAID: wording.LINK_PAID.format(paid=_at(link["paid_at"])) if found == PAID else None,
                   EXPIRED: wording.LINK_EXPIRED.format(expired=_at(link["expires_at"])) if found == EXPIRED
                   else None}.get(found) or wording.LINK_GONE
        raise NotFound(message, code="link_gone")
    return link


def read(deps, link_id):
    """GET /v1/pay/links/{id}: what the link pays, to prefill the pay screen."""
    return view(deps, usable(deps, link_id))


def to_pay(deps, link_id):
    """What the live link pays, as a body for paying; 409 link_in_progress or 404 link_gone as `usable`
    says. The link is taken with the bill, in its transaction (BillStore.create), with its key."""
    link = usable(deps, link_id)
    return {"fund": link["fund"], "reference": link["reference"],
            **({"amount": link["amount"]} if link["amount"] else {})}


def taken_meanwhile(deps, link_id):
    """The refusal for a link another payment took a moment ago: how it stands now."""
    try:
        usable(deps, link_id)
    except (Told, NotFound) as told:
        return told
    return NotFound(wording.LINK_GONE, code="link_gone")  # given back already: it was taken
