"""A body that has not answered a report within its target
(answer_within_days) gets it once more, saying so (FixMyStreet's issue 67):
the send goes back to waiting with a note for staff, and is not chased again."""
from dataclasses import replace

from ...storage.errors import EditConflict
from .wording import CHASED


def chase(deps, report_id, body_id):
    """Returns True when the send was put back to be tried again."""
    send = deps.sends.get(report_id, body_id)
    if send is None or send.state != "sent" or send.answered_at or send.resent:
        return False
    now = deps.clock()
    again = replace(send, state="waiting", resent=True, next_try_at=now,
                    last_error=CHASED.format(sent_at=send.sent_at))
    try:
        deps.sends.save(again)
    except EditConflict:
        return False
    return True
