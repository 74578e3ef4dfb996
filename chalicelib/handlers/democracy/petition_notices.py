"""A petition on an agenda, told to its signers and followers: of the item
when the agenda is published (notices.py reads them as page-job keys beside
the index's), and of the decision when the meeting's decisions are
(`meeting_decisions_published`). Each person once per event, e-mail
addresses folded as petitions fold them; by plain e-mail, and by push to
their account's alerts as petitions' own notices are."""
from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from . import wording

SIGNERS, FOLLOWERS = "petition#signers#", "petition#followers#"  # page-job keys of a petition's people


def agenda_notice(deps, base, person, message):
    """The plain e-mail of an agenda's notice to a signer or follower."""
    subject = wording.FOLLOWED_SUBJECT if person.follower else wording.SIGNED_SUBJECT
    return {"subject": subject, "text": wording.AGENDA_TEXT.format(body=message["body"], url=message["url"])}


def decided_audience(deps, event, meeting, linked):
    """The signers and followers of each petition the meeting debated, told
    what was decided on its item; None when it debated none."""
    if not linked:
        return None
    return Audience(lambda: [k + p for p in sorted(linked) for k in (SIGNERS, FOLLOWERS)], lambda row: False,
                    lambda person: decided(deps, event, meeting, linked, person),
                    read_page=petition_pages(deps, linked), identity=identity)


def decided(deps, event, meeting, linked, person):
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


def identity(channel, address):
    """E-mail addresses folded as petitions fold them: a signer who also
    follows a ward is one person, told once."""
    from ..petitions.canonical import email
    return email(address) if channel == "email" else address


def petition_pages(deps, linked):
    """read_page for the petitions' keys (None for an index key)."""
    def read(body):
        key = body["key"]
        for prefix, kind in ((SIGNERS, "signers"), (FOLLOWERS, "followers")):
            if key.startswith(prefix) and key[len(prefix):] in linked:
                from ..petitions.notices import read_page
                petition = deps.petitions.get(key[len(prefix):])
                if petition is None:
                    return [], None
                people, following = read_page(deps, petition, {**body, "key": kind})
                return people, {**following, "key": key} if following else None
        return None
    return read


def nice_date(day):
    """"Monday 30 November 2026" from YYYY-MM-DD (as the meeting row keeps it)."""
    from datetime import date
    try:
        d = date.fromisoformat(day)
    except (TypeError, ValueError):
        return day or ""
    return f"{d:%A} {d.day} {d:%B %Y}"
