"""Where events come from: the events table's DynamoDB stream, in AWS (the
dispatch_events Lambda) and on one machine (doorstep_cli/local/stream_reader.py,
reading DynamoDB Local's stream) alike. Each event goes to
dispatch.dispatch_event, which makes a redelivered one harmless.
"""
from . import dispatch


def on_stream(records, deps_factory, deliver=None):
    """A Chalice DynamoDBEvent's records (or plain stream record dicts):
    dispatch every inserted event. An exception fails the batch and the
    stream redelivers it; claims make that resend nothing already sent."""
    from ...storage.alerts import event_from_image
    from ..stats.counting import count_stream  # the performance figures count each batch first
    count_stream(records, deps_factory)
    done = 0
    for record in records:
        name = getattr(record, "event_name", None) or record.get("eventName")
        image = getattr(record, "new_image", None) if not isinstance(record, dict) \
            else record.get("dynamodb", {}).get("NewImage")
        if name != "INSERT" or not image:
            continue  # TTL deletions and edits of old events are not news
        dispatch.dispatch_event(deps_factory(), event_from_image(image), deliver)
        done += 1
    return done
