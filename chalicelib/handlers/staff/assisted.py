"""Assisted digital: staff take a report for someone who phoned, called in,
wrote or e-mailed (POST /v1/staff/reports). The same validation and
Idempotency-Key as a resident's report; the report belongs to no account;
the caller follows it by the e-mail and/or phone they gave (the officer
took their consent), so the "received" message brings them the reference
and later changes reach them like any reporter. The channel is kept for the
council's statistics and the audit records who took it."""
from dataclasses import dataclass

from ... import validation
from ...storage.records import AuditEntry
from ..alerts.subscriptions import report_follow
from ..reports.create import create_report
from ..reports.limits import CONTACT_NAME_MAX
from .limits import CHANNELS
from .view import etag, staff_view
from .wording import CALLER_NOT_AN_OBJECT, CALLER_UNREACHABLE, ONE_OF


@dataclass
class OnBehalf:
    channel: str
    contact: dict  # name, email, phone: the caller's
    principal: object  # the officer

    def follow(self, report):
        channels = {"email": self.contact.get("email"), "sms": validation.e164(self.contact.get("phone"))}
        channels = {k: v for k, v in channels.items() if v}
        return report_follow(None, report.id, channels, report.created_at)

    def audit(self, report):
        changes = {"channel": {"before": None, "after": self.channel},
                   "on_behalf_of": {"before": None, "after": dict(self.contact)}}
        from ...auth.grants import acting_as
        return AuditEntry(report_id=report.id, seq=1, action="create_for_caller", by_user_id=self.principal.user_id,
                          by_email=self.principal.email, created_at=report.created_at, changes=changes,
                          **acting_as(self.principal))


def take_for_caller(deps, body, idempotency_key=None):
    """(staff view, created, ETag); created is False for a replay."""
    on_behalf = OnBehalf(_channel(body), _caller(body.get("on_behalf_of")), deps.principal)
    view, created = create_report(deps, body, idempotency_key, on_behalf=on_behalf)
    report = deps.reports.get(view["id"])
    staff = staff_view(deps, report, contact=True)  # the caller's details, as the officer has just taken them
    if view.get("tracking_token"):  # for the officer to read out, if the caller wants to track it online
        staff.update(tracking_token=view["tracking_token"], tracking_url=view["tracking_url"])
    return staff, created, etag(report)


def _channel(body):
    channel = body.get("channel")
    if channel not in CHANNELS:
        from ...errors import ValidationFailed
        raise ValidationFailed([("channel", ONE_OF.format(choices=", ".join(CHANNELS)))])
    return channel


def _caller(value):
    problems = validation.Problems()
    if not isinstance(value, dict):
        problems.add("on_behalf_of", CALLER_NOT_AN_OBJECT)
        problems.raise_if_any()
    caller = {"name": validation.text(value.get("name"), "on_behalf_of.name", problems, max_len=CONTACT_NAME_MAX),
              "email": validation.email(value.get("email"), "on_behalf_of.email", problems),
              "phone": validation.phone(value.get("phone"), "on_behalf_of.phone", problems)}
    if not problems.items and not caller["email"] and not caller["phone"]:
        problems.rule("on_behalf_of", CALLER_UNREACHABLE)  # the description allows it: a rule in words (422)
    problems.raise_if_any()
    return {k: v for k, v in caller.items() if v}
