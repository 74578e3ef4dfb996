"""SES and SNS refuse sends beyond the account's rate (a 100k fan-out meets
that): a throttled send is tried again after a pause, and the person gets the
message once (docs/decisions/, "Alert fan-out against SES and SNS quotas")."""
from botocore.stub import Stubber

from support.notify_support import alert, stage

from chalicelib.handlers.alerts import delivery
from chalicelib.notify import aws
from chalicelib.notify.deliver import deliver
from chalicelib.storage.records import Alert

PHONE, EMAIL, SENDER = "+447700900123", "resident@example.org", "alerts@doorstep.example.gov.uk"


def _send_once(deps, channel, address, settings, waits):
    """One delivery through the real channel on a deployed stage, claimed as the worker claims it."""
    who = delivery.delivery_id("ev-throttle", channel, address)
    person = Alert(id="al-throttle", kind="area", channels={channel: address})
    return delivery._deliver_once(deps, who, person, channel, address, alert(),
                                  lambda ch, a, m, _s, now, new_id: deliver(ch, a, m, settings, now, new_id),
                                  waits.append)


def _calls(client, operation):
    made = []
    client.meta.events.register(f"before-parameter-build.{client.meta.service_model.service_id.hyphenize()}.{operation}",
                                lambda **kw: made.append(operation))
    return made


def test_a_throttled_text_is_retried_after_a_pause_and_sent_once(deps):
    settings = stage("prod")
    sns = aws.client("sns", settings)
    made, waits = _calls(sns, "Publish"), []
    with Stubber(sns) as stub:
        stub.add_client_error("publish", service_error_code="Throttled", service_message="Rate exceeded",
                              http_status_code=429)
        stub.add_response("publish", {"MessageId": "sns-1"})
        assert _send_once(deps, "sms", PHONE, settings, waits) == "sent"
        stub.assert_no_pending_responses()
        assert _send_once(deps, "sms", PHONE, settings, waits) == "already"  # a redelivered job sends nothing
    assert made == ["Publish", "Publish"] and waits == [delivery.BACKOFF_S]


def test_a_throttled_email_is_retried_with_growing_pauses_and_sent_once(deps):
    settings = stage("prod", email_sender=SENDER)
    ses = aws.client("ses", settings)
    made, waits = _calls(ses, "SendRawEmail"), []
    with Stubber(ses) as stub:
        for _ in range(2):
            stub.add_client_error("send_raw_email", service_error_code="Throttling",
                                  service_message="Maximum sending rate exceeded.", http_status_code=400)
        stub.add_response("send_raw_email", {"MessageId": "ses-1"})
        assert _send_once(deps, "email", EMAIL, settings, waits) == "sent"
        stub.assert_no_pending_responses()
        assert _send_once(deps, "email", EMAIL, settings, waits) == "already"
    assert made == ["SendRawEmail"] * 3 and waits == [delivery.BACKOFF_S, 2 * delivery.BACKOFF_S]


def test_a_refused_text_is_not_retried(deps):
    settings = stage("prod")
    sns = aws.client("sns", settings)
    made, waits = _calls(sns, "Publish"), []
    with Stubber(sns) as stub:
        stub.add_client_error("publish", service_error_code="InvalidParameter", http_status_code=400)
        assert _send_once(deps, "sms", PHONE, settings, waits) == "failed"
    assert made == ["Publish"] and waits == []
