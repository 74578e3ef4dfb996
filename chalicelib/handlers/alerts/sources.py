"""Where events come from: the events table's DynamoDB stream, in AWS (the
dispatch_events Lambda) and on one machine (doorstep_cli/local/stream_reader.py,
reading DynamoDB Local's stream) alike. Each new event becomes page jobs on
the alert queue (fanout.py): this handler reads no index row and sends no
message, so a batch of events costs the same whatever their audiences.
"""
from . import fanout


def on_stream(records, deps_factory, queue=None):
    """A Chalice DynamoDBEvent's records (or plain stream record dicts):
    queue the first page jobs of every inserted event; returns how many
    events. An exception fails the batch and the stream redelivers it: the
    jobs queued again find their deliveries claimed and send nothing twice."""
    from ...storage.alerts import event_from_image
    from .worker import alert_queue
    deps, jobs, done = None, [], 0
    for record in records:
        name = getattr(record, "event_name", None) or record.get("eventName")
        image = getattr(record, "new_image", None) if not isinstance(record, dict) \
            else record.get("dynamodb", {}).get("NewImage")
        if name != "INSERT" or not image:
            continue  # TTL deletions and edits of old events are not news
        deps = deps or deps_factory()
        jobs += fanout.first_jobs(deps, event_from_image(image))
        done += 1
    if jobs:
        (queue if queue is not None else alert_queue()).send(jobs)
    from ..stats.counting import count_stream  # after the alerts: a failed count retries the batch, claims
    count_stream(records, deps_factory)  # make its alerts send nothing twice, and a counted event counts once
    from ..questionnaires.scheduling import schedule_stream
    schedule_stream(records, deps_factory)  # scheduling again only repeats the same schedule
    return done
