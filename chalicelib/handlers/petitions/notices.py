"""Telling signers and followers: when the council responds, when a debate
is scheduled and when the petition closes, every confirmed (counted) signer
and every confirmed follower is told once, by e-mail and, when they signed
or follow as a signed-in resident with their own verified e-mail, by Web
Push to the push subscriptions of that account's alerts.

Nothing is sent inside the staff request (or the closing job): the change
writes an event (petition_response, petition_debate, petition_closed) in
its own transaction, and the alert fan-out carries it (alerts/fanout.py,
worker.py) in page jobs of batching.PAGE_ROWS signers (or followers) each,
one key range Query per job: no invocation reads or sends more than its
pages, whatever the petition's size. Each message to a person is claimed
in the deliveries table before it goes (alerts/delivery.py), so a
redelivered event, a retried page job or two staff at once tell each
person once; e-mail addresses are claimed in their canonical form, so a
household sharing an address, or a signer who also follows, gets one
e-mail. A claim left by a crash goes stale and is taken again: at worst
one message twice, never none.

A notice is written only the first time a petition is answered, given a
debate or closed: a corrected response tells nobody again.

New petitions for area and ward alerts (petition_published) are announced
by new_petitions.py through the same registered builder.
"""
from dataclasses import dataclass, field
from datetime import datetime

from ... import ids
from ...storage.democracy.petitions import FOLLOWER
from ..alerts import batching
from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from ..shared import events
from . import canonical
from .limits import NOTICES
from .wording import (CLOSED_WITH, DEBATE_AT_FULL_COUNCIL, DEBATE_AT_MEETING, DEBATE_TIME, FOLLOWED_SUBJECTS,
                      FOLLOWER_EMAIL, RESPONDED, SIGNED_SUBJECTS, SIGNER_EMAIL)

KIND = "petition_"  # the prefix of petitions' event kinds (registered with the alerts in routes.py)
KEYS = ("signers", "followers")  # a notice's two page-job keys
TTL_S = 7 * 24 * 3600  # a push service keeps an undelivered notice a week: the page has it anyway


def notice_event(deps, petition, notice, now):
    """The event that tells `petition`'s signers and followers of `notice`."""
    assert notice in NOTICES
    return events.new_event(deps, KIND + notice, now, petition_id=petition.id, notice=notice)


@dataclass
class Recipient:
    """One person on one page, shaped as delivery.deliver_to takes alerts."""
    id: str
    channels: dict
    follower: object = None  # the follower record (its stop link), or None for a signer
    alert: object = None  # the alert whose push subscription this is
    pending: list = field(default_factory=list)
    created_at: datetime | None = None
    user_id: str | None = None  # the account that signed or follows with its own verified e-mail, if any
    petition_id: str | None = None


def audience(deps, event):
    """The Audience of a petition event (alerts/audience.py's registered builder)."""
    payload = event.payload or {}
    if event.kind == KIND + "published":
        from .new_petitions import audience as new_petition_audience
        return new_petition_audience(deps, event)
    petition = deps.petitions.get(payload.get("petition_id") or "")
    if petition is None or payload.get("notice") not in NOTICES:
        return None
    notice = payload["notice"]
    return Audience(lambda: list(KEYS), lambda row: True,
                    lambda person: message(deps, event, petition, notice, person),
                    read_page=lambda body: read_page(deps, petition, body), identity=identity)


def identity(channel, address):
    return canonical.email(address) if channel == "email" else address


def read_page(deps, petition, body):
    """(recipients, the job for the next page or None): one Query of at most
    PAGE_ROWS signatures (counted ones told) or followers (following ones),
    and for those who signed in, their account's push subscriptions."""
    followers = body["key"] == "followers"
    rows, after = deps.petitions.page(petition.id, followers, body.get("after"), batching.PAGE_ROWS)
    people = []
    for row in rows:
        if not (row.state == "following" if followers else row.counted):
            continue
        follower = row if followers else None
        people.append(Recipient(id=f"{petition.id}#{row.key}", channels={"email": row.email}, follower=follower,
                                user_id=row.user_id, petition_id=petition.id))
        people += [Recipient(id=alert.id, channels={"push": push}, follower=follower, alert=alert,
                             user_id=row.user_id, petition_id=petition.id)
                   for alert, push in _pushes(deps, row.user_id)]
    return people, ({**body, "after": after} if after is not None else None)


def _pushes(deps, user_id):
    """[(alert, push subscription)] of an account's confirmed push alerts."""
    if not user_id:
        return []
    return [(a, a.channels["push"]) for a in deps.alerts.of_user(user_id)
            if "push" in (a.channels or {}) and "push" not in (a.pending or [])]


def message(deps, event, petition, notice, person):
    """One notice: a short push, or the plain e-mail it always was."""
    base = links_base(deps)
    subject = (FOLLOWED_SUBJECTS if person.follower else SIGNED_SUBJECTS)[notice]
    out = {"event_id": event.id, "title": subject, "body": f"{petition.action}: {_said(petition, notice)}"[:500],
           "url": f"{base}/petitions/{petition.id}", "topic": f"{petition.id.replace('-', '')}{notice}"[:32],
           "ttl": TTL_S, "urgency": "normal",
           "notice": {"subject": subject, "text": _text(base, petition, notice, person.follower)}}
    if person.alert is not None:  # a push: its own alert's way out
        out.update(unsubscribe_links(base, person.alert))
    return out


def _said(petition, notice):
    if notice == "response":
        return RESPONDED.format(text=(petition.response or {}).get("text", ""))
    if notice == "debate":
        debate = petition.debate or {}
        if debate.get("meeting_id"):  # at a council meeting's agenda item (democracy/petition_links.py)
            return DEBATE_AT_MEETING.format(committee=debate.get("committee"), date=debate.get("date"),
                                            time=DEBATE_TIME.format(time=debate["time"]) if debate.get("time") else "",
                                            item=debate.get("item_title"), note=debate.get("note", "")).rstrip()
        return DEBATE_AT_FULL_COUNCIL.format(date=debate.get("date"), note=debate.get("note", "")).rstrip()
    return CLOSED_WITH.format(signatures=int(petition.signatures or 0))


def _text(base, petition, notice, follower=None):
    link = f"{base}/petitions/{petition.id}"
    said = _said(petition, notice)
    if follower is None:
        return SIGNER_EMAIL.format(action=petition.action, said=said, link=link)
    stop = f"{base}/petitions/unfollow?token={unsubscribe_token(follower)}"
    return FOLLOWER_EMAIL.format(action=petition.action, said=said, link=link, stop=stop)


def unsubscribe_token(follower):
    """The secret of a follower's unsubscribe link: a digest of its stored confirmation hash."""
    return f"{follower.petition_id}.{follower.key[len(FOLLOWER):]}.{ids.digest('stop:' + follower.confirm_hash)[:40]}"
