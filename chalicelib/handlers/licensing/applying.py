"""An application (or a notice) made, paid for and received.

A case is made `draft` with its fee worked out from the type (and band), so
it exists before any money moves. "Pay" names the payment on the case first
(draft -> paying, one conditional write), then makes it with the provider:
pressed again while it is live, the same card page; two presses at once, one
payment. The case moves on only on the provider's word (payments' purpose
hook, told from the payment's `payment_finished` event, whoever checks it
first): an application is received then, its clocks counted from that day
and filed on the register, with its `licence_application_received` event in
the same transaction; a notice is given or refused there (giving.py). A
payment that failed puts the case back to draft. So money taken with no case,
or a case received with no money, cannot follow from a crash."""
import logging
from datetime import date, timedelta

from ... import validation
from ...errors import Conflict, NotFound, Unacceptable
from ...stamps import london_today
from ..payments import core as payments
from ..payments.in_full import refund_in_full
from ..shared import idempotency
from . import answers, catalogue, law, wording
from .ids import CASE, is_case, new_id

log = logging.getLogger(__name__)
PURPOSE = "licence_fee"
IDEMPOTENCY_HOURS = 24
NOTICE_REGIMES = ("temporary_event_notice",)


def premises_key(premises):
    """What a notice's yearly limits count by: the premises' UPRN, else its address made plain."""
    if premises.get("uprn"):
        return f"uprn-{premises['uprn']}"
    return "addr-" + "".join(ch for ch in premises.get("address", "").lower() if ch.isalnum())


def start(deps, body, idempotency_key=None):
    """A new case (draft) for the signed-in caller: (its view, made now)."""
    from ...storage.errors import AlreadyExists
    from ...storage.records import LicenceCase
    from .views import applicant_view
    problems = validation.Problems()
    if not isinstance(body, dict):
        raise validation.broken_rules([("body", wording.PREMISES_REQUIRED)])
    types = catalogue.of_council(deps)
    licence_type = catalogue.find(types, body.get("type") if isinstance(body.get("type"), str) else "")
    if licence_type is None:
        raise NotFound(wording.NO_SUCH_TYPE.format(council=deps.council.short_name, type=body.get("type")),
                       code="licence_type_not_found")
    today = london_today(deps.clock())
    version = law.version(deps.council.jurisdiction, licence_type["regime"], today)
    premises = _premises(body.get("premises"), problems)
    band = body.get("band")
    purpose, varies = _purpose(licence_type, body, problems)
    changes = _changes(deps, licence_type, purpose, body.get("changes"), today, problems)
    fee = catalogue.fee_for(licence_type, band, purpose) if band is None or isinstance(band, str) else None
    if fee is None or not (band is None or isinstance(band, str)):
        problems.rule("band", wording.BAND_REQUIRED if band is None else wording.BAND_UNKNOWN)
    event = _event(body.get("event"), version, today, problems) if licence_type["regime"] in NOTICE_REGIMES else None
    applicant = body.get("applicant") if isinstance(body.get("applicant"), dict) else {"name": body.get("applicant")}
    name = validation.text(applicant.get("name"), "applicant.name", problems, max_len=120)
    user_id, case_id, now = deps.principal.user_id, new_id(deps, CASE), deps.clock()
    submission = answers.checked(deps, licence_type, body.get("answers"), problems, case_id, now, user_id)
    problems.raise_if_any()
    claim = idempotency.Claim(deps, idempotency_key, f"{user_id}#licence", body, _answer(deps), "another application")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    case = LicenceCase(
        id=case_id, type_id=licence_type["id"], regime=licence_type["regime"],
        kind="notice" if licence_type["regime"] in NOTICE_REGIMES else "application", state="draft",
        created_at=now, updated_at=now, user_id=user_id,
        applicant={"name": name or "", "email": deps.principal.email},
        premises=premises, premises_key=premises_key(premises), band=band, fee=fee,
        answers_reference=submission.id if submission else None,
        event=event, consultees=[{"id": c["id"], "name": c["name"]} for c in licence_type.get("consultees") or []],
        purpose=purpose, varies=varies, changes=changes)
    _refuse_before_the_fee(deps, case, now)
    try:
        deps.licensing.create(case, idempotency=claim.record(case.id, now, IDEMPOTENCY_HOURS), answers=submission)
    except AlreadyExists:
        return claim.twin(), False
    return applicant_view(deps, case), True


def _purpose(licence_type, body, problems):
    """(purpose, varies): a new licence unless the type takes a variation and the body asks for one (its
    procedure is the new licence's: Licensing Act 2003 s.35 applies s.18's); renewing is its own route."""
    purpose = body.get("purpose", "new")
    allowed = [p for p in licence_type.get("purposes") or ["new"] if p != "renewal"]
    if purpose not in allowed:
        problems.rule("purpose", wording.PURPOSE_UNKNOWN.format(choices=", ".join(allowed)))
        return None, None
    varies = body.get("varies")
    if purpose not in ("variation", "minor_variation") or varies is None:
        return purpose, None
    if not isinstance(varies, str) or not 0 < len(varies.strip()) <= 40:
        problems.rule("varies", wording.VARIES_SHAPE)
        return purpose, None
    return purpose, varies.strip()


