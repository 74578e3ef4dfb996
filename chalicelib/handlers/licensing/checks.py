"""A licence holder's checks (the Statutory Taxi and Private Hire Vehicle
Standards, DfT 2020, updated 2023): what the regime's law names (an enhanced
DBS check with barred lists and NR3S searched before a driver is licensed,
the DBS update service at least every six months during the licence) and,
per licence type, what the council asks (`checks`: which before a decision
and how recent, which how often during the licence).

The officer records each check at the desk: which, the day, what it found,
and a DBS check's certificate number (personal data: shown only in the
audited desk read). A grant is refused (422, in words) while a check needed
before the decision is missing or older than the type allows. A licence with
a check due during its term is filed on a sparse index by the day it is due
(`check_due`), which the five-minute job and the desk's list read (never a
Scan); once the job has flagged it, under its own partition, so the job reads
only what it has not flagged. A refusal, revocation or suspension of a licence whose law says NR3S
records it adds an entry to the council's own outgoing NR3S record
(`licence-nr3s`): NR3S itself is a national service Doorstep cannot reach."""
import re
from datetime import date, timedelta

from ... import validation
from ...stamps import london_today, stamp
from ..shared.clock import date_words
from . import law, wording
from .clocks import add_months

CERTIFICATE = re.compile(r"^[0-9]{12}$")
KEPT_MAX = 60  # six-monthly checks over a 3-year licence and its renewals, with room


def law_checks(jurisdiction, regime, day):
    return (law.version(jurisdiction, regime, day) or {}).get("checks") or {}


def recorded(deps, case, licence_type, body):
    """The check an officer records, added to `case` (not yet saved: desk.record_check saves it with its event),
    and the licence's next check due worked out again."""
    asked = {c["id"]: c for c in licence_type.get("checks") or []}
    named = law_checks(deps.council.jurisdiction, case.regime, london_today(case.received_at or deps.clock()))
    problems = validation.Problems()
    body = body if isinstance(body, dict) else {}
    check = body.get("check") if isinstance(body.get("check"), str) else None  # a list or object: no check
    if check not in asked:
        problems.rule("check", wording.CHECK_UNKNOWN.format(choices=", ".join(asked) or "none"))
    if not isinstance(body.get("outcome"), str) or body["outcome"] not in wording.CHECK_OUTCOMES:
        problems.rule("outcome", wording.CHECK_OUTCOME_UNKNOWN)
    today = london_today(deps.clock())
    on = body.get("on") if isinstance(body.get("on"), str) else ""
    try:
        day = date.fromisoformat(on)
    except ValueError:
        day = None
    if day is None or not today - timedelta(days=366) <= day <= today:
        problems.rule("on", wording.CHECK_DAY)
    certificate = body.get("certificate")
    if (named.get(check) or {}).get("certificate") and not (isinstance(certificate, str)
                                                           and CERTIFICATE.match(certificate.strip())):
        problems.rule("certificate", wording.CERTIFICATE_SHAPE)
    notes = validation.text(body.get("notes"), "notes", problems, max_len=2000)
    problems.raise_if_any()
    kept = list(case.checks or [])
    if len(kept) >= KEPT_MAX:
        raise validation.broken_rules([("check", wording.CHECKS_TOO_MANY.format(most=KEPT_MAX))])
    entry = {"check": check, "on": day.isoformat(), "outcome": body["outcome"], "notes": notes or None,
             "by": deps.principal.user_id, "at": stamp(deps.clock())}
    if (named.get(check) or {}).get("certificate"):
        entry["certificate"] = certificate.strip()
    case.checks = kept + [entry]
    case.check_due = next_due(licence_type, case)
    return check


def last(case, check):
    """The latest recording of `check` on the case, or None."""
    found = [c for c in case.checks or [] if c["check"] == check]
    return max(found, key=lambda c: (c["on"], c["at"])) if found else None


