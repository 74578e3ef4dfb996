"""Marking a report as a duplicate of another: the duplicate moves to the
state "duplicate" (a public change: its reporter and followers are told,
once, by the change's own event), the original lists it, and after the
change commits the duplicate's followers follow the original too, so from
then on they hear about the report that will be fixed."""
import logging

from ... import ids
from ...errors import ValidationFailed
from ..alerts.subscriptions import report_follow
from .wording import DUPLICATE_OF_ITSELF, NO_REPORT, ORIGINAL_IS_A_DUPLICATE

log = logging.getLogger(__name__)
STATE = "duplicate"


def original_of(deps, report, value):
    """The report `value` names, checked as an original for `report`."""
    rid = ids.normalise_report_id(value) if isinstance(value, str) else ""
    original = deps.reports.get(rid) if ids.is_report_id(rid) else None
    if original is None:
        raise ValidationFailed([("duplicate_of", NO_REPORT.format(report_id=value))])
    if original.id == report.id:
        raise ValidationFailed([("duplicate_of", DUPLICATE_OF_ITSELF)])
    if original.duplicate_of:
        raise ValidationFailed([("duplicate_of", ORIGINAL_IS_A_DUPLICATE.format(
            report_id=original.id, original_id=original.duplicate_of))])
    return original


def listed(original, duplicate_id, present):
    """The original's `duplicates` list with `duplicate_id` added or removed."""
    others = [d for d in original.duplicates or [] if d != duplicate_id]
    return [*others, duplicate_id] if present else others


def move_followers(deps, duplicate, original):
    """Everyone following the duplicate (its reporter included, when they
    follow it) also follows the original, on the channels they confirmed.
    Run after the change commits; safe to run again (the same follow has the
    same id). Returns how many new follows were made."""
    moved = 0
    alert_ids = sorted({row.alert_id for row in deps.alerts.rows(f"report#{duplicate.id}")})
    for alert in deps.alerts.get_many(alert_ids):
        channels = {k: v for k, v in (alert.channels or {}).items() if k not in (alert.pending or [])}
        if not channels:
            continue
        follow, rows = report_follow(alert.user_id, original.id, channels, deps.clock())
        try:
            moved += bool(deps.alerts.create(follow, rows))
        except Exception:  # one follower's failure must not stop the others; the change itself is done
            log.exception("could not move follower %s of %s to %s", alert.id, duplicate.id, original.id)
    return moved
