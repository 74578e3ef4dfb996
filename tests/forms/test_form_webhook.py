"""A form handed to the council's own system through a webhook: posted over
real HTTP to a local receiver, signed so the receiver can tell it is ours,
tried again with backoff while the receiver fails (a night, a weekend), with
one Idempotency-Key for every try, given up after three days and shown to
staff, who can send it again; an address that is not https is refused when
the form is loaded."""
import dataclasses
import hashlib
import hmac
import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from support.effects_support import dies_after_commit  # noqa: F401 (a fixture)
from support.forms_support import Filler, demo, published
from chalicelib import tenancy

KEY = "a-webhook-key-for-tests"


class Receiver:
    """A council system's endpoint: answers each POST with the next status given, and keeps what came."""

    def __init__(self, statuses):
        self.statuses, self.received = list(statuses), []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append((dict(self.headers), body))
                self.send_response(outer.statuses.pop(0) if outer.statuses else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/doorstep/forms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(monkeypatch):
    monkeypatch.setenv("DOORSTEP_FORMS_WEBHOOK_SECRET", KEY)
    made = Receiver([503])  # down for the first try
    yield made
    made.close()


def verified(headers, body):
    fields = dict(part.split("=", 1) for part in headers["Doorstep-Signature"].split(","))
    expected = hmac.new(KEY.encode(), f"{fields['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields["v1"])


SENT = datetime(2026, 11, 27, 17, 55, tzinfo=timezone.utc)  # a Friday evening: the council's system goes down


def at(deps, moment):
    return dataclasses.replace(deps, clock=lambda: moment)


def enquiry_sent(client, deps, url):
    """A general enquiry sent to a council system at `url`; its effects carried out at SENT, as the
    stream's worker would after the sending request stopped. Its reference."""
    from chalicelib.handlers.shared import effects
    from support.effects_support import events_of_kind
    from tests.forms.test_save_and_come_back import effects_event
    definition = demo("general-enquiry")
    definition["hand_on"] = {"to": "webhook", "url": url}
    published(deps, "general-enquiry", definition)
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="roads", enquiry="A pothole on Hull Road")
    filler.answer("property", property=None)
    filler.answer("contact", name={"full": "Ada Lovelace"}, email="ada@example.org")
    reference = filler.submit().json_body["reference"]
    [event] = events_of_kind("form_submitted")
    assert effects.carry_out(at(deps, SENT), effects_event(event))["forms.hand_on"] == "done"  # kept in the queue
    assert effects.carry_out(at(deps, SENT), effects_event(event))["forms.hand_on"] == "already"
    return reference


def tries_until(deps, reference, moment):
    """The sweep run at each try's time (as its five-minute schedule would reach it) until `moment`."""
    from chalicelib.handlers.forms.webhook_queue import send_due
    while True:
        row = deps.outbox.get(f"form-hook:{reference}")
        if row.queued != "webhook" or row.try_at > moment:
            return row
        send_due(at(deps, row.try_at))


def test_a_council_system_down_all_night_gets_the_form_the_next_morning_signed_with_one_key(
        client, deps, receiver, dies_after_commit):
    dies_after_commit()  # the request's own try never happens: the stream's worker carries the effect out
    receiver.statuses = [503] * 10  # down from Friday evening until Saturday morning
    reference = enquiry_sent(client, deps, receiver.url)
    assert deps.outbox.get(f"form-hook:{reference}").try_at == SENT + timedelta(minutes=1)
    early = tries_until(deps, reference, SENT + timedelta(hours=8))
    assert early.status == "retry" and len(receiver.received) == 10  # 1, 2, 4 ... 240 minutes apart
    assert early.try_at == SENT + timedelta(hours=16)  # the eleventh: 09:55 on Saturday
    row = tries_until(deps, reference, SENT + timedelta(days=1))
    assert row.status == "sent" and len(receiver.received) == 11
    moments = []
    for headers, body in receiver.received:
        assert verified(headers, body) and headers["Idempotency-Key"] == f"form-hook:{reference}"
        moments.append(int(headers["Doorstep-Signature"].split(",")[0].removeprefix("t=")))
    assert moments[-1] - moments[0] == 16 * 3600  # signed at each try, not once
    sent = json.loads(receiver.received[-1][1])
    assert sent["reference"] == reference and sent["answers"]["enquiry"] == "A pothole on Hull Road"
    assert sent["taken"] == ["question", "property", "contact"]
    tampered = receiver.received[-1][1].replace(b"Hull Road", b"Hull Rd")
    assert not verified(receiver.received[-1][0], tampered)


def test_a_webhook_down_for_three_days_is_given_up_shown_to_staff_and_sent_again_from_there(
        client, deps, receiver, dies_after_commit, people, caplog):
    dies_after_commit()
    receiver.statuses = [503] * 100  # down all weekend and beyond
    reference = enquiry_sent(client, deps, receiver.url)
    staff = people("staff")
    row = tries_until(deps, reference, SENT + timedelta(days=3) - timedelta(minutes=1))
    assert row.status == "retry" and client.get("/v1/staff/form-hand-ons", staff.auth).json_body == {"hand_ons": []}
    tried = len(receiver.received)
    with caplog.at_level("ERROR", logger="doorstep.forms"):
        row = tries_until(deps, reference, SENT + timedelta(days=4))
    # tries at 0, 1, 3, 7 ... 960 minutes, then every 8 hours: the 18th, three days on, is the last
    assert row.status == "failed" and len(receiver.received) == tried + 1 == 18
    assert any("form webhook given up" in r.getMessage() for r in caplog.records)
    [shown] = client.get("/v1/staff/form-hand-ons", staff.auth).json_body["hand_ons"]
    assert shown == {"reference": reference, "to": receiver.url.split("/")[2], "tries": 18,
                     "error": "the webhook answered 503", "sent_at": "2026-11-27T17:55:00Z",
                     "given_up_at": shown["given_up_at"]}
    assert shown["given_up_at"] >= "2026-11-30T17:55:00Z"
    assert client.get("/v1/staff/form-hand-ons", people().auth).status_code == 403
    receiver.statuses = [503]  # still down when first sent again: its three days start afresh
    again = client.post(f"/v1/staff/form-hand-ons/{reference}/send-again", {}, staff.auth)
    assert again.status_code == 200 and again.json_body == {"reference": reference, "outcome": "retry"}
    assert client.get("/v1/staff/form-hand-ons", staff.auth).json_body == {"hand_ons": []}
    receiver.statuses = []  # back on Monday
    from chalicelib.handlers.forms.webhook_queue import send_due
    waiting = deps.outbox.get(f"form-hook:{reference}")
    assert send_due(at(deps, waiting.try_at)) == {"webhook_sent": 1}
    assert json.loads(receiver.received[-1][1])["reference"] == reference
    twice = client.post(f"/v1/staff/form-hand-ons/{reference}/send-again", {}, staff.auth)
    assert (twice.status_code, twice.json_body["error"]["code"]) == (409, "not_given_up")
    assert client.get("/v1/staff/form-hand-ons", staff.auth).json_body == {"hand_ons": []}


def test_two_sweeps_at_once_post_a_waiting_form_once(client, deps, receiver, dies_after_commit):
    from chalicelib.handlers.forms.webhook_queue import send_due
    dies_after_commit()
    receiver.statuses = [503]
    reference = enquiry_sent(client, deps, receiver.url)
    due = SENT + timedelta(minutes=1)
    start, outcomes = threading.Barrier(3), []

    def sweep():
        start.wait()
        outcomes.append(send_due(at(deps, due)))
    racers = [threading.Thread(target=tenancy.carried(sweep)) for _ in range(3)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()
    row = deps.outbox.get(f"form-hook:{reference}")
    assert (len(receiver.received), row.status) == (2, "sent"), (outcomes, row, receiver.url)
    assert sum(o.get("webhook_sent", 0) for o in outcomes) == 1


def test_a_webhook_that_is_not_https_is_refused_with_its_path(deps):
    from chalicelib.errors import ValidationFailed
    definition = demo("general-enquiry")
    definition["hand_on"] = {"to": "webhook", "url": "http://crm.york.example.gov.uk/forms"}
    with pytest.raises(ValidationFailed) as refused:
        published(deps, "general-enquiry", definition)
    assert [f["field"] for f in refused.value.fields] == ["$.hand_on.url"]


def test_a_post_a_dead_sweep_held_is_posted_by_the_sweep_a_minute_later(client, deps, receiver, dies_after_commit,
                                                                         monkeypatch):
    # Its lease was two minutes; now 45 s, renewed while a post runs (issue 52).
    from chalicelib.handlers.forms import webhook
    from chalicelib.handlers.forms.webhook_queue import send_due
    dies_after_commit()
    receiver.statuses = [503]
    reference = enquiry_sent(client, deps, receiver.url)  # the first try met a 503: again at SENT + 1 minute
    due = SENT + timedelta(minutes=1)
    real = webhook.post

    class Died(BaseException):
        pass

    def dies(*args, **kwargs):
        monkeypatch.setattr(webhook, "post", real)
        raise Died()
    monkeypatch.setattr(webhook, "post", dies)
    with pytest.raises(Died):
        send_due(at(deps, due))  # the row claimed, then the process gone
    assert send_due(at(deps, due + timedelta(seconds=30))) == {}  # its lease still runs
    assert send_due(at(deps, due + timedelta(minutes=1))) == {"webhook_sent": 1}
    assert len(receiver.received) == 2


def test_each_council_signs_its_forms_with_its_own_key_never_the_default_councils(monkeypatch, deps, tmp_path):
    """The deployment's key is the default council's (York's receivers hold it); another council's is its
    own secret, so one council's system cannot sign a post another's would take."""
    from types import SimpleNamespace

    from chalicelib.handlers.forms import webhook
    from support.councils_support import NL, add, north_lanarkshire, york
    monkeypatch.setenv("DOORSTEP_FORMS_WEBHOOK_SECRET", KEY)
    monkeypatch.setenv("DOORSTEP_DATA_DIR", str(tmp_path))  # the council's key is made in this test's stage
    add(deps, york(), north_lanarkshire())
    made = Receiver([200])
    try:
        with tenancy.acting_for(NL):
            submission = SimpleNamespace(id="FM-NL0001", form_id="general-enquiry", form_version=1,
                                         submitted_at=SENT, taken=["enquiry"], answers={"enquiry": "Hello"}, paid=None)
            assert webhook.post(at(deps, SENT).for_council(), submission, made.url) == 200
        (headers, body), = made.received
        assert not verified(headers, body)  # not with York's key
        own = webhook.key(NL)
        assert own != KEY and own == webhook.key(NL)  # made once for the council (local stages), then kept
        fields = dict(part.split("=", 1) for part in headers["Doorstep-Signature"].split(","))
        assert fields["v1"] == hmac.new(own.encode(), f"{fields['t']}.".encode() + body, hashlib.sha256).hexdigest()
    finally:
        made.close()
    monkeypatch.setenv("DOORSTEP_SECRET_NORTH_LANARKSHIRE_FORMS_WEBHOOK_KEY", "north-lanarkshires-own-" + "k" * 32)
    assert webhook.key(NL) == "north-lanarkshires-own-" + "k" * 32  # the council's secret, once it has one
    assert webhook.key("york") == KEY
