"""Receipts go through a durable queue, the outbox: kept queued before they
are sent, sent at once when they can be, else by the job after a wait, never
lost when the mail service fails and never sent twice for one receipt."""
import dataclasses
from datetime import timedelta

import pytest
from support.racing import at_once

SENDERS = 6  # the scheduled job's runs overlapping (a slow one and the next), and the request's own try


class Mail:
    """The mail service (SES's SendRawEmail) as the outbox's sender calls it: down until told otherwise."""

    def __init__(self):
        self.up, self.sent = False, []

    def send_raw_email(self, **request):
        if not self.up:
            raise ConnectionError("SES could not be reached")
        self.sent.append(request)


@pytest.fixture
def mail(storage, monkeypatch):
    from chalicelib import config
    from chalicelib.notify import aws
    service = Mail()
    real = config.settings
    monkeypatch.setattr(config, "settings", lambda: dataclasses.replace(real(), stage="prod",
                                                                        email_sender="council@example.org"))
    monkeypatch.setattr(aws, "client", lambda name, s: service)
    return service


def test_a_receipt_the_mail_service_refused_waits_in_the_outbox_and_goes_later_once(mail, deps):
    from chalicelib.notify.email import message_id_header, queue_email, send_queued
    from chalicelib.storage.outbox import OutboxStore
    now = deps.clock()
    row = queue_email("ada@example.org", "Your booking", "Paid.", now, "receipt:BK-TEST22:paid")
    kept = OutboxStore().get(row.id)
    assert (kept.status, kept.queued, kept.tries) == ("retry", "email", 1) and mail.sent == []
    assert kept.try_at == now + timedelta(minutes=5)
    assert queue_email("ada@example.org", "Your booking", "Paid.", now, "receipt:BK-TEST22:paid") is None
    mail.up = True
    assert send_queued(now + timedelta(minutes=4)) == 0  # not yet its time
    assert send_queued(now + timedelta(minutes=5)) == 1
    assert send_queued(now + timedelta(hours=1)) == 0
    sent = OutboxStore().get(row.id)
    assert (sent.status, sent.queued) == ("sent", None)
    assert [m["Destinations"] for m in mail.sent] == [["ada@example.org"]]
    mark = message_id_header("receipt:BK-TEST22:paid", "ada@example.org", "council@example.org")
    assert f"\r\nMessage-ID: {mark}\r\n".encode() in mail.sent[0]["RawMessage"]["Data"]


def test_senders_running_at_once_send_a_waiting_receipt_once(mail, deps):
    from chalicelib.notify.email import queue_email, send_queued
    from chalicelib.storage.outbox import OutboxStore
    now = deps.clock()
    row = queue_email("bo@example.org", "Your booking", "Paid.", now, "receipt:BK-TEST33:paid")
    mail.up = True
    went = at_once(lambda _: send_queued(now + timedelta(minutes=10)), range(SENDERS))
    assert sum(went) == 1 and len(mail.sent) == 1, (went, mail.sent)
    sent = OutboxStore().get(row.id)
    assert (sent.status, sent.queued, sent.tries) == ("sent", None, 2)


def test_a_receipt_the_mail_service_refuses_for_ever_is_given_up(mail, deps):
    from chalicelib.notify.email import RETRY_AFTER, queue_email, send_queued
    from chalicelib.storage.outbox import OutboxStore
    now = deps.clock()
    row = queue_email("bo@example.org", "Your booking", "Paid.", now, "receipt:BK-TEST34:paid")
    moment = now + timedelta(minutes=10)
    for _ in range(len(RETRY_AFTER) + 2):
        send_queued(moment)
        moment += timedelta(hours=7)
    given_up = OutboxStore().get(row.id)
    assert (given_up.status, given_up.queued) == ("failed", None) and mail.sent == []


def test_a_bulky_receipt_is_queued_in_the_outbox_under_its_booking(client, deps, people):
    from support.pay_support import home_with_round
    from chalicelib.storage.outbox import OutboxStore
    uprn, officer = home_with_round(deps), people("staff")
    day = client.get(f"/v1/places/{uprn}/bulky/dates").json_body["dates"][-1]["date"]
    made = client.post("/v1/staff/waste/bulky/bookings", {"uprn": uprn, "date": day, "items": ["sofa"],
                                                          "payment": "waived", "reason": "Hardship",
                                                          "caller_email": "cy@example.org"}, officer.auth).json_body
    kept = OutboxStore().get(f"receipt:{made['id']}:waived")
    assert kept.to == "cy@example.org" and kept.status == "kept" and kept.queued is None  # local: kept, not queued
