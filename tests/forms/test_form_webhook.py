"""A form handed to the council's own system through a webhook: posted over
real HTTP to a local receiver, signed so the receiver can tell it is ours,
tried again while the receiver fails, with one Idempotency-Key for every
try; an address that is not https is refused when the form is loaded."""
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from support.effects_support import dies_after_commit  # noqa: F401 (a fixture)
from support.forms_support import Filler, demo, published

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


def test_a_form_is_posted_signed_to_the_councils_system_and_tried_again_until_it_is_taken(
        client, deps, receiver, dies_after_commit):
    from chalicelib.handlers.shared import effects
    from support.effects_support import events_of_kind
    from tests.forms.test_save_and_come_back import effects_event
    definition = demo("general-enquiry")
    definition["hand_on"] = {"to": "webhook", "url": receiver.url}
    published(deps, "general-enquiry", definition)
    filler = Filler(client, "general-enquiry")
    filler.answer("question", subject="roads", enquiry="A pothole on Hull Road")
    filler.answer("property", property=None)
    filler.answer("contact", name={"full": "Ada Lovelace"}, email="ada@example.org")
    dies_after_commit()  # the stream's worker carries it out, as after a crash
    reference = filler.submit().json_body["reference"]
    [event] = events_of_kind("form_submitted")
    assert effects.carry_out(deps, effects_event(event))["forms.hand_on"] == "retry"  # the system answered 503
    assert effects.carry_out(deps, effects_event(event))["forms.hand_on"] == "done"
    assert effects.carry_out(deps, effects_event(event))["forms.hand_on"] == "already"
    assert len(receiver.received) == 2
    for headers, body in receiver.received:
        assert verified(headers, body) and headers["Idempotency-Key"] == f"form-hook:{reference}"
    sent = json.loads(receiver.received[-1][1])
    assert sent["reference"] == reference and sent["answers"]["enquiry"] == "A pothole on Hull Road"
    assert sent["taken"] == ["question", "property", "contact"]
    tampered = receiver.received[-1][1].replace(b"Hull Road", b"Hull Rd")
    assert not verified(receiver.received[-1][0], tampered)


def test_a_webhook_that_is_not_https_is_refused_with_its_path(deps):
    from chalicelib.errors import ValidationFailed
    definition = demo("general-enquiry")
    definition["hand_on"] = {"to": "webhook", "url": "http://crm.york.example.gov.uk/forms"}
    with pytest.raises(ValidationFailed) as refused:
        published(deps, "general-enquiry", definition)
    assert [f["field"] for f in refused.value.fields] == ["$.hand_on.url"]
