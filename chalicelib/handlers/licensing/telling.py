"""The decision told to the applicant and to everyone who made a
representation: an effect of the case's `licence_decided` event
(shared/effects.py), each mail kept in the outbox under an id made from the
case and the person (notify/email.queue_email), so an effect run again after
a crash sends each one once. The objectors are told by their own address;
neither side's mail names the other. The desk's other changes the applicant
must know of (a hearing set; the licence suspended, revoked or reinstated)
are told to the applicant alone, once per event."""

from ..shared.clock import date_words
from . import catalogue, wording


def on_decided(deps, event, key):
    tell_decision(deps, (event.payload or {}).get("case_id"))


def tell_decision(deps, case_id):
    """How many were told (queued now; one already queued counts once)."""
    from ...notify.email import queue_email
    case = deps.licensing.get(case_id)
    if case is None or not case.decision or case.decision.get("outcome") not in wording.OUTCOMES:
        return 0
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    premises = case.premises.get("name") or case.premises.get("address")
    outcome = wording.OUTCOMES[case.decision["outcome"]]
    subject = wording.DECIDED_SUBJECT.format(type=licence_type["name"], premises=premises, outcome=outcome)
    told, now = 0, deps.clock()
    appeal = _appeal(deps, case)
    if case.applicant.get("email"):
        body = wording.DECIDED_APPLICANT.format(reference=case.id, outcome=outcome, reasons=case.decision["reasons"],
                                                conditions=_conditions(case))
        if appeal and "applicant" in appeal["who"] and (case.decision["outcome"] == "refused" or case.conditions):
            body += _appeal_words(appeal)
        queue_email(case.applicant["email"], subject, body, now, f"licence-decided:{case.id}:applicant")
        told += 1
    for rep in deps.licensing.representations(case.id):
        email = (rep.contact or {}).get("email")
        if email:
            body = wording.DECIDED_OBJECTOR.format(premises=premises, reference=case.id, outcome=outcome,
                                                   reasons=case.decision["reasons"], conditions=_conditions(case))
            if appeal and "objectors" in appeal["who"] and case.decision["outcome"] != "refused" \
                    and rep.state == "relevant":
                body += _appeal_words(appeal)
            queue_email(email, subject, body, now, f"licence-decided:{case.id}:{rep.id}")
            told += 1
    return told


def _appeal(deps, case):
    """The appeal the law of the case's version gives (law.py: `appeal`), or None."""
    from ...stamps import london_today
    from . import law
    if case.received_at is None:
        return None
    return (law.version(deps.council.jurisdiction, case.regime, london_today(case.received_at)) or {}).get("appeal")


def _appeal_words(appeal):
    return wording.APPEAL.format(to=appeal["to"], days=appeal["days"], source=appeal["source"]) + (
        "" if appeal["checked"] else wording.APPEAL_NOT_CHECKED)


def _conditions(case):
    return "".join(f"- {c}\n" for c in case.conditions) or wording.NO_CONDITIONS


def on_changed(deps, event, key):
    tell_changed(deps, event)


def tell_changed(deps, event):
    """A hearing set, or a licence suspended, revoked or reinstated, told to the applicant alone (one mail per
    event, kept in the outbox under the event's id): the words say the day or the reasons, never who made a
    representation. Returns whether it was queued now."""
    from ...notify.email import queue_email
    payload = event.payload or {}
    case = deps.licensing.get(payload.get("case_id"))
    if case is None or not (case.applicant or {}).get("email"):
        return False
    licence_type = catalogue.find(catalogue.of_council(deps), case.type_id) or {"name": case.type_id}
    words = {"type": licence_type["name"], "premises": case.premises.get("name") or case.premises.get("address"),
             "reference": case.id}
    if event.kind == "licence_hearing_set":
        words["day"] = date_words(payload["day"])
        subject, body = wording.HEARING_SET_SUBJECT.format(**words), wording.HEARING_SET_BODY.format(**words)
    else:
        changed = wording.CHANGED[event.kind.removeprefix("licence_")]
        history = (case.licence or {}).get("history") or []
        change = payload.get("change") or len(history)  # this event's own change, whatever followed it
        reasons = history[change - 1].get("reasons") if 0 < change <= len(history) else ""
        words.update(number=(case.licence or {}).get("number"), changed=changed, reasons=reasons)
        subject = wording.LICENCE_CHANGED_SUBJECT.format(**words)
        body = wording.LICENCE_CHANGED_BODY.format(**words)
    return queue_email(case.applicant["email"], subject, body, deps.clock(),
                       f"licence-{event.kind.removeprefix('licence_')}:{case.id}:{event.id}") is not None
