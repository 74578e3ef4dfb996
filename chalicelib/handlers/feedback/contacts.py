"""The phone and face-to-face contacts a council enters per service and month (issue 72, item 4): they count
towards the service's take-up alone (no start, no answer). Entered by the officers its desk opens to, or an
administrator (services.desk_of); set to a value with the version read, never added, so a month sent again
never doubles; a month not yet begun is refused; each change is audited with who made it."""
import re

from ... import validation
from ...auth.grants import acting_as
from ...errors import ApiError, NotFound, Stale, ValidationFailed
from ...storage.records import AuditEntry
from ..shared.versions import expected_version
from .counting import month_of
from .figures import months_of
from .services import SERVICES, desk_of
from .wording import (COUNT_RANGE, MONTH_TO_COME, NOT_A_CONTACTS_FIELD, NOT_A_MONTH, NOT_A_SERVICE, NOT_AN_OBJECT,
                      NOT_YOUR_SERVICE)

MONTH = re.compile(r"^(20[2-9][0-9]|2100)-(0[1-9]|1[0-2])$")
MOST = 10_000_000  # a month's contacts of one service: far above any council's, below a typing slip's zeros
CHANNELS = ("phone", "face_to_face")


def entering(deps, service):
    """Refused unless `service` is one and the caller's roles open its desk (an administrator's always do)."""
    if service not in SERVICES:
        raise NotFound(NOT_A_SERVICE.format(services=", ".join(SERVICES)), code="not_found")
    if not deps.principal.opens(desk_of(service)):
        raise ApiError(NOT_YOUR_SERVICE.format(desk=desk_of(service)), status=403, code="forbidden")


def year(deps, service, params):
    """{service, year, months: [{month, phone, face_to_face, version}]} of the council's year."""
    entering(deps, service)
    problems = validation.Problems()
    chosen = validation.required_whole_number(params, "year", problems, low=2020, high=2100)
    problems.raise_if_any()
    months = months_of(chosen)
    entered = deps.contacts.year(months, service)
    return {"service": service, "year": chosen,
            "months": [view(m, *entered.get(m, ({name: 0 for name in CHANNELS}, 0))) for m in months]}


def enter(deps, service, month, body, if_match):
    """Set `month`'s contacts of `service` to the body's; (the month as entered, its version)."""
    entering(deps, service)
    version = expected_version(if_match, read_from=f"GET /v1/staff/figures/{service}/contacts")
    counts = _counts(deps, month, body)
    now, before = deps.contacts.of(month, service)
    if now == counts:  # the same month sent again: already so
        return view(month, now, before)
    if before != version:
        raise Stale(view(month, now, before), f'"{before}"')
    from ...storage.feedback.contacts import EditConflict, audit_id
    changes = {name: [now[name], n] for name, n in counts.items() if now[name] != n}
    audit = AuditEntry(report_id=audit_id(service, month), seq=version + 1, action="contacts_entered",
                       by_user_id=deps.principal.user_id, by_email=deps.principal.email, created_at=deps.clock(),
                       changes=changes, **acting_as(deps.principal))
    try:
        return view(month, counts, deps.contacts.enter(month, service, counts, version, audit))
    except EditConflict:
        raise Stale(view(month, *deps.contacts.of(month, service)), f'"{deps.contacts.of(month, service)[1]}"')


def view(month, counts, version):
    return {"month": month, **counts, "version": version}


def _counts(deps, month, body):
    problems = validation.Problems()
    if not isinstance(month, str) or not MONTH.match(month):
        problems.add("month", NOT_A_MONTH)
    if not isinstance(body, dict):
        raise ValidationFailed([("body", NOT_AN_OBJECT)])
    for name in sorted(set(body) - set(CHANNELS)):
        problems.add(name, NOT_A_CONTACTS_FIELD)
    for name in CHANNELS:
        n = body.get(name)
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MOST:
            problems.add(name, COUNT_RANGE.format(most=f"{MOST:,}"))
    problems.raise_if_any()
    if month > month_of(deps.clock()):  # well formed, but not a month with contacts yet
        raise validation.broken_rules([("month", MONTH_TO_COME)])
    return {name: body[name] for name in CHANNELS}
