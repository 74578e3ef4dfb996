"""Staff's readings of a person's data, each said why and audited: one way for every one of them (a report's
reporter, a form's answers and files, a tenant's repair and home, a booking, a container request...).

The officer's reason comes with the request (the Access-Reason header, deps.reason: printable ASCII as
typed, anything else percent-encoded) and is checked before anything is read; the reading's line is
written to the audit, under the id of what was read, before the answer leaves, so a reading whose answer
never arrived is known as well. A thing whose audit holds its changes too (a report, a repair, a
consultation) numbers its readings after its version with a fraction (12.001, 12.002...): they sort after
the change they followed and never take a change's number. A thing without a version numbers them by the
clock's millisecond, the next one on a clash."""
from ...errors import Conflict, ValidationFailed
from . import wording

ACCESS_REASON = "Access-Reason"  # as the API names it (api/http.py reads it)
READINGS_PER_VERSION = 999  # readings between two changes of a versioned thing (12.001 ... 12.999)
TRIES = 20  # a millisecond's clashes, for a thing numbered by the clock


def reason(deps):
    """The officer's reason as they typed it; 400 naming the header when it is missing or not what the API's
    document says it is (its pattern and lengths, api/openapi.py: the same rule both sides)."""
    import re
    from urllib.parse import unquote
    from ...api.openapi import REASON_MAX, REASON_MIN, REASON_PATTERN
    sent = deps.reason
    if not isinstance(sent, str) or not REASON_MIN <= len(sent) <= REASON_MAX or not re.fullmatch(REASON_PATTERN, sent):
        raise ValidationFailed([(ACCESS_REASON, wording.SAY_WHY.format(low=REASON_MIN))])
    return unquote(sent, errors="replace").strip()


def audited(deps, subject_id, what, after=None, action="read", name=None):
    """Write the line: the officer read `what` (in words) of `subject_id`, with their reason. `after`: the
    subject's version, when its audit numbers its changes by it. `name`: the change's key the line shows
    `what` under (the action's own by default). Once per request however often its handler loads the
    thing (a change reads it again to answer). Returns the reason."""
    from ...storage.errors import AlreadyExists
    from ...storage.records import AuditEntry
    said, now, p = reason(deps), deps.clock(), deps.principal
    if (subject_id, action, what) in deps.readings:
        return said
    from ...auth.grants import acting_as
    entry = AuditEntry(report_id=subject_id, seq=0, action=action, by_user_id=p.user_id, by_email=p.email,
                       created_at=now, reason=said, changes={name or action: {"before": None, "after": what}},
                       **acting_as(p))
    numbers = ([int(after) + n / 1000 for n in range(1, READINGS_PER_VERSION + 1)] if after is not None
               else [int(now.timestamp() * 1000) + n for n in range(TRIES)])
    for seq in numbers:
        entry.seq = seq
        try:
            deps.audit.add_reading(entry)
            deps.readings.add((subject_id, action, what))
            return said
        except AlreadyExists:
            continue
    raise Conflict(wording.READ_TOO_OFTEN if after is not None else wording.READ_AT_ONCE, code="read_too_often")


def opened(deps, kind, owner_id, subject_id, what, after=None):
    """Whether the caller opens a resident's thing of `kind` (`owner_id` theirs): its resident, as ever; an
    officer whose roles open the desk the kind belongs to, on a route holding it (auth/policy.py who_opens),
    reading it once they have said why, the reading audited (a change they make is audited as the change);
    anyone else not (False: the caller's 404)."""
    from ...auth.policy import OFFICER, serving_a_read, who_opens
    who = who_opens(deps.principal, kind, owner_id)
    if who == OFFICER and serving_a_read():
        audited(deps, subject_id, what, after)
    return who is not None
