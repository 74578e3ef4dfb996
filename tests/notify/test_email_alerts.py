"""Alert e-mail: plain text and HTML, one-click unsubscribe (RFC 8058), kept
in the outbox locally and sent as raw MIME through SES when deployed."""
import email
from email import policy

import pytest

from support.notify_support import NOW, alert, new_id, stage

from chalicelib.notify.deliver import deliver

TO = "ada@example.org"
SENDER = "alerts@doorstep.example.gov.uk"


def outbox(to=TO):
    from chalicelib.storage.outbox import OutboxModel
    return list(OutboxModel.recipient_index.query(to))


def ses_sent():
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.ses.models import ses_backends
    return ses_backends[DEFAULT_ACCOUNT_ID]["eu-west-2"].sent_messages


def test_local_alert_lands_in_the_outbox_with_text_html_and_unsubscribe_headers(storage):
    assert deliver("email", TO, alert(), stage("local"), NOW, new_id) == "sent"
    [row] = outbox()
    assert (row.channel, row.subject, row.status) == ("email", "DS-7K3F9Q is now Fixed", "kept")
    assert "The pothole outside the Minster's west door was filled today." in row.body
    assert "Status: Fixed" in row.body and alert()["unsubscribe_url"] in row.body
    assert '<a href="https://doorstep.example.gov.uk/reports/DS-7K3F9Q">' in row.html
    from chalicelib.notify.email import message_id_header
    mark = message_id_header(alert()["event_id"], TO)  # the outbox reader tells a message sent again by it
    assert row.headers == {"List-Unsubscribe": f"<{alert()['unsubscribe_url']}>",
                           "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                           "Message-ID": mark, "X-Doorstep-Message-ID": mark}
    assert ses_sent() == []


def test_people_get_the_unsubscribe_page_and_mail_clients_the_one_click_url(storage):
    page = "https://doorstep.example.gov.uk/alerts/unsubscribe?token=abc"
    deliver("email", TO, alert(unsubscribe_page=page), stage("local"), NOW, new_id)
    [row] = outbox()
    assert page in row.body and f'<a href="{page}">' in row.html
    assert alert()["unsubscribe_url"] not in row.body + row.html
    assert row.headers["List-Unsubscribe"] == f"<{alert()['unsubscribe_url']}>"

def test_everything_in_the_html_part_is_escaped(storage):
    deliver("email", TO, alert(title='<script>alert("x")</script> & co', body="<b>bold</b>\nline two",
                               url="javascript:alert(1)"), stage("local"), NOW, new_id)
    [row] = outbox()
    assert "<script>" not in row.html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in row.html
    assert "&lt;b&gt;bold&lt;/b&gt;<br>" in row.html
    assert "javascript:" not in row.html


def test_deployed_alert_goes_to_ses_as_multipart_mime_with_unsubscribe_headers(storage):
    import botocore.session
    botocore.session.get_session().create_client("ses", region_name="eu-west-2").verify_email_identity(
        EmailAddress=SENDER)
    assert deliver("email", TO, alert(), stage("prod", email_sender=SENDER), NOW, new_id) == "sent"
    [sent] = ses_sent()
    assert set(sent.destinations) == {TO}
    msg = email.message_from_string(sent.raw_data, policy=policy.default)
    assert msg["List-Unsubscribe"] == f"<{alert()['unsubscribe_url']}>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (msg["From"], msg["To"], msg["Subject"]) == (SENDER, TO, "DS-7K3F9Q is now Fixed")
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert outbox()[0].status == "sent"


def test_ses_refusing_the_sender_is_a_failure_not_a_retry(storage):
    assert deliver("email", TO, alert(), stage("prod", email_sender="unverified@example.org"), NOW,
                   new_id) == "failed"
    assert outbox()[0].status == "failed"


def test_deployed_stage_without_a_sender_fails(storage):
    assert deliver("email", TO, alert(), stage("prod", email_sender=None), NOW, new_id) == "failed"


@pytest.mark.parametrize("url", ["mailto:unsubscribe@example.org", "https://x.example/u?a=1>,<https://evil",
                                 "https://x.example/u\r\nBcc: all@example.org"])
def test_unsubscribe_link_must_be_one_http_url(storage, url):
    with pytest.raises(ValueError):
        deliver("email", TO, alert(unsubscribe_url=url), stage("local"), NOW, new_id)
    assert outbox() == []


def test_outbox_command_shows_the_alert_a_developer_would_read(storage, capsys):
    from doorstep_cli.main import main
    deliver("email", TO, alert(), stage("local"), NOW, new_id)
    assert main(["--stage", "test", "outbox", "--to", TO]) == 0
    out = capsys.readouterr().out
    assert "DS-7K3F9Q is now Fixed" in out and "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in out
    assert "--html shows it" in out
    main(["--stage", "test", "outbox", "--html"])
    assert "<h1" in capsys.readouterr().out


@pytest.mark.parametrize("to", ["not an address", "ada@example.org\r\nBcc: all@example.org", None])
def test_an_address_that_is_not_one_fails_and_keeps_nothing(storage, to):
    assert deliver("email", to, alert(), stage("local"), NOW, new_id) == "failed"
    from chalicelib.storage.outbox import OutboxModel
    assert OutboxModel.count() == 0
