"""Licences' reminders and renewals.

A licence with a term (a taxi driver's, a vehicle's, an operator's, a street
trading consent) is reminded its type's `renewal_reminders` days before its
`to`; a licence with no end but an annual fee (a premises licence in England
and Wales) is reminded `annual_fee_reminders` days before each fee's day, the
anniversary of its grant (the law's `annual_fee.due`). Anniversaries and
terms are counted from the licence's own first day, never one from the last:
granted 29 February 2028, its fee falls on 28 February until 29 February 2032.

The licence's next reminder is kept on its case (`reminder`: kind, the day it
is for, how many days before, and `on`, the day it is sent) and filed on a
sparse index by `on`, so the sweep (the five-minute job) reads only what is
due. Each reminder is sent as one conditional write of the case with its
`licence_reminder_due` event: the reminder moved on to the next, so a second
run finds nothing, and two runs at once write once. The mail is the event's
effect, kept in the outbox under an id made from the licence, the day it is
for and the reminder, so a run killed after its write (the stream carries the
event) and run again still sends one. A sweep that comes late (down for a
month) sends the one reminder nearest the day, never every one it missed; a
licence already ended, revoked, surrendered or renewed is reminded of nothing.

Reminder days are calendar days before the day: a mail, sent whatever the
day of the week (no rule here counts working days).

Renewing makes a new application (draft) for the same type with what the
holder gave last time (premises, name, band, the form's answers), naming the
licence it renews; its id is made from that licence and its last day, so
pressing twice, or twice at once, makes one. Granted, its licence runs on
from the old one's `to`, not from the day it is decided."""
import hashlib
from datetime import date

from ...errors import Conflict
from ...ids import ALPHABET
from ...stamps import london_today
from ..shared.clock import date_words
from . import annual_fee, catalogue, wording
# first_reminder: the desk's and the deemed grants' own, read from here as before.
from .reminders import EXPIRY, UNPAID, days_of, expiry, first_reminder, next_reminder  # noqa: F401
from .ids import CASE

RENEWED = ("received", "hearing", "granted", "deemed_granted")  # a renewal past its draft: no more reminders


def licence_starts(case, today):
    """The day a licence granted now begins: a renewal's runs on from the licence it renews."""
    return date.fromisoformat(case.renews["to"]) if case.renews and case.renews.get("to") else today


def renewal_id(case):
    """The renewal's id, made from the licence and its last day: one renewal per licence per term."""
    digest = hashlib.sha256(f"{case.id}#{case.licence.get('to')}".encode()).digest()
    return CASE + "".join(ALPHABET[b % len(ALPHABET)] for b in digest[:8])


def remind_due(deps):
    """The sweep: how many reminders were written now (each one mail, as its event's effect)."""
    from ...storage.errors import EditConflict
    from ..shared.effects import first_try
    from ..shared.events import new_event
    today = london_today(deps.clock())
    sent, types = 0, None
    for case in deps.licensing.reminders_by(today.isoformat()):
        types = types if types is not None else catalogue.of_council(deps)
        licence_type = catalogue.find(types, case.type_id) or {}
        reminder, expected, now = case.reminder, case.seq, deps.clock()
        due = date.fromisoformat(reminder["due"])
        event, current = None, (case.licence or {}).get("state") == "current"
        if reminder["kind"] in annual_fee.STAGES:
            event = annual_fee.step(deps, case, today, now)  # the fee unpaid: its notice, then the suspension
        elif _still_wanted(deps, case, due, today):
            days_left = (due - today).days
            nearest = min(d for d in (days_of(licence_type, reminder["kind"]) or [reminder["days"]]) + [reminder["days"]]
                          if d >= days_left)
            event = new_event(deps, "licence_reminder_due", now,
                              event_id=f"licence.{case.id}.remind.{reminder['kind']}.{reminder['due']}.{nearest}",
                              case_id=case.id, type_id=case.type_id, reminder=reminder["kind"], due=reminder["due"],
                              days=nearest)
            case.reminder = _after(licence_type, reminder, due, today)
        elif reminder["kind"] == "annual_fee" and current:
            # Its day passed unswept: the next run looks for the fee unpaid (annual_fee.py), not next year's.
            case.reminder = {**reminder, "kind": UNPAID, "days": 0, "on": today.isoformat()}
        elif reminder["kind"] in ("renewal", EXPIRY) and current and due < today:
            case.licence, case.reminder = {**case.licence, "state": "expired"}, None  # its last day has passed
        elif reminder["kind"] == "renewal" and current:
            case.reminder = expiry(due)  # renewed: no more reminders, but it still ends on its day
        else:
            case.reminder = None  # no longer current: nothing more to remind of
        case.updated_at = now
        try:
            deps.licensing.save(case, expected, listed=True, event=event)
        except EditConflict:
            continue  # changed (or reminded by another run) meanwhile: the next run reads it again
        if event is not None:
            first_try(deps, [event])
            sent += 1
    return sent


