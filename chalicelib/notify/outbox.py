"""The outbox row every e-mail and text leaves behind: locally the only copy
(`doorstep outbox` reads it), in AWS the record of what went out and how."""
from datetime import timedelta

OUTBOX_KEEP = timedelta(days=30)


def outbox_row(channel, to, body, now, new_id, **fields):
    """An unsaved row, status "kept" until a channel says otherwise."""
    from ..storage.records import OutboxMessage
    return OutboxMessage(id=new_id(), channel=channel, to=to, body=body, created_at=now,
                         expires=now + OUTBOX_KEEP, status="kept", **fields)


def keep(row):
    from ..storage.outbox import OutboxStore
    OutboxStore().add(row)