def _changes(deps, licence_type, purpose, asked, today, problems):
    """A minor variation's kinds of change (the law's list, s.41A): one at least; one s.41A(3) forbids is refused
    in its words (a full variation instead). [] for any other purpose."""
    own = ((law.version(deps.council.jurisdiction, licence_type["regime"], today) or {}).get("purposes") or {}).get(
        purpose)
    if not own:
        return []
    allowed, barred = own.get("changes") or [], own.get("not_for") or []
    asked = asked if isinstance(asked, list) and all(isinstance(a, str) for a in asked) else None
    if asked and set(asked) & set(barred):
        what = " or ".join(wording.NOT_MINOR[b] for b in barred if b in asked)
        problems.rule("changes", wording.CHANGES_NOT_MINOR.format(what=what, source=own["not_for_source"]))
        return []
    if not asked or not set(asked) <= set(allowed) or len(asked) > len(allowed):
        problems.rule("changes", wording.CHANGES_REQUIRED.format(
            choices="; ".join(wording.MINOR_CHANGES[c] for c in allowed)))
        return []
    return list(dict.fromkeys(asked))


def _premises(value, problems):
    value = value if isinstance(value, dict) else {}
    name = validation.text(value.get("name"), "premises.name", problems, max_len=120)
    address = validation.text(value.get("address"), "premises.address", problems, max_len=300, required=True)
    out = {"name": name or "", "address": address or ""}
    if isinstance(value.get("uprn"), str) and value["uprn"].isdigit() and len(value["uprn"]) <= 12:
        out["uprn"] = value["uprn"]
    for axis, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        got = validation.number(value.get(axis), f"premises.{axis}", problems, low, high, text_ok=False) \
            if value.get(axis) is not None else None
        if got is not None:
            out[axis] = got
    return out


def _event(value, version, today, problems):
    """A notice's event as given: its days worked out; the timing is decided when it is paid (giving.py)."""
    from .giving import event_days
    value = value if isinstance(value, dict) else {}
    first = validation.iso_date(value.get("first_day"), "event.first_day", problems)
    start_at = value.get("start") if isinstance(value.get("start"), str) else "00:00"
    if len(start_at) != 5 or start_at[2] != ":" or not validation.digits(start_at.replace(":", "")) \
            or int(start_at[:2]) > 23 or int(start_at[3:]) > 59:
        problems.add("event.start", wording.EVENT_FIRST_DAY)
        return None
    most_hours, most_people = version["hours_max"], version["people_max"]
    hours = value.get("hours")
    if not isinstance(hours, int) or isinstance(hours, bool) or not 1 <= hours <= most_hours:
        problems.rule("event.hours", wording.TEN_TOO_LONG.format(hours=most_hours, asked=hours)
                      if isinstance(hours, int) and not isinstance(hours, bool) and hours > most_hours
                      else wording.EVENT_HOURS.format(most=most_hours))
    people = value.get("people")
    if not isinstance(people, int) or isinstance(people, bool) or not 1 <= people <= most_people:
        problems.rule("event.people", wording.TEN_TOO_MANY_PEOPLE.format(most=most_people)
                      if isinstance(people, int) and not isinstance(people, bool) and people > most_people
                      else wording.EVENT_PEOPLE.format(most=most_people))
    if first is None or problems.items or problems.rules:
        return None
    first_day = date.fromisoformat(first)
    if first_day <= today or first_day > today + timedelta(days=366):
        problems.rule("event.first_day", wording.EVENT_FIRST_DAY)
        return None
    days = event_days(first_day, start_at, hours)
    return {"first_day": first, "start": start_at, "hours": hours, "people": people,
            "last_day": days[-1].isoformat(), "days": [d.isoformat() for d in days],
            "personal_licence": value.get("personal_licence") is True}


def _answer(deps):
    from .views import applicant_view

    def answer(record):
        found = deps.licensing.get(record.resource_id)
        return None if found is None else applicant_view(deps, found)
    return answer


def pay(deps, case_id, again=True):
    """POST .../pay: (the case with its payment's next_url, made now)."""
    from ...storage.errors import EditConflict
    from .views import applicant_view
    case = own_case(deps, case_id)
    if case.state == "paying":
        payment = deps.payments.get(case.payment_id) if case.payment_id else None
        if payment is None:
            return _made(deps, case), True
        if payment.finished or not payment.next_url:
            raise Conflict(wording.NOT_PAYING, code="payment_starting")
        return applicant_view(deps, case, payment), False
    if case.state != "draft":
        return applicant_view(deps, case), False
    _refuse_before_the_fee(deps, case, deps.clock())  # a draft kept while the year's notices ran out
    absent = catalogue.documents_missing(catalogue.find(catalogue.of_council(deps), case.type_id), case)
    if absent:
        raise validation.broken_rules([("documents", wording.DOCUMENTS_MISSING.format(documents="; ".join(absent)))])
    expected = case.seq
    case.state, case.payment_id, case.payment_status, case.updated_at = ("paying", deps.new_opaque_id(), None,
                                                                         deps.clock())
    try:
        deps.licensing.save(case, expected, was="draft")
    except EditConflict:
        if not again:
            raise Conflict(wording.NOT_PAYING, code="payment_starting") from None
        return pay(deps, case_id, again=False)
    return _made(deps, case), True


