"""Payment links for staff: an officer makes a link with the fund, reference
and amount filled in, to send by e-mail or text, with an expiry. It is used
once: paying through it takes it with a conditional write, and a payment
that does not go through gives it back (settling.py), so a declined card
can try again but no link pays twice."""
from datetime import timedelta

from ...errors import NotFound, ValidationFailed
from ...stamps import parse as parse_stamp, stamp
from ...storage.errors import AlreadyExists
from ..shared import idempotency
from . import wording
from .funds import fund as find_fund
from .limits import IDEMPOTENCY_HOURS, LINK_DAYS_DEFAULT, LINK_DAYS_MAX
from .inputs import amount_of, fund_and_reference, pounds


def make(deps, body, idempotency_key):
    """POST /v1/staff/pay/links {fund, reference, amount, expires_days}: (link, made)."""
    chosen, reference = fund_and_reference(body, ("fund", "reference", "amount", "expires_days", "email", "phone"))
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
    try:
        deps.bills.add_link(link, claim.record(link["id"], now, IDEMPOTENCY_HOURS), event)
    except AlreadyExists:
        return claim.twin(), False
    first_try(deps, [event])
    return view(deps, {**link, "used_at": None}), True


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


def view(deps, link):
    if link is None:
        return None
    chosen = find_fund(link["fund"])
    return {"id": link["id"], "url": f"{deps.base_url}/pay?link={link['id']}", "fund": link["fund"],
            "fund_name": chosen.name if chosen else link["fund"], "reference": link["reference"],
            "amount": link["amount"], "amount_text": pounds(link["amount"]) if link["amount"] else None,
            "expires_at": link["expires_at"], "used": bool(link.get("used_at")),
            "sending": sorted(link.get("send_to") or {})}  # how it is sent, never to whom


def usable(deps, link_id):
    """The link, unused and unexpired; 404 link_gone otherwise (the same for one never made)."""
    link = deps.bills.link(link_id) if isinstance(link_id, str) and 0 < len(link_id) <= 64 else None
    if link is None or link.get("used_at") or parse_stamp(link["expires_at"]) <= deps.clock():
        raise NotFound(wording.LINK_GONE, code="link_gone")
    return link


def read(deps, link_id):
    """GET /v1/pay/links/{id}: what the link pays, to prefill the pay screen."""
    return view(deps, usable(deps, link_id))


def take(deps, link_id):
    """Use the link for a payment now: (its body for paying, when taken); 404 link_gone when used or expired."""
    link = usable(deps, link_id)
    at = stamp(deps.clock())
    if not deps.bills.use_link(link_id, at):
        raise NotFound(wording.LINK_GONE, code="link_gone")
    return {"fund": link["fund"], "reference": link["reference"],
            **({"amount": link["amount"]} if link["amount"] else {})}, at