def _after(licence_type, reminder, due, today):
    tomorrow = date.fromordinal(today.toordinal() + 1)
    if reminder["kind"] == "renewal":
        return next_reminder("renewal", due, days_of(licence_type, "renewal"), tomorrow)
    first = date.fromisoformat(reminder["first"])
    return next_reminder("annual_fee", due, days_of(licence_type, "annual_fee"), tomorrow, first, reminder["years"])


def _still_wanted(deps, case, due, today):
    """A current licence, not ended, whose renewal (if it is one) has not gone past its draft."""
    if case.reminder["kind"] == EXPIRY:
        return False
    if not case.licence or case.licence.get("state") != "current" or due < today:
        return False
    if due.isoformat() in ((case.annual_fee or {}).get("paid") or {}):
        return False  # paid before its reminder's day
    if case.reminder["kind"] == "renewal":
        renewal = deps.licensing.get(renewal_id(case))
        return renewal is None or renewal.state not in RENEWED
    return True


def on_reminder(deps, event, key):
    remind(deps, event.payload or {})


def remind(deps, payload):
    """The reminder's mail to the holder, with a link at the council's own address (never a request's Host);
    kept in the outbox once per licence, day and reminder. Returns whether it was queued now."""
    from ...notify.email import queue_email
    from ..alerts.delivery import links_base
    from ..payments.core import pounds
    case = deps.licensing.get(payload.get("case_id"))
    if case is None or not case.licence or case.licence.get("state") != "current" or \
            not (case.applicant or {}).get("email"):
        return False
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    premises = case.premises.get("name") or case.premises.get("address")
    base = links_base(deps)
    words = {"type": licence_type["name"], "number": case.licence["number"], "premises": premises,
             "day": date_words(payload["due"])}
    if payload.get("reminder") == "annual_fee":
        fee = (licence_type.get("annual_fee") or {})
        amount = fee.get("by_band", {}).get(case.band) if "by_band" in fee else fee.get("amount")
        subject = wording.ANNUAL_FEE_SUBJECT.format(**words)
        body = wording.ANNUAL_FEE_BODY.format(**words, amount=pounds(amount or 0),
                                              link=f"{base}/licensing/cases/{case.id}")
    else:
        subject = wording.RENEWAL_SUBJECT.format(**words)
        body = wording.RENEWAL_BODY.format(**words, link=f"{base}/licensing/cases/{case.id}?renew=1")
    message_id = f"licence-reminder:{case.id}:{payload['reminder']}:{payload['due']}:{payload['days']}"
    return queue_email(case.applicant["email"], subject, body, deps.clock(), message_id) is not None


def renew(deps, case_id):
    """POST .../renew: (the renewal's view, made now). The holder's own current licence with a term, not
    ended; a renewal made already for this term is answered again."""
    from ...storage.errors import AlreadyExists
    from ...storage.records import LicenceCase
    from .applying import own_case
    from .views import applicant_view
    case = own_case(deps, case_id)
    today = london_today(deps.clock())
    licence = case.licence or {}
    if licence.get("state") == "expired":  # moved there by the job the day after its `to`
        raise Conflict(wording.RENEWAL_TOO_LATE.format(to=licence["to"]), code="licence_expired")
    if licence.get("state") != "current":
        raise Conflict(wording.LICENCE_NOT.format(state="current"), code="licence_not_current")
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id)
    if licence_type is None or not licence.get("to") or "renewal" not in (licence_type.get("purposes") or ()):
        raise Conflict(wording.NOT_RENEWABLE, code="not_renewable")
    if date.fromisoformat(licence["to"]) < today:
        raise Conflict(wording.RENEWAL_TOO_LATE.format(to=licence["to"]), code="licence_expired")
    made_id = renewal_id(case)
    found = deps.licensing.get(made_id)
    if found is not None:
        return applicant_view(deps, found), False
    fee = catalogue.fee_for(licence_type, case.band)
    now = deps.clock()
    from .answers import copied
    answers = copied(deps, case.answers_reference, made_id, now)  # its own copy: last time's stays as granted
    renewal = LicenceCase(
        id=made_id, type_id=case.type_id, regime=case.regime, kind="application", state="draft", created_at=now,
        updated_at=now, user_id=case.user_id, applicant=dict(case.applicant or {}), premises=dict(case.premises or {}),
        premises_key=case.premises_key, band=case.band, fee=fee if fee is not None else case.fee,
        answers_reference=answers.id if answers else None,
        consultees=[{"id": c["id"], "name": c["name"]} for c in licence_type.get("consultees") or []],
        renews={"case": case.id, "number": licence["number"], "to": licence["to"]})
    try:
        deps.licensing.create(renewal, answers=answers)
    except AlreadyExists:
        return applicant_view(deps, deps.licensing.get(made_id)), False  # pressed twice at once: that one
    return applicant_view(deps, renewal), True
