"""Staff passing a report to another council of this service (issue 70): the
council holding a report, received from a district's site (the county's road
that turned out to be the district's car park) or made at its own, passes it
back to the council it was made with, or on to another, with a reason, once.

The receiving council holds it from then on, in its own partitions (its inbox,
its ward and due date by its own rules, its audit): storage/reports/report_passing.py
moves it whole in one transaction. The passing council keeps its audit line
(who, when, to whom and why) and a pointer, so its links still lead to the
report; the public timeline says where it went and why, and its followers hear
of it there. Once: a report passed already is not passed again, so two councils
never hand it back and forth."""
from dataclasses import replace

from ... import tenancy, validation
from ...errors import Conflict, ValidationFailed
from ...stamps import stamp
from ...storage.errors import AlreadyExists, EditConflict
from ..bodies import routing
from ..reports import across
from ..reports.transition import audit_entry, transition
from ..shared import placement
from . import wording as words
from .limits import PASS_REASON_MAX
from .passable import refusal
from .view import managed_report, stale


def pass_report(deps, report_id, body, version):
    """{report_id, passed, held_by}: where the report is now. 409 when it changed
    since version, was passed before, or is not one to pass as it is."""
    report = managed_report(deps, report_id)
    to, reason = _checked(body)
    from ...councils.registry import ended
    if ended(to):  # a council that has left the deployment: nothing more is written for it
        raise validation.broken_rules([("to", words.PASS_TO_LEFT.format(council=to))])
    if int(report.version or 0) != version:
        raise stale(deps, report_id, report)
    refusal(report)
    here, now, caller = tenancy.current(), deps.clock(), deps.principal
    passed = {"from": here, "to": to, "reason": reason, "at": stamp(now), "by": caller.email or caller.user_id}
    change = {"council": {"before": here, "after": to}, "reason": {"before": None, "after": reason}}
    site = report.site or here
    received = replace(report, site=None if site == to else site, passed=passed, version=None, inbox_keys=[])
    with across.working_for(deps, to) as there:
        if there.services.get(report.service_code) is None:
            raise validation.broken_rules([("to", words.PASS_TO_LACKS.format(council=there.council.name,
                                                                             service=report.service_code))])
        placement.place(there, received)  # its ward, due date and place in words, as the receiver keeps them
        write = transition(there, received, now, action="received_from_council", changes=change,
                           text=words.PASSED.format(to=there.council.name, by=deps.council.name, reason=reason))
        send = routing.initial_sends(received, [routing.council_body(there)], now)[0]
    return _moved(deps, report, received, to, write, send, audit_entry(deps, report, "passed_to_council", now, change))


def _moved(deps, report, received, to, write, send, audit):
    from ...storage.reports.report_passing import Passing, TooMuchToPass, pass_report as move
    withdrawn = [replace(s, state="withdrawn", next_try_at=None, claimed_until=None)
                 for s in deps.sends.for_report(report.id) if s.unsettled]
    try:
        move(Passing(report=report, received=received, to=to, write=write, audit=audit, send=send,
                     withdrawn=withdrawn))
    except EditConflict:
        raise stale(deps, report.id)
    except AlreadyExists:
        link = across.council_link(deps, to, report.id)
        raise Conflict(words.PASS_REFERENCE_TAKEN.format(council=link["name"]), code="reference_taken")
    except TooMuchToPass:
        raise Conflict(words.TOO_MUCH_TO_PASS, code="too_much_to_pass")
    return {"report_id": report.id, "passed": received.passed, "held_by": across.council_link(deps, to, report.id)}


def _checked(body):
    from ...councils.council import council
    if not isinstance(body, dict):
        raise ValidationFailed([("body", words.PASS_NOT_AN_OBJECT)])
    problems = validation.Problems()
    to = body.get("to")
    if not isinstance(to, str) or not tenancy.ID.match(to):
        problems.add("to", words.PASS_TO_NOT_AN_ID)
    reason = validation.text(body.get("reason"), "reason", problems, 1, PASS_REASON_MAX)
    problems.raise_if_any()
    if to == tenancy.current() or council(to).version == 0:
        raise validation.broken_rules([("to", words.PASS_TO_NO_COUNCIL)])
    return to, reason
