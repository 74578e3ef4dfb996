"""Telling people, through the alerts' follows and fan-out, from events:

- `consultation_opened`: residents who follow a ward it concerns (a ward
  alert, a follow of the ward's meetings, or a broadcast topic of the ward
  that is one of its topics) are told
  it is open and when it closes; a whole-council one reaches every ward's.
- `consultation_closing`: CLOSING_DAYS before the close, the same people,
  except those whose account has responded (their alert's account is looked
  up when the page is delivered; an alert with no account cannot be known to
  have responded and is told).
- `consultation_results_published`: respondents, read a page at a time from
  the responses (as petitions' signers are): a signed-in respondent at their
  account's verified e-mail as it was when they responded, and their push alerts, an anonymous one at the e-mail
  they gave in the form, if they gave one.

The opened and closing events are written by the quarter-hourly job
(`every_quarter`) in the consultation's own transaction with its notice mark,
so each is written once; each message is claimed once by the fan-out."""
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ...stamps import stamp
from ..alerts import batching
from ..alerts.audience import Audience
from ..alerts.delivery import links_base, unsubscribe_links
from ..alerts.limits import TOPICS
from ..alerts.targets import meeting_key, ward_key
from ..shared import events
from . import wording
from .definition import COUNCIL, form_of
from .timing import ONE_SECOND, moment_words, status

KIND = "consultation_"
OPENED, CLOSING, RESULTS = KIND + "opened", KIND + "closing", KIND + "results_published"
CLOSING_DAYS = 3
LOOK_BACK = timedelta(days=2)  # a job that did not run for a day still finds those that opened meanwhile
TTL_S = 3 * 24 * 3600


def every_quarter(deps):
    """Write the opened and closing events due now, each once (its mark in the head)."""
    now = deps.clock()
    whole = now.replace(microsecond=0)
    done = {"opened": 0, "closing": 0}
    for row in deps.consultations.opening("any", now - LOOK_BACK, whole + ONE_SECOND, 100):
        done["opened"] += _mark(deps, row.id, "opened", OPENED, now)
    for row in deps.consultations.closing("any", whole, now + timedelta(days=CLOSING_DAYS), 100):
        if status(row, now) == "open":
            done["closing"] += _mark(deps, row.id, "closing", CLOSING, now)
    return done


def _mark(deps, consultation_id, name, kind, now):
    from ...storage.forms.consultations import EditConflict
    consultation = deps.consultations.get(consultation_id)
    if consultation is None or (consultation.notices or {}).get(name):
        return 0
    consultation.notices = {**(consultation.notices or {}), name: stamp(now)}
    event = events.new_event(deps, kind, now, consultation_id=consultation_id)
    try:
        deps.consultations.save_head(consultation, consultation.version, event)
    except EditConflict:
        return 0  # changed meanwhile: the next run looks again
    return 1


def audience(deps, event):
    """The Audience of a consultation event (registered with the alerts in routes.py)."""
    consultation = deps.consultations.get((event.payload or {}).get("consultation_id") or "")
    if consultation is None:
        return None
    if event.kind == RESULTS:
        return Audience(lambda: ["respondents"], lambda row: True,
                        lambda person: _message(deps, event, consultation, person),
                        read_page=lambda body: read_page(deps, consultation, body))
    hears = (lambda alert: not _responded(deps, consultation, alert)) if event.kind == CLOSING else \
        (lambda alert: True)
    return Audience(lambda: followers_keys(deps, consultation), lambda row: True,
                    lambda alert: _message(deps, event, consultation, alert), hears=hears)


def followers_keys(deps, consultation):
    """The alert index keys of its wards' followers: ward alerts, the ward's broadcast topics it shares, and
    the ward's follows for its meetings (keyed by the ward's name, as agenda items are tagged): following a
    ward is one thing to a resident, whichever screen they followed it from. A resident with two of these
    follows on one address is told once (the fan-out claims each message per address)."""
    names = consultation.doc.get("areas")
    wards = [w for w in deps.wards.all() if names == COUNCIL or w.name in (names or [])]  # tens of wards
    topics = [t for t in consultation.doc.get("topics") or [] if t in TOPICS]
    return [key for w in wards for key in (ward_key("ward", w.id), meeting_key("ward", w.name),
                                           *(ward_key(f"topic#{t}#ward", w.id) for t in topics))]


def _responded(deps, consultation, alert):
    user_id = getattr(alert, "user_id", None)
    return bool(user_id) and deps.consultation_responses.get(consultation.id, f"u#{user_id}") is not None


@dataclass
class Recipient:
    """A respondent on one page, shaped as delivery.deliver_to takes alerts."""
    id: str
    channels: dict
    alert: object = None  # the alert whose push subscription this is
    pending: list = field(default_factory=list)
    created_at: datetime | None = None


def read_page(deps, consultation, body):
    """(recipients, the job for the next page or None): one Query of responses."""
    rows, after = deps.consultation_responses.page(consultation.id, body.get("after"), batching.PAGE_ROWS)
    emails = [q_id for q_id, kind in _question_types(consultation) if kind == "email"]
    people = []
    for row in rows:
        if row.follow_email:
            people.append(Recipient(id=f"{consultation.id}#{row.key}", channels={"email": row.follow_email}))
        if row.user_id:
            people += [Recipient(id=a.id, channels={"push": a.channels["push"]}, alert=a)
                       for a in deps.alerts.of_user(row.user_id)
                       if "push" in (a.channels or {}) and "push" not in (a.pending or [])]
        for q_id in emails:
            if isinstance(row.answers.get(q_id), str):
                people.append(Recipient(id=f"{consultation.id}#{row.key}#{q_id}",
                                        channels={"email": row.answers[q_id]}))
    return people, ({**body, "after": after} if after is not None else None)


def _question_types(consultation):
    return [(q["id"], q["type"]) for page in form_of(consultation.doc)["pages"] for q in page["questions"]]


def _message(deps, event, consultation, person):
    base = links_base(deps)
    title = consultation.doc.get("title")
    url = f"{base}/consultations/{consultation.id}"
    if event.kind == RESULTS:
        subject, said, url = wording.results_title(title), (consultation.results or {}).get("we_did", ""), \
            f"{url}/results"
    elif event.kind == CLOSING:
        subject, said = wording.closing_title(title), wording.closes(consultation.closes_at)
    else:
        subject, said = wording.opened_title(title), \
            wording.OPENED.format(overview=consultation.doc.get("overview", ""),
                                moment=moment_words(consultation.closes_at))
    out = {"event_id": event.id, "title": subject[:120], "body": said[:500], "url": url,
           "topic": f"{consultation.id.replace('-', '')}"[:24] + event.kind[-8:].replace("_", ""),
           "ttl": TTL_S, "urgency": "low"}
    alert = person.alert if isinstance(person, Recipient) else person
    if alert is not None:
        out.update(unsubscribe_links(base, alert))
    if isinstance(person, Recipient) and "email" in person.channels:
        out["notice"] = {"subject": subject, "text": f"{said}\n\nRead more: {url}\n"}
    return out
