"""How much one client may make the service do in a while, and how many
messages go to recipients who have not proven they want them.

Who "one client" is (the API's callers only; the CLI is not limited): a
signed-in resident is their account, so neighbours behind one address (a
library's computers, an office's NAT) never share a resident's allowance;
an anonymous caller is its address, API Gateway's
sourceIp (the connection's peer; X-Forwarded-For is whatever a client
writes). Staff and Open311 partners (an api_key, scoped by the council) are
not limited here. A limit in UNNAMED counts the client under a keyed hash
that changes every hour (unnamed.py), so its rows keep nothing of who.

Messages to unproven recipients (a confirmation e-mail or SMS to any address
anyone may type) are counted per client and for everyone together: SMS
pumping and mail bombing cost the council money and its sender reputation
however many clients the sender spreads them over.

Each limit counts first and refuses after (throttle.spend): parallel
requests cannot all slip under it. Past a limit: 429 with Retry-After.
"""
from datetime import timedelta

from . import throttle, unnamed
from . import wording as words

MINUTE, HOUR = timedelta(minutes=1), timedelta(hours=1)

# (limit, window) per client; a burst meets the minute's, a steady drip the hour's.
CREATIONS = {
    "report": [(10, MINUTE), (60, HOUR)],
    "upload": [(30, MINUTE), (200, HOUR)],  # a report takes several photos
    "alert": [(10, MINUTE), (60, HOUR)],
    "conversation": [(3, MINUTE), (20, HOUR)],  # "Ask us": one at a time is the norm
    "chat_message": [(20, MINUTE), (300, HOUR)],  # typing fast, not a script's loop
    # A question during a meeting's webcast: read by a moderator, each one, while the meeting goes on.
    "live_question": [(3, MINUTE), (20, HOUR)],
    "form": [(10, MINUTE), (60, HOUR)],  # forms started: a resident starts one or two
    # Appointment times held: a resident changing their mind takes a few; holding and letting go
    # over and over keeps times from everyone else (each hold is 10 minutes of a seat).
    "hold": [(10, MINUTE), (30, HOUR)],
    # Feedback: an answer per transaction, changed once or twice; a start per service a resident opens.
    "feedback": [(10, MINUTE), (60, HOUR)],
    "start": [(30, MINUTE), (300, HOUR)],
    # The front door's comments and compliments: none is tied to a transaction, so this is their only bound.
    "comment": [(5, MINUTE), (30, HOUR)],
    # Sign-ins begun with the council's national account: each keeps a row ten minutes; a person
    # who cancels and tries again begins a few.
    "sign_in": [(10, MINUTE), (60, HOUR)],
}
# Reads that cost many queries, per client: far above a resident panning a map
# (a request a second for a minute), far below a script's loop.
READS = {"map": [(120, MINUTE), (2400, HOUR)]}
MESSAGES_PER_CLIENT = {"email": [(5, MINUTE), (20, HOUR)], "sms": [(2, MINUTE), (5, HOUR)]}


# Limits whose counting must keep nothing of who (the decision's "nothing kept of who started it"): their
# rows hold a keyed hash of the client that changes every hour (unnamed.py), not its account or address.
UNNAMED = {"start"}


def creation(deps, kind, partner=False):
    """Count one new `kind` ("report", "upload", "alert") for this client."""
    if _exempt(deps, partner):
        return
    now = deps.clock()
    who = unnamed.subject(_client(deps), now) if kind in UNNAMED else _client(deps)
    for rule in CREATIONS[kind]:
        throttle.spend(deps.counters, f"create-{kind}", who, rule, now,
                       message=words.TOO_MANY_NEW.format(things=words.NOUNS[kind]))


def reading(deps, kind):
    """Count one `kind` read ("map") for this client."""
    if _exempt(deps):
        return
    now = deps.clock()
    for rule in READS[kind]:
        throttle.spend(deps.counters, f"read-{kind}", _client(deps), rule, now,
                       message=words.TOO_MANY_MAP)


def messages(deps, channels):
    """Count the messages about to go to unproven recipients, one per channel
    in `channels` ("email", "sms"), for this client and for everyone."""
    if _exempt(deps):
        return
    now = deps.clock()
    for channel in channels:
        noun = words.CHANNEL_NOUNS[channel]
        for rule in MESSAGES_PER_CLIENT[channel]:
            throttle.spend(deps.counters, f"messages-{channel}", _client(deps), rule, now,
                           message=words.TOO_MANY_ASKED.format(things=noun))
        everyone = (deps.settings.messages_per_hour[channel], HOUR)
        throttle.spend(deps.counters, f"messages-{channel}", "everyone", everyone, now,
                       message=words.SENDING_TOO_MANY.format(things=noun))


def _client(deps):
    p = deps.principal
    return f"user:{p.user_id}" if p is not None else f"address:{deps.client}"


def _exempt(deps, partner=False):
    # No client: not a request through the API (the CLI loading demo data, say).
    return partner or deps.client is None or (deps.principal is not None and deps.principal.is_staff)