def _refuse_before_the_fee(deps, case, now):
    """A notice the law's limits or its timing already refuse is refused here, in the words it would get
    when given, before any fee is asked (422; nothing made or charged)."""
    if case.kind != "notice":
        return
    from .giving import refusal
    refused = refusal(deps, case, now)
    if refused:
        raise Unacceptable(refused[1], code=refused[0])


def _made(deps, case):
    from ...storage.errors import AlreadyExists
    from .views import applicant_view
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    try:
        payment = payments.start(
            deps, purpose=PURPOSE, subject_id=case.id, amount=case.fee, reference=case.id,
            description=f"{licence_type['name']}: {case.premises.get('name') or case.premises.get('address')}"[:255],
            user_id=case.user_id, email=case.applicant.get("email"), payment_id=case.payment_id,
            metadata={"licence_type": case.type_id, "case": case.id})
    except AlreadyExists:
        raise Conflict(wording.NOT_PAYING, code="payment_starting") from None
    except payments.PaymentsUnavailable:
        back_to_draft(deps, case.id, case.payment_id, "error")
        raise
    return applicant_view(deps, case, payment)


def own_case(deps, case_id):
    """The caller's own case, or 404 (whether it exists or is another's)."""
    case = deps.licensing.get(case_id) if is_case(case_id) else None
    if case is None or deps.principal is None or case.user_id != deps.principal.user_id:
        raise NotFound(wording.NO_SUCH_CASE.format(reference=case_id), code="licence_case_not_found")
    return case


def on_payment(deps, payment):
    """Payments' hook: told again (a return, webhooks, the job) it changes nothing. A notice is
    given or refused (and a refused one's fee refunded); an application is received."""
    case = deps.licensing.get(payment.subject_id)
    if case is None or case.payment_id != payment.id:
        if payment.status == "success":
            log.error("payment %s succeeded for licence case %s, which does not wait for it: refunded", payment.id,
                      payment.subject_id)
            refund_in_full(deps, payment.id, by=f"licence {payment.subject_id}")
        return
    if case.state == "refused" and case.refused and payment.status == "success":
        refund_in_full(deps, payment.id, by=f"licence {case.id}")  # refused when given: told again, refunded once
        return
    if case.state != "paying":
        return
    if payment.status != "success":
        back_to_draft(deps, case.id, payment.id, payment.status)
        return
    if case.kind == "notice":
        from .giving import decide
        outcome, case = decide(deps, case, deps.clock())
        if outcome == "refused":
            refund_in_full(deps, payment.id, by=f"licence {case.id}")
        return
    receive(deps, case, deps.clock())


def receive(deps, case, now):
    """paying -> received: its clocks from today, on the register, its event; once (conditional)."""
    from ...storage.errors import EditConflict
    from ..shared.events import new_event
    from .clocks import clocks
    today = london_today(now)
    version = law.for_purpose(law.version(deps.council.jurisdiction, case.regime, today), case.purpose, today)
    expected = case.seq
    case.state, case.received_at, case.updated_at = "received", now, now
    case.law = {"regime": case.regime, "from": version["from"], "source": version["source"],
                "missed": version["missed"], "missed_words": version["missed_words"],
                **({"hearing": False} if version.get("hearing") is False else {}),
                **({"refund_when_missed": True} if version.get("refund_when_missed") else {})}
    case.clocks = clocks(version, today, deps.calendar)
    if version["missed"] in ("deemed_granted", "deemed_refused"):
        from .clocks import last_day_of
        decision = last_day_of(case.clocks, "decision")
        case.deemed_on = decision.isoformat() if decision else None
    event = new_event(deps, "licence_application_received", now, event_id=f"licence.{case.id}.received",
                      case_id=case.id, type_id=case.type_id)
    try:
        deps.licensing.save(case, expected, was="paying", listed=True, event=event)
    except EditConflict:
        return deps.licensing.get(case.id)  # received by another telling
    return case


def back_to_draft(deps, case_id, payment_id, status):
    """Back to draft after `payment_id` ended unpaid, if the case still waits for it (409 after 3 conflicts)."""
    from ..payments.unpaid import back_from_paying
    back_from_paying(deps.licensing, case_id, payment_id, status, "draft", deps.clock(),
                     wording.CHANGED_AS_PAYMENT_ENDED)


def page(deps, payment):
    """Where the payer lands: their case's page, which asks how it stands."""
    return f"/licensing/cases/{payment.subject_id}"
