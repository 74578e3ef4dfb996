"""Finishes counted from a transaction's own event, where its making is one
transaction that the count must not join (a report's: the report, its follow,
its event and its sends in one write): an effect, claimed once per event, and
counted once per transaction whatever runs it again (counting.finished)."""
from datetime import datetime

from . import counting

ASSISTED_CHANNELS = ("phone", "face_to_face", "letter", "email", "chat")  # staff's, taking it for a caller
NOT_RESIDENTS = ("open311", "crew")  # a partner's system, a crew's own: no resident finished anything


def channel_of_report(channel):
    """A report's feedback channel from how the council heard of it: None for no resident's."""
    if channel in NOT_RESIDENTS:
        return None
    return "assisted" if channel in ASSISTED_CHANNELS else "online"


def on_report_created(deps, event, key):
    channel = channel_of_report(event.payload.get("channel"))  # (`key`, the message key, names nothing sent here)
    if channel is None or event.report_id is None:
        return "not a resident's"
    made = event.payload.get("reported_at")
    moment = datetime.fromisoformat(made) if made else event.created_at
    counting.finished(deps, "reports", event.report_id, channel, moment)
    return "counted"


def report_link(deps, report):
    """The link asking a report's maker how it went, for the message saying it was received (the same
    question its confirmation asks); None for a report no resident made."""
    channel = channel_of_report(report.channel)
    if channel is None:
        return None
    return counting.link(deps, counting.question("reports", report.id, channel, report.created_at))
