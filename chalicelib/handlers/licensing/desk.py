"""The licensing desk: an officer's changes to a case, each made to the
version they read (If-Match: the case's `seq`), each a whole new version of
the case with the event others hear of it by.

- a consultee's answer (police, environmental health, fire), by its deadline
  or marked late;
- the hearing's day, which the law's hearing clock bounds (a later day is
  refused unless the officer says why: the parties agreed to adjourn);
- the conditions;
- the decision with its reasons: granted (a licence numbered, running its
  type's term from today, or a renewal's from the end of the licence it
  renews, with its first reminder) or refused; the fee is kept either way, as the
  fees pay for deciding;
- a licence suspended, reinstated or revoked, with reasons."""
from datetime import date

from ... import validation
from ...errors import Conflict, NotFound
from ...stamps import london_today, stamp
from . import catalogue, checks, wording
from ..shared.clock import date_words
from .clocks import add_months, clocks, last_day_of
from .ids import is_case, licence_number
from .renewing import first_reminder, licence_starts

REASONS_MAX = 4000
CONDITIONS_MAX = 60
DECIDABLE = ("received", "hearing")
OUTCOMES = ("granted", "refused")
ACTIONS = {"suspend": ("current", "suspended"), "reinstate": ("suspended", "current"),
           "revoke": ("current", "revoked"), "surrender": ("current", "surrendered")}
ANSWERS = wording.CONSULTEE_ANSWERS


def case_or_404(deps, case_id):
    case = deps.licensing.get(case_id) if is_case(case_id) else None
    if case is None or case.state in ("draft", "paying"):
        raise NotFound(wording.NO_SUCH_CASE.format(reference=case_id), code="licence_case_not_found")
    return case


def save_change(deps, case, expected, kind, listed=True, nr3s=None, **payload):
    from ...storage.errors import EditConflict
    from ..shared.events import new_event
    if case.seq != expected:  # the desk reads the case again: its GET gives the ETag
        raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict")
    now = deps.clock()
    case.updated_at = now
    event = new_event(deps, kind, now, case_id=case.id, type_id=case.type_id, **payload)
    try:
        deps.licensing.save(case, expected, listed=listed, event=event, nr3s=nr3s)
    except EditConflict:
        raise Conflict(wording.CHANGED_MEANWHILE, code="edit_conflict") from None
    from ..shared.effects import first_try
    first_try(deps, [event])  # its effects (the decision told) now; the stream carries what this leaves
    return case


def answer_consultee(deps, case_id, consultee_id, body, expected):
    case = case_or_404(deps, case_id)
    record_answer(deps, case, consultee_id, body, by=deps.principal.user_id)
    return save_change(deps, case, expected, "licence_consultee_answered", consultee=consultee_id)


def record_answer(deps, case, consultee_id, body, by):
    """A consultee's answer on `case` (not yet saved), given at the desk by an officer or through the
    consultee's own link (consulting.py) by `by`: marked late after the consultee's day."""
    problems = validation.Problems()
    answer = body.get("answer")
    if answer not in ANSWERS:
        problems.add("answer", wording.ANSWER_UNKNOWN)
    words = validation.text(body.get("words"), "words", problems, max_len=REASONS_MAX)
    problems.raise_if_any()
    found = next((c for c in case.consultees if c["id"] == consultee_id), None)
    if found is None:
        raise NotFound(wording.NO_SUCH_CONSULTEE.format(consultee=consultee_id), code="consultee_not_found")
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    due = consultee_due(deps, case, licence_type, consultee_id)
    today = london_today(deps.clock())
    if case.kind == "notice":
        _notice_objected(case, answer, due, today)
    found.update(answer=answer, words=words, at=stamp(deps.clock()), by=by,
                 due=due.isoformat() if due else None, late=bool(due and today > due))
    return case


def _notice_objected(case, answer, due, today):
    """A temporary event notice objected to by the police or environmental health: only within their window
    (s.104(2): a later objection is not one); a late notice then cannot go ahead (a counter notice, s.104A), a
    standard one goes to a hearing (s.105)."""
    if answer != "objection":
        return
    if case.state != "given":
        raise Conflict(wording.NOT_DECIDABLE.format(state=wording.state_words(case.state)), code="not_decidable")
    if due is not None and today > due:
        raise Conflict(wording.OBJECTION_TOO_LATE.format(last_day=date_words(due)), code="objection_window_passed")
    case.state = "counter_notice" if (case.event or {}).get("late") else "objected"


def consultee_due(deps, case, licence_type, consultee_id):
    setting = next((c for c in licence_type.get("consultees") or [] if c["id"] == consultee_id), {})
    if setting.get("until"):
        return last_day_of(case.clocks, setting["until"])
    if setting.get("working_days") and case.received_at:
        return deps.calendar.add_working_days(london_today(case.received_at), setting["working_days"])
    return None


def set_hearing(deps, case_id, body, expected):
    """The hearing's day: from tomorrow, by the law's hearing clock unless `why` says otherwise."""
    from . import law
    case = case_or_404(deps, case_id)
    problems = validation.Problems()
    day = validation.iso_date(body.get("day"), "day", problems)
    why = validation.text(body.get("why"), "why", problems, max_len=REASONS_MAX)
    problems.raise_if_any()
    day = date.fromisoformat(day)
    today = london_today(deps.clock())
    latest = last_day_of(case.clocks, "hearing")
    if case.state not in DECIDABLE:
        raise Conflict(wording.NOT_DECIDABLE.format(state=wording.state_words(case.state)), code="not_decidable")
    if (case.law or {}).get("hearing") is False:
        raise Conflict(wording.NO_HEARING, code="no_hearing")
    if day <= today or not deps.calendar.is_working_day(day):
        raise validation.broken_rules([("day", wording.HEARING_DAY)])
    if latest is not None and day > latest and not why:
        raise validation.broken_rules([("day", wording.HEARING_TOO_LATE.format(latest=date_words(latest)))])
    version = law.version(deps.council.jurisdiction, case.regime, london_today(case.received_at))
    case.state = "hearing"
    case.clocks = clocks(version, london_today(case.received_at), deps.calendar, relevant_representations=True,
                         hearing=day)
    case.decision = {**(case.decision or {}), "hearing_why_late": why} if why else case.decision
    return save_change(deps, case, expected, "licence_hearing_set", day=day.isoformat())


