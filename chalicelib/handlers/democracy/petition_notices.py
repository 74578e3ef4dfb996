"""A petition on an agenda, told to its signers and followers: of the item
when the agenda is published (notices.py reads them as page-job keys beside
the index's), and of the decision when the meeting's decisions are
(`meeting_decisions_published`). Each person once per event, e-mail
addresses folded as petitions fold them; by plain e-mail, and by push to
their account's alerts as petitions' own notices are."""
from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from . import wording


def agenda_notice(deps, base, person, message):
    """The plain e-mail of an agenda's notice to a signer or follower."""
    subject = wording.FOLLOWED_SUBJECT if person.follower else wording.SIGNED_SUBJECT
    return {"subject": subject, "text": wording.AGENDA_TEXT.format(body=message["body"], url=message["url"])}


def decided_audience(deps, event, meeting, linked):
    """The signers and followers of each petition the meeting debated, told
    what was decided on its item; None when it debated none."""
    from .notices import FOLLOWERS, SIGNERS, _identity, petition_pages
    if not linked:
        return None
    return Audience(lambda: [k + p for p in sorted(linked) for k in (SIGNERS, FOLLOWERS)], lambda row: False,
                    lambda person: decided(deps, event, meeting, linked, person),
                    read_page=petition_pages(deps, linked), identity=_identity)


def decided(deps, event, meeting, linked, person):
    from .notices import nice_date
    petition = deps.petitions.get(person.petition_id)
    item = next((i for i in meeting.get("items") or [] if i["id"] == linked.get(person.petition_id)), {})
    base = links_base(deps)
    url = f"{base}/meetings/{meeting['id']}" + (f"#item-{item['id']}" if item.get("id") else "")
    decision = item.get("decision") or wording.NO_DECISION_WORDS
    facts = {"action": petition.action if petition else "", "committee": meeting["committee_title"],
             "date": nice_date(meeting["date"]), "decision": decision, "item": item.get("title", ""),
             "url": url, "petition_url": f"{base}/petitions/{person.petition_id}"}
    subject = wording.DECIDED_FOLLOWED if person.follower else wording.DECIDED_SIGNED
    out = {"event_id": event.id, "title": subject, "body": wording.DECIDED_BODY.format(**facts)[:500], "url": url,
           "topic": f"decided{meeting['id']}"[:32], "ttl": 7 * 24 * 3600, "urgency": "normal",
           "notice": {"subject": subject, "text": wording.DECIDED_TEXT.format(**facts)}}
    if person.alert is not None:
        out.update(unsubscribe_links(base, person.alert))
    return out
