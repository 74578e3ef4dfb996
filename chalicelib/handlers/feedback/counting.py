"""Counting starts and finishes as they happen (docs/decisions/feedback.md): a start is one number
added, with nothing stored of who started; a finish is counted where its transaction is made and
hands back the transaction's feedback question for its confirmation."""
from zoneinfo import ZoneInfo

from ... import tenancy
from ...errors import ValidationFailed
from . import tokens
from .services import CHANNELS, SERVICES
from .wording import NOT_A_SERVICE

LONDON = ZoneInfo("Europe/London")


def month_of(moment):
    return moment.astimezone(LONDON).strftime("%Y-%m")


def started(deps, service):
    """A visit began `service` online: one added to its month's starts, nothing else kept."""
    if service not in SERVICES:
        raise ValidationFailed([("service", NOT_A_SERVICE.format(services=", ".join(SERVICES)))])
    deps.feedback.add(month_of(deps.clock()), service, {"started_online": 1})


def finished(deps, service, reference, channel, moment=None):
    """Count a finished transaction, once whatever is retried (its mark is a keyed hash of its
    reference), and return its feedback question for the confirmation: {service, token}. `moment`:
    when it was made (the same each time it is asked, so its question is the same)."""
    assert service in SERVICES and channel in CHANNELS, (service, channel)
    month = month_of(moment or deps.clock())
    deps.feedback.add_once(f"{service}#{tokens.nonce(tenancy.current(), reference)}", month, service,
                           {f"finished_{channel}": 1})
    return asked(service, reference, channel, month)


def question(service, reference, channel, moment):
    """The feedback question of a transaction made at `moment`, for a confirmation read again."""
    return asked(service, reference, channel, month_of(moment))


def channel_of(made):
    """Online when the resident made it; assisted when an officer took it for a caller (its `taken_by`)."""
    return "assisted" if getattr(made, "taken_by", None) else "online"


def confirmed(service, made, reference=None):
    """The question of `made` (a booking, a request: its taken_by and confirmed_at; its id, unless
    `reference` names it) once confirmed; None before."""
    if made.confirmed_at is None:
        return None
    return question(service, reference or made.id, channel_of(made), made.confirmed_at)


def count_confirmed(deps, service, made, reference=None):
    """`made` counted as finished when it was confirmed (once, whatever runs this again); the link to its
    question, for its confirmation message."""
    return link(deps, finished(deps, service, reference or made.id, channel_of(made), made.confirmed_at))


def link(deps, asked_of):
    """The confirmation message's link to the question `asked_of` ({service, token}): the council's own
    address (its configuration, never a request's headers), where the app's feedback page answers it."""
    from urllib.parse import urlencode
    from ...config import links_base
    return f"{links_base(deps.settings, deps.council)}/feedback/give?{urlencode(asked_of)}"


def asked(service, reference, channel, month):
    """The transaction's feedback question, the same every time it is asked (one answer each)."""
    return {"service": service, "token": tokens.token_for(tenancy.current(), service, channel, month, reference)}
