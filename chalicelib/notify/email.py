"""E-mail: every message is written to the outbox; outside the local stage it
is also sent through SES. Locally the outbox is the inbox (`doorstep outbox`)."""
from datetime import timedelta


OUTBOX_KEEP = timedelta(days=30)


def send_email(to, subject, body, now, new_id):
    from ..storage.outbox import OutboxModel
    from ..storage.binding import bind
    s = bind()
    row = OutboxModel(id=new_id(), channel="email", to=to, subject=subject, body=body,
                      created_at=now, expires=now + OUTBOX_KEEP, status="kept")
    if s.stage not in ("local", "test") and s.email_sender:
        _send_ses(s, to, subject, body)
        row.status = "sent"
    row.save()
    return row


def _send_ses(s, to, subject, body):
    import botocore.session
    client = botocore.session.get_session().create_client("ses", region_name=s.region,
                                                          endpoint_url=s.aws_endpoint)
    client.send_email(Source=s.email_sender, Destination={"ToAddresses": [to]},
                      Message={"Subject": {"Data": subject, "Charset": "UTF-8"},
                               "Body": {"Text": {"Data": body, "Charset": "UTF-8"}}})
