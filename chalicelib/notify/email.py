"""E-mail: every message is written to the outbox; outside the local stage it
is also sent through SES. Locally the outbox is the inbox (`doorstep outbox`).

Account mail (verification, password reset) is plain text (`send_email`).
Alerts (`send_alert`) are text plus HTML with RFC 8058 one-click unsubscribe
headers, so they go to SES as raw MIME: SendEmail cannot carry headers.
"""
from datetime import timedelta

from ..leases import LEASE  # a sender that took a message and stopped: another may take it after this
from . import FAILED, LOCAL_STAGES, SENT
from .outbox import keep, outbox_row
from .templates import alert_email


def send_email(to, subject, body, now, new_id, key=None, attachments=None):
    """key: what the message is about (a notice of an event): the same key to
    the same address goes under the same Message-ID, kept on its outbox row,
    so one sent again after a crash is recognisably the same message.
    attachments: [{filename, content_type, content}] (text), kept on the row too."""
    from ..config import settings
    s = settings()
    headers = keyed({}, key, to, s.email_sender) or None
    row = outbox_row("email", to, body, now, new_id, subject=subject, headers=headers, attachments=attachments)
    if s.stage not in LOCAL_STAGES and s.email_sender:
        from . import aws
        if headers or attachments:  # raw MIME: SendEmail cannot carry the Message-ID or a file
            aws.client("ses", s).send_raw_email(Source=s.email_sender, Destinations=[to], RawMessage={
                "Data": mime(s.email_sender, to, subject, body, None, headers or {}, now, attachments=attachments)})
        else:
            aws.client("ses", s).send_email(
                Source=s.email_sender, Destination={"ToAddresses": [to]},
                Message={"Subject": {"Data": subject, "Charset": "UTF-8"},
                         "Body": {"Text": {"Data": body, "Charset": "UTF-8"}}})
        row.status = "sent"
    keep(row)
    return row


def keyed(headers, key, to, sender):
    """`headers` with the Message-ID of the message about `key` to `to` (and
    X-Doorstep-Message-ID: SES replaces a Message-ID with its own, and keeps
    other headers); as they were when there is no key."""
    if not key:
        return headers
    mark = message_id_header(key, to, sender)
    return {**headers, "Message-ID": mark, "X-Doorstep-Message-ID": mark}


RETRY_AFTER = (timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=6))


def queue_email(to, subject, body, now, message_id):
    """An e-mail that must not be lost (a receipt, a report sent to a body):
    kept in the outbox, queued, then sent at once if it can be; else the job
    sends it. Its id is the caller's (one per receipt, one per send of a
    report to a body), so queueing it twice keeps and sends one, and its
    Message-ID is made from that id: a sender that died after the mail
    service took it and before it was marked sent sends it again under the
    same Message-ID, which the receiving system can tell (kept, not sent,
    before any sending: the row is the record). Returns the row, or None when
    that id was queued already."""
    from ..config import settings
    from ..storage.outbox import OutboxStore
    row = outbox_row("email", to, body, now, lambda: message_id, subject=subject,
                     headers=keyed({}, message_id, to, settings().email_sender))
    row.status, row.queued, row.try_at = "queued", "email", now
    store = OutboxStore()
    if not store.enqueue(row):
        return None
    _deliver(store, row, now)
    return row


def send_queued(now, limit=50):
    """Queued e-mails whose time has come (the scheduled job). Returns how many went."""
    from ..storage.outbox import OutboxStore
    store = OutboxStore()
    return sum(_deliver(store, row, now) for row in store.waiting("email", now, limit))