def missing_for_decision(deps, licence_type, case, today):
    """The words of each check needed before a decision that is missing or older than the type allows."""
    named = law_checks(deps.council.jurisdiction, case.regime, london_today(case.received_at or deps.clock()))
    out = []
    for c in licence_type.get("checks") or []:
        if not c.get("before_decision"):
            continue
        words = (named.get(c["id"]) or {}).get("words", c["id"])
        found = last(case, c["id"])
        if found is None:
            out.append(wording.CHECK_NONE.format(words=words))
        elif c.get("within_months") and add_months(date.fromisoformat(found["on"]), c["within_months"]) < today:
            out.append(wording.CHECK_TOO_OLD.format(words=words, on=date_words(date.fromisoformat(found["on"])),
                                                    months=c["within_months"]))
    return out


def next_due(licence_type, case):
    """{check, due} of the licence's first check due during its term (the later of its last recording and the
    licence's first day, plus the type's months), or None: no licence in force, or no such check."""
    licence = case.licence or {}
    if licence.get("state") not in ("current", "suspended"):
        return None
    dues = []
    for c in licence_type.get("checks") or []:
        if not c.get("every_months"):
            continue
        found = last(case, c["id"])
        since = max(licence["from"], found["on"]) if found else licence["from"]
        dues.append({"check": c["id"], "due": add_months(date.fromisoformat(since), c["every_months"]).isoformat()})
    return min(dues, key=lambda d: d["due"]) if dues else None


def due_row(case, today):
    due = case.check_due
    return {"id": case.id, "type": case.type_id, "licence": (case.licence or {}).get("number"),
            "check": due["check"], "due": due["due"], "overdue": date.fromisoformat(due["due"]) < today}


def due_list(deps, params=None):
    """The licences whose check falls due by `by` (default today), one Query of the sparse index; each
    `overdue` once its day has passed (six months from 28 May is due on 28 November, overdue on the 29th)."""
    today = london_today(deps.clock())
    by = (params or {}).get("by")
    try:
        until = date.fromisoformat(by) if by else today
    except ValueError:
        until = None
    if until is None or not today <= until <= today + timedelta(days=92):
        raise validation.broken_rules([("by", wording.CHECK_BY)])
    rows = sorted((due_row(c, today) for c in deps.licensing.checks_due_by(until.isoformat())),
                  key=lambda r: (r["due"], r["id"]))
    return {"checks_due": rows, "today": today.isoformat()}


def flag_due(deps):
    """The five-minute job's step: each licence whose check has fallen due is flagged once for that day (its
    `check_due.flagged`, written conditional on the case as read, with its event), so the desk's list shows it;
    flagged, it moves to the index's other partition, so a second run reads and writes nothing, however many
    licences are overdue. How many were flagged now."""
    from ...storage.errors import EditConflict
    from ..shared.effects import first_try
    from ..shared.events import new_event
    today = london_today(deps.clock())
    flagged = 0
    for case in deps.licensing.checks_due_by(today.isoformat(), flagged=(False,)):
        expected, now = case.seq, deps.clock()
        case.check_due = {**case.check_due, "flagged": today.isoformat()}
        case.updated_at = now
        event = new_event(deps, "licence_check_due", now,
                          event_id=f"licence.{case.id}.check.{case.check_due['check']}.{case.check_due['due']}",
                          case_id=case.id, type_id=case.type_id, check=case.check_due["check"],
                          due=case.check_due["due"])
        try:
            deps.licensing.save(case, expected, listed=True, event=event)
        except EditConflict:
            continue  # recorded or changed meanwhile: the next run reads it again
        first_try(deps, [event])
        flagged += 1
    return flagged


def nr3s_entry(deps, case, decision, today):
    """The council's outgoing NR3S record of a refusal, revocation or suspension, when the regime's law says
    NR3S records it; else None. Who, which licence, what was decided and when: never the reasons."""
    named = law_checks(deps.council.jurisdiction, case.regime, london_today(case.received_at or deps.clock()))
    if not any(decision in (c.get("record_on") or ()) for c in named.values()):
        return None
    return {"case_id": case.id, "decision": decision, "decided_on": today.isoformat(),
            "effective_on": today.isoformat(), "name": (case.applicant or {}).get("name") or "",
            "licence": (case.licence or {}).get("number"), "type_id": case.type_id, "regime": case.regime,
            "state": "to_send", "by": deps.principal.user_id, "at": stamp(deps.clock())}
