"""A held time booked: the answers checked against the service's questions,
then one transaction (the appointment booked, its seat turned busy, the
holder row gone, its event, its Idempotency-Key). Its messages follow from
that event (messages.py), so the booking never waits on, or fails with, a
text or an e-mail."""
from ...errors import Conflict
from ...storage.appointments.appointment_models import BOOKED, HELD
from ...storage.errors import AlreadyExists, EditConflict
from ...validation import EMAIL, Problems, e164, phone as phone_check, text
from ..shared import idempotency
from . import wording
from .holding import appointment_or_404, confirm
from .limits import ANSWER_MAX, IDEMPOTENCY_HOURS, NAME_MAX
from .views import view


def answers_of(service, given, problems):
    """The answers to the service's questions, checked (GOV.UK's words)."""
    given = given if isinstance(given, dict) else {}
    questions = {q["id"]: q for q in service.get("questions", [])}
    out = {}
    for key in given:
        if key not in questions:
            problems.add(f"answers.{key}", wording.NOT_A_QUESTION)
    for qid, q in questions.items():
        value = given.get(qid)
        if value in (None, "") or (isinstance(value, str) and not value.strip()):
            if q.get("required"):
                problems.add(f"answers.{qid}", wording.ANSWER_REQUIRED)
            continue
        if not isinstance(value, str) or len(value) > q.get("max", ANSWER_MAX):
            problems.add(f"answers.{qid}", wording.too_long(q.get("max", ANSWER_MAX)))
        elif q.get("type") == "choice" and value not in q.get("options", []):
            problems.add(f"answers.{qid}", wording.NOT_AN_OPTION)
        else:
            out[qid] = value.strip()
    return out


def contact_of(body, problems, default_email=None, account=None, calls=None):
    """{name, email, phone (E.164)}: at least one way to reach them. A name
    or number not given is the resident's account's (`account`: their User).
    `calls`: a service by phone needs a number to call (this the words when none is given)."""
    name = text(body.get("name"), "name", problems, 0, NAME_MAX) or (account.name if account else None)
    if calls and not body.get("phone") and account is not None and account.phone:
        body = {**body, "phone": account.phone}
    email = body.get("email") or default_email
    if email is not None and (not isinstance(email, str) or not EMAIL.match(email)):
        problems.add("email", wording.BAD_EMAIL)
        email = None
    number = phone_check(body.get("phone"), "phone", problems) if body.get("phone") else None
    mobile = e164(number) if number else None
    if number and not (mobile.startswith("+447") and len(mobile) == 13):
        # A number in the document's shape that is not a UK mobile breaks a rule it states in words: 422.
        problems.rule("phone", wording.BAD_PHONE)
        mobile = None
    if calls and not body.get("phone"):
        problems.add("phone", calls)
    elif not email and not mobile and not body.get("phone") and not body.get("email"):
        problems.add("email", wording.CONTACT_NEEDED)
    return {"name": name, "email": email, "phone": mobile}


def book(deps, appointment_id, body, idempotency_key):
    """POST /v1/appointments/{id}/book: (view, booked now)."""
    appointment = appointment_or_404(deps, appointment_id)
    claim = idempotency.Claim(deps, idempotency_key, f"{deps.principal.user_id}#appointment-book",
                              {"id": appointment_id, **body}, _answer(deps), "another booking")
    earlier = claim.earlier()
    if earlier:
        return earlier, False
    services, _ = deps.appointments.setup()
    service = services[appointment.service_id]
    problems = Problems(wording.contact_words(NAME_MAX))
    for key in body:
        if key not in ("answers", "name", "email", "phone"):
            problems.add(key, wording.NOT_A_FIELD_HERE)
    answers = answers_of(service, body.get("answers"), problems)
    # Their account's name (and number, for a call) where the form gives none: one GetItem.
    contact = contact_of(body, problems, deps.principal.email, deps.accounts.user(deps.principal.user_id),
                         calls=wording.CALL_NUMBER_NEEDED if service.get("mode") == "phone" else None)
    problems.raise_if_any()
    if appointment.status == BOOKED and appointment.answers == answers:
        return view(deps, appointment, service), False  # pressed twice
    now = deps.clock()
    if appointment.status != HELD:
        raise Conflict(wording.NOT_HELD, code="not_held")
    if appointment.hold_until is None or appointment.hold_until < now:
        raise Conflict(wording.HOLD_EXPIRED, code="hold_expired")
    try:
        event = _take(deps, appointment, now, claim, answers=answers, **contact)
    except AlreadyExists:
        return claim.twin(), False
    except EditConflict:
        latest = deps.appointments.get(appointment_id)
        if latest is not None and latest.status == BOOKED:
            return view(deps, latest, service), False
        raise Conflict(wording.HOLD_EXPIRED, code="hold_expired") from None
    from ..shared.effects import first_try
    first_try(deps, [event])
    return view(deps, appointment, service), True


def _take(deps, appointment, now, claim, **values):
    """Booked, with its event: an offer from the waiting list moves the
    resident's later booking (offers.py), anything else is booked as it is."""
    record = claim.record(appointment.id, now, IDEMPOTENCY_HOURS)
    leaving = ()
    if appointment.offered:
        from . import offers
        old, place = offers.replaced(deps, appointment)
        moved = offers.take(deps, appointment, old, place, now, record, **values) if old is not None else None
        if moved is not None:
            return moved
        # Taken with no later booking to move: off the list in the same transaction, not at the next sweep.
        leaving = deps.waiting.place_keys(appointment.service_id, place, appointment.user_id) if place else ()
    event = confirm(deps, appointment, now, **values)
    deps.appointments.book(appointment, now, event, record, leaving)
    return event


def _answer(deps):
    def answer(record):
        found = deps.appointments.get(record.resource_id)
        return view(deps, found) if found is not None else None
    return answer
