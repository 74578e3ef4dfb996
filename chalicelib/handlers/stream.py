"""Where events come from: the events table's DynamoDB stream, in AWS (the
dispatch_events Lambda) and on one machine (doorstep_cli/local/stream_reader.py,
reading DynamoDB Local's stream) alike. It stands above the capabilities and
hands each batch to those that hear of events: the alerts (each new event
becomes page jobs on the alert queue, alerts/fanout.py: this handler reads no
index row and sends no message, so a batch costs the same whatever the
audiences), then the sends of new reports to the bodies that act on them
(each a job on the send queue), then the figures and the questionnaires,
and each event's registered effects (shared/effects.py: a crew's bulky
`unable` to waste, a finished payment to what it paid for, an officer's
answer to the resident) as jobs on the same queue, each claimed once by
the worker that carries it out.
"""


def on_stream(records, deps_factory, queue=None, sends_queue=None):
    """A Chalice DynamoDBEvent's records (or plain stream record dicts):
    queue the first page jobs of every inserted event; returns how many
    events. An exception fails the batch and the stream redelivers it: the
    jobs queued again find their deliveries claimed and send nothing twice.
    One table's stream carries every council's events: each council's are
    handled for that council (its key says which), in the stream's order."""
    from .. import tenancy
    from ..councils.registry import ended
    from .shared.events import by_council
    handled = 0
    for council, its_records in by_council(records):
        if ended(council):  # a council that has left: nothing more is done or written for it
            continue
        with tenancy.acting_for(council):
            handled += _on_council_stream(its_records, deps_factory, queue, sends_queue)
    return handled


def _on_council_stream(records, deps_factory, queue, sends_queue):
    from .alerts import fanout
    from .alerts.worker import alert_queue
    from .questionnaires.scheduling import schedule_events
    from .shared.events import inserted
    from .stats.counting import count_events
    news = list(inserted(records))  # TTL deletions and edits of old events are not news
    if not news:
        return 0
    deps = deps_factory()
    from .shared.effects import jobs_of
    # Each event's page jobs, and a job per effect registered for its kind (shared/effects.py).
    jobs = [job for event in news for job in fanout.first_jobs(deps, event)] + jobs_of(news)
    if jobs:
        (queue if queue is not None else alert_queue()).send(jobs)
    from .forwarding.queue import jobs_of_events, send_queue
    tries = jobs_of_events(news)
    if tries:  # queued again on a redelivery: each try claims its send first
        (sends_queue if sends_queue is not None else send_queue()).send(tries)
    # After the alerts: a failed count retries the batch, claims make its
    # alerts send nothing twice, and a counted event counts once.
    count_events(deps, news)
    schedule_events(deps, news)  # scheduling again only repeats the same schedule
    return len(news)
