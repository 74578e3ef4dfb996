"""A form sent handed on to the back office that acts on it, as effects of
the submission's own event (`form_submitted`), beside its case and its copy:

One effect, `forms.hand_on`, named for every form sent; the event says
which hand-ons the form has (`hand_on`, decided when it is sent), so a
form with none costs the effect's claim and settle and no read.

- revenues: a council tax form (`hand_on.to = "revenues"`) becomes
  a council tax request (handlers/revenues/requests.py: a move, the single
  person discount) on the resident's linked account, which the revenues
  queue sends to the back office with its retries for hours and its dead
  letter for staff (revenues/sending.py). Only for a signed-in resident whose
  link is to the account they named: a request is the linked person's own,
  as on the council tax screen. Otherwise, or when the back office would not
  take what was answered (a date outside its window), nothing is handed on
  and the case in the inbox is how the team acts, as before.
- webhook: a form naming its council system's address (`hand_on.to =
  "webhook"`, webhook.py) has its answers posted there, signed, through a
  queue in the outbox that tries for days, then shows it to staff
  (webhook_queue.py).
- team: a form naming its team's address (`receiving.email`) sends
  the answers there too, queued in the outbox under `form-team:<reference>`.

Each runs again safely: the request claims a key made from the reference in
the transaction that makes it; the e-mail is one outbox row by its id."""
import logging
from datetime import timedelta

from ... import ids
from . import wording
from .cases import answers_in_words, sent_with_definition

FINGERPRINT = "form-revenues"
log = logging.getLogger(__name__)


def on_submitted(deps, event, key):
    payload = event.payload or {}
    if "revenues" in (payload.get("hand_on") or ()):
        hand_to_revenues(deps, payload.get("submission_id"))
    if "team" in (payload.get("hand_on") or ()):
        send_to_team(deps, payload.get("submission_id"))
    if "webhook" in (payload.get("hand_on") or ()):
        from .webhook_queue import queue
        queue(deps, payload.get("submission_id"))


def hand_ons(definition):
    """Where a form sent is handed on besides its case: for its event's payload."""
    to = (definition.get("hand_on") or {}).get("to")
    return [*([to] if to in ("revenues", "webhook") else []),
            *(["team"] if (definition.get("receiving") or {}).get("email") else [])]


def request_key(submission_id):
    return ids.digest(f"form-revenues\n{submission_id}")


def hand_to_revenues(deps, submission_id):
    """The council tax request made from the form (its id), or None."""
    from ...errors import ValidationFailed
    from ...storage.errors import AlreadyExists
    from ...storage.records import IdempotencyRecord
    from ..revenues import references
    from ..revenues.request_checks import checked
    from ..revenues.requests import KIND, new_id
    from ..shared.effects import first_try
    from ..shared.events import new_event
    submission, definition = sent_with_definition(deps, submission_id)
    hand = (definition or {}).get("hand_on") or {}
    if hand.get("to") != "revenues" or not submission.user_id:
        return None
    names = hand["answers"]
    account = references.normalised(submission.answers.get(names["account"]))
    link = next((x for x in deps.revenue_links.links(submission.user_id) if x.account_ref == account), None)
    if link is None:
        return None
    now = deps.clock()
    try:
        kind, details = checked(request_body(hand["request"], names, submission.answers), now)
    except ValidationFailed as e:
        log.warning("form %s not handed to revenues: %s", submission.id, [f["field"] for f in e.fields or []])
        return None
    request = {"user_id": submission.user_id, "id": new_id(), "link_id": link.id, "account_ref": link.account_ref,
               "person_ref": link.person_ref, "kind": kind, "details": details, "state": "queued",
               "created_at": now, "email": submission.follow_email, "tries": 0}
    event = new_event(deps, KIND, now, user_id=submission.user_id, request_id=request["id"])
    claim = IdempotencyRecord(key=request_key(submission.id), fingerprint=FINGERPRINT, resource_id=request["id"],
                              created_at=now, expires=now + timedelta(days=definition.get("retention_days", 365)))
    try:
        deps.revenue_requests.create(request, event, claim)
    except AlreadyExists:
        return None  # an earlier run made it
    first_try(deps, [event])  # sent now when the back office is up; the revenues queue otherwise
    return request["id"]


def request_body(kind, names, answers):
    """The council tax request's body from the form's answers (request_checks checks it)."""
    if kind == "single_person_discount":
        return {"kind": kind, "action": "apply", "date": answers.get(names["date"])}
    within = answers.get(names["within"]) == "yes"
    place = answers.get(names["address" if within else "forwarding"]) or {}
    if "text" in place:
        address, postcode = place["text"], place.get("postcode")
    else:
        address = ", ".join(place.get(k) for k in ("line1", "line2", "town") if place.get(k))
        postcode = place.get("postcode")
    return {"kind": "move", "move": "within" if within else "out", "date": answers.get(names["date"]),
            **({"address": address} if address else {}), **({"postcode": postcode} if postcode else {})}


def send_to_team(deps, submission_id):
    from ...notify.email import queue_email
    submission, definition = sent_with_definition(deps, submission_id)
    address = ((definition or {}).get("receiving") or {}).get("email")
    if not address:
        return None
    return queue_email(address, wording.team_subject(definition["title"], submission.id),
                       answers_in_words(definition, submission), deps.clock(), f"form-team:{submission.id}")