def _deliver(store, row, now):
    """Send one queued e-mail if no other sender has it; True when it went."""
    from ..config import settings
    from ..faults import boundary
    from ..leases import outbox_lease, ticking_from
    if not store.claim(row, now + LEASE):
        return False
    boundary("email.claimed")
    s = settings()
    mailing = s.stage not in LOCAL_STAGES and bool(s.email_sender)  # else the outbox is the inbox: kept
    try:
        if mailing:  # raw MIME: SendEmail cannot carry the Message-ID
            from . import aws
            headers = row.headers or {"Message-ID": message_id_header(row.id, row.to, s.email_sender)}
            with outbox_lease(ticking_from(now), store, row, now + LEASE):
                aws.client("ses", s).send_raw_email(
                    Source=s.email_sender, Destinations=[row.to],
                    RawMessage={"Data": mime(s.email_sender, row.to, row.subject or "", row.body, None, headers,
                                             now)})
    except Exception as e:  # noqa: BLE001 (SES's errors, the network's: the message waits and is tried again)
        import logging
        tries = int(row.tries or 0) + 1
        give_up = tries > len(RETRY_AFTER)
        logging.getLogger(__name__).warning("outbox %s: not sent (try %s%s): %s", row.id, tries,
                                            ", given up" if give_up else "", e)
        store.settle(row.id, "failed" if give_up else "retry",
                     None if give_up else now + RETRY_AFTER[tries - 1])
        return False
    boundary("email.sent")
    store.settle(row.id, "sent" if mailing else "kept")
    return True


def message_id_header(key, to, sender=None):
    """The Message-ID (RFC 5322) of the message about `key` to `to`: the
    same key and address make the same Message-ID. SES puts its own
    Message-ID on what it sends, so queued e-mails carry it again as
    X-Doorstep-Message-ID, which SES keeps."""
    return f"<{message_id(key, to)}@{_domain(sender)}>"


def _domain(sender):
    return (sender or "doorstep@localhost").rpartition("@")[2].strip("<> ") or "localhost"


def send_alert(to, message, settings, now, new_id):
    """One alert to one address; returns an outcome (notify.SENT, RETRY, FAILED)."""
    from ..validation import EMAIL
    if not isinstance(to, str) or not EMAIL.match(to):
        return FAILED  # never a header built from a broken address
    subject, text, html = alert_email(message)
    headers = keyed(unsubscribe_headers(message["unsubscribe_url"]), message.get("event_id"), to,
                    settings.email_sender)
    row = outbox_row("email", to, text, now, new_id, subject=subject, html=html, headers=headers)
    outcome = SENT
    if settings.stage not in LOCAL_STAGES:
        outcome = _send_raw(settings, to, mime(settings.email_sender, to, subject, text, html, headers, now))
        row.status = outcome
    keep(row)
    return outcome


def unsubscribe_headers(url):
    """RFC 8058: mail clients show an Unsubscribe button that POSTs to the URL."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")) or any(
            c.isspace() or c in "<>," for c in url):
        raise ValueError("an alert needs an http(s) unsubscribe_url")
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def mime(sender, to, subject, text, html, headers, now, key=None, attachments=None):
    """key: what the message is about (an event, and an effect of it): the
    same key to the same address makes the same Message-ID, so a message sent
    again after a crash is recognisably the one sent before."""
    from email import policy
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid
    # CRLF as SMTP wants, and header lines up to RFC 5322's 998 characters so a
    # long unsubscribe link stays on its List-Unsubscribe line.
    msg = EmailMessage(policy=policy.SMTP.clone(max_line_length=998))
    msg["From"], msg["To"], msg["Subject"] = sender or "doorstep@localhost", to, subject
    msg["Date"] = format_datetime(now)
    msg["Message-ID"] = headers.get("Message-ID") or (
        message_id_header(key, to, sender) if key else make_msgid(domain=_domain(sender)))
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    for name, value in headers.items():
        if name != "Message-ID":
            msg[name] = value
    msg.set_content(text)
    if html is not None:  # else plain text only
        msg.add_alternative(html, subtype="html")
    for part in attachments or []:
        maintype, _, subtype = part["content_type"].partition("/")
        msg.add_attachment(part["content"].encode("utf-8"), maintype=maintype, subtype=subtype.split(";")[0],
                           filename=part["filename"])
    return msg.as_bytes()


def message_id(key, to):
    """The left part of a Message-ID for `key` to `to`: neither shown (a digest)."""
    from ..ids import digest
    return digest(f"{key}\n{to.lower()}")[:32]


def _send_raw(settings, to, raw):
    from . import aws
    if not settings.email_sender:
        aws.log.warning("alert email not sent: DOORSTEP_EMAIL_FROM is not set")
        return FAILED
    ses = aws.client("ses", settings)
    return aws.call(ses.send_raw_email, Source=settings.email_sender, Destinations=[to],
                    RawMessage={"Data": raw}) or SENT