def set_conditions(deps, case_id, body, expected):
    case = case_or_404(deps, case_id)
    conditions = body.get("conditions")
    if not isinstance(conditions, list) or len(conditions) > CONDITIONS_MAX or not all(
            isinstance(c, str) and c.strip() and len(c) <= 1000 for c in conditions):
        raise validation.broken_rules([("conditions", wording.CONDITIONS_SHAPE.format(most=CONDITIONS_MAX))])
    case.conditions = [c.strip() for c in conditions]
    return save_change(deps, case, expected, "licence_conditions_changed")


def decide(deps, case_id, body, expected):
    case = case_or_404(deps, case_id)
    problems = validation.Problems({"reasons": {"missing": wording.REASONS_REQUIRED}})
    outcome = body.get("outcome")
    if outcome not in OUTCOMES:
        problems.add("outcome", wording.OUTCOME_UNKNOWN)
    reasons = validation.text(body.get("reasons"), "reasons", problems, min_len=1, max_len=REASONS_MAX)
    problems.raise_if_any()
    if case.state not in DECIDABLE:
        raise Conflict(wording.NOT_DECIDABLE.format(state=wording.state_words(case.state)), code="not_decidable")
    waiting = [r for r in deps.licensing.representations(case.id) if r.state == "received"]
    if waiting:
        raise Conflict(wording.REPRESENTATIONS_UNCHECKED.format(count=len(waiting)), code="representations_unchecked")
    today = london_today(deps.clock())
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    _decidable_today(case, today)
    missing = checks.missing_for_decision(deps, licence_type, case, today) if outcome == "granted" else []
    if missing:
        raise validation.broken_rules([("outcome", wording.CHECKS_MISSING.format(missing="; ".join(missing)))])
    case.state = outcome
    case.decision = {**(case.decision or {}), "outcome": outcome, "reasons": reasons, "by": deps.principal.user_id,
                     "at": stamp(deps.clock())}
    if outcome == "granted":
        term, starts = licence_type.get("term_months"), licence_starts(case, today)
        case.licence = {"number": licence_number(case.id), "from": starts.isoformat(),
                        "to": add_months(starts, term).isoformat() if term else None, "state": "current"}
        case.reminder = first_reminder(licence_type, case.licence, deps.council.jurisdiction, case.regime, today)
        case.check_due = checks.next_due(licence_type, case)
    nr3s = checks.nr3s_entry(deps, case, outcome, today) if outcome == "refused" else None
    return save_change(deps, case, expected, "licence_decided", nr3s=nr3s, outcome=outcome)


def _decidable_today(case, today):
    """A procedure whose law has no hearing (a minor variation) is decided only once its representations' period
    has ended (s.182 Guidance para 8.53: the authority must wait until it has elapsed)."""
    if (case.law or {}).get("hearing") is not False:
        return
    last = last_day_of(case.clocks, "representations")
    rule = next((c["words"] for c in case.clocks or () if c["name"] == "representations"), "")
    if last is not None and today <= last:
        raise Conflict(wording.DECIDE_AFTER_REPRESENTATIONS.format(last_day=date_words(last), rule=rule),
                       code="representations_open")


def record_check(deps, case_id, body, expected):
    """An officer records a check of the licence holder (checks.py): saved with its event, the next due day filed."""
    case = case_or_404(deps, case_id)
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    check = checks.recorded(deps, case, licence_type, body)
    return save_change(deps, case, expected, "licence_check_recorded", check=check)


def change_licence(deps, case_id, body, expected):
    case = case_or_404(deps, case_id)
    problems = validation.Problems({"reasons": {"missing": wording.REASONS_REQUIRED}})
    action = body.get("action")
    if not isinstance(action, str) or action not in ACTIONS:  # a list or object: no key of ACTIONS
        problems.add("action", wording.ACTION_UNKNOWN)
    reasons = validation.text(body.get("reasons"), "reasons", problems, min_len=1, max_len=REASONS_MAX)
    problems.raise_if_any()
    was, becomes = ACTIONS[action]
    if not case.licence or case.licence.get("state") != was:
        raise Conflict(wording.LICENCE_NOT.format(state=was), code="licence_not_" + was)
    history = list(case.licence.get("history") or [])
    history.append({"action": action, "reasons": reasons, "by": deps.principal.user_id, "at": stamp(deps.clock())})
    case.licence = {**case.licence, "state": becomes, "history": history}
    # Only a current licence is reminded: reinstated, its next reminder from today; otherwise none.
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {}
    today = london_today(deps.clock())
    case.reminder = first_reminder(licence_type, case.licence, deps.council.jurisdiction, case.regime, today)
    case.check_due = checks.next_due(licence_type, case)
    nr3s = checks.nr3s_entry(deps, case, becomes, today) if becomes in ("revoked", "suspended") else None
    return save_change(deps, case, expected, "licence_" + becomes, nr3s=nr3s, action=action, change=len(history))
