"""The alert functions' table rights (infra/template/access.py) are what
each calls: a fan-out through the stream handler and the worker, with
every DynamoDB call recorded by table, must need no right its role lacks."""
import json

import pytest

from tests.support.alert_support import MINSTER, push_alert, store_wards
from tests.conftest import pothole
from tests.support.notify_support import browser, push_service  # noqa: F401 (fixtures)

READS = {"GetItem", "BatchGetItem", "Query", "Scan", "ConditionCheck"}
CREATES = {"PutItem", "Put", "TransactWriteItems"}  # a transaction's items are each checked as themselves
CHANGES = CREATES | {"UpdateItem", "Update"}  # "change": written or changed, never deleted


@pytest.fixture
def calls():
    """[(operation, table)] of every DynamoDB call made, from any thread."""
    from chalicelib.storage import binding
    seen = []

    def record(model, params, **kwargs):
        operation = model.name
        tables = ([params["TableName"]] if "TableName" in params else list(params.get("RequestItems", {})))
        for item in params.get("TransactItems", []):
            (kind, body), = item.items()
            tables.append(body["TableName"])
            seen.append((kind, body["TableName"].removeprefix("test-")))
        seen.extend((operation, t.removeprefix("test-")) for t in tables)
    events = binding.connection().client.meta.events
    events.register("provide-client-params.dynamodb", lambda params, model, **kw: record(model, params))
    yield seen
    events.unregister("provide-client-params.dynamodb")


def allowed(tables, calls):
    """The calls a role with `tables` ({name: "read" | "create" | "change" | "read-write"}) would be refused:
    "create" is a read's and a new item's (PutItem, a transaction's Put), never an update or a delete;
    "change" a create's and an update's, never a delete. Every role reads the councils table besides
    (access.COUNCIL_TABLES: which councils there are, which have left, their settings)."""
    from infra.template.access import COUNCIL_TABLES
    tables = {**COUNCIL_TABLES, **tables}
    return [(op, t) for op, t in calls if t not in tables or (
        op not in READS and tables[t] != "read-write" and not (tables[t] == "create" and op in CREATES)
        and not (tables[t] == "change" and op in CHANGES))]


def test_the_dispatcher_and_the_worker_call_only_tables_their_roles_allow(client, deps, calls, people):
    from chalicelib.handlers.stream import on_stream
    from chalicelib.handlers.alerts.worker import InlineQueue, on_queue
    from chalicelib.notify.deliver import deliver
    from chalicelib.storage.reports.reports import EventModel
    from chalicelib.storage.reports.services import clear_cache
    from infra.template.access import DISPATCHER_TABLES, WORKER_TABLES
    store_wards(deps)
    for body in (push_alert(1, kind="area", **MINSTER, radius_m=500),
                 push_alert(2, kind="ward", ward="guildhall"),
                 push_alert(3, kind="broadcast", topics=["bins"], ward="guildhall")):
        assert client.post("/v1/alerts", body).status_code == 201
    resident, staff = people(), people("staff")
    mail = client.post("/v1/alerts", {"kind": "area", **MINSTER, "radius_m": 500, "channels": ["email"]},
                       resident.auth)
    assert mail.json_body["confirmed"] is True
    client.post("/v1/reports", pothole())
    sent = client.post("/v1/broadcasts", {"target": {"wards": ["guildhall"]}, "topic": "bins",
                                          "title": "Bins moved", "body": "Collections move to Saturday."},
                       staff.auth)
    assert sent.status_code == 201, sent.json_body
    images = [e.serialize() for e in EventModel.scan()]
    clear_cache()
    calls.clear()
    queue = InlineQueue()
    on_stream([{"eventName": "INSERT", "dynamodb": {"NewImage": i}} for i in images], lambda: deps, queue)
    assert queue and allowed(DISPATCHER_TABLES, calls) == []
    clear_cache()
    calls.clear()

    def channel(name, address, message, settings, now, new_id):
        # Push answers "gone" (the worker drops the channel, and the alert with it);
        # e-mail and SMS go through the real channel (the outbox).
        return "gone" if name == "push" else deliver(name, address, message, settings, now, new_id)
    while queue:
        jobs = [queue.pop(0) for _ in range(min(4, len(queue)))]
        event = {"Records": [{"messageId": str(n), "body": json.dumps(j)} for n, j in enumerate(jobs)]}
        assert on_queue(event, lambda: deps, None, channel, queue) == {"batchItemFailures": []}
    touched = {t for _, t in calls}
    # It did fan out, drop channels, mail and count the broadcast.
    assert {"alert-index", "alerts", "alert-deliveries", "outbox", "broadcasts"} <= touched
    assert allowed(WORKER_TABLES, calls) == []


def test_a_petitions_notices_and_its_closing_call_only_tables_their_roles_allow(deps, calls, browser):
    """A published petition (area and ward alerts that asked for petitions), a
    signed-in signer with a push alert, a response, then the hourly closing:
    the stream handler, the worker and the closer each within their role."""
    from datetime import timedelta
    import chalicelib.handlers.petitions.routes  # noqa: F401 (registers the audience, as app.py does)
    from chalicelib.handlers.alerts.subscriptions import subscribe
    from chalicelib.handlers.alerts.worker import InlineQueue, on_queue
    from chalicelib.handlers.petitions import moderation
    from chalicelib.handlers.petitions.signing import confirm, sign
    from chalicelib.handlers.stream import on_stream
    from chalicelib.notify.deliver import deliver
    from chalicelib.storage.reports.reports import EventModel
    from infra.template.access import CLOSER_TABLES, DISPATCHER_TABLES, WORKER_TABLES
    from tests.support.petition_support import NOON, at, officer, published, resident, tokens_sent
    store_wards(deps)
    rita = resident("rita", "rita@example.org")
    subscribe(at(deps, NOON, rita), {"kind": "area", **MINSTER, "radius_m": 500, "petitions": True,
                                     "channels": ["push"], "push_subscription": browser.subscription})
    petition = published(deps, sponsors=1)
    sign(at(deps, NOON, rita), petition["id"], {"name": "Rita", "email": "rita@example.org", "postcode": "YO1 7HH",
                                                "in_area": True})
    confirm(deps, {"token": tokens_sent("rita@example.org")[-1]})
    moderation.respond(at(deps, NOON + timedelta(days=1), officer()), petition["id"], {"text": "Yes."}, 1)
    calls.clear()
    assert moderation.close_due(at(deps, NOON + timedelta(days=200))) == 1
    assert allowed(CLOSER_TABLES, calls) == []
    images = [e.serialize() for e in EventModel.scan() if e.kind.startswith("petition_")]
    calls.clear()
    queue = InlineQueue()
    on_stream([{"eventName": "INSERT", "dynamodb": {"NewImage": i}} for i in images], lambda: deps, queue)
    assert queue and allowed(DISPATCHER_TABLES, calls) == []
    calls.clear()
    while queue:
        jobs = [queue.pop(0) for _ in range(min(4, len(queue)))]
        event = {"Records": [{"messageId": str(n), "body": json.dumps(j)} for n, j in enumerate(jobs)]}
        assert on_queue(event, lambda: deps, None, deliver, queue) == {"batchItemFailures": []}
    assert {"petition-signatures", "alerts", "alert-deliveries", "outbox"} <= {t for _, t in calls}
    assert allowed(WORKER_TABLES, calls) == []
