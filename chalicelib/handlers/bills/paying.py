"""Paying a bill by its reference, signed in or not: the funds, a check
before the card page, and the payment made through the payments core with
the fund and reference in its metadata."""
from ...errors import NotFound, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ..payments import core as payments
from ..shared import idempotency
from ..shared.contention import contended
from . import wording
from .funds import all_funds, fund as find_fund
from .inputs import amount_of, email_of, fund_and_reference, pounds
from .limits import IDEMPOTENCY_HOURS, PURPOSE
from .offers import for_reference
from .references import in_sentence

FIELDS = ("fund", "reference", "amount", "email")
NUMBER_TRIES = 3  # 30**8 payment references: a second clash running is a generator broken
LINK_FIELDS = ("link", "email")


def funds(deps):
    """GET /v1/pay/funds: what can be paid for, each reference's rule and limits."""
    return {"funds": [f.view() for f in all_funds()]}


def check(deps, body):
    """POST /v1/pay/check {fund, reference}: the reference's rule checked at
    once (422 with the rule broken), then what its systems say."""
    chosen, reference = fund_and_reference(body, ("fund", "reference"))
    fixed, details, offers = for_reference(deps, chosen, reference)
    return {"fund": chosen.id, "reference": reference, "amount_fixed": fixed is not None, "amount_due": fixed,
            "least": chosen.least, "most": chosen.most, "offers": offers,
            "issued_on": details.get("issued_on"), "discount_ends": details.get("discount_ends")}


def create(deps, body, idempotency_key):
    """POST /v1/pay/payments: (the bill with its payment's next_url, made).
    {link, email}: a staff payment link's fund, reference and amount, the link taken once."""
    user_id = deps.principal.user_id if deps.principal is not None else None
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id or ''}#bill", body, _answer(deps), "another payment")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    link_id = link_used = None
    if "link" in body:
        from .links import Told, taken_meanwhile, to_pay
        if any(k not in LINK_FIELDS for k in body):
            raise ValidationFailed([(k, wording.FIELD_UNKNOWN) for k in body if k not in LINK_FIELDS])
        link_id = body["link"]
        try:
            paying = to_pay(deps, link_id)
        except (Told, NotFound) as told:  # the payment in progress may be the twin's (the same key, at once)
            return claim.refused(told), False
        link_used = stamp(deps.clock())  # taken with the bill, in its transaction
        body = {**paying, **({"email": body["email"]} if "email" in body else {})}
    chosen, reference = fund_and_reference(body, FIELDS)
    fixed, _, _ = for_reference(deps, chosen, reference) if chosen.fixed_by else (None, None, None)
    amount, email, now = amount_of(chosen, body, fixed), email_of(deps, body), deps.clock()
    bill = {"id": deps.new_opaque_id(), "payment_reference": payment_reference(deps), "fund": chosen.id,
            "fund_code": chosen.fund_code, "reference": reference, "amount": amount, "user_id": user_id,
            "email": email, "created_at": stamp(now), "payment_id": None, "link": link_id, "link_used_at": link_used}
    try:
        if not _stored(deps, chosen, bill, claim.record(bill["id"], now, IDEMPOTENCY_HOURS)):
            return claim.twin(), False
    except EditConflict:  # the link taken meanwhile, perhaps by the twin: its key comes with its use
        return claim.refused(taken_meanwhile(deps, link_id)), False
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=f"{chosen.id}.{bill['id']}", amount=amount, reference=reference,
            description=bill["description"], user_id=user_id, email=email,
            metadata={"fund": chosen.id, "fund_code": chosen.fund_code, "bill_reference": reference,
                      "payment_reference": bill["payment_reference"]})
    except payments.PaymentsUnavailable:
        if link_id:
            deps.bills.release_link(link_id, link_used)  # nothing was paid through it
        raise
    deps.bills.set_payment(bill["id"], payment.id)
    return view(bill, payment), True


def _stored(deps, chosen, bill, record):
    """The bill written (False: a twin with the same Idempotency-Key was first;
    EditConflict: the link paid through was taken meanwhile); a payment reference
    another bill has is drawn again. Its description (the card page's, the
    ledger's, the staff screens') names the payment reference."""
    for attempt in range(NUMBER_TRIES):
        bill["description"] = wording.DESCRIPTION.format(fund=chosen.name, label=in_sentence(chosen.label),
                                                         reference=bill["reference"], number=bill["payment_reference"])
        try:  # payers through one link meet in this transaction: one cancelled for another is tried again
            contended(lambda: deps.bills.create(bill, record))
            return True
        except AlreadyExists as e:
            if e.part != "number":
                return False
            if attempt == NUMBER_TRIES - 1:
                raise
            bill["payment_reference"] = payment_reference(deps)


def payment_reference(deps):
    """What the payer is told and reads out over the phone: PY- and eight of
    the letters and digits nobody mishears (ids.ALPHABET), as the AP- and FM-
    references are; unique, its row written with the bill (a clash draws again)."""
    return "PY-" + deps.new_report_id()[-6:] + deps.new_report_id()[-2:]


def bill_id_of(subject_id):
    """A bill payment's subject is "{fund}.{bill id}": the fund readable from the ledger's row alone."""
    return (subject_id or "").rpartition(".")[2]


def _answer(deps):
    def answer(record):
        bill = deps.bills.get(record.resource_id)
        return view(bill, deps.payments.get(bill["payment_id"]) if bill and bill["payment_id"] else None) \
            if bill else None
    return answer


def view(bill, payment=None):
    chosen = find_fund(bill["fund"])
    out = {"id": bill["id"], "payment_reference": bill.get("payment_reference"), "fund": bill["fund"], "fund_name": chosen.name if chosen else bill["fund"],
           "reference": bill["reference"], "amount": bill["amount"], "amount_text": pounds(bill["amount"]),
           "description": bill["description"], "created_at": bill["created_at"], "status": bill.get("status"),
           "payment": None}
    if payment is not None:
        out["payment"] = {"id": payment.id, "status": payment.status, "finished": payment.finished,
                          "code": payment.code, "next_url": None if payment.finished else payment.next_url}
    if payment is not None and payment.status == "success":  # paid: how did it go? (feedback/)
        from ..feedback.counting import question
        out["feedback"] = question("bills", payment.id, "online", payment.created_at)
    return out


def read(deps, bill_id):
    """GET /v1/pay/payments/{id}: the bill and how its payment stands (its
    random id is what the payer was sent back with)."""
    bill = deps.bills.get(bill_id)
    if bill is None:
        raise NotFound(wording.NO_BILL, code="bill_not_found")
    return view(bill, deps.payments.get(bill["payment_id"]) if bill["payment_id"] else None)


def mine(deps):
    """GET /v1/me/bills: the signed-in resident's bills (My Account), one Query:
    each bill's status is its payment's as its purpose was told (settling.py)."""
    return {"bills": [view(b) for b in deps.bills.of_user(deps.principal.user_id)]}
