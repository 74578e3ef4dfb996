"""Changing a report's state or adding a public update from outside the staff
desk (a partner's back office over Open311, the demo data): the one
transition, committed with its audit and, for a partner, the request's
Idempotency record, in one transaction."""
from ... import states
from ...errors import Conflict, ValidationFailed
from ...storage.errors import AlreadyExists, EditConflict
from .tracking import find_report
from .transition import transition
from .wording import CHANGED_WHILE_EDITING, ONE_OF, UPDATE_BEING_RECORDED


def change_state(deps, report_id, new_state, text=None, author="council", idempotency=None, media_url=None,
                 action="update", by=None):
    """Move a report to a new state (or add a public update: the same state
    with words) with its timeline entry, its event and its audit entry, in one
    transaction; a concurrent edit makes it fail whole (409).

    `idempotency` (an IdempotencyRecord whose key must be new) is written in
    the same transaction, so a retried partner update can never write twice;
    its resource_id is set to the new entry's update id. `by`: who, for the
    audit, as (id, e-mail); the caller when signed in, else the author."""
    if new_state not in states.LABELS:
        raise ValidationFailed([("status", ONE_OF.format(choices=", ".join(states.LABELS)))])
    report = find_report(deps, report_id)
    by = by or (None if deps.principal else (author, None))
    write = transition(deps, report, deps.clock(), action=action, by=by, state=new_state, text=text, author=author,
                       media_url=media_url, announce=True)
    if idempotency is not None:
        idempotency.resource_id = update_id(report.id, write.entry.seq)
    try:
        deps.reports.apply([write], idempotency=idempotency)
    except EditConflict:
        raise Conflict(CHANGED_WHILE_EDITING, code="edit_conflict")
    except AlreadyExists:
        raise Conflict(UPDATE_BEING_RECORDED, code="request_in_progress")
    return report


def update_id(report_id, seq):
    """A timeline entry's public id, as Open311 names updates: "DS-7K3F9Q-3"."""
    return f"{report_id}-{int(seq)}"
