"""A body that answers a request with a token rather than its id (GeoReport
v2's deferred requests): the body has the report, so it is not sent again;
the send waits as `awaiting_id` and each try asks GET tokens/{token}.{format}
for the service_request_id, as FixMyStreet's get_service_request_id_from_token
does. FixMyStreet asks five times two seconds apart within the send; here
each ask is a try of its own, on the sweeps: a minute after the request, then
twice as long after it each time (2, 4, 8, 16 minutes), then every 30, and a
token still without its id a day after the request is a failed send staff
see, to send again (docs/decisions/)."""
import logging
from dataclasses import replace
from datetime import timedelta
from urllib.parse import quote

from ...storage.errors import EditConflict
from . import retries, wire, wording

log = logging.getLogger("doorstep.forwarding")
FIRST_ASK = timedelta(minutes=1)
ASK_EVERY = timedelta(minutes=30)  # at most this long between asks
GIVE_UP_AFTER = timedelta(days=1)


def ask_for_id(deps, send, body, now):
    """One ask: "sent" when the id came, "awaiting_id" to ask again later,
    "failed" past the day; None when another try recorded it first."""
    reference, problem = None, None
    try:
        reference = lookup(body, send.token) if body is not None and body.endpoint else None
    except wire.BodyUnreachable as e:
        problem = str(e)  # down, or an answer not read: asked again, as when it is not ready
    waited = now - (send.sent_at or now)
    if reference:
        after = replace(send, state="sent", reference=reference, next_try_at=None, last_error=None)
    elif waited >= GIVE_UP_AFTER:
        words = wording.NO_ID_FOR_TOKEN.format(name=send.body_name, token=send.token,
                                               at=f"{send.sent_at:%Y-%m-%d %H:%M}")
        after = replace(send, state="failed", next_try_at=None, last_error=(words + (f" ({problem})" if problem
                                                                                     else ""))[:300])
        log.warning("Send of %s to %s: %s", send.report_id, send.body_id, words)
    else:
        after = replace(send, next_try_at=now + min(max(waited, FIRST_ASK), ASK_EVERY), last_error=problem)
    try:
        deps.sends.save(after, retries.answer_within(body))
    except EditConflict:
        return None  # another ask (or staff) moved it first
    return after.state


def lookup(body, token):
    """The id the body gives for the token, or None while it has none."""
    status, _, data = wire.call("GET", f"{body.endpoint}/tokens/{quote(token, safe='')}.{body.format}",
                                [(k, v) for k, v in (("api_key", body.api_key),
                                                     ("jurisdiction_id", body.jurisdiction_id)) if v])
    if status == 404:
        return None  # not known yet: some servers say so until the request is made
    if status >= 300:
        raise wire.BodyUnreachable(wire.error_text(body.format, status, data))
    for item in wire.parse(body.format, data, "service_requests"):
        reference = str(item.get("service_request_id") or "").strip()
        if reference and str(item.get("token") or token) == token:
            return reference[:100]
    return None
